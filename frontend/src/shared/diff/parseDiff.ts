/** The one reader of the unified diffs the API sends (knowledge revisions, minutes revisions). */
export type DiffLineKind = "added" | "removed" | "context" | "hunk";

export interface DiffLine {
  kind: DiffLineKind;
  /** The line's text without its +/-/space marker (a hunk header is kept whole). */
  text: string;
  oldNumber: number | null;
  newNumber: number | null;
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * A unified diff (difflib's, as the API writes it) read into lines with their kinds and their
 * numbers on each side. File headers ("--- a", "+++ b") count only before the first hunk — inside
 * a hunk they are changed lines that begin with dashes — and "\ No newline" notes are skipped.
 *
 * The API strips the texts' final newline and builds the diff over lines that keep their endings,
 * so the old text's last line, when changed, runs into the first added line: "-last line+new
 * line". Given that last line (`oldLastLine`, see `lastLine`), such a line is split in two again.
 */
export function parseUnifiedDiff(diff: string, oldLastLine?: string): DiffLine[] {
  const out: DiffLine[] = [];
  const merged = oldLastLine !== undefined ? `-${oldLastLine}+` : null;
  let oldNo = 0;
  let newNo = 0;
  let inHunk = false;
  const raws = diff.split("\n");
  if (raws.length && raws[raws.length - 1] === "") raws.pop(); // the diff's final newline
  for (const raw of raws) {
    const hunk = HUNK.exec(raw);
    if (hunk) {
      inHunk = true;
      oldNo = Number(hunk[1]);
      newNo = Number(hunk[2]);
      out.push({ kind: "hunk", text: raw, oldNumber: null, newNumber: null });
      continue;
    }
    if (!inHunk) continue; // file headers
    if (merged && raw.startsWith(merged) && raw.length > merged.length) {
      out.push({ kind: "removed", text: oldLastLine!, oldNumber: oldNo++, newNumber: null });
      out.push({
        kind: "added",
        text: raw.slice(merged.length),
        oldNumber: null,
        newNumber: newNo++,
      });
    } else if (raw.startsWith("+"))
      out.push({ kind: "added", text: raw.slice(1), oldNumber: null, newNumber: newNo++ });
    else if (raw.startsWith("-"))
      out.push({ kind: "removed", text: raw.slice(1), oldNumber: oldNo++, newNumber: null });
    else if (raw.startsWith("\\"))
      continue; // "\ No newline at end of file"
    else
      out.push({
        kind: "context",
        text: raw.startsWith(" ") ? raw.slice(1) : raw,
        oldNumber: oldNo++,
        newNumber: newNo++,
      });
  }
  return out;
}

/** How many lines were added and removed. */
export function diffStats(lines: DiffLine[]): { added: number; removed: number } {
  return {
    added: lines.filter((l) => l.kind === "added").length,
    removed: lines.filter((l) => l.kind === "removed").length,
  };
}

/** The last line of a text, as Python's splitlines() would give it. */
export function lastLine(text: string): string {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines[lines.length - 1] ?? "";
}
