/**
 * Every ```ts block of README.md and docs/guides/*.md, and every ```ts fence of a TSDoc `@example`
 * in src/ (the blocks test/doc-examples.test.ts runs, extracted by test/support/docBlocks.ts),
 * type-checks as a user would copy it: each block is one ES module file (`.mts`, so top-level
 * `await` works) compiled with this repository's tsconfig.json (`strict`,
 * `noUncheckedIndexedAccess`, `exactOptionalPropertyTypes`, `verbatimModuleSyntax`, NodeNext),
 * all blocks in ONE TypeScript program.
 *
 * - `"marketplace-economics"` and its subpaths resolve to src/ through the tsconfig's `paths`
 *   (src/index.ts, src/<module>/index.ts); decimal.js, @formulajs/formulajs and financial use the
 *   types they ship; "xirr" ships none and is mapped to test/support/doc-peer-types/xirr.d.ts.
 * - A failure names the markdown or source file, the line of the block (for TSDoc, also the
 *   symbol it documents) and, for each diagnostic, the file's line and column and the TypeScript
 *   error.
 * - A markdown block that is intentionally not compilable is marked `<!-- doc-typecheck: skip -->`
 *   on the line directly above its fence; the number of such blocks is asserted (`SKIPPED_BLOCKS`).
 *   TSDoc examples have no skip marker (fence one that must not compile ```typescript, which
 *   doc-examples does not run either).
 * - `ALLOWED_FAILURES` names the TSDoc examples known not to compile that could not be fixed yet;
 *   each is still checked, must still fail (an entry that compiles fails the test: remove it), and
 *   the list's length is asserted, so it can only shrink.
 * - A canary module with known errors goes through the same program, so a check that silently
 *   stopped checking (lost `strict`, an unresolved package) fails too.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { type DocBlock, extractMarkdown, extractTsdoc, isTypecheckSkipped, markdownFiles, root, sourceFiles } from "./support/docBlocks.js";

/** How many blocks are marked `<!-- doc-typecheck: skip -->`. Change it only with the marker. */
const SKIPPED_BLOCKS = 0;

/**
 * TSDoc examples that do not compile yet, by `file (symbol)`, each with why it is not fixed.
 * Every entry must still fail; remove an entry when its example is fixed, and lower the count.
 */
const ALLOWED_FAILURES: readonly { readonly example: string; readonly reason: string }[] = [];
/** `ALLOWED_FAILURES.length`: it may only go down. */
const ALLOWED_FAILURE_COUNT = 0;

const blocks = markdownFiles.flatMap(extractMarkdown);
const examples = sourceFiles().flatMap(extractTsdoc);
const checked = [...blocks.filter((b) => !isTypecheckSkipped(b)), ...examples];
const skipped = blocks.filter((b) => isTypecheckSkipped(b));
const exampleKey = (b: DocBlock): string => `${b.file} (${b.symbol})`;
const allowed = new Map(ALLOWED_FAILURES.map((a) => [a.example, a.reason]));
const isExample = (b: DocBlock): boolean => b.symbol !== "markdown";

/** The virtual file a block is compiled as: next to its markdown file, so resolution starts there. */
const virtualName = (b: DocBlock): string => join(root, `${b.file}.L${b.line}.mts`);

/** Known errors: each must be reported, at this line, with this code. */
const CANARY = {
  name: join(root, "test", "doc-typecheck-canary.mts"),
  code: [
    'import { money } from "marketplace-economics";',
    'import { pmt } from "marketplace-economics/tvm";',
    'import { notAnExport } from "marketplace-economics";',
    "const xs: number[] = [];",
    "xs[0].toFixed(2);",
    'money("1", "USD").amount.notAMember;',
    'pmt("0.01", 12, 1000).toFixed(2);',
    "notAnExport;",
  ].join("\n"),
  expected: ["3 TS2305", "5 TS2532", "6 TS2339"],
};

const sourceLines = new Map<string, readonly string[]>();
/** The width of the ` * ` a TSDoc line starts with in the source (0 for markdown), so columns are the file's. */
function margin(block: DocBlock, line: number): number {
  if (!isExample(block)) return 0;
  let lines = sourceLines.get(block.file);
  if (!lines) sourceLines.set(block.file, (lines = readFileSync(join(root, block.file), "utf8").split("\n")));
  return /^\s*\* ?/.exec(lines[block.line + line - 1] ?? "")?.[0].length ?? 0;
}

