/**
 * The ```ts blocks of README.md and docs/guides/*.md, and the ```ts fences of every TSDoc
 * `@example` in src/, as test/doc-examples.test.ts runs them and test/doc-typecheck.test.ts
 * type-checks them (one extraction, so both tests see the same blocks).
 *
 * `line` is the line (of the markdown or source file) of a block's first code line (the line
 * after its fence). A TSDoc block's code has each line's leading ` * ` removed.
 * A block that is intentionally not compilable under the repository's tsconfig.json is marked by
 * the line `<!-- doc-typecheck: skip -->` (optionally followed by a reason before `-->`) directly
 * above its fence; test/doc-typecheck.test.ts skips it and asserts how many are marked. The marker
 * does not change what test/doc-examples.test.ts runs.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** The repository root. */
export const root = new URL("../..", import.meta.url).pathname;

/** One snippet: its file (relative to the root), the line of its first code line, and its code. */
export interface DocBlock {
  readonly file: string;
  readonly line: number;
  readonly symbol: string;
  readonly code: string;
}

/** README.md and every docs/guides/*.md, absolute paths. */
export const markdownFiles = [
  join(root, "README.md"),
  ...readdirSync(join(root, "docs", "guides"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => join(root, "docs", "guides", f)),
];

/** Every ```ts block of one markdown file. */
export function extractMarkdown(file: string): DocBlock[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => ({
    file: relative(root, file),
    line: text.slice(0, m.index).split("\n").length + 1,
    symbol: "markdown",
    code: m[1] ?? "",
  }));
}

/**
 * Every source file of src/ that may carry public TSDoc: `.ts` files outside `_`-prefixed
 * (internal) folders, without tests; absolute paths.
 */
export function sourceFiles(dir: string = join(root, "src")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name.startsWith("_") ? [] : sourceFiles(p);
    return /\.ts$/.test(name) && !/\.test(-d)?\.ts$/.test(name) ? [p] : [];
  });
}

/**
 * The ```ts fence of every `@example` in the TSDoc comments of one source file; `symbol` is the
 * name declared after the comment (`"?"` when none is found). A ```typescript fence is not
 * extracted (it is neither run nor type-checked).
 */
export function extractTsdoc(file: string): DocBlock[] {
  const text = readFileSync(file, "utf8");
  const out: DocBlock[] = [];
  for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const comment = m[1] ?? "";
    const startLine = text.slice(0, m.index).split("\n").length;
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 200);
    const symbol = /(?:function|class|const|interface|type)\s+(\w+)/.exec(after)?.[1] ?? "?";
    const lines = comment.split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
    const body = lines.join("\n");
    let idx = body.indexOf("@example");
    while (idx !== -1) {
      const fence = /```ts\n([\s\S]*?)```/.exec(body.slice(idx));
      if (fence?.[1]) {
        const offset = body.slice(0, idx + (fence.index ?? 0)).split("\n").length;
        out.push({ file: relative(root, file), line: startLine + offset, symbol, code: fence[1] });
      }
      idx = body.indexOf("@example", idx + 1);
    }
  }
  return out;
}

/** The marker line that exempts the block below it from test/doc-typecheck.test.ts. */
export const TYPECHECK_SKIP = /^<!--\s*doc-typecheck:\s*skip\b.*-->\s*$/;

/** Whether `block` (from `extractMarkdown`) is marked `<!-- doc-typecheck: skip -->` on the line above its fence. */
export function isTypecheckSkipped(block: DocBlock): boolean {
  const lines = readFileSync(join(root, block.file), "utf8").split("\n");
  // block.line is 1-based and names the first code line: the fence is lines[block.line - 2].
  return TYPECHECK_SKIP.test(lines[block.line - 3] ?? "");
}
