/**
 * The README stands on its own on npm (#16): npm shows it without the repository, so a relative
 * link (a guide, an example, CHANGELOG.md) is dead there, and a GitHub file page sends the reader
 * out of the documentation. Every link must be absolute; a link into the documentation site
 * (package.json `homepage`, where .github/workflows/pages.yml publishes docs/api/) must name a
 * page `npm run docs` writes: a guide (typedoc names a project document's page after its title),
 * the changelog, an example script's page (scripts/site.ts) or the playground.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;
const readme = readFileSync(join(root, "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { homepage: string; repository: { url: string } };

/** Every link target of a markdown text: inline, autolinks, reference definitions, HTML href/src. */
export function linksOf(markdown: string): string[] {
  const text = markdown.replace(/^```[\s\S]*?^```/gm, ""); // code blocks hold code, not links
  return [
    ...[...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? ""),
    ...[...text.matchAll(/<((?:https?:|mailto:)[^>\s]+)>/g)].map((m) => m[1] ?? ""),
    ...[...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1] ?? ""),
    ...[...text.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? ""),
  ];
}

/** typedoc's page name for a project document titled `title` (createNormalizedUrl in typedoc). */
function typedocPageName(title: string): string {
  return [...title].map((c) => (/^[A-Za-z0-9()+,\-._]$/.test(c) || (c.codePointAt(0) ?? 0) >= 160 ? c : "_")).join("");
}

/** The pages of the site that a README link may name, relative to the site root. */
function sitePages(): Set<string> {
  const pages = new Set(["", "index.html", "playground/index.html", "examples/index.html", "documents/CHANGELOG.html"]);
  for (const f of readdirSync(join(root, "docs", "guides")).filter((f) => f.endsWith(".md"))) {
    const title = /^title:\s*(.+)$/m.exec(readFileSync(join(root, "docs", "guides", f), "utf8"))?.[1]?.trim();
    if (title) pages.add(`documents/${typedocPageName(title)}.html`);
  }
  for (const f of readdirSync(join(root, "examples")).filter((f) => f.endsWith(".ts"))) pages.add(`examples/${f.replace(/\.ts$/, ".html")}`);
  return pages;
}

describe("README links (#16)", () => {
  const links = linksOf(readme);

  it("finds the links (the extractor sees inline links, autolinks and references)", () => {
    expect(links.length).toBeGreaterThan(20);
    expect(linksOf('[a](b.md) <https://x.org/> [r]: ./c.md\n<a href="d.html">d</a>\n```\n[x](y.md)\n```')).toEqual(["b.md", "https://x.org/", "d.html"]);
    expect(linksOf("[r]: ./c.md")).toEqual(["./c.md"]);
  });

  it("has no relative link (dead on npm)", () => {
    expect(links.filter((l) => !/^(https:\/\/|mailto:)/.test(l))).toEqual([]);
  });

  it("has no link to a GitHub file or folder page (guides and examples are on the site)", () => {
    expect(links.filter((l) => /^https:\/\/(github\.com\/[^/]+\/[^/]+\/(blob|tree|raw)\/|raw\.githubusercontent\.com\/)/.test(l))).toEqual([]);
  });

  it("links the site where the pages workflow publishes it (GitHub Pages of the repository)", () => {
    const [, owner, repo] = /github\.com\/([^/]+)\/([^/.]+)/.exec(pkg.repository.url) ?? [];
    expect(pkg.homepage).toBe(`https://${owner}.github.io/${repo}/`);
    const workflow = readFileSync(join(root, ".github", "workflows", "pages.yml"), "utf8");
    expect(workflow).toContain("actions/deploy-pages");
    expect(workflow).toMatch(/path:\s*docs\/api/);
    expect(links.some((l) => l.startsWith(pkg.homepage))).toBe(true);
  });

  it("names only pages the site build writes", () => {
    const pages = sitePages();
    const onSite = links.filter((l) => l.startsWith(pkg.homepage)).map((l) => l.slice(pkg.homepage.length).replace(/#.*$/, ""));
    expect(onSite.filter((p) => !pages.has(p))).toEqual([]);
    for (const p of onSite.filter((p) => p.startsWith("examples/") && p !== "examples/index.html")) expect(existsSync(join(root, p.replace(/\.html$/, ".ts")))).toBe(true);
  });
});
