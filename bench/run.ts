/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process (so one benchmark's garbage
 * and JIT state do not skew the next), then bench/coldImport.ts (cold import of the built dist/,
 * so it needs `npm run build` first), and prints their Markdown tables. Pass names to run a subset:
 * `npm run bench -- tvm share` or `npm run bench -- coldImport`.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = new URL(".", import.meta.url).pathname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .sort()
  .concat("coldImport.ts")
  .filter((f) => only.length === 0 || only.includes(f.replace(/(\.bench)?\.ts$/, "")));
let failed = 0;
for (const f of files) {
  console.log(`\n## ${f}\n`);
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(dir, f)], { stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
    console.error(`${f} exited with ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