function format(d: ts.Diagnostic, block?: DocBlock): string {
  const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (!d.file || d.start === undefined) return `TS${d.code} ${text}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return block ? `${block.file}:${block.line + line}:${margin(block, line) + character + 1} TS${d.code} ${text}` : `${line + 1} TS${d.code}`;
}

describe("doc snippets type-check (README.md, docs/guides/*.md, TSDoc @example)", () => {
  const byFile = new Map<string, string[]>();
  let programProblems: string[] = [];
  let canary: string[] = [];

  beforeAll(() => {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const config = ts.getParsedCommandLineOfConfigFile(
      join(root, "tsconfig.json"),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
        },
      },
    );
    if (!config) throw new Error("tsconfig.json could not be read");
    const options: ts.CompilerOptions = { ...config.options, noEmit: true, paths: { ...config.options.paths, xirr: ["./test/support/doc-peer-types/xirr.d.ts"] } };
    const virtual = new Map<string, string>([...checked.map((b) => [virtualName(b), b.code] as const), [CANARY.name, CANARY.code]]);
    const host = ts.createCompilerHost(options, true);
    const { fileExists, readFile, getSourceFile } = host;
    host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
    host.readFile = (f) => virtual.get(f) ?? readFile.call(host, f);
    host.getSourceFile = (f, language, onError, create) => {
      const text = virtual.get(f);
      return text === undefined ? getSourceFile.call(host, f, language, onError, create) : ts.createSourceFile(f, text, language, true);
    };
    const program = ts.createProgram({ rootNames: [...virtual.keys()], options, host });
    programProblems = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map((d) => format(d));
    const diagnosticsOf = (name: string): readonly ts.Diagnostic[] => {
      const sf = program.getSourceFile(name);
      if (!sf) throw new Error(`${name} is not in the program`);
      return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    };
    for (const b of checked)
      byFile.set(
        virtualName(b),
        diagnosticsOf(virtualName(b)).map((d) => format(d, b)),
      );
    canary = diagnosticsOf(CANARY.name).map((d) => format(d));
    const cpu = process.cpuUsage(cpuStart);
    console.info(
      `doc-typecheck: ${checked.length} blocks (${checked.length - examples.length} markdown, ${examples.length} TSDoc @example; ${skipped.length} skipped) in one program, ${program.getSourceFiles().length} files, ${Math.round(performance.now() - started)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU`,
    );
  });

  it("finds the blocks of README.md and every guide", () => {
    expect(blocks.length).toBeGreaterThan(80);
    expect(new Set(blocks.map((b) => b.file)).size).toBeGreaterThan(10);
  });

  it("finds the @example blocks of the source", () => {
    expect(examples.length).toBeGreaterThan(150);
    expect(new Set(examples.map((b) => b.file)).size).toBeGreaterThan(100);
  });

  it(`skips exactly the ${SKIPPED_BLOCKS} blocks marked <!-- doc-typecheck: skip -->`, () => {
    expect(skipped.map((b) => `${b.file}:${b.line}`)).toHaveLength(SKIPPED_BLOCKS);
  });

  it(`allows exactly ${ALLOWED_FAILURE_COUNT} failing @example blocks, each an existing example`, () => {
    expect(ALLOWED_FAILURES).toHaveLength(ALLOWED_FAILURE_COUNT);
    expect(allowed.size).toBe(ALLOWED_FAILURES.length);
    const keys = new Set(examples.map(exampleKey));
    expect(ALLOWED_FAILURES.map((a) => a.example).filter((k) => !keys.has(k))).toEqual([]);
  });

  it("compiles with the repository's options and no global error", () => {
    expect(programProblems).toEqual([]);
  });

  it("reports the canary's known errors (the check is strict and resolves the package)", () => {
    expect(canary).toEqual(CANARY.expected);
  });

  for (const b of checked) {
    const reason = isExample(b) ? allowed.get(exampleKey(b)) : undefined;
    const where = isExample(b) ? `${b.file}, @example of ${b.symbol} at line ${b.line}` : `${b.file}, block at line ${b.line}`;
    if (reason === undefined) {
      it(isExample(b) ? `${b.file}:${b.line} (${b.symbol})` : `${b.file}:${b.line}`, () => {
        expect(byFile.get(virtualName(b)), where).toEqual([]);
      });
    } else {
      it(`${b.file}:${b.line} (${b.symbol}) still fails, allowed: ${reason}`, () => {
        expect(byFile.get(virtualName(b)), `${where} compiles now: remove it from ALLOWED_FAILURES and lower ALLOWED_FAILURE_COUNT`).not.toEqual([]);
      });
    }
  }
});
