/** A link target we let through: http(s), mailto, or same-site (/, #, ?); anything else is dropped. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (/^[/#?]/.test(trimmed) && !trimmed.startsWith("//")) return trimmed;
  return null;
}
