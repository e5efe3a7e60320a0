import { Badge, Group, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useId, useMemo, type CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "../layout/ScrollTable";
import { diffStats, parseUnifiedDiff, type DiffLine } from "./parseDiff";

// Dark text on light green/red: colour is a cue, never the only one (each line also says its kind).
const ROW_STYLE: Record<DiffLine["kind"], CSSProperties | undefined> = {
  added: { background: "#dafbe1", color: "#0a3a17" },
  removed: { background: "#ffebe9", color: "#5c0b0b" },
  hunk: { background: "var(--mantine-color-gray-1)", color: "var(--mantine-color-gray-8)" },
  context: undefined,
};
const MARKER: Record<DiffLine["kind"], string> = {
  added: "+",
  removed: "−",
  hunk: "",
  context: "",
};
const PRE: CSSProperties = { whiteSpace: "pre-wrap", textDecoration: "none" };

/**
 * The one view of a unified diff: a table of lines with their numbers before and after, added lines
 * as <ins>, removed as <del>, and for screen readers each changed line is *said* to be added or
 * removed. `label` names what changed (a heading, the caption and the scroll region); nothing is
 * shown when the diff has no lines.
 */
export function DiffView({
  diff,
  label,
  oldLastLine,
  headingOrder = 3,
}: {
  diff: string;
  label: string;
  /** The old text's last line, to split the API's merged last line (see parseUnifiedDiff). */
  oldLastLine?: string;
  headingOrder?: 2 | 3 | 4 | 5;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  const lines = useMemo(() => parseUnifiedDiff(diff, oldLastLine), [diff, oldLastLine]);
  if (lines.length === 0) return null;
  const stats = diffStats(lines);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Title order={headingOrder} size="h5">
          {label}
        </Title>
        <Badge color="green" variant="light">
          {t("diff.added", { count: stats.added })}
        </Badge>
        <Badge color="red" variant="light">
          {t("diff.removed", { count: stats.removed })}
        </Badge>
      </Group>
      <ScrollTable label={t("diff.tableLabel", { part: label })} minWidth={480}>
        <Table
          verticalSpacing={2}
          horizontalSpacing="xs"
          aria-describedby={captionId}
          data-testid="diff"
          style={{ fontSize: "var(--mantine-font-size-sm)" }}
        >
          <Table.Caption id={captionId}>{t("diff.caption", { part: label })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={48}>
                {t("diff.oldLine")}
              </Table.Th>
              <Table.Th scope="col" w={48}>
                {t("diff.newLine")}
              </Table.Th>
              <Table.Th scope="col" w={32}>
                <VisuallyHidden>{t("diff.change")}</VisuallyHidden>
              </Table.Th>
              <Table.Th scope="col">{t("diff.text")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, i) => (
              <Table.Tr key={i} data-kind={line.kind} style={ROW_STYLE[line.kind]}>
                <Table.Td>{line.oldNumber ?? ""}</Table.Td>
                <Table.Td>{line.newNumber ?? ""}</Table.Td>
                <Table.Td fw={700}>
                  {line.kind === "added" && <VisuallyHidden>{t("diff.addedLine")}</VisuallyHidden>}
                  {line.kind === "removed" && (
                    <VisuallyHidden>{t("diff.removedLine")}</VisuallyHidden>
                  )}
                  <span aria-hidden>{MARKER[line.kind]}</span>
                </Table.Td>
                <Table.Td>
                  {line.kind === "hunk" ? (
                    <Text size="xs" dir="ltr" ff="monospace">
                      <VisuallyHidden>{t("diff.hunk")}</VisuallyHidden>
                      <span aria-hidden>{line.text}</span>
                    </Text>
                  ) : line.kind === "removed" ? (
                    <del dir="auto" style={PRE}>
                      {line.text || " "}
                    </del>
                  ) : line.kind === "added" ? (
                    <ins dir="auto" style={PRE}>
                      {line.text || " "}
                    </ins>
                  ) : (
                    <span dir="auto" style={PRE}>
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
