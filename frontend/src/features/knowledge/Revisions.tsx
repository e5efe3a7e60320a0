import { Group, Select, Stack, Table, Text } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../shared/feedback/QueryState";
import { ScrollTable } from "../../shared/layout/ScrollTable";
import { formatDateTime } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import { useDiff, useRevisions } from "./api";
import { RevisionDiffView } from "./RevisionDiffView";

function Diff({ itemId, from, to }: { itemId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const diff = useDiff(itemId, from, to);
  if (from === to)
    return (
      <Text size="sm" c="dimmed">
        {t("revisionDiff.pickTwo")}
      </Text>
    );
  return <QueryState query={diff}>{(data) => <RevisionDiffView diff={data} />}</QueryState>;
}

/** Every edit of an item is kept: the list, and what changed between any two. */
export function Revisions({ itemId, current }: { itemId: string; current: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const revisions = useRevisions(itemId);
  const captionId = useId();
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const fromValue = from ?? Math.max(1, current - 1);
  const toValue = to ?? current;
  return (
    <QueryState
      query={{ ...revisions, data: revisions.data ? revisions.items : undefined }}
      isEmpty={(items) => items.length === 0}
      empty={t("revisions.empty")}
    >
      {(items) => {
        const options = items.map((r) => ({
          value: String(r.number),
          label: t("revisions.number", { number: r.number }),
        }));
        return (
          <Stack gap="md">
            <ScrollTable label={t("revisions.title")} minWidth={420}>
              <Table aria-describedby={captionId} data-testid="revisions-table">
                <Table.Caption id={captionId}>
                  {t("revisions.caption", { count: items.length })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("revisions.revision")}</Table.Th>
                    <Table.Th scope="col">{t("revisions.titleColumn")}</Table.Th>
                    <Table.Th scope="col">{t("revisions.when")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((r) => (
                    <Table.Tr key={r.number}>
                      <Table.Td>{r.number}</Table.Td>
                      <Table.Td dir="auto">{r.title}</Table.Td>
                      <Table.Td>{formatDateTime(r.created_at, null, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {items.length > 1 ? (
              <>
                <Group gap="sm" align="flex-end">
                  <Select
                    label={t("revisionDiff.from")}
                    allowDeselect={false}
                    value={String(fromValue)}
                    onChange={(v) => v && setFrom(Number(v))}
                    data={options}
                    w={160}
                  />
                  <Select
                    label={t("revisionDiff.to")}
                    allowDeselect={false}
                    value={String(toValue)}
                    onChange={(v) => v && setTo(Number(v))}
                    data={options}
                    w={160}
                  />
                </Group>
                <Diff itemId={itemId} from={fromValue} to={toValue} />
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t("revisions.onlyOne")}
              </Text>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
