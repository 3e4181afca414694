/**
 * The last step of `npm run docs` (#16): puts the playground into the typedoc site.
 * Copies docs/site/playground/* to docs/api/playground/ and the library's browser bundle
 * (build/browser/marketplace-economics.js, built by `npm run build`, tsup.config.ts) beside it,
 * and points the pages' `[playground](#playground)` links at it (typedoc checks relative links
 * against source files, and the playground is not one; `#playground` is the marker).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const bundle = join(root, "build", "browser", "marketplace-economics.js");
if (!existsSync(bundle)) throw new Error("site: build/browser/marketplace-economics.js is missing: run `npm run build` first");
const from = join(root, "docs", "site", "playground");
const to = join(root, "docs", "api", "playground");
mkdirSync(to, { recursive: true });
for (const f of readdirSync(from)) copyFileSync(join(from, f), join(to, f));
copyFileSync(bundle, join(to, "marketplace-economics.js"));
console.log(`site: wrote docs/api/playground/ (${readdirSync(to).join(", ")})`);

const site = join(root, "docs", "api");
const pages = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? pages(join(dir, f)) : f.endsWith(".html") ? [join(dir, f)] : []));
let linked = 0;
for (const page of pages(site)) {
  const html = readFileSync(page, "utf8");
  if (!html.includes('href="#playground"')) continue;
  const target = relative(join(page, ".."), join(to, "index.html"));
  writeFileSync(page, html.replaceAll('href="#playground"', `href="${target}"`));
  linked++;
}
console.log(`site: linked the playground from ${linked} pages`);
