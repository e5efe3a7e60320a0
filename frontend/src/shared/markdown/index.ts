export { Markdown } from "./Markdown";
export { EXTERNAL_REL, linkTarget, safeHref, type SafeLink } from "./linkPolicy";
