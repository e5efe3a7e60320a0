import { Text } from "@mantine/core";
import { Fragment, useMemo } from "react";
import { highlightSegments } from "./highlight";

/** A search snippet with its matches in <mark> — text nodes only, never HTML. */
export function HighlightedSnippet({
  snippet,
  highlights,
  lang,
}: {
  snippet: string;
  highlights: readonly (readonly [number, number] | readonly number[])[];
  lang?: string | null;
}) {
  const segments = useMemo(() => highlightSegments(snippet, highlights), [snippet, highlights]);
  return (
    <Text size="sm" dir="auto" lang={lang ?? undefined} data-testid="snippet">
      {segments.map((segment, i) =>
        segment.mark ? (
          <mark key={i}>{segment.text}</mark>
        ) : (
          <Fragment key={i}>{segment.text}</Fragment>
        ),
      )}
    </Text>
  );
}
