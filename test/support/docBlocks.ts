/**
 * The ```ts blocks of README.md and docs/guides/*.md, as test/doc-examples.test.ts runs them and
 * test/doc-typecheck.test.ts type-checks them (one extraction, so both tests see the same blocks).
 *
 * `line` is the markdown line of a block's first code line (the line after its fence).
 * A block that is intentionally not compilable under the repository's tsconfig.json is marked by
 * the line `<!-- doc-typecheck: skip -->` (optionally followed by a reason before `-->`) directly
 * above its fence; test/doc-typecheck.test.ts skips it and asserts how many are marked. The marker
 * does not change what test/doc-examples.test.ts runs.
 */
import { readdirSync, readFileSync } from "node:fs";
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

/** The marker line that exempts the block below it from test/doc-typecheck.test.ts. */
export const TYPECHECK_SKIP = /^<!--\s*doc-typecheck:\s*skip\b.*-->\s*$/;

/** Whether `block` (from `extractMarkdown`) is marked `<!-- doc-typecheck: skip -->` on the line above its fence. */
export function isTypecheckSkipped(block: DocBlock): boolean {
  const lines = readFileSync(join(root, block.file), "utf8").split("\n");
  // block.line is 1-based and names the first code line: the fence is lines[block.line - 2].
  return TYPECHECK_SKIP.test(lines[block.line - 3] ?? "");
}
