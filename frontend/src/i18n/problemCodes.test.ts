import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "../locales/en.json";
import he from "../locales/he.json";

/**
 * Every problem `code` the backend can emit, read from its source rather than kept by hand: a new
 * `code="…"` in a service, a new ProblemError subclass or status default in core/errors.py fails
 * this test until it has words in both languages.
 */
const BACKEND = join(__dirname, "../../../backend/shulchan");

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pythonFiles(path);
    return name.endsWith(".py") ? [path] : [];
  });
}

function emittedProblemCodes(): Set<string> {
  const codes = new Set<string>();
  const patterns = [
    /\bcode\s*=\s*"([a-z_]+)"/g, // raise Conflict("…", code="seat_overlaps"), problem_response(code="…")
    /\bcode, title = (?:\d{3}, )?"([a-z_]+)"/g, // class NotFound(ProblemError): status, code, title = 404, "not_found", …
    /^\s+\d{3}: \("([a-z_]+)",/gm, // _STATUS_CODES: the code of a bare status (405, 415, …)
  ];
  for (const file of pythonFiles(BACKEND)) {
    const source = readFileSync(file, "utf8");
    for (const pattern of patterns) for (const m of source.matchAll(pattern)) codes.add(m[1]);
  }
  return codes;
}

describe("problem codes", () => {
  const codes = emittedProblemCodes();

  it("are found in the backend (the patterns still match its source)", () => {
    for (const known of [
      "not_found",
      "invalid_credentials",
      "seat_overlaps",
      "method_not_allowed",
      "invalid_cursor",
    ])
      expect(codes).toContain(known);
    expect(codes.size).toBeGreaterThan(50);
  });

  it("each have a translated message in Hebrew and English", () => {
    const heProblems = he.problems as Record<string, string>;
    const enProblems = en.problems as Record<string, string>;
    const missing = [...codes].filter((code) => !heProblems[code] || !enProblems[code]).sort();
    expect(missing).toEqual([]);
  });
});
