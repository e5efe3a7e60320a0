import { Badge, Group, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../shared/layout/ScrollTable";
import type { RevisionDiff } from "./api";
import { diffStats, parseUnifiedDiff, type DiffLine } from "./diff";

const BACKGROUND: Record<DiffLine["kind"], string | undefined> = {
  add: "var(--mantine-color-green-0)",
  del: "var(--mantine-color-red-0)",
  hunk: "var(--mantine-color-gray-0)",
  context: undefined,
};
const MARKER: Record<DiffLine["kind"], string> = { add: "+", del: "−", hunk: "", context: "" };

function DiffTable({ label, diff }: { label: string; diff: string }) {
  const { t } = useTranslation();
  const captionId = useId();
  const lines = useMemo(() => parseUnifiedDiff(diff), [diff]);
  const stats = diffStats(lines);
  if (lines.length === 0) return null;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Title order={3} size="h5">
          {label}
        </Title>
        <Badge color="green" variant="light">
          {t("revisionDiff.added", { count: stats.added })}
        </Badge>
        <Badge color="red" variant="light">
          {t("revisionDiff.removed", { count: stats.removed })}
        </Badge>
      </Group>
      <ScrollTable label={t("revisionDiff.tableLabel", { part: label })} minWidth={480}>
        <Table
          verticalSpacing={2}
          horizontalSpacing="xs"
          aria-describedby={captionId}
          data-testid="diff-table"
          style={{ fontSize: "var(--mantine-font-size-sm)" }}
        >
          <Table.Caption id={captionId}>{t("revisionDiff.caption", { part: label })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={48}>
                {t("revisionDiff.oldLine")}
              </Table.Th>
              <Table.Th scope="col" w={48}>
                {t("revisionDiff.newLine")}
              </Table.Th>
              <Table.Th scope="col" w={32}>
                <VisuallyHidden>{t("revisionDiff.change")}</VisuallyHidden>
              </Table.Th>
              <Table.Th scope="col">{t("revisionDiff.text")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, i) => (
              <Table.Tr key={i} data-kind={line.kind} style={{ background: BACKGROUND[line.kind] }}>
                <Table.Td c="dimmed">{line.oldNumber ?? ""}</Table.Td>
                <Table.Td c="dimmed">{line.newNumber ?? ""}</Table.Td>
                <Table.Td fw={700}>
                  <span aria-hidden>{MARKER[line.kind]}</span>
                  {line.kind === "add" && (
                    <VisuallyHidden>{t("revisionDiff.addedLine")}</VisuallyHidden>
                  )}
                  {line.kind === "del" && (
                    <VisuallyHidden>{t("revisionDiff.removedLine")}</VisuallyHidden>
                  )}
                </Table.Td>
                <Table.Td>
                  {line.kind === "hunk" ? (
                    <Text size="xs" c="dimmed" dir="ltr" ff="monospace">
                      {line.text}
                    </Text>
                  ) : line.kind === "del" ? (
                    <del dir="auto" style={{ whiteSpace: "pre-wrap", textDecoration: "none" }}>
                      {line.text || " "}
                    </del>
                  ) : line.kind === "add" ? (
                    <ins dir="auto" style={{ whiteSpace: "pre-wrap", textDecoration: "none" }}>
                      {line.text || " "}
                    </ins>
                  ) : (
                    <span dir="auto" style={{ whiteSpace: "pre-wrap" }}>
                      {line.text || " "}
                    </span>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

/** What changed between two revisions: title, summary and body, line by line. */
export function DiffView({ diff }: { diff: RevisionDiff }) {
  const { t } = useTranslation();
  const same = !diff.title && !diff.summary && !diff.body;
  if (same)
    return (
      <Text size="sm" c="dimmed">
        {t("revisionDiff.noChanges")}
      </Text>
    );
  return (
    <Stack gap="md" data-testid="diff-view">
      <DiffTable label={t("knowledge.fields.title")} diff={diff.title} />
      <DiffTable label={t("knowledge.fields.summary")} diff={diff.summary} />
      <DiffTable label={t("knowledge.fields.body")} diff={diff.body} />
    </Stack>
  );
}
