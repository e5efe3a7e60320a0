import { Code, Group, Stack, Table, Text } from "@mantine/core";
import { TextInput } from "../../shared/inputs";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LoadMore } from "../../shared/layout/LoadMore";
import { QueryState } from "../../shared/feedback/QueryState";
import { ScrollTable } from "../../shared/layout/ScrollTable";
import { formatDateTime } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import { usePlatformAudit } from "./api";

/** Every change on the platform (append-only), newest first, filtered by object type and action. */
export function AuditTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const [entityType, setEntityType] = useState("");
  const [action, setAction] = useState("");
  const [debouncedType] = useDebouncedValue(entityType.trim(), 300);
  const [debouncedAction] = useDebouncedValue(action.trim(), 300);
  const list = usePlatformAudit({ entityType: debouncedType, action: debouncedAction });
  return (
    <Stack gap="md">
      <Group align="flex-end" role="search">
        <TextInput
          label={t("admin.audit.entityType")}
          description={t("admin.audit.entityTypeHint")}
          dir="ltr"
          value={entityType}
          onChange={(e) => setEntityType(e.currentTarget.value)}
        />
        <TextInput
          label={t("admin.audit.action")}
          description={t("admin.audit.actionHint")}
          dir="ltr"
          value={action}
          onChange={(e) => setAction(e.currentTarget.value)}
        />
      </Group>
      <QueryState
        query={{ ...list, data: list.data ? list.items : undefined }}
        isEmpty={(items) => items.length === 0}
        empty={t("audit.empty")}
      >
        {(items) => (
          <>
            <ScrollTable label={t("admin.tabs.audit")} minWidth={760}>
              <Table striped verticalSpacing="xs" data-testid="platform-audit">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("audit.when")}</Table.Th>
                    <Table.Th scope="col">{t("audit.action")}</Table.Th>
                    <Table.Th scope="col">{t("audit.entity")}</Table.Th>
                    <Table.Th scope="col">{t("admin.audit.actor")}</Table.Th>
                    <Table.Th scope="col">{t("audit.changes")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((event) => (
                    <Table.Tr key={event.id}>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(event.created_at, null, lang)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Code>{event.action}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Code>{event.entity_type}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" dir="ltr" ff="monospace">
                          {event.actor_user_id
                            ? event.actor_user_id.slice(0, 8)
                            : t("admin.audit.system")}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" dir="ltr">
                          {Object.keys(event.changes).join(", ") || "—"}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <LoadMore {...list} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
