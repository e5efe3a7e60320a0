import { Anchor, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EnumBadge } from "../../shared/enums/EnumBadge";
import { LoadMore } from "../../shared/layout/LoadMore";
import { QueryState } from "../../shared/feedback/QueryState";
import { formatDay } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import { useSignedIn } from "../../shared/session/useSignedIn";
import { useDecisions, type DecisionStatus } from "./api";

/** Decisions of one roundtable (or all I may see), each linking to its page (the public one when signed out). */
export function DecisionList({
  roundtableId,
  status,
  empty,
}: {
  roundtableId?: string;
  status?: DecisionStatus[];
  empty?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const signedIn = useSignedIn();
  const list = useDecisions({ roundtableId, status });
  return (
    <QueryState
      query={{ ...list, data: list.data ? list.items : undefined }}
      isEmpty={(items) => items.length === 0}
      empty={empty ?? t("decision.empty")}
    >
      {(items) => (
        <Stack gap="xs">
          <Stack gap={0} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {items.map((decision) => (
              <li
                key={decision.id}
                style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
              >
                <Group justify="space-between" py="xs" wrap="nowrap" align="flex-start">
                  <Stack gap={0}>
                    <Anchor
                      component={Link}
                      to={`${signedIn ? "" : "/public"}/decisions/${decision.id}`}
                      size="sm"
                      fw={500}
                      dir="auto"
                    >
                      {decision.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`enums.DecisionKind.${decision.kind}`)}
                      {decision.adopted_at
                        ? ` · ${t("decision.adoptedOn", {
                            date: formatDay(decision.adopted_at, null, lang),
                          })}`
                        : ""}
                    </Text>
                  </Stack>
                  <EnumBadge name="DecisionStatus" value={decision.status} />
                </Group>
              </li>
            ))}
          </Stack>
          <LoadMore {...list} />
        </Stack>
      )}
    </QueryState>
  );
}
