import { Anchor, Code, List, Table, Text, Title } from "@mantine/core";
import type { Token, Tokens } from "marked";
import { Fragment, useMemo, type ReactNode } from "react";
import { Link } from "react-router";
import { lexMarkdown } from "./lex";
import { EXTERNAL_REL, linkTarget } from "./linkPolicy";

/**
 * The one Markdown renderer of the app (decisions, knowledge items, minutes). `marked` only
 * *parses* (its lexer); this file turns the tokens into React elements, so no HTML string is ever
 * injected: raw HTML in the text is shown as text, links follow `linkPolicy` (http(s), mailto and
 * same-site only; external ones open in a new tab with rel="noopener noreferrer nofollow"), and
 * images are shown as a link with their alt text (no request leaves for a third-party host).
 */

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);

function SafeLink({ href, children }: { href: string | null | undefined; children: ReactNode }) {
  const target = linkTarget(href);
  if (!target) return <>{children}</>;
  if (target.kind === "internal" && target.href.startsWith("/"))
    return (
      <Anchor component={Link} to={target.href}>
        {children}
      </Anchor>
    );
  if (target.kind === "internal") return <Anchor href={target.href}>{children}</Anchor>;
  return (
    <Anchor href={target.href} target="_blank" rel={EXTERNAL_REL}>
      {children}
    </Anchor>
  );
}

function inline(tokens: Token[] | undefined): ReactNode {
  if (!tokens) return null;
  return tokens.map((token, i) => <Fragment key={i}>{renderInline(token)}</Fragment>);
}

function renderInline(token: Token): ReactNode {
  switch (token.type) {
    case "strong":
      return <strong>{inline((token as Tokens.Strong).tokens)}</strong>;
    case "em":
      return <em>{inline((token as Tokens.Em).tokens)}</em>;
    case "del":
      return <del>{inline((token as Tokens.Del).tokens)}</del>;
    case "codespan":
      return <Code>{decode((token as Tokens.Codespan).text)}</Code>;
    case "br":
      return <br />;
    case "link": {
      const link = token as Tokens.Link;
      return <SafeLink href={link.href}>{inline(link.tokens)}</SafeLink>;
    }
    case "image": {
      const image = token as Tokens.Image;
      return <SafeLink href={image.href}>{image.text || image.href}</SafeLink>;
    }
    case "text": {
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens) : decode(text.text);
    }
    case "escape":
    case "html":
      return decode((token as Tokens.Escape | Tokens.HTML).text);
    default:
      return "raw" in token ? token.raw : null;
  }
}

interface Headings {
  /** The level (h2…h6) the text's highest heading gets: the page has its own h1/h2. */
  top: number;
  /** The depth (1…6) of the text's highest heading. */
  min: number;
}

function renderBlock(token: Token, key: number, headings: Headings): ReactNode {
  switch (token.type) {
    case "space":
    case "def":
      return null;
    case "heading": {
      const heading = token as Tokens.Heading;
      const order = Math.min(6, headings.top + heading.depth - headings.min) as 2 | 3 | 4 | 5 | 6;
      return (
        <Title key={key} order={order} size={order <= 3 ? "h4" : "h5"} mt="sm" mb="xs">
          {inline(heading.tokens)}
        </Title>
      );
    }
    case "paragraph":
      return (
        <Text key={key} mb="sm">
          {inline((token as Tokens.Paragraph).tokens)}
        </Text>
      );
    case "text": {
      const text = token as Tokens.Text;
      return (
        <Text key={key} mb="sm">
          {text.tokens ? inline(text.tokens) : decode(text.text)}
        </Text>
      );
    }
    case "blockquote":
      return (
        <blockquote key={key}>{blocks((token as Tokens.Blockquote).tokens, headings)}</blockquote>
      );
    case "code":
      return (
        <Code key={key} block dir="ltr" mb="sm">
          {(token as Tokens.Code).text}
        </Code>
      );
    case "hr":
      return <hr key={key} />;
    case "list": {
      const list = token as Tokens.List;
      return (
        <List
          key={key}
          type={list.ordered ? "ordered" : "unordered"}
          start={list.ordered && typeof list.start === "number" ? list.start : undefined}
          mb="sm"
        >
          {list.items.map((item, i) => (
            <List.Item key={i}>
              {item.task && <span aria-hidden>{item.checked ? "☑ " : "☐ "}</span>}
              {item.tokens.map((child, j) =>
                child.type === "text" ? (
                  <Fragment key={j}>{renderInline(child)}</Fragment>
                ) : (
                  renderBlock(child, j, headings)
                ),
              )}
            </List.Item>
          ))}
        </List>
      );
    }
    case "table": {
      const table = token as Tokens.Table;
      return (
        <Table key={key} withTableBorder withColumnBorders my="xs">
          <Table.Thead>
            <Table.Tr>
              {table.header.map((cell, i) => (
                <Table.Th key={i} scope="col">
                  {inline(cell.tokens)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row, r) => (
              <Table.Tr key={r}>
                {row.map((cell, c) => (
                  <Table.Td key={c}>{inline(cell.tokens)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      );
    }
    case "html":
      return (
        <Text key={key} mb="sm">
          {(token as Tokens.HTML).text}
        </Text>
      );
    default:
      return "raw" in token ? (
        <Text key={key} mb="sm">
          {token.raw}
        </Text>
      ) : null;
  }
}

function blocks(tokens: Token[], headings: Headings): ReactNode {
  return tokens.map((token, i) => renderBlock(token, i, headings));
}

/**
 * Markdown `source` as React elements (never as injected HTML). Headings are placed under the
 * page's own: with `headings="relative"` (the default) the text's highest heading becomes
 * `topLevel`; with `"absolute"` a `#` is always `topLevel` (for texts shown in pieces, such as
 * the minutes' paragraphs, where each piece must keep its level).
 */
export function Markdown({
  source,
  lang,
  topLevel = 3,
  headings = "relative",
}: {
  source: string;
  lang?: string;
  topLevel?: number;
  headings?: "relative" | "absolute";
}) {
  const tokens = useMemo(() => lexMarkdown(source), [source]);
  const min =
    headings === "absolute"
      ? 1
      : Math.min(
          6,
          ...tokens.filter((t) => t.type === "heading").map((t) => (t as Tokens.Heading).depth),
        );
  return (
    <div dir="auto" lang={lang} data-testid="markdown">
      {blocks(tokens, { top: topLevel, min })}
    </div>
  );
}
