import { Lexer, type Token, type TokensList } from "marked";

/**
 * `marked`'s lexer with bounds on the inputs that make it slow or crash, so that no text, however
 * crafted, freezes the tab. Its inline scanning costs about the square of the delimiters in one run
 * (`a*a*a*…`, `[[[…`, `<<<…`: 100,000 characters took 8 s), and every `>` of a quote is a level of
 * recursion (a few thousand overflow the stack).
 *
 * - an inline run with more than MAX_INLINE_MARKERS delimiters is shown as plain text;
 * - quotes nest at most MAX_QUOTE_DEPTH deep (deeper markers are dropped).
 */
export const MAX_INLINE_MARKERS = 2_000;
export const MAX_QUOTE_DEPTH = 20;

// Every character that can open or close an inline construct: emphasis, strike, code, links,
// images, autolinks and HTML, escapes, tables' pipes.
const INLINE_MARKER = /[*_~`[\]()<>!\\|]/g;
const DEEP_QUOTE = new RegExp(`^((?: {0,3}>){${MAX_QUOTE_DEPTH}})(?: {0,3}>)+`, "gm");

class BoundedLexer extends Lexer {
  override lex(src: string): TokensList {
    return super.lex(src.replace(DEEP_QUOTE, "$1"));
  }

  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    if ((src.match(INLINE_MARKER)?.length ?? 0) > MAX_INLINE_MARKERS) {
      tokens.push({ type: "text", raw: src, text: src });
      return tokens;
    }
    return super.inlineTokens(src, tokens);
  }
}

/** The tokens of a Markdown text (GitHub flavour), in bounded time. */
export function lexMarkdown(source: string): TokensList {
  return new BoundedLexer({ gfm: true }).lex(source);
}
