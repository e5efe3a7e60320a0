import { Card, Title } from "@mantine/core";
import { useId, type ReactNode } from "react";

/**
 * A titled part of a page: a <section> named by its h2 (below the page's one h1). A card by
 * default; `bare` for a section without the frame (pages that are already framed).
 */
export function Section({
  title,
  children,
  testId,
  id,
  bare = false,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  /** The heading's id (for links to it); one is made up otherwise. */
  id?: string;
  bare?: boolean;
}) {
  const madeUp = useId();
  const headingId = id ?? madeUp;
  const heading = (
    <Title order={2} size="h4" id={headingId} mb="sm">
      {title}
    </Title>
  );
  if (bare)
    return (
      <section aria-labelledby={headingId} data-testid={testId}>
        {heading}
        {children}
      </section>
    );
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby={headingId}
      data-testid={testId}
    >
      {heading}
      {children}
    </Card>
  );
}
