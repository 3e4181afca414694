// The files generated from scripts/modules.json (barrels, src/index.ts, package.json exports) and
// the API report (etc/marketplace-economics.api.md): the checks that fail CI when they are stale.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../scripts/api-report.mjs";
import { HEADER, check, generate, isPublicFile, readConfig, readListing, write } from "../scripts/generate.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));
const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "generated-files-"));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe("generate: the pure function", () => {
  const config = { modules: ["money", "time"], rootFiles: ["errors"] };
  const listing = {
    dirs: ["_lib", "money", "time"],
    rootFiles: ["errors.ts", "index.ts", "errors.test.ts"],
    files: {
      money: ["sum.ts", "add.ts", "index.ts", "add.test.ts", "money.prop.test.ts", "money.test-d.ts", "x.bench.ts", "types.ts", "amortizationSchedule.interestOnly.test.ts", "ambient.d.ts"],
      time: ["periodKey.ts", "EU_THING.ts", "eachPeriod.ts"],
    },
  };

  it("lists only public files, alphabetically (locale order, as before), under the header", () => {
    const { files, problems } = generate(config, listing);
    expect(problems).toEqual([]);
    expect(files["src/money/index.ts"]).toBe(`${HEADER}\nexport * from "./add.js";\nexport * from "./sum.js";\nexport * from "./types.js";\n`);
    expect(files["src/time/index.ts"]).toBe(`${HEADER}\nexport * from "./eachPeriod.js";\nexport * from "./EU_THING.js";\nexport * from "./periodKey.js";\n`);
  });

  it("puts every module and root file in src/index.ts, alphabetically, after the @module comment", () => {
    const root = generate(config, listing).files["src/index.ts"]!;
    expect(root.startsWith(`${HEADER}\n/**`)).toBe(true);
    expect(root).toContain("@module API reference");
    expect(root.split("\n").filter((l) => l.startsWith("export"))).toEqual(['export * from "./errors.js";', 'export * from "./money/index.js";', 'export * from "./time/index.js";']);
  });

  it("keeps subpathOnly modules out of src/index.ts but gives them a subpath export (#13)", () => {
    const { files, packageFields } = generate({ ...config, subpathOnly: ["time"] }, listing);
    expect(files["src/index.ts"]!.split("\n").filter((l) => l.startsWith("export"))).toEqual(['export * from "./errors.js";', 'export * from "./money/index.js";']);
    expect(files["src/time/index.ts"]).toContain('export * from "./periodKey.js";');
    expect(Object.keys(packageFields["exports"] as object)).toEqual([".", "./money", "./time", "./package.json"]);
  });

  it("writes the exports map in list order: root first, types first in each condition, ./package.json last", () => {
    const { packageFields } = generate(config, listing);
    expect(packageFields).toEqual({
      main: "./dist/index.cjs",
      module: "./dist/index.js",
      types: "./dist/index.d.cts",
      typesVersions: { "*": { money: ["./dist/money/index.d.cts"], time: ["./dist/time/index.d.cts"] } },
      exports: {
        ".": { import: { types: "./dist/index.d.ts", default: "./dist/index.js" }, require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" } },
        "./money": { import: { types: "./dist/money/index.d.ts", default: "./dist/money/index.js" }, require: { types: "./dist/money/index.d.cts", default: "./dist/money/index.cjs" } },
        "./time": { import: { types: "./dist/time/index.d.ts", default: "./dist/time/index.js" }, require: { types: "./dist/time/index.d.cts", default: "./dist/time/index.cjs" } },
        "./package.json": "./package.json",
      },
    });
    const exportsMap = packageFields["exports"] as Record<string, unknown>;
    expect(Object.keys(exportsMap)).toEqual([".", "./money", "./time", "./package.json"]);
    expect(Object.keys((exportsMap["."] as { import: object }).import)).toEqual(["types", "default"]);
  });

  it("reports a module directory missing from the list, a listed module without a directory, and a missing root file", () => {
    const { problems } = generate({ modules: ["money", "time", "ghost"], rootFiles: ["errors", "nope"] }, { ...listing, dirs: [...listing.dirs, "stray"] });
    expect(problems).toEqual([
      "src/stray/ is a module directory missing from scripts/modules.json",
      'scripts/modules.json lists "ghost" but src/ghost/ does not exist',
      'scripts/modules.json lists root file "nope" but src/nope.ts does not exist',
      "src/ghost/ has no public file",
    ]);
  });

  it("classifies public files", () => {
    expect(["a.ts", "EU_SME_THRESHOLDS.ts", "types.ts"].every(isPublicFile)).toBe(true);
    expect(["index.ts", "a.test.ts", "a.prop.test.ts", "a.long.test.ts", "a.test-d.ts", "a.bench.ts", "a.d.ts", "a.js", "README.md"].some(isPublicFile)).toBe(false);
  });
});

describe("generate --check on this repository", () => {
  it("finds every generated file up to date (run `npm run generate` if this fails)", () => {
    expect(check(repo)).toEqual({ stale: [], problems: [] });
  });

  it("matches the module list, the src/ folders and the package.json exports subpaths", () => {
    const config = readConfig(repo);
    const listing = readListing(repo, config);
    expect([...config.modules].sort()).toEqual(listing.dirs.filter((d) => !d.startsWith("_")).sort());
    const pkg = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { exports: Record<string, unknown> };
    expect(Object.keys(pkg.exports)).toEqual([".", ...config.modules.map((m) => `./${m}`), "./package.json"]);
  });
});

describe("generate --check on a temporary copy", () => {
  let dir = "";
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(dir, "scripts", "generate.mjs"), ...args], { encoding: "utf8" });
  beforeAll(() => {
    dir = tempDir();
    cpSync(join(repo, "src"), join(dir, "src"), { recursive: true });
    mkdirSync(join(dir, "scripts"));
    for (const f of ["generate.mjs", "modules.json"]) cpSync(join(repo, "scripts", f), join(dir, "scripts", f));
    cpSync(join(repo, "package.json"), join(dir, "package.json"));
    write(dir);
  });

  it("passes when freshly generated", () => {
    expect(check(dir)).toEqual({ stale: [], problems: [] });
    const r = cli("--check");
    expect(r.status).toBe(0);
  });

  it("fails, naming the file, when a barrel misses a public file, and generate fixes it", () => {
    writeFileSync(join(dir, "src", "money", "zzzNewFunction.ts"), "export const zzzNewFunction = 1;\n");
    const { stale } = check(dir);
    expect(stale).toEqual([{ path: "src/money/index.ts", detail: ['    + export * from "./zzzNewFunction.js";'] }]);
    const r = cli("--check");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("src/money/index.ts");
    expect(r.stderr).toContain("npm run generate");
    expect(cli().status).toBe(0);
    expect(
      readFileSync(join(dir, "src", "money", "index.ts"), "utf8")
        .trimEnd()
        .endsWith('export * from "./zzzNewFunction.js";'),
    ).toBe(true);
    expect(check(dir).stale).toEqual([]);
    unlinkSync(join(dir, "src", "money", "zzzNewFunction.ts"));
    expect(check(dir).stale.map((s) => s.path)).toEqual(["src/money/index.ts"]);
    write(dir);
  });

  it("fails when a barrel is out of alphabetical order or hand-edited", () => {
    const barrel = join(dir, "src", "time", "index.ts");
    const good = readFileSync(barrel, "utf8");
    const lines = good.trimEnd().split("\n");
    [lines[1], lines[2]] = [lines[2]!, lines[1]!];
    writeFileSync(barrel, `${lines.join("\n")}\n`);
    expect(check(dir).stale.map((s) => s.path)).toEqual(["src/time/index.ts"]);
    writeFileSync(barrel, good.replace(`${HEADER}\n`, ""));
    expect(check(dir).stale.map((s) => s.path)).toEqual(["src/time/index.ts"]);
    writeFileSync(barrel, good);
    expect(check(dir).stale).toEqual([]);
  });

  it("fails when the root barrel misses a module or package.json exports drift", () => {
    const rootBarrel = join(dir, "src", "index.ts");
    const good = readFileSync(rootBarrel, "utf8");
    writeFileSync(rootBarrel, good.replace('export * from "./jobs/index.js";\n', ""));
    const pkgPath = join(dir, "package.json");
    const pkgText = readFileSync(pkgPath, "utf8");
    const pkg = JSON.parse(pkgText) as { exports: Record<string, unknown>; main: string };
    delete pkg.exports["./synthetic"];
    pkg.main = "./dist/index.js";
    writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
    expect(check(dir).stale.map((s) => s.path)).toEqual(["src/index.ts", 'package.json "main"', 'package.json "exports"']);
    write(dir);
    expect(check(dir).stale).toEqual([]);
    // write() changes only the owned fields: the rest of package.json, key order included, is kept.
    expect(readFileSync(pkgPath, "utf8")).toBe(pkgText);
    expect(readFileSync(rootBarrel, "utf8")).toBe(good);
  });

  it("reports a new module folder that the list does not name", () => {
    mkdirSync(join(dir, "src", "newmodule"));
    writeFileSync(join(dir, "src", "newmodule", "f.ts"), "export const f = 1;\n");
    expect(check(dir).problems).toEqual(["src/newmodule/ is a module directory missing from scripts/modules.json"]);
    expect(cli("--check").status).toBe(1);
    rmSync(join(dir, "src", "newmodule"), { recursive: true });
  });
});

