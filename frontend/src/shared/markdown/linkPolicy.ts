/**
 * The one link policy for user text (decisions, knowledge, minutes): a link is kept only when it
 * goes to the web (http, https), to mail (mailto) or inside this site (/path, #anchor, ?query).
 * Everything else — javascript:, data:, vbscript:, protocol-relative //host — is dropped and its
 * text shown as plain text.
 */
export type SafeLink =
  /** http(s) or mailto: opened apart from the app, without handing it our window or address. */
  | { kind: "external"; href: string }
  /** a path of this site: followed by the router, without reloading the app. */
  | { kind: "internal"; href: string };

/** The rel of every external link: no window.opener for the target, no Referer, no endorsement. */
export const EXTERNAL_REL = "noopener noreferrer nofollow";

export function linkTarget(href: string | null | undefined): SafeLink | null {
  if (!href) return null;
  const value = href.trim();
  if (/^(https?:\/\/|mailto:)/i.test(value)) return { kind: "external", href: value };
  if (/^[/#?]/.test(value) && !value.startsWith("//") && !value.startsWith("/\\"))
    return { kind: "internal", href: value };
  return null;
}

/** The href we let through, or null (see linkTarget). */
export function safeHref(href: string | null | undefined): string | null {
  return linkTarget(href)?.href ?? null;
}
