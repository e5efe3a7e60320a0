import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { initI18n, setLanguage } from "../../i18n";
import { renderApp } from "../../test/render";
import { MinutesDiff } from "./MinutesDiff";
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

describe("the minutes' revision diff", () => {
  it("renders added and removed lines coloured, signed and labelled for screen readers", () => {
    renderApp(<MinutesDiff diff={DIFF} from={1} to={2} />);
    expect(
      screen.getByRole("heading", { name: "Revision 1 → 2: 2 lines added, 1 removed" }),
    ).toBeInTheDocument();
    const rows = within(screen.getByTestId("diff")).getAllByRole("row").slice(1); // the header row
    expect(rows.map((l) => l.getAttribute("data-kind"))).toEqual([
      "hunk",
      "context",
      "removed",
      "added",
      "added",
    ]);
    expect(rows[2]).toHaveTextContent("Removed line:−הוחלט לקדם.");
    expect(rows[3]).toHaveTextContent("Added line:+הוחלט לקדם תוכנית תעסוקה.");
    // The +/− signs are decoration; the words are what a screen reader says.
    expect(rows[3].querySelector("[aria-hidden]")).toHaveTextContent("+");
  });

  it("says so when two revisions are the same", () => {
    renderApp(<MinutesDiff diff="" from={1} to={2} />);
    expect(screen.getByText("Revisions 1 and 2 have the same text.")).toBeInTheDocument();
  });
});

describe("paragraphs", () => {
  it("counts paragraphs as the API does", () => {
    expect(splitParagraphs("a\n\n\n\nb\n\n  \n\nc")).toEqual(["a", "b", "c"]);
    expect(splitParagraphs("a\n\n\nb")).toEqual(["a", "\nb"]);
  });
});
