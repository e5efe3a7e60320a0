/** A unified diff (as the API sends it) read into lines with their numbers on each side. */
export type DiffLineKind = "add" | "del" | "context" | "hunk";

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
  oldNumber: number | null;
  newNumber: number | null;
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function parseUnifiedDiff(diff: string): DiffLine[] {
  const lines: DiffLine[] = [];
  let oldNo = 0;
  let newNo = 0;
  let inHunk = false;
  for (const raw of diff.split("\n")) {
    if (!inHunk && (raw.startsWith("--- ") || raw.startsWith("+++ "))) continue; // file headers
    const hunk = HUNK.exec(raw);
    if (hunk) {
      inHunk = true;
      oldNo = Number(hunk[1]);
      newNo = Number(hunk[2]);
      lines.push({ kind: "hunk", text: raw, oldNumber: null, newNumber: null });
      continue;
    }
    if (!inHunk) continue;
    if (raw.startsWith("+"))
      lines.push({ kind: "add", text: raw.slice(1), oldNumber: null, newNumber: newNo++ });
    else if (raw.startsWith("-"))
      lines.push({ kind: "del", text: raw.slice(1), oldNumber: oldNo++, newNumber: null });
    else if (raw.startsWith(" "))
      lines.push({ kind: "context", text: raw.slice(1), oldNumber: oldNo++, newNumber: newNo++ });
    else if (raw.startsWith("\\"))
      continue; // "\ No newline at end of file"
    else if (raw === "") continue; // the diff's final newline
  }
  return lines;
}

/** How many lines were added and removed. */
export function diffStats(lines: DiffLine[]): { added: number; removed: number } {
  return {
    added: lines.filter((l) => l.kind === "add").length,
    removed: lines.filter((l) => l.kind === "del").length,
  };
}
