/**
 * Every `@example` in the TSDoc of `src/`, and every ```ts block of README.md and docs/guides/*.md,
 * is extracted and executed here (CONTRIBUTING.md) against the built, packed package, as a user
 * would run it. In TSDoc, use ```typescript for a snippet that must not run (not in README.md or
 * the guides, where every JavaScript snippet runs).
 * The TSDoc examples and the README/guide blocks come from test/support/docBlocks.ts, which
 * test/doc-typecheck.test.ts also type-checks them from (its `<!-- doc-typecheck: skip -->` marker
 * and its allow-list do not skip a block here).
 *
 * - `import { … } from "marketplace-economics"` (or a subpath) binds names from that entry point of
 *   the tarball installed by test/setup/packedInstall.ts (so an example that imports a name from the
 *   wrong subpath fails); `import { Decimal } from "decimal.js"` binds decimal.js; `import type`
 *   lines are dropped.
 * - The migration pages may also import the peer libraries they compare with (`PEERS`), from
 *   this repository's devDependencies, to run both sides of a snippet.
 * - A line `expr; //=> literal` asserts that the JSON form of `expr` (Decimal → string, Date →
 *   ISO string; bigints kept) deep-equals the JavaScript literal. Everywhere (TSDoc, README.md,
 *   the guides) a quoted string stands for a string: a result that is a `Date` or a `Decimal` is written with
 *   `.toISOString()`, `.toString()` or `.toFixed(n)` before `//=>` (inside arrays and objects the
 *   JSON form is compared).
 * - Every result shown in README.md and the guides is checked: a trailing comment that looks like
 *   a result (`expr; // "0.1000"`, `// => 3`, `// returns …`) but is not `//=>` fails the test
 *   "shows no unchecked result", and so does a JavaScript/TypeScript fence other than ```ts. A
 *   result stated in a ```python block (migration page) must equal a result checked in a ```ts
 *   block of the same page.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import * as decimalModule from "decimal.js";
import { transformSync } from "esbuild";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { extractMarkdown, extractTsdoc, markdownFiles, root, sourceFiles } from "./support/docBlocks.js";

/**
 * The peer libraries a migration page (docs/guides/migrating-*.md) may run side by side with this
 * one, from this repository's devDependencies: `import xirr from "xirr"`, `import * as formulajs
 * from "@formulajs/formulajs"`, `import { pmt } from "financial"`.
 */
const PEERS = ["xirr", "@formulajs/formulajs", "financial"];
const requireFromRoot = createRequire(join(root, "package.json"));
const peer = (name: string): Record<string, unknown> & ((...a: unknown[]) => unknown) => requireFromRoot(name) as Record<string, unknown> & ((...a: unknown[]) => unknown);

function rewriteImports(code: string): string {
  code = code.replace(/import\s+(?:\*\s+as\s+)?(\w+)\s+from\s*["']([^"']+)["'];?/g, (whole, local: string, source: string) => {
    if (!PEERS.includes(source)) throw new Error(`example imports a default or namespace from "${source}" (only ${PEERS.join(", ")})`);
    return `const ${local} = __peer(${JSON.stringify(source)});`;
  });
  return code.replace(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*["']([^"']+)["'];?/g, (whole, isType: string | undefined, names: string, source: string) => {
    const keep = "\n".repeat(whole.split("\n").length - 1);
    if (isType) return keep;
    const list = names
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n !== "" && !n.startsWith("type "))
      .map((n) => n.replace(/^(\w+)\s+as\s+(\w+)$/, "$1: $2"))
      .join(", ");
    if (source === "decimal.js") return `const { ${list} } = __decimal;${keep}`;
    if (PEERS.includes(source)) return `const { ${list} } = __peer(${JSON.stringify(source)});${keep}`;
    const imported = list
      .split(", ")
      .map((n) => n.split(":")[0])
      .filter((n) => n !== "");
    if (/^marketplace-economics(\/\w+)?$/.test(source)) return `const { ${list} } = __lib(${JSON.stringify(source)}, ${JSON.stringify(imported)});${keep}`;
    throw new Error(`example imports from unsupported module "${source}"`);
  });
}

