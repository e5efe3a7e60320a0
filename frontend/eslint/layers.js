/**
 * A small local ESLint plugin: `layers/boundaries` keeps the web app's layers apart.
 *
 *   app/            may import anything (routes, providers)
 *   pages/          compose features: may import features, shared, api, i18n — not app
 *   features/<X>/   may import only features/<X> itself, shared, api, i18n (and test helpers):
 *                   never another feature, pages or app — compose features in src/pages instead
 *   shared/         may import shared, api, i18n — never features, pages or app
 *   api/, i18n/     the bottom: api may import api; i18n may import i18n and locales
 *
 * Relative imports, re-exports and dynamic import() are checked; packages are not.
 */
import path from "node:path";

/** The layer of a file from its path: { layer, feature? }, or null outside src/. */
export function layerOf(file) {
  const normal = file.split(path.sep).join("/");
  const at = normal.lastIndexOf("/src/");
  if (at < 0) return null;
  const parts = normal.slice(at + 5).split("/");
  if (parts.length === 1) return { layer: "root" }; // main.tsx, theme.ts
  if (parts[0] === "features") return { layer: "features", feature: parts[1] };
  return { layer: parts[0] };
}

/** Which layers each layer may import ("own" = its own feature). */
const ALLOWED = {
  features: ["own", "shared", "api", "i18n", "locales", "test", "root"],
  shared: ["shared", "api", "i18n", "locales", "test", "root"],
  pages: ["pages", "features", "shared", "api", "i18n", "locales", "test", "root"],
  api: ["api", "test"],
  i18n: ["i18n", "locales", "test"],
};

const name = (where) => (where.layer === "features" ? `features/${where.feature}` : where.layer);

const HINT = {
  features:
    "a feature depends only on shared/, api/, i18n/ and itself; put what several features need in shared/, or compose features in src/pages/",
  shared: "shared/ is below the features: it may use only shared/, api/ and i18n/",
  pages: "pages/ may compose features but not import the app shell",
  api: "api/ is the bottom layer: it may not depend on anything above it",
  i18n: "i18n/ may use only its own files and the locales",
};

export const boundaries = {
  meta: {
    type: "problem",
    docs: { description: "Keep features, shared, pages and api in their layers." },
    schema: [],
    messages: {
      forbidden: "{{from}} may not import {{to}} ({{target}}): {{hint}}.",
    },
  },
  create(context) {
    const from = layerOf(context.filename ?? context.getFilename());
    if (!from || !ALLOWED[from.layer]) return {};
    const allowed = ALLOWED[from.layer];
    function check(node, source) {
      if (!source || typeof source.value !== "string" || !source.value.startsWith(".")) return;
      const target = path.resolve(path.dirname(context.filename), source.value);
      const to = layerOf(target);
      if (!to) return;
      const ok =
        to.layer === "features"
          ? from.layer === "features"
            ? to.feature === from.feature
            : allowed.includes("features")
          : allowed.includes(to.layer);
      if (!ok)
        context.report({
          node: source,
          messageId: "forbidden",
          data: { from: name(from), to: name(to), target: source.value, hint: HINT[from.layer] },
        });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { meta: { name: "layers" }, rules: { boundaries } };
