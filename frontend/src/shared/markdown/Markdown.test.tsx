import { cleanup, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { initI18n, setLanguage } from "../../i18n";
import { renderApp } from "../../test/render";
import { EXTERNAL_REL, linkTarget, Markdown, safeHref } from ".";

beforeEach(async () => {
  initI18n("en");
  await setLanguage("en");
});
afterEach(async () => {
  cleanup();
  await setLanguage("he");
});

describe("the link policy", () => {
  it("lets through only http(s), mailto and same-site targets", () => {
    expect(safeHref("https://a.org")).toBe("https://a.org");
    expect(safeHref("http://a.org/x")).toBe("http://a.org/x");
    expect(safeHref("mailto:a@b.org")).toBe("mailto:a@b.org");
    expect(safeHref("/knowledge/1")).toBe("/knowledge/1");
    expect(safeHref("#part")).toBe("#part");
    expect(safeHref(" javascript:alert(1)")).toBeNull();
    expect(safeHref("JavaScript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,x")).toBeNull();
    expect(safeHref("vbscript:x")).toBeNull();
    expect(safeHref("//evil.example")).toBeNull();
    expect(safeHref("/\\evil.example")).toBeNull();
    expect(safeHref("ftp://a.org")).toBeNull();
    expect(safeHref(undefined)).toBeNull();
    expect(linkTarget("https://a.org")?.kind).toBe("external");
    expect(linkTarget("/decisions/1?tab=votes#top")).toEqual({
      kind: "internal",
      href: "/decisions/1?tab=votes#top",
    });
    expect(linkTarget("/decisions/1")?.kind).toBe("internal");
  });
});

describe("links a browser would read as another site", () => {
  it.each([
    "/\\evil.example",
    "/\\evil.example/path",
    "\\/evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\\evil.example",
    " /\\evil.example",
    "/\\\\evil.example",
  ])("drops %j", (href) => {
    expect(linkTarget(href)).toBeNull();
  });

  it("keeps same-site paths in the form the browser follows", () => {
    expect(safeHref("/a/../knowledge/1")).toBe("/knowledge/1");
    expect(safeHref("/a\\b")).toBe("/a/b");
  });

  it("renders /\\evil.example in text as no link at all", () => {
    const { container } = renderApp(
      <Markdown source={"[home](/\\evil.example) [also](</\t/evil.example>)"} />,
    );
    expect(container.querySelector("a")).toBeNull();
    expect(container).toHaveTextContent("home also");
  });
});

describe("the Markdown renderer", () => {
  it("renders headings, paragraphs, lists, quotes, code and emphasis as elements", () => {
    const { container } = renderApp(
      <Markdown
        source={
          "# Title\n\nSome **bold** and *it* and `x`.\n\n- one\n- two\n\n1. a\n2. b\n\n> quoted\n\n```\ncode\n```\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |"
        }
      />,
    );
    expect(screen.getByRole("heading", { name: "Title" }).tagName).toBe("H3");
    expect(screen.getByText("bold").tagName).toBe("STRONG");
    expect(screen.getByText("it").tagName).toBe("EM");
    expect(container.querySelectorAll("ul li")).toHaveLength(2);
    expect(container.querySelectorAll("ol li")).toHaveLength(2);
    expect(container.querySelector("blockquote")).toHaveTextContent("quoted");
    expect(container.querySelector("pre")).toHaveTextContent("code");
    expect(container.querySelector("hr")).not.toBeNull();
    expect(screen.getByRole("table")).toBeInTheDocument();
  });

  it("never injects HTML and never makes an unsafe link", () => {
    const { container } = renderApp(
      <Markdown
        source={
          '**bold** <img src=x onerror="alert(1)"> [click](javascript:alert(1)) <script>alert(1)</script> <b onclick="x">b</b> [ok](https://example.org) ![pic](data:image/png;base64,xx)'
        }
      />,
    );
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(container.textContent).toContain("<script>alert(1)</script>");
    // Only the https link is a link; the javascript: one is left as its text, the image as its alt.
    expect([...container.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
      "https://example.org",
    ]);
    expect(container.textContent).toContain("click");
    expect(container.textContent).toContain("pic");
  });

  it("opens external links apart, safely; same-site links stay in the app", () => {
    renderApp(
      <Markdown
        source={"[site](https://example.org) [mail](mailto:a@b.org) [item](/knowledge/1)"}
      />,
    );
    const site = screen.getByRole("link", { name: "site" });
    expect(site).toHaveAttribute("target", "_blank");
    expect(site).toHaveAttribute("rel", EXTERNAL_REL);
    expect(site.getAttribute("rel")).toContain("noopener");
    expect(site.getAttribute("rel")).toContain("noreferrer");
    expect(screen.getByRole("link", { name: "mail" })).toHaveAttribute("href", "mailto:a@b.org");
    const item = screen.getByRole("link", { name: "item" });
    expect(item).toHaveAttribute("href", "/knowledge/1");
    expect(item).not.toHaveAttribute("target");
  });

  it("places the text's headings under the page's, relative or absolute", () => {
    renderApp(<Markdown source={"## רקע\n\ntext\n\n### פירוט"} lang="he" />);
    expect(screen.getByRole("heading", { level: 3, name: "רקע" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 4, name: "פירוט" })).toBeInTheDocument();
    expect(screen.getByTestId("markdown")).toHaveAttribute("lang", "he");
    cleanup();
    renderApp(<Markdown source={"## פירוט"} headings="absolute" />);
    expect(screen.getByRole("heading", { level: 4, name: "פירוט" })).toBeInTheDocument();
  });
});
