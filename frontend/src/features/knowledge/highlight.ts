/**
 * Search snippets come with highlight ranges: [start, end) offsets in characters (Unicode code
 * points, as the API counts them). JavaScript strings count UTF-16 units, so the snippet is
 * split by code points before slicing. Ranges are clamped, sorted and merged; bad ones dropped.
 */
export interface Segment {
  text: string;
  mark: boolean;
}

export function highlightSegments(
  snippet: string,
  highlights: readonly (readonly number[])[],
): Segment[] {
  const chars = Array.from(snippet);
  const ranges = highlights
    .filter((r) => r.length === 2 && Number.isInteger(r[0]) && Number.isInteger(r[1]))
    .map(([start, end]) => [Math.max(0, start), Math.min(chars.length, end)] as [number, number])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) segments.push({ text: chars.slice(at, start).join(""), mark: false });
    segments.push({ text: chars.slice(start, end).join(""), mark: true });
    at = end;
  }
  if (at < chars.length) segments.push({ text: chars.slice(at).join(""), mark: false });
  return segments;
}
