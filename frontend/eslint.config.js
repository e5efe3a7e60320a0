import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import reactRefresh from "eslint-plugin-react-refresh";
import globals from "globals";
import tseslint from "typescript-eslint";
import layers from "./eslint/layers.js";

export default tseslint.config(
  { ignores: ["dist", "test-results", "playwright-report", "src/api/schema.d.ts"] },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks, "react-refresh": reactRefresh, layers },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // features/X → only shared/, api/, i18n/ and X itself; shared/ never features/ (eslint/layers.js)
      "layers/boundaries": "error",
      "react-refresh/only-export-components": ["warn", { allowConstantExport: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Query keys come from src/api/queryKeys.ts, so one name means one cache entry everywhere.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/api/queryKeys.ts", "src/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Property[key.name='queryKey'] > ArrayExpression",
          message: "Use a key from src/api/queryKeys.ts, not an inline array.",
        },
        {
          selector:
            "CallExpression[callee.name='useCursorList'][arguments.0.type='ArrayExpression']",
          message: "Use a key from src/api/queryKeys.ts, not an inline array.",
        },
      ],
    },
  },
  {
    // Text boxes come from src/shared/inputs, which sets dir="auto" on the <input>/<textarea>
    // itself: Hebrew typed in an English UI (and the reverse) runs in its own direction.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/shared/inputs/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@mantine/core",
              importNames: ["TextInput", "Textarea", "TagsInput"],
              message: 'Use TextInput/Textarea/TagsInput from src/shared/inputs (dir="auto").',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "*.config.{ts,js,cjs}",
      "e2e/**/*.ts",
      "scripts/**/*.mjs",
      "src/**/*.test.{ts,tsx}",
      "src/test/**",
      "src/app/routes.tsx",
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: { "react-refresh/only-export-components": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
);
