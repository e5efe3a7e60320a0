import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import en from "../locales/en.json";
import he from "../locales/he.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const heKeys = flatten(he as Tree);
const enKeys = flatten(en as Tree);
const SRC = join(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "test" ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".d.ts")
      ? [path]
      : [];
  });
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}

describe("translation files", () => {
  it("have the same keys in Hebrew and English", () => {
    const onlyHe = [...heKeys.keys()].filter((k) => !enKeys.has(k));
    const onlyEn = [...enKeys.keys()].filter((k) => !heKeys.has(k));
    expect({ onlyHe, onlyEn }).toEqual({ onlyHe: [], onlyEn: [] });
  });

  it("have no empty strings and the same {{placeholders}} in both languages", () => {
    const problems: string[] = [];
    for (const [key, heText] of heKeys) {
      const enText = enKeys.get(key) ?? "";
      if (!heText.trim() || !enText.trim()) problems.push(`${key}: empty`);
      if (placeholders(heText).join() !== placeholders(enText).join())
        problems.push(`${key}: ${placeholders(heText)} vs ${placeholders(enText)}`);
    }
    expect(problems).toEqual([]);
  });

  it("contain every key the sources use", () => {
    const namespaces = Object.keys(he).join("|");
    // t("a.b") calls, plus any string literal that looks like a key of ours (ternaries, arrays).
    const callKey = /\bt\(\s*["']([^"'`$]+)["']/g;
    const literalKey = new RegExp(`["'\`]((?:${namespaces})\\.[A-Za-z0-9_.]+)["'\`]`, "g");
    const missing: string[] = [];
    let used = 0;
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, "utf8");
      for (const regex of [callKey, literalKey]) {
        for (const match of text.matchAll(regex)) {
          used += 1;
          const key = match[1];
          if (!heKeys.has(key) || !enKeys.has(key)) missing.push(`${relative(SRC, file)}: ${key}`);
        }
      }
    }
    expect(used).toBeGreaterThan(50); // the scan does find the calls
    expect([...new Set(missing)]).toEqual([]);
  });

  it("label every value of the API enums the UI shows", () => {
    const spec = JSON.parse(readFileSync(join(SRC, "..", "..", "openapi", "openapi.json"), "utf8"));
    const schemas = spec.components.schemas as Record<string, { enum?: string[] }>;
    const enums = (he as { enums: Record<string, Record<string, string>> }).enums;
    const missing: string[] = [];
    for (const name of Object.keys(enums)) {
      const values = schemas[name]?.enum;
      if (!values) {
        missing.push(`${name}: not an enum in openapi.json`);
        continue;
      }
      for (const value of values)
        if (!heKeys.has(`enums.${name}.${value}`) || !enKeys.has(`enums.${name}.${value}`))
          missing.push(`enums.${name}.${value}`);
    }
    expect(missing).toEqual([]);
  });

  it("label every roundtable tab", () => {
    for (const tab of ["overview", "meetings", "decisions", "knowledge", "audit"])
      expect(heKeys.has(`roundtable.tabs.${tab}`) && enKeys.has(`roundtable.tabs.${tab}`)).toBe(
        true,
      );
  });

  it("name the app שולחן / Shulchan", () => {
    expect(heKeys.get("app.name")).toBe("שולחן");
    expect(enKeys.get("app.name")).toBe("Shulchan");
  });
});