function transform(code: string): string {
  code = rewriteImports(code);
  const lines = code.split("\n").map((line, i) => {
    const check = CHECK.exec(line);
    if (check && (check[2] ?? "").trim() !== "") {
      return `${check[1]}__check((${check[2]}), (${check[3]}), ${i + 1});`;
    }
    return line;
  });
  return transformSync(lines.join("\n"), { loader: "ts", format: "esm", target: "es2022" }).code;
}

function normalise(value: unknown): unknown {
  if (typeof value === "bigint") return value;
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if (decimalModule.Decimal.isDecimal(value)) return (value as { toString(): string }).toString();
  if (Array.isArray(value)) return value.map(normalise);
  const withJSON = value as { toJSON?: () => unknown };
  if (typeof withJSON.toJSON === "function") return normalise(withJSON.toJSON());
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== "function") out[k] = normalise(v);
  return out;
}

/** `expr; //=> literal`: the lines `transform` turns into a check. */
const CHECK = /^(\s*)(.*?);?\s*\/\/=>\s*(.+)$/;

/** Splits a line at its first `//` outside a string literal: [code, comment text] or undefined. */
function splitComment(line: string): [string, string] | undefined {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "/" && line[i + 1] === "/") return [line.slice(0, i), line.slice(i + 2)];
  }
  return undefined;
}

