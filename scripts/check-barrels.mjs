// Fails when a public source file is missing from its module barrel, or a module from src/index.ts.
// Barrels are mechanical: an alphabetical list of `export * from "./x.js";` (CONTRIBUTING.md).
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const src = new URL("../src/", import.meta.url).pathname;
const problems = [];
const isPublic = (f) => f.endsWith(".ts") && !/\.(test|test-d|prop\.test|bench)\.ts$/.test(f) && !f.includes(".test.") && f !== "index.ts";

function exportsOf(file) {
  return [...readFileSync(file, "utf8").matchAll(/^export \* from "\.\/(.+)\.js";$/gm)].map((m) => m[1]);
}

const modules = readdirSync(src, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith("_")).map((d) => d.name);
for (const mod of modules) {
  const barrel = join(src, mod, "index.ts");
  if (!existsSync(barrel)) { problems.push(`src/${mod}/index.ts is missing`); continue; }
  const listed = exportsOf(barrel);
  const sorted = [...listed].sort((a, b) => a.localeCompare(b, "en"));
  if (listed.join() !== sorted.join()) problems.push(`src/${mod}/index.ts is not alphabetical`);
  for (const f of readdirSync(join(src, mod)).filter(isPublic)) {
    const name = f.replace(/\.ts$/, "");
    if (!listed.includes(name)) problems.push(`src/${mod}/${f} is not exported from src/${mod}/index.ts`);
  }
  for (const name of listed) if (!existsSync(join(src, mod, `${name}.ts`))) problems.push(`src/${mod}/index.ts exports missing ./${name}.js`);
}
const root = exportsOf(join(src, "index.ts"));
for (const mod of modules) if (!root.includes(`${mod}/index`)) problems.push(`src/index.ts does not export ./${mod}/index.js`);
if (!root.includes("errors")) problems.push("src/index.ts does not export ./errors.js");

if (problems.length) {
  console.error(`check-barrels: ${problems.length} problem(s)\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(`check-barrels: ${modules.length} module barrels complete and alphabetical`);
