import { Anchor, Code, Table, Title } from "@mantine/core";
import { marked, type Token, type Tokens } from "marked";
import { Fragment, useMemo, type ReactNode } from "react";
import { safeHref } from "./safeHref";

/**
 * Markdown shown safely: marked only *parses* (its lexer); this file turns the tokens into React
 * elements, so nothing is ever injected as HTML. Raw HTML in the text is shown as text; links go
 * only to http(s), mailto or same-site addresses; images show their alt text as a link.
 */

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);

function inline(tokens: Token[] | undefined, keyPrefix = ""): ReactNode {
  if (!tokens) return null;
  return tokens.map((token, i) => (
    <Fragment key={`${keyPrefix}${i}`}>{renderInline(token)}</Fragment>
  ));
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
      const href = safeHref(link.href);
      const children = inline(link.tokens);
      if (!href) return <>{children}</>;
      const external = /^(https?:)?\/\//i.test(href);
      return (
        <Anchor
          href={href}
          {...(external ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}
        >
          {children}
        </Anchor>
      );
    }
    case "image": {
      const image = token as Tokens.Image;
      const href = safeHref(image.href);
      return href ? (
        <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow">
          {image.text || href}
        </Anchor>
      ) : (
        <>{image.text}</>
      );
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

function renderBlock(token: Token, key: number): ReactNode {
  switch (token.type) {
    case "space":
    case "def":
      return null;
    case "heading": {
      const heading = token as Tokens.Heading;
      // The page has its own h1/h2: the text's headings sit below them.
      const order = Math.min(6, heading.depth + 2) as 3 | 4 | 5 | 6;
      return (
        <Title key={key} order={order} size={order <= 3 ? "h4" : "h5"} mt="sm" mb={4}>
          {inline(heading.tokens)}
        </Title>
      );
    }
    case "paragraph":
      return <p key={key}>{inline((token as Tokens.Paragraph).tokens)}</p>;
    case "text": {
      const text = token as Tokens.Text;
      return <p key={key}>{text.tokens ? inline(text.tokens) : decode(text.text)}</p>;
    }
    case "blockquote":
      return <blockquote key={key}>{blocks((token as Tokens.Blockquote).tokens)}</blockquote>;
    case "code":
      return (
        <Code key={key} block dir="auto">
          {(token as Tokens.Code).text}
        </Code>
      );
    case "hr":
      return <hr key={key} />;
    case "list": {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => (
        <li key={i}>
          {item.task && <span aria-hidden>{item.checked ? "☑ " : "☐ "}</span>}
          {item.tokens.map((child, j) =>
            child.type === "text" ? (
              <Fragment key={j}>{renderInline(child)}</Fragment>
            ) : (
              renderBlock(child, j)
            ),
          )}
        </li>
      ));
      return list.ordered ? (
        <ol key={key} start={typeof list.start === "number" ? list.start : undefined}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
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
      return <p key={key}>{(token as Tokens.HTML).text}</p>;
    default:
      return "raw" in token ? <p key={key}>{token.raw}</p> : null;
  }
}

function blocks(tokens: Token[]): ReactNode {
  return tokens.map((token, i) => renderBlock(token, i));
}

/** Render markdown `source` as React elements (never as injected HTML). */
export function Markdown({ source }: { source: string }) {
  const tokens = useMemo(() => marked.lexer(source, { gfm: true }), [source]);
  return <>{blocks(tokens)}</>;
}
