/**
 * The hostile harness (issue #11, item 2): every export of the root barrel, every argument and
 * nested field, times the catalogue of bad values, each case in a worker (a child process) under
 * a watchdog. A case passes when it throws a library error with a stable `code` and `fn` = the
 * called function (or the caller's own error from a throwing getter / iterable propagates),
 * or returns a finite, deep-frozen, JSON-serialisable result, without changing its arguments.
 *
 * Not part of the default `vitest run` (test/hostile/harness.test.ts runs a fixed-seed sample
 * there): `npm run test:hostile` runs the whole matrix.
 *
 * Environment variables (all optional):
 * - `HOSTILE_ONLY=fnA,fnB`: only the cases of these exported functions (comma-separated export
 *   names; an unknown name fails the run). Case indexes stay those of the whole matrix, so a
 *   reproducer's index is the same with and without the filter. Combines with the sample.
 * - `CI=true`: a fixed-seed sample of the matrix instead of all of it (after HOSTILE_ONLY);
 *   `HOSTILE_SAMPLE` cases (default 3000), `HOSTILE_SEED` (default 11).
 * - `HOSTILE_WORKERS`: workers (default max(2, availableParallelism())).
 * - `HOSTILE_ISOLATION=process|thread`: run the cases in child processes (default; a watchdog
 *   kill in the middle of a native call, a DuckDB query, ends only that child) or in worker
 *   threads (test/hostile/pool.ts says why threads are unsafe for the duckdb rows).
 * - `HOSTILE_TIMEOUT_MS`: watchdog per case (default 2000 ms). Every case that hangs is re-run
 *   once with a longer watchdog, `HOSTILE_CONFIRM_MS` (default 3 × the timeout), and stays a hang
 *   unless it then answers within HOSTILE_TIMEOUT_MS.
 * - `HOSTILE_HUGE_FACTOR`: watchdog multiplier for the "huge input" cases (100,000 copies of a
 *   record, linear work a caller may legitimately ask for; default 5, so 10 s at the default timeout).
 * - `HOSTILE_KINDS=kindA,kindB`: only the cases whose bad value is of these kinds (catalogue
 *   `kind`, e.g. `huge input`); combines with HOSTILE_ONLY and the sample.
 * - `HOSTILE_JSON=<path>`: write every case result as JSON lines.
 * - `HOSTILE_PROGRESS=1`: print a line to stderr every 1000 cases.
 * - `HOSTILE_REPORT=1`: write test/hostile/RESULTS.md (or `HOSTILE_REPORT=<path>`);
 *   `HOSTILE_SOURCE` names the source under test in it (default "the working tree's src/").
 *
 * Example: `HOSTILE_ONLY=syntheticMarketplace,getThirdPartySellerShare npm run test:hostile`.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BAD_VALUES } from "./catalogue.js";
import { FAILURES, checkBaselines, checkConstants, enumerateCases, selectIndexes, slotsOf, tableCoverage, type CaseResult } from "./cases.js";
import { EXPORTS_TABLE } from "./exports-table.js";
import { HUGE_FACTOR, runConfirmed, type Isolation } from "./pool.js";
import { groupFailures, renderReport } from "./report.js";

const env = process.env;
/** Hand-written notes put first in RESULTS.md ("Read this first"). */
const NOTES = fileURLToPath(new URL("./RESULTS-notes.md", import.meta.url));
const ci = env["CI"] === "true";
const sampleSize = Number(env["HOSTILE_SAMPLE"] ?? 3000);
const seed = Number(env["HOSTILE_SEED"] ?? 11);
const workers = Number(env["HOSTILE_WORKERS"] ?? Math.max(2, availableParallelism()));
const isolation: Isolation = env["HOSTILE_ISOLATION"] === "thread" ? "thread" : "process";
if (env["HOSTILE_ISOLATION"] !== undefined && env["HOSTILE_ISOLATION"] !== "thread" && env["HOSTILE_ISOLATION"] !== "process")
  throw new Error(`HOSTILE_ISOLATION must be "process" or "thread", got ${JSON.stringify(env["HOSTILE_ISOLATION"])}`);
