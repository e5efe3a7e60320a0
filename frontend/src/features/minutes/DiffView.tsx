import { Box, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { parseUnifiedDiff } from "./diff";
import classes from "./minutes.module.css";

/**
 * A unified diff, line by line: added lines green with "+", removed red with "−", and for screen
 * readers each changed line is also *said* to be added or removed (colour is never the only cue).
 */
export function DiffView({
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
  const lines = parseUnifiedDiff(diff, oldLastLine).filter((l) => l.kind !== "file");
  const added = lines.filter((l) => l.kind === "added").length;
  const removed = lines.filter((l) => l.kind === "removed").length;
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("minutesPage.diff.same", { from, to })}
      </Text>
    );
  return (
    <Box>
      <Text size="sm" mb={4} id="diff-summary">
        {t("minutesPage.diff.summary", { from, to, added, removed })}
      </Text>
      <div className={classes.diff} role="list" aria-describedby="diff-summary" data-testid="diff">
        {lines.map((line, i) => (
          <div key={i} role="listitem" className={classes.diffLine} data-kind={line.kind}>
            {line.kind === "added" || line.kind === "removed" ? (
              <>
                <VisuallyHidden>{t(`minutesPage.diff.${line.kind}`)}</VisuallyHidden>
                <span aria-hidden className={classes.sign}>
                  {line.kind === "added" ? "+" : "−"}
                </span>
              </>
            ) : (
              <span aria-hidden className={classes.sign}>
                {" "}
              </span>
            )}
            {line.kind === "hunk" ? (
              <span className={classes.hunk}>
                <VisuallyHidden>{t("minutesPage.diff.hunk")}</VisuallyHidden>
                <span aria-hidden>{line.text}</span>
              </span>
            ) : (
              <span dir="auto" className={classes.text}>
                {line.text || " "}
              </span>
            )}
          </div>
        ))}
      </div>
    </Box>
  );
}
