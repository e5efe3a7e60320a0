import { Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EnumBadge } from "../../shared/enums/EnumBadge";
import { formatDateTime } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import type { Decision } from "./api";

/** The decision's path through its statuses, oldest first. */
export function DecisionHistory({
  history,
  myUserId,
}: {
  history: Decision["history"];
  myUserId?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  if (history.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("decision.noHistory")}
      </Text>
    );
  return (
    <Timeline
      active={history.length - 1}
      bulletSize={14}
      lineWidth={2}
      data-testid="decision-history"
    >
      {history.map((event, index) => (
        <Timeline.Item
          key={`${event.created_at}-${index}`}
          title={<EnumBadge name="DecisionStatus" value={event.to_status} />}
        >
          <Text size="xs" c="dimmed">
            {formatDateTime(event.created_at, null, lang)}
            {event.actor_user_id && event.actor_user_id === myUserId
              ? ` · ${t("decision.byYou")}`
              : ""}
          </Text>
          {event.from_status && (
            <Text size="xs" c="dimmed">
              {t("decision.fromStatus", { status: t(`enums.DecisionStatus.${event.from_status}`) })}
            </Text>
          )}
          {event.note && (
            <Text size="sm" dir="auto" style={{ whiteSpace: "pre-line" }}>
              {event.note}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
