import { Badge, Group, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EnumBadge } from "../../shared/enums/EnumBadge";
import { formatDate } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import { MutationError } from "../../shared/feedback/MutationError";
import { ACTION_STATUSES, useUpdateActionItemStatus, type ActionItem } from "./api";

/** One action item: title, owner, due date (overdue flagged), and its status — changeable if allowed. */
export function ActionItemRow({
  item,
  canUpdate,
  context,
}: {
  item: ActionItem;
  canUpdate: boolean;
  /** A line above the title, e.g. the roundtable. */
  context?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const update = useUpdateActionItemStatus();
  return (
    <Stack gap={4} py="xs" data-testid="action-item">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          {context && (
            <Text size="xs" c="dimmed">
              {context}
            </Text>
          )}
          <Text size="sm" fw={500} dir="auto">
            {item.title}
          </Text>
          <Text size="xs" c="dimmed">
            {t("actionItem.owner", { name: item.owner_name })}
            {item.due_date
              ? ` · ${t("actionItem.due", { date: formatDate(item.due_date, lang) })}`
              : ""}
          </Text>
        </Stack>
        <Group gap={6} wrap="nowrap">
          {item.overdue && (
            <Badge color="red" variant="filled">
              {t("actionItem.overdue")}
            </Badge>
          )}
          {canUpdate ? (
            <Select
              size="xs"
              w={140}
              aria-label={t("actionItem.statusOf", { title: item.title })}
              allowDeselect={false}
              value={item.status}
              disabled={update.isPending}
              onChange={(value) =>
                value &&
                value !== item.status &&
                update.mutate({ item, status: value as ActionItem["status"] })
              }
              data={ACTION_STATUSES.map((s) => ({
                value: s,
                label: t(`enums.ActionItemStatus.${s}`),
              }))}
            />
          ) : (
            <EnumBadge name="ActionItemStatus" value={item.status} />
          )}
        </Group>
      </Group>
      <MutationError error={update.error} />
    </Stack>
  );
}
