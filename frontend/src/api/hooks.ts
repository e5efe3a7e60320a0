import { useInfiniteQuery, type QueryKey } from "@tanstack/react-query";

export interface CursorPage<T> {
  items: T[];
  next_cursor?: string | null;
}

/**
 * A keyset-paginated list: the first page, then "load more" with `next_cursor`.
 * `fetchPage(cursor)` calls the API (through `unwrap`) and returns {items, next_cursor}.
 */
export function useCursorList<T>(
  key: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
  options: { enabled?: boolean; staleTime?: number } = {},
) {
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled: options.enabled ?? true,
    staleTime: options.staleTime,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...query, items };
}

/** The ETag the API expects in If-Match for an object at `version`. */
export function etagFor(version: number): string {
  return `"${version}"`;
}
