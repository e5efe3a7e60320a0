import { cleanup, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { initI18n, setLanguage } from "../../i18n";
import { renderApp } from "../../test/render";
import { lastLine, parseUnifiedDiff } from "./diff";
import { DiffView } from "./DiffView";
import { splitParagraphs } from "./paragraphs";

// As difflib.unified_diff writes it (GET /minutes/{id}/diff).
const DIFF = [
  "--- revision 1",
  "+++ revision 2",
  "@@ -1,3 +1,3 @@",
  " פסקה ראשונה.",
  "-הוחלט לקדם.",
  "+הוחלט לקדם תוכנית תעסוקה.",
  "+--- a new line that starts with dashes",
  "",
].join("\n");

beforeEach(async () => {
  initI18n("en");
  await setLanguage("en");
});
afterEach(async () => {
  cleanup();
  await setLanguage("he");
});

describe("unified diff", () => {
  it("parses lines into kinds, file headers only before the first hunk", () => {
    expect(parseUnifiedDiff(DIFF).map((l) => l.kind)).toEqual([
      "file",
      "file",
      "hunk",
      "context",
      "removed",
      "added",
      "added",
    ]);
    expect(parseUnifiedDiff(DIFF)[6].text).toBe("--- a new line that starts with dashes");
  });

  it("splits the API's merged last line ('-old+new', texts without a final newline) again", () => {
    const merged =
      "--- revision 1\n+++ revision 2\n@@ -1,3 +1,3 @@\n One.\n \n-Two + two.+Two + two, soon.";
    expect(parseUnifiedDiff(merged, lastLine("One.\n\nTwo + two.")).slice(-2)).toEqual([
      { kind: "removed", text: "Two + two." },
      { kind: "added", text: "Two + two, soon." },
    ]);
    // Without the old text's last line the line is left as the API sent it.
    expect(parseUnifiedDiff(merged).slice(-1)).toEqual([
      { kind: "removed", text: "Two + two.+Two + two, soon." },
    ]);
    expect(lastLine("a\nb\n")).toBe("b");
  });

  it("renders added and removed lines coloured, signed and labelled for screen readers", () => {
    renderApp(<DiffView diff={DIFF} from={1} to={2} />);
    expect(screen.getByText("Revision 1 → 2: 2 lines added, 1 removed")).toBeInTheDocument();
    const lines = screen.getAllByRole("listitem");
    expect(lines.map((l) => l.getAttribute("data-kind"))).toEqual([
      "hunk",
      "context",
      "removed",
      "added",
      "added",
    ]);
    expect(lines[2]).toHaveTextContent("Removed line:−הוחלט לקדם.");
    expect(lines[3]).toHaveTextContent("Added line:+הוחלט לקדם תוכנית תעסוקה.");
    // The +/− signs are decoration; the words are what a screen reader says.
    expect(lines[3].querySelector("[aria-hidden]")).toHaveTextContent("+");
  });

  it("says so when two revisions are the same", () => {
    renderApp(<DiffView diff="" from={1} to={2} />);
    expect(screen.getByText("Revisions 1 and 2 have the same text.")).toBeInTheDocument();
  });
});

describe("paragraphs", () => {
  it("counts paragraphs as the API does", () => {
    expect(splitParagraphs("a\n\n\n\nb\n\n  \n\nc")).toEqual(["a", "b", "c"]);
    expect(splitParagraphs("a\n\n\nb")).toEqual(["a", "\nb"]);
  });
});