describe("API report", () => {
  function fixture(fSource: string): string {
    const dir = tempDir();
    mkdirSync(join(dir, "src", "a"), { recursive: true });
    mkdirSync(join(dir, "scripts"));
    writeFileSync(join(dir, "scripts", "modules.json"), JSON.stringify({ modules: ["a"], rootFiles: ["errors"] }));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "fixture", type: "module", exports: { ".": "./dist/index.js", "./a": "./dist/a/index.js", "./package.json": "./package.json" } }));
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { target: "ES2022", lib: ["ES2022"], module: "NodeNext", moduleResolution: "NodeNext", strict: true, types: [], noEmit: true }, include: ["src"] }),
    );
    writeFileSync(join(dir, "src", "index.ts"), 'export * from "./a/index.js";\nexport * from "./errors.js";\n');
    writeFileSync(
      join(dir, "src", "errors.ts"),
      '/** Doc. */\nexport class FixtureError extends Error {\n  readonly code = "X" as const;\n  #secret = 1;\n  private hidden(): number { return this.#secret; }\n}\n',
    );
    writeFileSync(join(dir, "src", "a", "index.ts"), 'export * from "./f.js";\n');
    writeFileSync(join(dir, "src", "a", "f.ts"), fSource);
    return dir;
  }
  const source = [
    "interface Hidden { readonly x: number }",
    "/** A doc comment that the report drops. */",
    "export function f<T extends string>(a: T, b?: Hidden): readonly T[] { return b ? [a] : []; }",
    "export function g(a: number): number;",
    "export function g(a: string): string;",
    "export function g(a: number | string): number | string { return a; }",
    "export const LIMITS = Object.freeze({ max: 3 } as const);",
    'export type Mode = "day" | "week";',
  ].join("\n");

  it("lists every export of every entry point with kind and full declaration, sorted", () => {
    const report = buildReport(fixture(source));
    expect(report).toContain("## marketplace-economics\n");
    expect(report).toContain("| FixtureError | class | this entry point only |");
    expect(report).toContain("| f | function | marketplace-economics/a |");
    expect(report).toContain("### f (function)\n\n```ts\nfunction f<T extends string>(a: T, b?: Hidden): readonly T[];\n```");
    expect(report).toContain("### g (function)\n\n```ts\nfunction g(a: number): number;\nfunction g(a: string): string;\n```");
    expect(report).toContain("### LIMITS (const)\n\n```ts\nconst LIMITS: Readonly<{\n    readonly max: 3;\n}>;\n```");
    expect(report).toContain('### Mode (type)\n\n```ts\ntype Mode = "day" | "week";\n```');
    expect(report).toContain('### FixtureError (class)\n\n```ts\nclass FixtureError extends Error {\n    #private;\n    readonly code: "X";\n    private hidden;\n}\n```');
    expect(report).not.toContain("doc comment");
    const headings = report
      .split("\n")
      .filter((l) => l.startsWith("### "))
      .map((l) => l.split(" ")[1]);
    expect(headings).toEqual(["FixtureError", "LIMITS", "Mode", "f", "g"]);
    expect(report).toContain("- `Hidden`, used by `f`");
  });

  it("changes when a signature changes, and is stable otherwise", () => {
    const before = buildReport(fixture(source));
    expect(buildReport(fixture(source))).toBe(before);
    const after = buildReport(fixture(source.replace("readonly T[] { return", "T[] { return")));
    expect(after).not.toBe(before);
    expect(after).toContain("function f<T extends string>(a: T, b?: Hidden): T[];");
    const exported = buildReport(fixture(source.replace("interface Hidden", "export interface Hidden")));
    expect(exported).toContain("None: every type a public declaration names is itself exported.");
  });
});
