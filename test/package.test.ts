/**
 * The published package, used as a consumer would (issue #2): the tarball from `npm pack` is
 * installed in a temporary folder (test/setup/packedInstall.ts); an ESM and a CJS consumer import
 * every subpath, and tsc type-checks a TypeScript consumer under NodeNext with skipLibCheck off.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: Record<string, unknown>; files: string[] };
const allSubpaths = Object.keys(pkg.exports)
  .filter((k) => k !== "./package.json")
  .map((k) => k.replace(/^\./, "marketplace-economics"));
/** Every subpath that needs no optional peer dependency (the duckdb one needs @duckdb/node-api, #13). */
const subpaths = allSubpaths.filter((s) => s !== "marketplace-economics/duckdb");

describe("packed package", () => {
  const dir = inject("consumerDir");

  it("exports every module as a subpath", () => {
    expect(allSubpaths).toEqual(
      ["", "/money", "/time", "/tvm", "/sellers", "/share", "/fees", "/financing", "/jobs", "/data", "/synthetic", "/io", "/warehouse", "/duckdb"].map((s) => `marketplace-economics${s}`),
    );
  });

  it("loads every subpath from an ESM consumer, with working Decimal money", () => {
    const file = join(dir, "consumer.mjs");
    writeFileSync(
      file,
      `${subpaths.map((s, i) => `import * as m${i} from "${s}";`).join("\n")}
const all = [${subpaths.map((_, i) => `m${i}`).join(", ")}];
const { money, add, allocate } = m0;
const total = add(money("0.1", "USD"), money("0.2", "USD"));
console.log(JSON.stringify({ counts: all.map((m) => Object.keys(m).length), total, parts: allocate(money("100", "USD"), [1, 1, 1]) }));`,
    );
    const out = JSON.parse(execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" })) as { counts: number[]; total: unknown; parts: unknown };
    expect(out.total).toEqual({ amount: "0.3", currency: "USD" });
    expect(out.parts).toEqual([
      { amount: "33.34", currency: "USD" },
      { amount: "33.33", currency: "USD" },
      { amount: "33.33", currency: "USD" },
    ]);
    for (const c of out.counts) expect(c).toBeGreaterThan(0);
  });

  // stressTestPortfolioAsync and simulatePortfolioAsync load dist/financing/portfolioWorker.{js,cjs} by path (#12):
  // from the installed package, in ESM and CJS, the workers really start and the result is the sequential one.
  for (const kind of ["mjs", "cjs"] as const) {
    it(`runs the financing worker threads from the installed package (${kind})`, () => {
      const file = join(dir, `workers.${kind}`);
      const load =
        kind === "mjs"
          ? `import { createRequire } from "node:module"; const require = createRequire(import.meta.url); const lib = await import("marketplace-economics");`
          : `const lib = require("marketplace-economics");`;
      writeFileSync(
        file,
        `${load}
const wt = require("node:worker_threads");
let started = 0;
const Base = wt.Worker;
wt.Worker = class extends Base { constructor(...a) { super(...a); started++; } };
require("node:module").syncBuiltinESMExports();
(async () => {
  const { money, salesBasedAdvance, stressTestPortfolio, stressTestPortfolioAsync, simulatePortfolio, simulatePortfolioAsync } = lib;
  const product = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1" });
  const sales = {};
  for (let k = 0; k < 6; k++) sales["s" + k] = Array.from({ length: 120 }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: money(String(50 + 10 * k), "USD") }));
  const loans = Object.keys(sales).map((sellerId, k) => ({ id: "l" + k, sellerId, product }));
  const o = { seed: 3, scenarios: 5, shock: { volatility: "0.3" } };
  const stress = JSON.stringify(await stressTestPortfolioAsync(loans, sales, { ...o, workers: 2 })) === JSON.stringify(stressTestPortfolio(loans, sales, o));
  const afterStress = started;
  const portfolio = JSON.stringify(await simulatePortfolioAsync(loans, sales, { workers: 2 })) === JSON.stringify(simulatePortfolio(loans, sales));
  console.log(JSON.stringify({ stress, portfolio, afterStress, started }));
})();`,
      );
      const out = JSON.parse(execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" })) as Record<string, unknown>;
      expect(out).toEqual({ stress: true, portfolio: true, afterStress: 2, started: 4 });
    });
  }

  it("loads every subpath from a CJS consumer, and errors keep their classes", () => {
    const file = join(dir, "consumer.cjs");
    writeFileSync(
      file,
      `const all = [${subpaths.map((s) => `require("${s}")`).join(", ")}];
const { money, ValidationError, MarketplaceEconomicsError } = all[0];
let err;
try { money("abc", "USD"); } catch (e) { err = e; }
console.log(JSON.stringify({ counts: all.map((m) => Object.keys(m).length), v: err instanceof ValidationError, b: err instanceof MarketplaceEconomicsError, r: err instanceof RangeError, code: err.code }));`,
    );
    const out = JSON.parse(execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" })) as Record<string, unknown>;
    expect(out).toMatchObject({ v: true, b: true, r: true, code: "INVALID_NUMBER" });
    for (const c of out["counts"] as number[]) expect(c).toBeGreaterThan(0);
  });

  it("the CJS root loads each module on first use, with the ESM root's exports and shared classes (#10)", () => {
    const file = join(dir, "lazy-root.cjs");
    writeFileSync(
      file,
      `const own = () => Object.keys(require.cache).filter((f) => f.includes("marketplace-economics")).length;
const root = require("marketplace-economics");
const afterRequire = own();
const { money } = root;
const afterMoney = own();
const money2 = require("marketplace-economics/money").money;
let err;
try { root.simulateRepayment(null, []); } catch (e) { err = e; }
const keys = Object.keys(root);
const undefinedExports = keys.filter((k) => root[k] === undefined);
const afterAll = own();
// Every export is the subpath's own value (a renamed chunk export such as Decimal included).
const mismatched = [];
for (const s of ${JSON.stringify(subpaths.slice(1))}) for (const [k, v] of Object.entries(require(s))) if (root[k] !== v) mismatched.push(s + " " + k);
root.xirr = "replaced";
import("marketplace-economics").then((esm) => {
  const esmKeys = Object.keys(esm).filter((k) => k !== "default" && k !== "module.exports");
  console.log(JSON.stringify({ afterRequire, afterMoney, afterAll, undefinedExports, mismatched, same: money === money2, isError: err instanceof root.MarketplaceEconomicsError, fn: err.fn, keys: keys.length, sameKeys: JSON.stringify([...keys].sort()) === JSON.stringify([...esmKeys].sort()), assigned: root.xirr }));
});`,
    );
    const out = JSON.parse(execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" })) as Record<string, unknown>;
    // Only index.cjs before any export is read; /money's files after reading money; every chunk after reading all.
    expect(out["afterRequire"]).toBe(1);
    expect(out["afterMoney"] as number).toBeGreaterThan(1);
    expect(out["afterAll"] as number).toBeGreaterThan(out["afterMoney"] as number);
    expect(out).toMatchObject({ undefinedExports: [], mismatched: [], same: true, isError: true, fn: "simulateRepayment", sameKeys: true, assigned: "replaced" });
    expect(out["keys"] as number).toBeGreaterThan(150);
  });

  it("the CJS root's export names are visible to Node's ESM loader (cjs-module-lexer)", () => {
    const file = join(dir, "lexer.mjs");
    const cjs = join(dir, "node_modules", "marketplace-economics", "dist", "index.cjs");
    writeFileSync(file, `import * as ns from ${JSON.stringify(cjs)};\nimport { money } from ${JSON.stringify(cjs)};\nconsole.log(JSON.stringify({ names: Object.keys(ns).length, money: typeof money }));`);
    const out = JSON.parse(execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" })) as Record<string, unknown>;
    expect(out).toMatchObject({ money: "function" });
    expect(out["names"] as number).toBeGreaterThan(150);
  });

  it("without @duckdb/node-api: the root loads, and the duckdb subpath says what to install (#13)", () => {
    const file = join(dir, "no-duckdb.mjs");
    writeFileSync(
      file,
      `import { createRequire } from "node:module";
let resolvable = true;
try { createRequire(import.meta.url).resolve("@duckdb/node-api"); } catch { resolvable = false; }
const root = await import("marketplace-economics");
const out = { resolvable, root: typeof root.marketplaceAggregateSql };
try { await import("marketplace-economics/duckdb"); out.esm = "loaded"; } catch (e) { out.esm = { code: e.code, message: e.message }; }
try { createRequire(import.meta.url)("marketplace-economics/duckdb"); out.cjs = "loaded"; } catch (e) { out.cjs = e.code; }
console.log(JSON.stringify(out));`,
    );
    const out = JSON.parse(execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" })) as Record<string, unknown>;
    expect(out).toMatchObject({ resolvable: false, root: "function", cjs: "MISSING_DEPENDENCY" });
    expect(out["esm"]).toEqual({
      code: "MISSING_DEPENDENCY",
      message:
        "marketplace-economics/duckdb: this subpath needs the optional peer dependency @duckdb/node-api, which is not installed: run `npm install @duckdb/node-api` (the root package and every other subpath work without it)",
    });
  });

  it("with @duckdb/node-api installed, the duckdb subpath runs from ESM and CJS (#13)", () => {
    const peers = inject("consumerWithPeersDir");
    const file = join(peers, "duckdb.cjs");
    writeFileSync(
      file,
      `const { duckdbMarketplaceAggregates } = require("marketplace-economics/duckdb");
import("marketplace-economics/duckdb").then(async (esm) => {
  const c = { columns: { sellerId: "s", date: "d", amount: "a", segment: "g" }, currency: "USD" };
  const { DuckDBInstance } = require("@duckdb/node-api");
  const inst = await DuckDBInstance.create(":memory:");
  const conn = await inst.connect();
  await conn.run("CREATE TABLE t AS SELECT 'x' AS s, DATE '2024-02-03' AS d, 1250 AS a, 'smb' AS g");
  const a = await duckdbMarketplaceAggregates({ table: "t" }, { ...c, connection: conn });
  const b = await esm.duckdbMarketplaceAggregates({ table: "t" }, { ...c, connection: conn });
  console.log(JSON.stringify([a.periods, b.periods], (k, v) => (typeof v === "bigint" ? v.toString() : v)));
});`,
    );
    const out = JSON.parse(execFileSync(process.execPath, [file], { cwd: peers, encoding: "utf8" })) as unknown;
    const row = { segment: "smb", period: "2024-01-01", gmvMinor: "1250", units: "1", orders: "1" };
    expect(out).toEqual([[row], [row]]);
  });

  it("type-checks an ESM and a CJS TypeScript consumer (NodeNext, skipLibCheck false)", () => {
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ["esm.mts", "cjs.cts"] }),
    );
    const body = `const m: Money = money("1", "USD");
const d: Decimal = m.amount;
export const out: string = d.toString() + String(${subpaths.length});`;
    writeFileSync(
      join(dir, "esm.mts"),
      `import { money, type Money } from "marketplace-economics";\nimport type { Decimal } from "decimal.js";\n${subpaths.map((s, i) => `import * as s${i} from "${s}";\nvoid s${i};`).join("\n")}\n${body}\n`,
    );
    writeFileSync(join(dir, "cjs.cts"), `import { money, type Money } from "marketplace-economics/money";\nimport type { Decimal } from "decimal.js";\n${body}\n`);
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    expect(() => execFileSync(process.execPath, [tsc, "-p", dir], { cwd: dir, encoding: "utf8", stdio: "pipe" })).not.toThrow();
  });

  it("ships only dist/, README, LICENSE and package.json", () => {
    const list = execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: root, encoding: "utf8" });
    const files = (JSON.parse(list) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
    expect(files.every((f) => f.startsWith("dist/") || ["README.md", "LICENSE", "package.json"].includes(f))).toBe(true);
    expect(files).toContain("dist/index.d.cts");
  });

  it("ships no source maps (#16: they carried no sources and pointed at files not shipped)", () => {
    const list = execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: root, encoding: "utf8" });
    const files = (JSON.parse(list) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(readFileSync(join(dir, "node_modules", "marketplace-economics", "dist", "index.js"), "utf8")).not.toContain("sourceMappingURL");
  });

  it("maps every subpath's types for TypeScript's node10 resolution (typesVersions, #16)", () => {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { typesVersions: Record<string, Record<string, string[]>> };
    const mapped = Object.keys(manifest.typesVersions["*"] ?? {}).map((k) => `marketplace-economics/${k}`);
    expect(mapped).toEqual(allSubpaths.slice(1));
  });
});
