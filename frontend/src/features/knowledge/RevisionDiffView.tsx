import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DiffView } from "../../shared/diff";
import type { RevisionDiff } from "./api";

/** What changed between two revisions of a knowledge item: title, summary and body, line by line. */
export function RevisionDiffView({ diff }: { diff: RevisionDiff }) {
  const { t } = useTranslation();
  if (!diff.title && !diff.summary && !diff.body)
    return (
      <Text size="sm" c="dimmed">
        {t("revisionDiff.noChanges")}
      </Text>
    );
  return (
    <Stack gap="md" data-testid="diff-view">
      <DiffView label={t("knowledge.fields.title")} diff={diff.title} />
      <DiffView label={t("knowledge.fields.summary")} diff={diff.summary} />
      <DiffView label={t("knowledge.fields.body")} diff={diff.body} />
    </Stack>
  );
}
