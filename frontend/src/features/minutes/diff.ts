export type DiffLineKind = "added" | "removed" | "context" | "hunk" | "file" | "meta";

export interface DiffLine {
  kind: DiffLineKind;
  /** The line's text without its +/-/space marker. */
  text: string;
}

/**
 * A unified diff (as GET /minutes/{id}/diff returns it), line by line, each with its kind.
 *
 * The API strips the texts' final newline and builds the diff with difflib over lines that keep
 * their endings, so the old text's last line, when removed, runs into the first added line:
 * "-last line+new line". Given that last line (`oldLastLine`), such a line is split in two again.
 */
export function parseUnifiedDiff(diff: string, oldLastLine?: string): DiffLine[] {
  const lines = diff.split("\n");
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  let inHunk = false;
  const out: DiffLine[] = [];
  const merged = oldLastLine !== undefined ? `-${oldLastLine}+` : null;
  for (const line of lines) {
    if (inHunk && merged && line.startsWith(merged) && line.length > merged.length) {
      out.push({ kind: "removed", text: oldLastLine! });
      out.push({ kind: "added", text: line.slice(merged.length) });
      continue;
    }
    out.push(classify(line));
    if (line.startsWith("@@")) inHunk = true;
  }
  return out;

  function classify(line: string): DiffLine {
    if (line.startsWith("@@")) return { kind: "hunk", text: line };
    // "--- revision 1" / "+++ revision 2" head the diff; inside a hunk they are changed lines.
    if (!inHunk && (line.startsWith("+++") || line.startsWith("---")))
      return { kind: "file", text: line };
    if (line.startsWith("+")) return { kind: "added", text: line.slice(1) };
    if (line.startsWith("-")) return { kind: "removed", text: line.slice(1) };
    if (line.startsWith("\\")) return { kind: "meta", text: line };
    return { kind: "context", text: line.startsWith(" ") ? line.slice(1) : line };
  }
}

/** The last line of a text, as Python's splitlines() would give it. */
export function lastLine(text: string): string {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines[lines.length - 1] ?? "";
}
