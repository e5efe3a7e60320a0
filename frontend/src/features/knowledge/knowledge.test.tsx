import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { initI18n, setLanguage } from "../../i18n";
import { renderApp } from "../../test/render";
import { RevisionDiffView } from "./RevisionDiffView";
import { highlightSegments } from "./highlight";
import { HighlightedSnippet } from "./HighlightedSnippet";
import { hitHref } from "./hits";

beforeEach(async () => {
  initI18n("en");
  await setLanguage("en");
});

describe("snippet highlighting from offsets", () => {
  it("marks the ranges, in Hebrew inside prefixed words", () => {
    const snippet = "שיתופי פעולה ובחינוך הבלתי פורמלי ולחינוך";
    const start = snippet.indexOf("חינוך");
    const second = snippet.lastIndexOf("חינוך");
    const segments = highlightSegments(snippet, [
      [start, start + 5],
      [second, second + 5],
    ]);
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(["חינוך", "חינוך"]);
    expect(segments.map((s) => s.text).join("")).toBe(snippet);
    expect(segments[0]).toEqual({ text: "שיתופי פעולה וב", mark: false });
  });

  it("counts characters as the API does (code points), not UTF-16 units", () => {
    const snippet = "🙂 education 🙂 schools";
    // "education" starts at code point 2 (the emoji is one character, two UTF-16 units).
    const segments = highlightSegments(snippet, [[2, 11]]);
    expect(segments).toEqual([
      { text: "🙂 ", mark: false },
      { text: "education", mark: true },
      { text: " 🙂 schools", mark: false },
    ]);
  });

  it("sorts, merges overlapping ranges, clamps and drops bad ones", () => {
    const segments = highlightSegments("abcdefghij", [
      [6, 8],
      [1, 3],
      [2, 4],
      [9, 99],
      [5, 5],
      [-3, 0],
    ]);
    expect(segments).toEqual([
      { text: "a", mark: false },
      { text: "bcd", mark: true },
      { text: "ef", mark: false },
      { text: "gh", mark: true },
      { text: "i", mark: false },
      { text: "j", mark: true },
    ]);
    expect(highlightSegments("abc", [])).toEqual([{ text: "abc", mark: false }]);
  });

  it("renders <mark> elements and keeps markup in the text as text", () => {
    const { container } = renderApp(
      <HighlightedSnippet
        snippet={'<img src=x onerror="alert(1)"> ובחינוך'}
        highlights={[[33, 38]]}
        lang="he"
      />,
    );
    const marks = container.querySelectorAll("mark");
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe("חינוך");
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByTestId("snippet")).toHaveTextContent(
      '<img src=x onerror="alert(1)"> ובחינוך',
    );
    expect(screen.getByTestId("snippet")).toHaveAttribute("dir", "auto");
  });

  it("opens each kind of hit where it lives", () => {
    expect(hitHref({ entity_type: "knowledge_item", entity_id: "k", roundtable_id: "r" })).toBe(
      "/knowledge/k",
    );
    expect(hitHref({ entity_type: "decision", entity_id: "d", roundtable_id: "r" })).toBe(
      "/decisions/d",
    );
    expect(hitHref({ entity_type: "minutes", entity_id: "m", roundtable_id: "r" })).toBe(
      "/roundtables/r?tab=meetings",
    );
  });
});

const DIFF = [
  "--- body@1",
  "+++ body@2",
  "@@ -1,4 +1,5 @@",
  " ## רקע",
  " ",
  "-שורה שנייה.",
  "+שורה שנייה, מתוקנת.",
  " ## המלצות",
  "+- למדוד",
  "",
].join("\n");

describe("diff rendering", () => {
  it("shows added and removed lines, named for screen readers, per part", () => {
    renderApp(
      <RevisionDiffView
        diff={{
          from_number: 1,
          to_number: 2,
          title: "",
          summary: "--- summary@1\n+++ summary@2\n@@ -1 +1 @@\n-old\n+new\n",
          body: DIFF,
        }}
      />,
    );
    const tables = screen.getAllByTestId("diff");
    expect(tables).toHaveLength(2); // summary and body; the title did not change
    const body = tables[1];
    const removed = body.querySelector('tr[data-kind="removed"]')!;
    expect(removed.querySelector("del")?.textContent).toBe("שורה שנייה.");
    expect(removed).toHaveTextContent("Removed line:");
    const added = [...body.querySelectorAll('tr[data-kind="added"]')].map(
      (r) => r.querySelector("ins")?.textContent,
    );
    expect(added).toEqual(["שורה שנייה, מתוקנת.", "- למדוד"]);
    expect(screen.getByText("2 added")).toBeInTheDocument();
    expect(within(body).getByRole("columnheader", { name: "Before" })).toBeInTheDocument();
  });

  it("says so when nothing changed", () => {
    renderApp(
      <RevisionDiffView
        diff={{ from_number: 1, to_number: 2, title: "", summary: "", body: "" }}
      />,
    );
    expect(screen.getByText("The revisions do not differ.")).toBeInTheDocument();
  });
});
