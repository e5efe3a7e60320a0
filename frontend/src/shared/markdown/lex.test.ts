import type { Token, Tokens } from "marked";
import { describe, expect, it } from "vitest";
import { lexMarkdown, MAX_INLINE_MARKERS, MAX_QUOTE_DEPTH } from "./lex";

/** Inputs that cost `marked` alone seconds (100,000 characters of `a*`: 8 s) or overflow its stack. */
const CRAFTED: Record<string, string> = {
  "a*": "a*".repeat(50_000),
  "*a": "*a".repeat(50_000),
  "[": "[".repeat(100_000),
  "<": "<".repeat(100_000),
  "![": "![".repeat(50_000),
  "[a](": "[a](".repeat(25_000),
};

function texts(tokens: Token[]): string[] {
  return tokens.flatMap((token) => {
    const children = (token as Tokens.Paragraph).tokens;
    return children ? texts(children) : token.type === "text" ? [(token as Tokens.Text).text] : [];
  });
}

function quoteDepth(tokens: Token[]): number {
  return Math.max(
    0,
    ...tokens.map((token) =>
      token.type === "blockquote" ? 1 + quoteDepth((token as Tokens.Blockquote).tokens) : 0,
    ),
  );
}

describe("lexing a crafted text", () => {
  it.each(Object.entries(CRAFTED))(
    "shows a run of %s with too many delimiters as plain text",
    (_, source) => {
      const [paragraph] = lexMarkdown(source);

      expect(paragraph?.type).toBe("paragraph");
      expect(texts([paragraph!])).toEqual([source]);
    },
  );

  it("still reads emphasis, links and code where delimiters are within the bound", () => {
    const source = "**bold** [link](/x) `code` ".repeat(Math.floor(MAX_INLINE_MARKERS / 12));

    const kinds = new Set(
      ((lexMarkdown(source)[0] as Tokens.Paragraph).tokens ?? []).map((t) => t.type),
    );

    expect([...kinds].sort()).toEqual(["codespan", "link", "strong", "text"]);
  });

  it("bounds the nesting of quotes instead of overflowing the stack", () => {
    const tokens = lexMarkdown(`${">".repeat(100_000)} deep\n\n> > two`);

    expect(quoteDepth(tokens)).toBe(MAX_QUOTE_DEPTH);
    expect(quoteDepth(tokens.slice(1))).toBe(2);
  });
});
