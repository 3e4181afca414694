/**
 * DuckDB benchmark (`npx tsx bench/duckdb.bench.ts`, #13): 10,000,000 order rows in a Parquet
 * file (written by DuckDB into a temporary folder: 200,000 sellers, 2017, amounts in cents, 1 in
 * 40 a refund, a segment column "smb" / "large") -> SMB share of GMV by quarter, three ways,
 * interleaved in every round:
 * - `GROUP BY` alone: DuckDB's own `SELECT quarter, segment, SUM(amount) ... GROUP BY` on the
 *   file (the floor: the engine's scan and aggregation of GMV, nothing else), and the SMB share of
 *   each quarter's GMV computed from its 8 rows: the figure every way must give;
 * - `GROUP BY` alone, the library's three sums: the same with `SUM(qty)` and
 *   `COUNT(*) FILTER (WHERE amount >= 0)` added (what a hand-written query needs for the same
 *   columns as the library's rows: GMV, units, orders);
 * - DuckDB path: `duckdbMarketplaceAggregates(parquet, { sellers: false })` (the library's SQL:
 *   GMV, units and orders per quarter and segment, BIGINT terms summed into HUGEINT, the quarter
 *   formatted as ISO text) plus the same shares from its rows;
 * - streamed: the same rows streamed out of DuckDB in chunks (`connection.stream`) into one
 *   share accumulator per quarter (`addSale`, a `Money` per row: today's streaming API), and,
 *   the same accumulators fed integer minor units (`amountMinor`, no `Money`), and, as the
 *   floor of any JS streaming, a plain `Map<string, bigint>` fold over the same stream.
 * The DuckDB ways run once untimed first (Parquet metadata and page cache warm for all), and
 * their order alternates from round to round (odd rounds run the DuckDB path first), so neither
 * side always runs first or second.
 * Env: BENCH_ROWS (default 10,000,000), BENCH_ROUNDS (default 3), BENCH_STREAM_ROUNDS (rounds
 * that include the streamed ways, default 1: they take minutes at full size), BENCH_SKIP (comma-separated
 * parts of way names to leave out, e.g. "Money"). Prints a Markdown table of the median, min and
 * max per way (wall time) and their ratios to the GROUP BY (ratio of medians, and paired: each
 * run over the GROUP BY of its own round), then the same for the process's CPU time
 * (`process.cpuUsage`, all DuckDB threads; less disturbed by other processes on a shared machine
 * than wall time), plus the load average.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { duckdbMarketplaceAggregates } from "../src/duckdb/duckdbMarketplaceAggregates.js";
import { fromMinorUnits } from "../src/money/fromMinorUnits.js";
import { addSale } from "../src/share/addSale.js";
import { createShareAccumulator } from "../src/share/createShareAccumulator.js";
import { finalizeShare } from "../src/share/finalizeShare.js";
import type { ShareAccumulator } from "../src/share/types.js";

const ROWS = Number(process.env["BENCH_ROWS"] ?? 10_000_000);
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 3);
/** The streamed ways take minutes at 10M rows on a loaded machine: they run in the first rounds only. */
const STREAM_ROUNDS = Number(process.env["BENCH_STREAM_ROUNDS"] ?? 1);
const dir = mkdtempSync(join(tmpdir(), "me-duckdb-bench-"));
const parquet = join(dir, "orders.parquet");
const load0 = loadavg();

const instance = await DuckDBInstance.create(":memory:");
const db = await instance.connect();
await db.run("SET TimeZone = 'UTC'");
await db.run(`COPY (SELECT 's' || (hash(i) % 200000) AS seller_id, DATE '2017-01-01' + CAST(hash(i * 7) % 365 AS INTEGER) AS ordered_on,
  CAST(CASE WHEN i % 40 = 0 THEN -1 ELSE 1 END * (100 + hash(i * 13) % 50000) AS BIGINT) AS amount_cents, CAST(1 + i % 3 AS INTEGER) AS qty,
  CASE WHEN hash(i) % 200000 < 120000 THEN 'smb' ELSE 'large' END AS segment FROM range(${ROWS}) t(i)) TO '${parquet}' (FORMAT parquet)`);

type Shares = Record<string, string>;
const smbShare = (gmv: Map<string, Map<string, bigint>>): Shares => {
  const out: Shares = {};
  for (const [q, m] of [...gmv].sort()) {
    let total = 0n;
    for (const v of m.values()) total += v;
    out[q] = (Number((m.get("smb") ?? 0n) * 1_000_000n) / Number(total) / 1_000_000).toFixed(4);
  }
  return out;
};

