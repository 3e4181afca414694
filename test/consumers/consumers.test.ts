/**
 * Consumers of the packed package in every setup a user may have (#16): TypeScript's node10,
 * node16 and bundler module resolution (type-checked with skipLibCheck off, then compiled or
 * bundled and run), a CommonJS project, a pnpm `node_modules` layout (where decimal.js is not
 * hoisted: `Decimal` must come from the library), a Yarn classic install, and the minimum TypeScript version stated in
 * README.md ("Install"), installed from the npm registry into a temporary folder.
 *
 * The tarball is the one test/setup/packedInstall.ts packed and installed (`inject("consumerDir")`).
 * The pnpm, Yarn and minimum-TypeScript tests download from the npm registry (pnpm 9 and Yarn 1.22 through npx,
 * typescript@5.4 and @5.3, decimal.js and date-fns for pnpm's own install).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, inject, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const repoTsc = join(root, "node_modules", "typescript", "bin", "tsc");
const { modules, subpathOnly = [] } = JSON.parse(readFileSync(join(root, "scripts", "modules.json"), "utf8")) as { modules: string[]; subpathOnly?: string[] };
// Subpath-only modules (duckdb) need an optional peer dependency that these consumers do not install.
const subpaths = ["marketplace-economics", ...modules.filter((m) => !subpathOnly.includes(m)).map((m) => `marketplace-economics/${m}`)];

/** The minimum TypeScript version README.md states; the types use `NoInfer` (TypeScript 5.4). */
const MIN_TYPESCRIPT = "5.4.5";
/** The release before it, which must fail (so the stated minimum is the real one). */
const BELOW_MIN_TYPESCRIPT = "5.3.3";
/** Yarn classic, run from the npm registry through npx (no yarn binary needed on the machine). */
const YARN = "1.22.22";

/** A consumer module using the root, a subpath and `Decimal` from the package. */
const BODY = `const m: Money = money("10.00", "USD");
const rate: Decimal = new Decimal("0.1");
const value: Decimal = npv(rate, [-100, 60, 60]);
const day: Date = calendarDay(2017, 1, 1);
const r = xirr([{ date: day, amount: -1000 }, { date: calendarDay(2018, 1, 1), amount: 1100 }]);
export const out: string = [m.amount.plus(value).toFixed(6), day.toISOString(), r.toFixed(4), String(value instanceof Decimal)].join(" ");
console.log(out);`;
const EXPECTED = "14.132231 2017-01-01T00:00:00.000Z 0.1000 true";
const IMPORTS_ESM = `import { Decimal, calendarDay, money, npv, type Money } from "marketplace-economics";
import { xirr } from "marketplace-economics/tvm";
${subpaths.map((s, i) => `import * as all${i} from "${s}";`).join("\n")}
void [${subpaths.map((_, i) => `all${i}`).join(", ")}];`;

function run(cmd: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}:\n${err.stdout ?? ""}\n${err.stderr ?? ""}\n${err.message}`);
  }
}

/** A fresh project folder inside the consumer folder (so node_modules/marketplace-economics resolves). */
function project(base: string, name: string, type: "module" | "commonjs", files: Record<string, string>): string {
  const dir = join(base, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, type }));
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

const tsconfig = (compilerOptions: Record<string, unknown>, files: string[]) =>
  JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: false, types: [], target: "ES2022", ...compilerOptions }, files });

// Each tsc run over the whole declaration set (skipLibCheck off) takes 5-20 s on a loaded machine.
describe("consumers of the packed package", { timeout: 300_000 }, () => {
  const base = inject("consumerDir");
  const temps: string[] = [];
  afterAll(() => {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  });

  it("node10 resolution (`module: commonjs`): every subpath type-checks (typesVersions), compiles and runs as CommonJS", () => {
    const dir = project(base, "node10", "commonjs", {
      "tsconfig.json": tsconfig({ module: "commonjs", moduleResolution: "node10", outDir: "out" }, ["index.ts"]),
      "index.ts": `${IMPORTS_ESM}\n${BODY}\n`,
    });
    run(process.execPath, [repoTsc, "-p", dir], dir);
    expect(readFileSync(join(dir, "out", "index.js"), "utf8")).toContain('require("marketplace-economics/tvm")');
    expect(run(process.execPath, [join(dir, "out", "index.js")], dir).trim()).toBe(EXPECTED);
  });

  it("node16 resolution: an ESM (.mts) and a CommonJS (.cts) file type-check, compile and run", () => {
    const dir = project(base, "node16", "module", {
      "tsconfig.json": tsconfig({ module: "node16", moduleResolution: "node16", outDir: "out" }, ["esm.mts", "cjs.cts"]),
      "esm.mts": `${IMPORTS_ESM}\n${BODY}\n`,
      "cjs.cts": `import { Decimal, calendarDay, money, npv, type Money } from "marketplace-economics";\nimport { xirr } from "marketplace-economics/tvm";\n${BODY}\n`,
    });
    run(process.execPath, [repoTsc, "-p", dir], dir);
    expect(run(process.execPath, [join(dir, "out", "esm.mjs")], dir).trim()).toBe(EXPECTED);
    expect(readFileSync(join(dir, "out", "cjs.cjs"), "utf8")).toContain("require(");
    expect(run(process.execPath, [join(dir, "out", "cjs.cjs")], dir).trim()).toBe(EXPECTED);
  });

  it("bundler resolution: type-checks, and an esbuild bundle of it runs", async () => {
    const dir = project(base, "bundler", "module", {
      "tsconfig.json": tsconfig({ module: "esnext", moduleResolution: "bundler", noEmit: true }, ["index.ts"]),
      "index.ts": `${IMPORTS_ESM}\n${BODY}\n`,
    });
    run(process.execPath, [repoTsc, "-p", dir], dir);
    await build({ entryPoints: [join(dir, "index.ts")], bundle: true, platform: "node", format: "esm", outfile: join(dir, "bundle.mjs"), logLevel: "silent" });
    expect(run(process.execPath, [join(dir, "bundle.mjs")], dir).trim()).toBe(EXPECTED);
  });

  it("a plain CommonJS project require()s every subpath and gets Decimal from the package", () => {
    const dir = project(base, "cjs", "commonjs", {
      "index.js": `const all = [${subpaths.map((s) => `require("${s}")`).join(", ")}];