const timeoutMs = Number(env["HOSTILE_TIMEOUT_MS"] ?? 2000);
const confirmMs = Number(env["HOSTILE_CONFIRM_MS"] ?? 3 * timeoutMs);
const hugeFactor = Number(env["HOSTILE_HUGE_FACTOR"] ?? HUGE_FACTOR);
const kinds =
  env["HOSTILE_KINDS"] === undefined || env["HOSTILE_KINDS"].trim() === ""
    ? undefined
    : env["HOSTILE_KINDS"]
        .split(",")
        .map((n) => n.trim())
        .filter((n) => n !== "");
const only =
  env["HOSTILE_ONLY"] === undefined || env["HOSTILE_ONLY"].trim() === ""
    ? undefined
    : env["HOSTILE_ONLY"]
        .split(",")
        .map((n) => n.trim())
        .filter((n) => n !== "");
const reportPath = env["HOSTILE_REPORT"] === undefined ? undefined : env["HOSTILE_REPORT"] === "1" ? fileURLToPath(new URL("./RESULTS.md", import.meta.url)) : env["HOSTILE_REPORT"];

describe("hostile harness", () => {
  it("has a table row for every export of src/index.ts and of every subpath-only module, and no stale row", () => {
    const { missing, stale, wrongKind, unscanned, unscannedSubpaths } = tableCoverage();
    expect(unscannedSubpaths, "subpath-only modules (scripts/modules.json) whose exports test/hostile/cases.ts does not import").toEqual([]);
    expect(missing, "exports without a row in test/hostile/exports-table.ts").toEqual([]);
    expect(stale, "rows naming no export").toEqual([]);
    expect(wrongKind, "rows of the wrong kind").toEqual([]);
    expect(unscanned, "exported functions whose row is not run through the catalogue (no baseline args, or a class row for a non-class)").toEqual([]);
  });

  it("runs every baseline call cleanly", async () => {
    expect(await checkBaselines()).toEqual([]);
  });

  it("exports only deep-frozen constants", () => {
    expect(checkConstants()).toEqual([]);
  });

  it("gets a typed error or a clean result for every case", async () => {
    const all = enumerateCases();
    const indexes = selectIndexes({ ...(only === undefined ? {} : { only }), ...(kinds === undefined ? {} : { kinds }), ...(ci ? { sample: sampleSize, seed } : {}) });
    const loadStart = loadavg()[0] ?? 0;
    const t0 = performance.now();
    const onProgress = env["HOSTILE_PROGRESS"] === undefined ? undefined : (done: number, n: number): void => void (done % 1000 === 0 && process.stderr.write(`hostile: ${done}/${n}\n`));
    const results: CaseResult[] = await runConfirmed(indexes, { workers, isolation, timeoutMs, confirmMs, hugeFactor, ...(onProgress === undefined ? {} : { onProgress }) });
    const seconds = (performance.now() - t0) / 1000;
    if (env["HOSTILE_JSON"] !== undefined) writeFileSync(env["HOSTILE_JSON"], `${results.map((r) => JSON.stringify(r)).join("\n")}\n`);
    if (reportPath !== undefined) {
      const fnRows = EXPORTS_TABLE.filter((r) => r.kind === "function");
      writeFileSync(
        reportPath,
        renderReport(results, {
          title: "Hostile harness results (issue #11)",
          source: env["HOSTILE_SOURCE"] ?? "the working tree's src/",
          totalCases: all.length,
          sampled: ci,
          ...(only === undefined ? {} : { only }),
          seconds,
          workers,
          isolation,
          timeoutMs,
          hugeFactor,
          load: { start: loadStart, end: loadavg()[0] ?? 0 },
          ...(existsSync(NOTES) ? { notes: readFileSync(NOTES, "utf8") } : {}),
          coverage: tableCoverage(),
          baselines: await checkBaselines(),
          constants: checkConstants(),
          functions: fnRows.length,
          slots: fnRows.reduce((n, r) => n + slotsOf(r).length, 0),
          values: BAD_VALUES.length,
        }),
      );
    }
    const groups = groupFailures(results);
    const summary = groups.slice(0, 40).map((g) => `${g.outcome} ${g.fn} ${g.slot} [${g.kind}]: ${g.repro} → ${g.detail}`);
    expect(results.filter((r) => FAILURES.has(r.outcome)).length, `${groups.length} failure groups, first ones:\n${summary.join("\n")}`).toBe(0);
  });
});
