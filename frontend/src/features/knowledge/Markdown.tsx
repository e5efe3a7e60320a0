import { Anchor, Code, List, Text, Title } from "@mantine/core";
import { Fragment, useMemo, type ReactNode } from "react";
import { Link } from "react-router";
import { parseMarkdown, type Block, type Inline } from "./markdown";

function renderInline(nodes: Inline[]): ReactNode {
  return nodes.map((node, i) => {
    switch (node.type) {
      case "text":
        return <Fragment key={i}>{node.text}</Fragment>;
      case "code":
        return <Code key={i}>{node.text}</Code>;
      case "strong":
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case "em":
        return <em key={i}>{renderInline(node.children)}</em>;
      case "link":
        return node.href.startsWith("/") ? (
          <Anchor key={i} component={Link} to={node.href}>
            {renderInline(node.children)}
          </Anchor>
        ) : (
          <Anchor key={i} href={node.href} target="_blank" rel="noopener noreferrer nofollow">
            {renderInline(node.children)}
          </Anchor>
        );
    }
  });
}

function renderBlocks(blocks: Block[], topLevel: number, minLevel: number): ReactNode {
  return blocks.map((block, i) => {
    switch (block.type) {
      case "heading": {
        const order = Math.min(6, topLevel + (block.level - minLevel)) as 2 | 3 | 4 | 5 | 6;
        return (
          <Title key={i} order={order} size={order <= 3 ? "h4" : "h5"} mt="md" mb="xs">
            {renderInline(block.children)}
          </Title>
        );
      }
      case "paragraph":
        return (
          <Text key={i} mb="sm">
            {renderInline(block.children)}
          </Text>
        );
      case "list":
        return (
          <List
            key={i}
            type={block.ordered ? "ordered" : "unordered"}
            start={block.ordered ? block.start : undefined}
            mb="sm"
          >
            {block.items.map((item, j) => (
              <List.Item key={j}>{renderInline(item)}</List.Item>
            ))}
          </List>
        );
      case "quote":
        return <blockquote key={i}>{renderBlocks(block.children, topLevel, minLevel)}</blockquote>;
      case "code":
        return (
          <Code key={i} block dir="ltr" mb="sm">
            {block.text}
          </Code>
        );
      case "rule":
        return <hr key={i} />;
    }
  });
}

/**
 * Markdown shown as React elements (see markdown.ts: no HTML injection). Headings are placed
 * under the page's own: the document's highest heading becomes `topLevel` (h3 by default).
 */
export function Markdown({
  source,
  topLevel = 3,
  lang,
}: {
  source: string;
  topLevel?: number;
  lang?: string;
}) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  const minLevel = Math.min(
    6,
    ...blocks.filter((b) => b.type === "heading").map((b) => (b as { level: number }).level),
  );
  return (
    <div dir="auto" lang={lang} data-testid="markdown">
      {renderBlocks(blocks, topLevel, minLevel)}
    </div>
  );
}
