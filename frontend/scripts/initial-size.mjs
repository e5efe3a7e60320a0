// Prints what the first page load costs: the entry script and the modules index.html preloads,
// raw and gzipped. Run after `npm run build` (`npm run size`). Route chunks load later, on demand.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const html = readFileSync(join(dist, "index.html"), "utf8");
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let js = 0;
let jsGz = 0;
for (const file of files) {
  const bytes = readFileSync(join(dist, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  if (file.endsWith(".js")) {
    js += bytes.length;
    jsGz += gz;
  }
  console.log(
    `${file.padEnd(44)} ${(bytes.length / 1024).toFixed(1).padStart(8)} kB  gzip ${(gz / 1024).toFixed(1).padStart(6)} kB`,
  );
}
console.log(`initial JS: ${(js / 1024).toFixed(1)} kB, gzip ${(jsGz / 1024).toFixed(1)} kB`);
