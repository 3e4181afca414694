/**
 * The hostile harness in the default test run (issue #11: "sample the matrix with a fixed seed
 * in CI, all of it with `npm run test:hostile`"): the table checks, and a fixed-seed sample of
 * the case matrix (test/hostile/harness.hostile.ts runs all of it), on 2 worker processes with
 * the harness's watchdog. Every failure class must be empty.
 *
 * The watchdog here is 5 s per case (the full run's is 2 s): this file runs beside the other
 * test files of the unit project on the same cores, so a case that takes 1.5 s alone (100,000
 * sales through simulateRepayment) can take 3 s here; a real hang (the minutes-long
 * loops) is caught all the same. A hang is retried once with 3 × the watchdog and stays a
 * failure unless the retry answers within the watchdog.
 *
 * HOSTILE_SAMPLE / HOSTILE_SEED / HOSTILE_WORKERS / HOSTILE_TIMEOUT_MS / HOSTILE_ISOLATION override the defaults
 * here too (documented in harness.hostile.ts); the defaults are what CI runs.
 */
import { describe, expect, it } from "vitest";
import { FAILURES, OUTCOMES, checkBaselines, checkConstants, coverageOf, enumerateCases, selectIndexes, tableCoverage, type Outcome } from "./cases.js";
import { EXPORTS_TABLE } from "./exports-table.js";
import { runConfirmed } from "./pool.js";
import { groupFailures } from "./report.js";

const env = process.env;
/** Cases of the sample (of the whole matrix, 121,569 cases in test/hostile/RESULTS.md, run on 49c2a31). */
const SAMPLE = Number(env["HOSTILE_SAMPLE"] ?? 1500);
const SEED = Number(env["HOSTILE_SEED"] ?? 20261201);
const WORKERS = Number(env["HOSTILE_WORKERS"] ?? 2);
const TIMEOUT_MS = Number(env["HOSTILE_TIMEOUT_MS"] ?? 5000);
const ISOLATION = env["HOSTILE_ISOLATION"] === "thread" ? "thread" : "process";

describe("hostile harness, fixed-seed sample (issue #11)", () => {
  it("has a table row for every export of src/index.ts and of every subpath-only module, and no stale row", () => {
    expect(tableCoverage()).toEqual({ missing: [], stale: [], wrongKind: [], unscanned: [], unscannedSubpaths: [] });
  });

  it("the coverage check fails on an unscanned export (a new export without a row, a row without a baseline, a class row for a function, an unimported subpath)", () => {
    const exported = { fitSomething: () => 1, wrapped: () => 2, posing: () => 3, ValidationError: class extends Error {} };
    const rows = [
      { name: "wrapped", kind: "function" as const, note: "no baseline args" },
      { name: "posing", kind: "class" as const },
      { name: "ValidationError", kind: "class" as const },
      { name: "gone", kind: "function" as const, args: () => [] },
    ];
    expect(coverageOf(exported, rows, ["warehouse2"], { "marketplace-economics": [] })).toEqual({
      missing: ["fitSomething"],
      stale: ["gone"],
      wrongKind: [],
      unscanned: ["wrapped", "posing"],
      unscannedSubpaths: ["marketplace-economics/warehouse2"],
    });
    // The real table: one row per export, and the exports added in #12-#17 are scanned function rows.
    expect(new Set(EXPORTS_TABLE.map((r) => r.name)).size).toBe(EXPORTS_TABLE.length);
    const recent = [
      ...["createFeeSchedule", "mergePayouts", "mergeTakeRates", "payoutSchedule", "payoutScheduleAsync", "saleFees", "takeRateBySegment", "takeRateBySegmentAsync", "unitEconomics"],
      ...["fitBgNbd", "bgNbdExpectedPurchases", "bgNbdConditionalExpectedPurchases", "bgNbdProbabilityAlive", "bgNbdProbabilityOfPurchases", "bgNbdLifetimeValue", "fitGammaGamma", "gammaGammaExpectedSpend"],
      ...["inputOutputMultipliers", "grossToNetAdditionality", "stressTestPortfolio", "vintageCurves", "chainLadder", "rollRates"],
      ...["marketplaceAggregateSql", "readSalesCsv", "readSalesNdjson", "sellerSegments", "duckdbMarketplaceAggregates", "duckdbMarketplaceAccumulator"],
    ];
    const rowOf = new Map(EXPORTS_TABLE.map((r) => [r.name, r]));
    expect(recent.filter((n) => rowOf.get(n)?.kind !== "function" || rowOf.get(n)?.args === undefined)).toEqual([]);
  });

  it("runs every baseline call cleanly, and exports only deep-frozen constants", async () => {
    expect(await checkBaselines()).toEqual([]);
    expect(checkConstants()).toEqual([]);
  });

  it(`gets a typed error or a clean result for ${SAMPLE} sampled cases (seed ${SEED})`, { timeout: 600_000 }, async () => {
    const indexes = selectIndexes({ sample: SAMPLE, seed: SEED });
    expect(indexes.length).toBe(Math.min(SAMPLE, enumerateCases().length));
    const results = await runConfirmed(indexes, { workers: WORKERS, isolation: ISOLATION, timeoutMs: TIMEOUT_MS });
    expect(results.map((r) => r.index)).toEqual(indexes);
    const counts = Object.fromEntries(OUTCOMES.filter((o) => FAILURES.has(o)).map((o): [Outcome, number] => [o, results.filter((r) => r.outcome === o).length]));
    const groups = groupFailures(results);
    const summary = groups.slice(0, 40).map((g) => `${g.outcome} ${g.fn} ${g.slot} [${g.kind}]: ${g.repro} → ${g.detail}`);
    expect(counts, `${groups.length} failure groups, first ones:\n${summary.join("\n")}`).toEqual(Object.fromEntries(Object.keys(counts).map((o) => [o, 0])));
  });
});
