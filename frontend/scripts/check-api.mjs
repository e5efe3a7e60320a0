// Fails when src/api/schema.d.ts is stale against ../openapi/openapi.json.
// It regenerates with the same CLI as `npm run gen:api` into a temporary file and compares bytes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(join(tmpdir(), "shulchan-api-"));
const fresh = join(dir, "schema.d.ts");
try {
  const cli = join(root, "node_modules", "openapi-typescript", "bin", "cli.js");
  const run = spawnSync(process.execPath, [cli, "../openapi/openapi.json", "-o", fresh], {
    cwd: root,
    encoding: "utf8",
  });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    process.exit(2);
  }
  const committed = readFileSync(join(root, "src", "api", "schema.d.ts"), "utf8");
  if (committed !== readFileSync(fresh, "utf8")) {
    console.error(
      "src/api/schema.d.ts is stale against openapi/openapi.json: run `npm run gen:api` in frontend/ and commit it.",
    );
    process.exit(1);
  }
  console.log("src/api/schema.d.ts matches openapi/openapi.json");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
