import { describe, expect, it } from "vitest";
import { diffStats, lastLine, parseUnifiedDiff } from ".";

const KNOWLEDGE = [
  "--- body@1",
  "+++ body@2",
  "@@ -1,4 +1,5 @@",
  " ## רקע",
  " ",
  "-שורה שנייה.",
  "+שורה שנייה, מתוקנת.",
  " ## המלצות",
  "+- למדוד",
  "\\ No newline at end of file",
  "",
].join("\n");

describe("parseUnifiedDiff (one reader for knowledge and minutes diffs)", () => {
  it("reads a unified diff into numbered lines", () => {
    const lines = parseUnifiedDiff(KNOWLEDGE);
    expect(lines.map((l) => [l.kind, l.oldNumber, l.newNumber, l.text])).toEqual([
      ["hunk", null, null, "@@ -1,4 +1,5 @@"],
      ["context", 1, 1, "## רקע"],
      ["context", 2, 2, ""],
      ["removed", 3, null, "שורה שנייה."],
      ["added", null, 3, "שורה שנייה, מתוקנת."],
      ["context", 4, 4, "## המלצות"],
      ["added", null, 5, "- למדוד"],
    ]);
    expect(diffStats(lines)).toEqual({ added: 2, removed: 1 });
    expect(parseUnifiedDiff("")).toEqual([]);
  });

  it("takes file headers only before the first hunk", () => {
    const lines = parseUnifiedDiff("--- a\n+++ b\n@@ -1 +1,2 @@\n x\n+--- dashes\n");
    expect(lines.map((l) => [l.kind, l.text])).toEqual([
      ["hunk", "@@ -1 +1,2 @@"],
      ["context", "x"],
      ["added", "--- dashes"],
    ]);
  });

  it("splits the API's merged last line ('-old+new', texts without a final newline) again", () => {
    const merged =
      "--- revision 1\n+++ revision 2\n@@ -1,3 +1,3 @@\n One.\n \n-Two + two.+Two + two, soon.";
    expect(parseUnifiedDiff(merged, lastLine("One.\n\nTwo + two.")).slice(-2)).toEqual([
      { kind: "removed", text: "Two + two.", oldNumber: 3, newNumber: null },
      { kind: "added", text: "Two + two, soon.", oldNumber: null, newNumber: 3 },
    ]);
    // Without the old text's last line the line is left as the API sent it.
    expect(parseUnifiedDiff(merged).slice(-1)).toMatchObject([
      { kind: "removed", text: "Two + two.+Two + two, soon." },
    ]);
    expect(lastLine("a\nb\n")).toBe("b");
  });
});
