import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { diffStats, DiffView, parseUnifiedDiff } from "../../shared/diff";

/** The minutes' text between two revisions (the shared diff view, named by the revisions). */
export function MinutesDiff({
  diff,
  from,
  to,
  oldLastLine,
}: {
  diff: string;
  from: number;
  to: number;
  /** The last line of revision `from` (see parseUnifiedDiff). */
  oldLastLine?: string;
}) {
  const { t } = useTranslation();
  const { added, removed } = diffStats(parseUnifiedDiff(diff, oldLastLine));
  if (!diff.includes("@@"))
    return (
      <Text size="sm" c="dimmed">
        {t("minutesPage.diff.same", { from, to })}
      </Text>
    );
  return (
    <DiffView
      diff={diff}
      oldLastLine={oldLastLine}
      headingOrder={4}
      label={t("minutesPage.diff.summary", { from, to, added, removed })}
    />
  );
}
