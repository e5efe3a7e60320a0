import { Code, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LoadMore } from "../../shared/layout/LoadMore";
import { QueryState } from "../../shared/feedback/QueryState";
import { formatDateTime } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import { useRoundtableAudit } from "./api";
import { ScrollTable } from "../../shared/layout/ScrollTable";

/** The roundtable's audit trail (only offered with audit:view). */
export function AuditList({ roundtableId }: { roundtableId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useRoundtableAudit(roundtableId, true);
  return (
    <QueryState
      query={{ ...list, data: list.data ? list.items : undefined }}
      isEmpty={(items) => items.length === 0}
      empty={t("audit.empty")}
    >
      {(items) => (
        <>
          <ScrollTable label={t("roundtable.tabs.audit")} minWidth={560}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("audit.when")}</Table.Th>
                  <Table.Th scope="col">{t("audit.action")}</Table.Th>
                  <Table.Th scope="col">{t("audit.entity")}</Table.Th>
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
  );
}
