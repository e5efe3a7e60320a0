export type DiffLineKind = "added" | "removed" | "context" | "hunk" | "file" | "meta";

export interface DiffLine {
  kind: DiffLineKind;
  /** The line's text without its +/-/space marker. */
  text: string;
}

/** A unified diff (as GET /minutes/{id}/diff returns it), line by line, each with its kind. */
export function parseUnifiedDiff(diff: string): DiffLine[] {
  const lines = diff.split("\n");
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  let inHunk = false;
  return lines.map((line): DiffLine => {
    if (line.startsWith("@@")) {
      inHunk = true;
      return { kind: "hunk", text: line };
    }
    // "--- revision 1" / "+++ revision 2" head the diff; inside a hunk they are changed lines.
    if (!inHunk && (line.startsWith("+++") || line.startsWith("---")))
      return { kind: "file", text: line };
    if (line.startsWith("+")) return { kind: "added", text: line.slice(1) };
    if (line.startsWith("-")) return { kind: "removed", text: line.slice(1) };
    if (line.startsWith("\\")) return { kind: "meta", text: line };
    return { kind: "context", text: line.startsWith(" ") ? line.slice(1) : line };
  });
}