async function groupByAlone(): Promise<Shares> {
  // The plain GROUP BY a user would write (truncate, group, sum); the quarter is formatted after the grouping.
  const r = await db.runAndReadAll(
    `SELECT strftime(q, '%Y-%m-%d') AS q, segment, gmv FROM (SELECT CAST(date_trunc('quarter', ordered_on) AS DATE) AS q, segment, SUM(amount_cents) AS gmv FROM read_parquet('${parquet}') GROUP BY 1, 2)`,
  );
  const gmv = new Map<string, Map<string, bigint>>();
  for (const row of r.getRowObjectsJS()) {
    const q = String(row["q"]);
    (gmv.get(q) ?? gmv.set(q, new Map()).get(q)!).set(String(row["segment"]), row["gmv"] as bigint);
  }
  return smbShare(gmv);
}

/** The same GROUP BY with the library's other two sums (units, orders): the same columns as the library's rows. */
async function groupByThreeSums(): Promise<Shares> {
  const r = await db.runAndReadAll(
    `SELECT strftime(q, '%Y-%m-%d') AS q, segment, gmv, units, orders FROM (SELECT CAST(date_trunc('quarter', ordered_on) AS DATE) AS q, segment, SUM(amount_cents) AS gmv, SUM(qty) AS units, COUNT(*) FILTER (WHERE amount_cents >= 0) AS orders FROM read_parquet('${parquet}') GROUP BY 1, 2)`,
  );
  const gmv = new Map<string, Map<string, bigint>>();
  for (const row of r.getRowObjectsJS()) {
    const q = String(row["q"]);
    (gmv.get(q) ?? gmv.set(q, new Map()).get(q)!).set(String(row["segment"]), row["gmv"] as bigint);
  }
  return smbShare(gmv);
}

async function duckdbPath(): Promise<Shares> {
  const agg = await duckdbMarketplaceAggregates(parquet, {
    currency: "USD",
    columns: { sellerId: "seller_id", date: "ordered_on", amount: "amount_cents", units: "qty", segment: "segment" },
    sellers: false,
    connection: db,
  });
  const gmv = new Map<string, Map<string, bigint>>();
  for (const p of agg.periods) (gmv.get(p.period) ?? gmv.set(p.period, new Map()).get(p.period)!).set(p.segment, p.gmvMinor);
  return smbShare(gmv);
}

/** Rows out of DuckDB in chunks: [segment, epoch day, amount cents, units]. */
async function* stream(): AsyncGenerator<readonly unknown[][]> {
  const result = await db.stream(`SELECT segment, CAST(date_diff('day', DATE '1970-01-01', ordered_on) AS INTEGER) AS day, amount_cents, qty FROM read_parquet('${parquet}')`);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) return;
    yield chunk.getRows() as unknown[][];
  }
}

const quarterOf = (day: number): string => {
  const d = new Date(day * 86_400_000);
  return `${d.getUTCFullYear()}-${String(Math.floor(d.getUTCMonth() / 3) * 3 + 1).padStart(2, "0")}-01`;
};

async function streamedAccumulator(): Promise<Shares> {
  const accs = new Map<string, ShareAccumulator>();
  for await (const rows of stream()) {
    for (const [segment, day, cents, qty] of rows) {
      const q = quarterOf(day as number);
      let acc = accs.get(q);
      if (acc === undefined) accs.set(q, (acc = createShareAccumulator({ currency: "USD" })));
      addSale(acc, { sellerId: "x", date: new Date((day as number) * 86_400_000), amount: fromMinorUnits(cents as bigint, "USD"), units: qty as number }, segment as string);
    }
  }
  const out: Shares = {};
  for (const [q, acc] of [...accs].sort()) out[q] = finalizeShare(acc).bySegment["smb"]?.gmvShare.toFixed(4) ?? "";
  return out;
}

/** The same stream into the same share accumulators, fed integer minor units (no Money per row, #13 item 2). */
async function streamedMinorUnits(): Promise<Shares> {
  const accs = new Map<string, ShareAccumulator>();
  for await (const rows of stream()) {
    for (const [segment, day, cents, qty] of rows) {
      const q = quarterOf(day as number);
      let acc = accs.get(q);
      if (acc === undefined) accs.set(q, (acc = createShareAccumulator({ currency: "USD" })));
      addSale(acc, { sellerId: "x", date: new Date((day as number) * 86_400_000), amountMinor: cents as bigint, units: qty as number }, segment as string);
    }
  }
  const out: Shares = {};
  for (const [q, acc] of [...accs].sort()) out[q] = finalizeShare(acc).bySegment["smb"]?.gmvShare.toFixed(4) ?? "";
  return out;
}