const { Decimal, npv, calendarDay } = require("marketplace-economics");
const v = npv(new Decimal("0.1"), [-100, 60, 60]);
console.log(JSON.stringify({ counts: all.map((m) => Object.keys(m).length), v: v.toFixed(6), isDecimal: v instanceof Decimal, day: calendarDay(2017, 1, 1) }));`,
    });
    const out = JSON.parse(run(process.execPath, [join(dir, "index.js")], dir)) as { counts: number[]; v: string; isDecimal: boolean; day: string };
    expect(out).toMatchObject({ v: "4.132231", isDecimal: true, day: "2017-01-01T00:00:00.000Z" });
    expect(out.counts).toHaveLength(subpaths.length);
    for (const c of out.counts) expect(c).toBeGreaterThan(0);
  });

  it("pnpm layout (decimal.js not hoisted): Decimal from the package works at run time and in types, decimal.js itself does not resolve", () => {
    const tgz = readdirSync(base).find((f) => f.endsWith(".tgz"));
    expect(tgz, "packedInstall leaves the tarball in the consumer folder").toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), "me-pnpm-"));
    temps.push(dir);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "pnpm-consumer", private: true, type: "module", dependencies: { "marketplace-economics": `file:${join(base, tgz ?? "")}` } }));
    run("npx", ["--yes", "pnpm@9", "install", "--ignore-scripts", "--reporter=silent", "--config.confirmModulesPurge=false"], dir);
    expect(existsSync(join(dir, "node_modules", ".pnpm")), "a pnpm layout").toBe(true);
    expect(existsSync(join(dir, "node_modules", "decimal.js")), "decimal.js is not hoisted").toBe(false);
    writeFileSync(
      join(dir, "index.mjs"),
      `import { Decimal, npv } from "marketplace-economics";
const v = npv(new Decimal("0.1"), [-100, 60, 60]);
let direct = "resolved";
try { await import("decimal.js"); } catch (e) { direct = e.code; }
console.log(JSON.stringify({ v: v.toFixed(6), isDecimal: v instanceof Decimal, direct }));`,
    );
    expect(JSON.parse(run(process.execPath, [join(dir, "index.mjs")], dir))).toEqual({ v: "4.132231", isDecimal: true, direct: "ERR_MODULE_NOT_FOUND" });
    writeFileSync(join(dir, "tsconfig.json"), tsconfig({ module: "NodeNext", moduleResolution: "NodeNext", noEmit: true }, ["index.mts"]));
    writeFileSync(join(dir, "index.mts"), `${IMPORTS_ESM}\n${BODY}\n`);
    run(process.execPath, [repoTsc, "-p", dir], dir);
    // The guidance in README "Decimal" is needed: the bare decimal.js import does not type-check here.
    writeFileSync(join(dir, "direct.mts"), `import type { Decimal } from "decimal.js";\nexport const x: Decimal | undefined = undefined;\n`);
    writeFileSync(join(dir, "tsconfig.json"), tsconfig({ module: "NodeNext", moduleResolution: "NodeNext", noEmit: true }, ["direct.mts"]));
    expect(() => run(process.execPath, [repoTsc, "-p", dir], dir)).toThrowError(/TS2307/);
  }, 300_000);

  it("Yarn classic (1.22, from the npm registry through npx): the tarball installs, an ESM and a CommonJS file import every subpath and run, and both type-check (node16)", () => {
    const tgz = readdirSync(base).find((f) => f.endsWith(".tgz"));
    expect(tgz, "packedInstall leaves the tarball in the consumer folder").toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), "me-yarn-"));
    temps.push(dir);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "yarn-consumer", private: true, type: "module", dependencies: { "marketplace-economics": `file:${join(base, tgz ?? "")}` } }));
    // A cache folder of its own, so the test neither reads nor fills the user's Yarn cache.
    run("npx", ["--yes", `yarn@${YARN}`, "install", "--ignore-scripts", "--non-interactive", "--no-lockfile", "--silent", "--cache-folder", join(dir, ".yarn-cache")], dir);
    expect(existsSync(join(dir, "node_modules", ".yarn-integrity")), "installed by Yarn").toBe(true);
    expect(run("npx", ["--yes", `yarn@${YARN}`, "--version"], dir).trim()).toBe(YARN);
    writeFileSync(
      join(dir, "esm.mjs"),
      `${subpaths.map((s, i) => `import * as all${i} from "${s}";`).join("\n")}
