// The layer rule, proven on snippets: a cross-feature import fails the lint.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint, RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { boundaries, layerOf } from "./layers.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const file = (relative) => path.join(ROOT, relative);

describe("layerOf", () => {
  it("reads the layer (and feature) from a path under src/", () => {
    expect(layerOf(file("src/features/meetings/api.ts"))).toEqual({
      layer: "features",
      feature: "meetings",
    });
    expect(layerOf(file("src/shared/markdown/Markdown.tsx"))).toEqual({ layer: "shared" });
    expect(layerOf(file("src/main.tsx"))).toEqual({ layer: "root" });
    expect(layerOf(file("eslint/layers.js"))).toBeNull();
  });
});

const ruleTester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: "module" },
});

ruleTester.run("layers/boundaries", boundaries, {
  valid: [
    // a feature: itself, shared, api, i18n
    { filename: file("src/features/meetings/A.tsx"), code: 'import { x } from "./api";' },
    {
      filename: file("src/features/meetings/A.tsx"),
      code: 'import { Markdown } from "../../shared/markdown";',
    },
    {
      filename: file("src/features/meetings/A.tsx"),
      code: 'import { queryKeys } from "../../api/queryKeys";',
    },
    { filename: file("src/features/meetings/A.tsx"), code: 'import { t } from "../../i18n";' },
    { filename: file("src/features/meetings/A.tsx"), code: 'import { useState } from "react";' },
    // pages compose features; the app imports anything
    {
      filename: file("src/pages/MeetingPage.tsx"),
      code: 'import { MinutesSection } from "../features/minutes/MinutesSection";',
    },
    {
      filename: file("src/app/routes.tsx"),
      code: 'const P = () => import("../pages/HomePage");',
    },
  ],
  invalid: [
    {
      filename: file("src/features/meetings/MeetingPage.tsx"),
      code: 'import { MinutesSection } from "../minutes/MinutesSection";',
      errors: [{ messageId: "forbidden" }],
    },
    {
      filename: file("src/features/decisions/api.ts"),
      code: 'export { useMe } from "../auth/api";',
      errors: [{ messageId: "forbidden" }],
    },
    {
      filename: file("src/features/home/HomePage.tsx"),
      code: 'const M = () => import("../meetings/api");',
      errors: [{ messageId: "forbidden" }],
    },
    {
      filename: file("src/features/seats/Seats.tsx"),
      code: 'import { RoundtablePage } from "../../pages/RoundtablePage";',
      errors: [{ messageId: "forbidden" }],
    },
    {
      filename: file("src/shared/feedback/X.tsx"),
      code: 'import { useMeeting } from "../../features/meetings/api";',
      errors: [{ messageId: "forbidden" }],
    },
    {
      filename: file("src/api/client.ts"),
      code: 'import { ErrorAlert } from "../shared/feedback/ErrorAlert";',
      errors: [{ messageId: "forbidden" }],
    },
  ],
});

describe("the project's ESLint config", () => {
  it("reports a cross-feature import as an error", async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText(
      'import { useMeeting } from "../meetings/api";\n\nexport const x = useMeeting;\n',
      { filePath: file("src/features/decisions/Cross.ts") },
    );
    const problems = result.messages.filter((m) => m.ruleId === "layers/boundaries");
    expect(problems).toHaveLength(1);
    expect(problems[0].severity).toBe(2);
    expect(problems[0].message).toContain("features/decisions may not import features/meetings");
  });

  it("refuses an inline query key outside src/api/queryKeys.ts", async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText(
      'import { useQuery } from "@tanstack/react-query";\n\nexport function useX() {\n  return useQuery({ queryKey: ["x"], queryFn: () => 1 });\n}\n',
      { filePath: file("src/features/decisions/Keys.ts") },
    );
    expect(result.messages.map((m) => m.ruleId)).toEqual(["no-restricted-syntax"]);
  });
});
