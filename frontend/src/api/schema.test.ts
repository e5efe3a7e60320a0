import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";

it("src/api/schema.d.ts is generated from the current openapi/openapi.json", () => {
  const root = join(__dirname, "..", "..");
  const run = spawnSync(process.execPath, [join(root, "scripts", "check-api.mjs")], {
    cwd: root,
    encoding: "utf8",
  });
  expect(run.stderr, "run `npm run gen:api` in frontend/ and commit src/api/schema.d.ts").toBe("");
  expect(run.status).toBe(0);
});