async function streamedMap(): Promise<Shares> {
  const gmv = new Map<string, Map<string, bigint>>();
  for await (const rows of stream()) {
    for (const [segment, day, cents] of rows) {
      const q = quarterOf(day as number);
      const m = gmv.get(q) ?? gmv.set(q, new Map()).get(q)!;
      m.set(segment as string, (m.get(segment as string) ?? 0n) + (cents as bigint));
    }
  }
  return smbShare(gmv);
}

const BASE = "GROUP BY alone (DuckDB)";
const LIB = "DuckDB path (duckdbMarketplaceAggregates)";
const ways = {
  [BASE]: groupByAlone,
  "GROUP BY alone, the library's three sums (GMV, units, orders)": groupByThreeSums,
  [LIB]: duckdbPath,
  "streamed: Map<string, bigint> fold": streamedMap,
  "streamed: share accumulators (minor units per row)": streamedMinorUnits,
  "streamed: share accumulators (Money per row)": streamedAccumulator,
};
const skip = new Set((process.env["BENCH_SKIP"] ?? "").split(",").filter((x) => x !== ""));
const skipped = (name: string): boolean => name !== BASE && [...skip].some((k) => name.includes(k));
const times = new Map<string, number[]>(Object.keys(ways).map((k) => [k, []]));
const cpu = new Map<string, number[]>(Object.keys(ways).map((k) => [k, []]));
let reference: string | undefined;
const check = (name: string, shares: string): void => {
  if (reference === undefined) reference = shares;
  else if (shares !== reference) throw new Error(`${name} disagrees: ${shares} vs ${reference}`);
};
// Untimed warm-up of the DuckDB ways (checked too).
for (const [name, f] of Object.entries(ways)) if (!name.startsWith("streamed") && !skipped(name)) check(name, JSON.stringify(await f()));
const load1 = loadavg();
for (let round = 0; round < ROUNDS; round++) {
  const engine = Object.entries(ways).filter(([name]) => !name.startsWith("streamed"));
  const order = [...(round % 2 === 1 ? engine.reverse() : engine), ...Object.entries(ways).filter(([name]) => name.startsWith("streamed"))];
  for (const [name, f] of order) {
    if (name.startsWith("streamed") && round >= STREAM_ROUNDS) continue;
    if (skipped(name)) continue;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const shares = JSON.stringify(await f());
    times.get(name)!.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.get(name)!.push((c.user + c.system) / 1000);
    check(name, shares);
  }
}
instance.closeSync();
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const fmt = (xs: readonly number[]): string => xs.map((x) => x.toFixed(1)).join(" ");
console.log(
  `${ROWS.toLocaleString("en-US")} Parquet rows -> SMB share by quarter, ${ROUNDS} interleaved rounds after a warm-up (streamed ways in the first ${STREAM_ROUNDS}), load average ${fmt(load0)} (after writing the file ${fmt(load1)}) -> ${fmt(loadavg())}; SMB shares ${reference}\n`,
);
for (const [label, series] of [
  ["wall", times],
  ["CPU", cpu],
] as const) {
  const baseRuns = series.get(BASE)!;
  const base = median(baseRuns);
  console.log(
    `| way (${label} time) | runs | median ms | min–max ms | ratio of medians to GROUP BY (min–max over the median) | paired: ratio to the same round's GROUP BY, median (min–max) |\n|---|---:|---:|---:|---:|---:|`,
  );
  for (const [name, xs] of series) {
    if (xs.length === 0) continue;
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    // Paired: each run against the GROUP BY of its own round (the ways of a round run back to back).
    const paired = xs.map((x, i) => x / (baseRuns[i] as number));
    console.log(
      `| ${name} | ${xs.length} | ${median(xs).toFixed(0)} | ${lo.toFixed(0)}–${hi.toFixed(0)} | ${(median(xs) / base).toFixed(2)}x (${(lo / base).toFixed(2)}–${(hi / base).toFixed(2)}x) | ${median(paired).toFixed(2)}x (${Math.min(...paired).toFixed(2)}–${Math.max(...paired).toFixed(2)}) |`,
    );
  }
  console.log("");
}
