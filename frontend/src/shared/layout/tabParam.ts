/** A page's tab lives in the URL (`?tab=`), so a link or a reload opens the same tab; the first
 * tab needs no parameter. Pages read it with `tabFromParams` and change it with `paramsWithTab`. */
export function tabFromParams<T extends string>(
  params: URLSearchParams,
  visible: readonly T[],
  fallback: T,
): T {
  const requested = params.get("tab") as T | null;
  return requested && visible.includes(requested) ? requested : fallback;
}

export function paramsWithTab(
  params: URLSearchParams,
  tab: string | null,
  fallback: string,
): URLSearchParams {
  const next = new URLSearchParams(params);
  if (!tab || tab === fallback) next.delete("tab");
  else next.set("tab", tab);
  return next;
}
