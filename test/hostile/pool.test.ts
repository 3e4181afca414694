/**
 * The hostile harness's pool (test/hostile/pool.ts): a watchdog kill must end only the worker
 * that hangs, even in the middle of a native call. On worker threads, `worker.terminate()` during
 * a DuckDB query makes @duckdb/node-api abort the whole process ("terminate called after
 * throwing an instance of 'Napi::Error'", like WiseLibs/better-sqlite3#1507): that ended the full
 * run of 2026-12-02 on 906d76f with no report. Reproduced with `runPool(…, { isolation: "thread",
 * timeoutMs: 20, batchSize: 1 })` over the 14 baseline-shaped duckdb cases: the process aborted
 * (a 5 ms watchdog, which cuts every case before its query, did not; 2026-12-02, 19:54 UTC). The
 * same passes with child processes, the pool's default since, went through 5 to 200 ms without a
 * crash: SIGKILL ends only the child.
 */
import { describe, expect, it } from "vitest";
import { enumerateCases } from "./cases.js";
import { runPool } from "./pool.js";

describe("hostile pool", () => {
  it("kills workers in the middle of DuckDB queries without aborting the run (child processes)", { timeout: 120_000 }, async () => {
    const cases = enumerateCases();
    // Cases of the duckdb rows that run the whole query (the baseline arguments, deep-frozen:
    // 150-500 ms each at load ~3): the 20 ms watchdog fires while DuckDB is working.
    const pick = (name: string): number[] => cases.flatMap((c, i) => (c.row.name === name && c.value.id === "<deep-frozen baseline>" ? [i] : [])).slice(0, 2);
    const indexes = [...pick("duckdbMarketplaceAggregates"), ...pick("duckdbMarketplaceAccumulator")].sort((a, b) => a - b);
    expect(indexes.length).toBe(4);
    const results = await runPool(indexes, { workers: 2, timeoutMs: 20, batchSize: 1 });
    // One result per case, and this process lives on: the killed cases are hangs, not crashes.
    expect(results.map((r) => r.index)).toEqual(indexes);
    expect(results.filter((r) => r.outcome !== "hang" && r.outcome !== "ok")).toEqual([]);
    expect(results.filter((r) => r.outcome === "hang").length).toBeGreaterThan(0);
    expect(results.filter((r) => r.outcome === "hang").every((r) => r.detail.includes("worker killed"))).toBe(true);
  });
});