import { Decimal, npv, calendarDay } from "marketplace-economics";
import { xirr } from "marketplace-economics/tvm";
const v = npv(new Decimal("0.1"), [-100, 60, 60]);
const r = xirr([{ date: calendarDay(2017, 1, 1), amount: -1000 }, { date: calendarDay(2018, 1, 1), amount: 1100 }]);
const counts = [${subpaths.map((_, i) => `all${i}`).join(", ")}].map((m) => Object.keys(m).length);
console.log(JSON.stringify({ counts, v: v.toFixed(6), r: r.toFixed(4), isDecimal: v instanceof Decimal }));`,
    );
    writeFileSync(
      join(dir, "cjs.cjs"),
      `const all = [${subpaths.map((s) => `require("${s}")`).join(", ")}];
const { Decimal, npv, calendarDay } = require("marketplace-economics");
const { xirr } = require("marketplace-economics/tvm");
const v = npv(new Decimal("0.1"), [-100, 60, 60]);
const r = xirr([{ date: calendarDay(2017, 1, 1), amount: -1000 }, { date: calendarDay(2018, 1, 1), amount: 1100 }]);
console.log(JSON.stringify({ counts: all.map((m) => Object.keys(m).length), v: v.toFixed(6), r: r.toFixed(4), isDecimal: v instanceof Decimal }));`,
    );
    for (const file of ["esm.mjs", "cjs.cjs"]) {
      const out = JSON.parse(run(process.execPath, [join(dir, file)], dir)) as { counts: number[]; v: string; r: string; isDecimal: boolean };
      expect(out, file).toMatchObject({ v: "4.132231", r: "0.1000", isDecimal: true });
      expect(out.counts, file).toHaveLength(subpaths.length);
      for (const c of out.counts) expect(c, file).toBeGreaterThan(0);
    }
    writeFileSync(join(dir, "index.mts"), `${IMPORTS_ESM}\n${BODY}\n`);
    writeFileSync(join(dir, "index.cts"), `import { Decimal, calendarDay, money, npv, type Money } from "marketplace-economics";\nimport { xirr } from "marketplace-economics/tvm";\n${BODY}\n`);
    writeFileSync(join(dir, "tsconfig.json"), tsconfig({ module: "node16", moduleResolution: "node16", noEmit: true }, ["index.mts", "index.cts"]));
    run(process.execPath, [repoTsc, "-p", dir], dir);
  }, 300_000);

  it(`the minimum TypeScript version (${MIN_TYPESCRIPT}) type-checks node10, node16 and bundler consumers; ${BELOW_MIN_TYPESCRIPT} does not`, () => {
    const tools = mkdtempSync(join(tmpdir(), "me-ts-"));
    temps.push(tools);
    const tscOf = (version: string): string => {
      const d = join(tools, version);
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, "package.json"), JSON.stringify({ name: `ts-${version}`, private: true }));
      run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--ignore-scripts", `typescript@${version}`], d);
      return join(d, "node_modules", "typescript", "bin", "tsc");
    };
    const min = tscOf(MIN_TYPESCRIPT);
    expect(run(process.execPath, [min, "--version"], tools).trim()).toBe(`Version ${MIN_TYPESCRIPT}`);
    const setups: [string, "module" | "commonjs", Record<string, unknown>][] = [
      ["min-ts-node10", "commonjs", { module: "commonjs", moduleResolution: "node10", noEmit: true }],
      ["min-ts-node16", "module", { module: "node16", moduleResolution: "node16", noEmit: true }],
      ["min-ts-bundler", "module", { module: "esnext", moduleResolution: "bundler", noEmit: true }],
    ];
    for (const [name, type, options] of setups) {
      const dir = project(base, name, type, { "tsconfig.json": tsconfig(options, ["index.ts"]), "index.ts": `${IMPORTS_ESM}\n${BODY}\n` });
      run(process.execPath, [min, "-p", dir], dir);
    }
    const below = tscOf(BELOW_MIN_TYPESCRIPT);
    expect(() => run(process.execPath, [below, "-p", join(base, "min-ts-node16")], base)).toThrowError(/NoInfer/);
  }, 600_000);
});
