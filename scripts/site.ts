/**
 * The last step of `npm run docs` (#16): puts the playground and the example scripts into the
 * typedoc site.
 * - Copies docs/site/playground/* to docs/api/playground/ and the library's browser bundle
 *   (build/browser/marketplace-economics.js, built by `npm run build`, tsup.config.ts) beside it.
 * - Writes docs/api/examples/index.html and one page per examples/<name>.ts
 *   (docs/api/examples/<name>.html, the script's text), so the README's example links work on
 *   npm without pointing into the repository.
 * - Points the pages' `[playground](#playground)` and `[examples](#examples)` links at them
 *   (typedoc checks relative links against source files, and neither is one; the fragment is the
 *   marker).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const bundle = join(root, "build", "browser", "marketplace-economics.js");
if (!existsSync(bundle)) throw new Error("site: build/browser/marketplace-economics.js is missing: run `npm run build` first");
const site = join(root, "docs", "api");
const from = join(root, "docs", "site", "playground");
const to = join(site, "playground");
mkdirSync(to, { recursive: true });
for (const f of readdirSync(from)) copyFileSync(join(from, f), join(to, f));
copyFileSync(bundle, join(to, "marketplace-economics.js"));
console.log(`site: wrote docs/api/playground/ (${readdirSync(to).join(", ")})`);

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const page = (title: string, body: string) =>
  `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} | marketplace-economics</title>
<link rel="stylesheet" href="../assets/style.css"><link rel="stylesheet" href="../assets/custom.css">
<style>body{margin:0 auto;max-width:60rem;padding:0 1rem}pre{overflow-x:auto;padding:1rem;background:var(--code-background)}pre,pre code{white-space:pre;overflow-wrap:normal;font-size:0.85rem}h1{font-size:1.5rem}h1 code{font-size:inherit}</style>
</head><body><div class="tsd-typography">
<p><a href="../index.html">marketplace-economics</a> / <a href="index.html">examples</a></p>
${body}
</div></body></html>
`;
/**
 * An example's summary: the first paragraph of its leading comment (`//` lines or a `/** … *\/`
 * block), up to the first blank comment line or "Run:" hint, joined into one sentence or more.
 */
export function exampleSummary(text: string): string {
  const lines: string[] = [];
  const body = text.split("\n");
  const block = body[0]?.startsWith("/**");
  for (const raw of block ? body.slice(1) : body) {
    if (block && raw.trim().startsWith("*/")) break;
    const m = block ? /^\s*\*\s?(.*)$/.exec(raw) : /^\/\/\s?(.*)$/.exec(raw);
    if (!m) break;
    const line = (m[1] ?? "").trim();
    if (line === "" || line.startsWith("npm run") || line.startsWith("npx ")) break;
    lines.push(line);
  }
  return lines
    .join(" ")
    .replace(/\s*Run: .*$/, "")
    .trim();
}

const examplesDir = join(root, "examples");
const examplesOut = join(site, "examples");
mkdirSync(examplesOut, { recursive: true });
const scripts = readdirSync(examplesDir)
  .filter((f) => f.endsWith(".ts"))
  .sort();
const summaries: string[] = [];
for (const f of scripts) {
  const text = readFileSync(join(examplesDir, f), "utf8");
  const summary = exampleSummary(text);
  summaries.push(`<li><a href="${f.replace(/\.ts$/, ".html")}"><code>${esc(f)}</code></a>: ${esc(summary)}</li>`);
  const body = `<h1><code>examples/${esc(f)}</code></h1>
<p>${esc(summary)} Run it from a checkout of the repository with <code>npx tsx examples/${esc(f)}</code>; the test suite runs every example against the packed package.</p>
<pre><code class="language-typescript">${esc(text)}</code></pre>`;
  writeFileSync(join(examplesOut, f.replace(/\.ts$/, ".html")), page(`examples/${f}`, body));
}
writeFileSync(
  join(examplesOut, "index.html"),
  page("Examples", `<h1>Examples</h1>\n<p>Small scripts, one per module, each run by the test suite against the packed package.</p>\n<ul>\n${summaries.join("\n")}\n</ul>`),
);
console.log(`site: wrote docs/api/examples/ (${scripts.length} scripts and index.html)`);

const pages = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? pages(join(dir, f)) : f.endsWith(".html") ? [join(dir, f)] : []));
const markers = { "#playground": join(to, "index.html"), "#examples": join(examplesOut, "index.html") };
/** Every HTML page of the site (the listing is read once; the loops below only rewrite files). */
const sitePages = pages(site);
let linked = 0;
for (const file of sitePages) {
  const html = readFileSync(file, "utf8");
  let next = html;
  for (const [marker, target] of Object.entries(markers)) next = next.replaceAll(`href="${marker}"`, `href="${relative(join(file, ".."), target)}"`);
  if (next === html) continue;
  writeFileSync(file, next);
  linked++;
}
console.log(`site: linked the playground and the examples from ${linked} pages`);

// Every link inside the site must resolve: a relative href names a file that exists (typedoc's
// own validation checks the sources, not the pages this script and typedoc's navigation add), and
// no bare file name was turned into a web address (`http://CHANGELOG.md`).
const broken: string[] = [];
for (const file of sitePages) {
  const html = readFileSync(file, "utf8");
  for (const m of html.matchAll(/\shref="([^"]*)"/g)) {
    const href = m[1] ?? "";
    if (/^https?:\/\/[^/]*\.(md|ts|json)$/i.test(href)) broken.push(`${relative(site, file)}: ${href} (a file name linkified as a web address)`);
    if (/^([a-z]+:|#|\/\/)/i.test(href) || href === "") continue;
    const path = decodeURIComponent(href.split("#")[0] ?? "");
    if (path === "") continue;
    if (!existsSync(join(file, "..", path))) broken.push(`${relative(site, file)}: ${href}`);
  }
}
if (broken.length > 0) {
  const shown = broken.slice(0, 20).join("\n  ");
  throw new Error(`site: ${broken.length} broken links in docs/api:\n  ${shown}${broken.length > 20 ? "\n  …" : ""}`);
}
console.log(`site: every relative link of ${sitePages.length} pages resolves`);