const LOOKS_LIKE_LITERAL = /^(?:["'`[{]|-?\.?\d|(?:true|false|null|undefined|NaN|-?Infinity)\b)/;
const RESULT_ARROW = /^(?:=>|->|→|==|returns?\b|gives\b|result\b)/i;
const NOT_AN_EXPRESSION = /^\s*(?:const|let|var|import|export|function|async\s+function|class|if|else|for|while|do|return|throw|type|interface|try|catch|finally|switch|case|default)\b|[{([,]\s*$/;

function isLiteral(text: string): boolean {
  try {
    transformSync(`(${text});`, { loader: "ts" });
    return true;
  } catch {
    return false;
  }
}

/**
 * The lines of a snippet that show a result the doc test does not check: a trailing comment
 * after an expression that parses as a value (`x.toFixed(4); // "0.1000"`), an arrow or "returns"
 * comment that is not `//=>`, or a `//=>` with no expression before it.
 */
function uncheckedResults(code: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  code.split("\n").forEach((line, i) => {
    const check = CHECK.exec(line);
    if (check) {
      if ((check[2] ?? "").trim() === "") out.push({ line: i + 1, text: line.trim() });
      return;
    }
    const parts = splitComment(line);
    if (!parts) return;
    const [before, comment] = [parts[0].trim(), parts[1].trim()];
    if (RESULT_ARROW.test(comment)) out.push({ line: i + 1, text: line.trim() });
    else if (before !== "" && !NOT_AN_EXPRESSION.test(before) && LOOKS_LIKE_LITERAL.test(comment) && isLiteral(comment)) out.push({ line: i + 1, text: line.trim() });
  });
  return out;
}

interface Fence {
  readonly lang: string;
  readonly line: number;
  readonly code: string;
}

function fences(text: string): Fence[] {
  return [...text.matchAll(/^```(\S*)\n([\s\S]*?)^```/gm)].map((m) => ({ lang: m[1] ?? "", line: text.slice(0, m.index).split("\n").length + 1, code: m[2] ?? "" }));
}

/** What is wrong with the results shown in one README/guide file (empty when every result is checked). */
function markdownProblems(file: string): string[] {
  const blocks = fences(readFileSync(file, "utf8"));
  const problems: string[] = [];
  const checked = new Set<string>();
  for (const b of blocks) {
    if (b.lang !== "ts") continue;
    for (const r of uncheckedResults(b.code)) problems.push(`line ${b.line + r.line - 1}: unchecked result (write \`expr; //=> value\`): ${r.text}`);
    for (const line of b.code.split("\n")) {
      const m = CHECK.exec(line);
      if (m?.[3]) checked.add(literalText(m[3]));
    }
  }
  for (const b of blocks) {
    if (/^(?:js|javascript|typescript|tsx|jsx|mjs|cjs|mts|cts)$/.test(b.lang)) problems.push(`line ${b.line}: a \`\`\`${b.lang} block is not run; use \`\`\`ts`);
    if (b.lang !== "python") continue;
    b.code.split("\n").forEach((line, i) => {
      const m = /#\s*(.+)$/.exec(line);
      if (!m?.[1] || !LOOKS_LIKE_LITERAL.test(m[1].trim())) return;
      if (!checked.has(literalText(m[1].trim()))) problems.push(`line ${b.line + i}: the Python result ${m[1].trim()} is not a result checked in a \`\`\`ts block of this page`);
    });
  }
  return problems;
}

/** A literal's value as text, so `"0.28095"`, `'0.28095'` and `0.28095` compare equal. */
function literalText(literal: string): string {
  const s = literal.trim().replace(/;$/, "");
  const q = /^(["'])(.*)\1$/.exec(s);
  return q ? (q[2] ?? "") : s;
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
const examples = [...sourceFiles().flatMap(extractTsdoc), ...markdownFiles.flatMap(extractMarkdown)];

/** Every ESM entry point of the installed tarball, by the specifier a user writes. */
async function loadPackage(consumerDir: string): Promise<Map<string, Record<string, unknown>>> {
  const pkgDir = join(consumerDir, "node_modules", "marketplace-economics");
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { name: string; exports: Record<string, { import?: { default: string } }> };
  const out = new Map<string, Record<string, unknown>>();
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (!target.import) continue;
    out.set(key === "." ? pkg.name : `${pkg.name}${key.slice(1)}`, (await import(pathToFileURL(join(pkgDir, target.import.default)).href)) as Record<string, unknown>);
  }
  return out;
}

describe("doc examples, run against the packed package", () => {
  let entries = new Map<string, Record<string, unknown>>();
  beforeAll(async () => {
    // The consumer with the optional peer dependencies, so snippets of the duckdb subpath run too (#13).
    entries = await loadPackage(inject("consumerWithPeersDir"));
  });
  const lib = (specifier: string, names: readonly string[] = []): Record<string, unknown> => {
    const m = entries.get(specifier);
    if (!m) throw new Error(`example imports "${specifier}", which is not an entry point of the package`);
    const missing = names.filter((n) => !(n in m));
    if (missing.length > 0) throw new Error(`example imports ${missing.join(", ")} from "${specifier}", which does not export it`);
    return m;
  };
  for (const file of markdownFiles) {
    it(`${relative(root, file)} shows no unchecked result`, () => {
      expect(markdownProblems(file)).toEqual([]);
    });
  }
  it("recognises an unchecked result comment", () => {
    const snippet = [
      'xirr(flows).toFixed(4); // "0.1000"',
      "xirrRoots(flows).map(String); // [0.1, 0.2]",
      "npv(r, cf); // => 4.13",
      "x; // returns 3",
      "//=> 5",
      "const history = sales.slice(0, 365); // 2023",
      "pmt(r, n, p); //=> 3",
      "const s = JSON.stringify(a); // e.g. written by a worker",
      'fetch("https://example.com"); // the site',
    ].join("\n");
    expect(uncheckedResults(snippet).map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
  });
  it("finds examples in the source", () => {
    expect(examples.length).toBeGreaterThan(20);
  });
  it("loads the root and every subpath of the package", () => {
    expect([...entries.keys()]).toContain("marketplace-economics/money");
    expect(Object.keys(lib("marketplace-economics")).length).toBeGreaterThan(50);
  });
  for (const ex of examples) {
    it(`${ex.file}:${ex.line} (${ex.symbol})`, async () => {
      const checks: { line: number; actual: unknown; expected: unknown }[] = [];
      const check = (actual: unknown, expected: unknown, line: number): void => {
        if (typeof expected === "string" && typeof actual !== "string") {
          const kind = actual instanceof Date ? "a Date (write .toISOString())" : decimalModule.Decimal.isDecimal(actual) ? "a Decimal (write .toString() or .toFixed(n))" : `a ${typeof actual}`;
          checks.push({ line, actual: `${kind}, shown as a string`, expected });
          return;
        }
        checks.push({ line, actual: normalise(actual), expected: normalise(expected) });
      };
      const run = new AsyncFunction("__lib", "__decimal", "__check", "__peer", transform(ex.code));
      await run(lib, decimalModule, check, peer);
      for (const c of checks) expect(c.actual, `example line ${c.line}`).toEqual(c.expected);
    });
  }
});
