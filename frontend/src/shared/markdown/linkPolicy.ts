/**
 * The one link policy for user text (decisions, knowledge, minutes): a link is kept only when it
 * goes to the web (http, https), to mail (mailto) or inside this site (/path, #anchor, ?query).
 * Everything else — javascript:, data:, vbscript:, protocol-relative //host and what a browser
 * reads as one (/\host, /<tab>/host) — is dropped and its text shown as plain text.
 */
export type SafeLink =
  /** http(s) or mailto: opened apart from the app, without handing it our window or address. */
  | { kind: "external"; href: string }
  /** a path of this site: followed by the router, without reloading the app. */
  | { kind: "internal"; href: string };

/** The rel of every external link: no window.opener for the target, no Referer, no endorsement. */
export const EXTERNAL_REL = "noopener noreferrer nofollow";

// A stand-in origin: a same-site link must resolve to it, whatever the page's own address is.
const SITE = "https://site.invalid";

export function linkTarget(href: string | null | undefined): SafeLink | null {
  if (!href) return null;
  const value = href.trim();
  if (/^(https?:\/\/|mailto:)/i.test(value)) return { kind: "external", href: value };
  if (/^[#?]/.test(value) && !/[\t\n\r]/.test(value)) return { kind: "internal", href: value };
  if (!value.startsWith("/")) return null;
  // Read as the browser reads it: it takes "\" for "/" and drops tabs and newlines, so "/\evil.example"
  // and "/<tab>/evil.example" are both "//evil.example", another site. What resolves here is kept in
  // the resolved form, so the href the browser follows is the one checked.
  let resolved: URL;
  try {
    resolved = new URL(value, `${SITE}/`);
  } catch {
    return null;
  }
  if (resolved.origin !== SITE) return null;
  return { kind: "internal", href: `${resolved.pathname}${resolved.search}${resolved.hash}` };
}

/** The href we let through, or null (see linkTarget). */
export function safeHref(href: string | null | undefined): string | null {
  return linkTarget(href)?.href ?? null;
}
