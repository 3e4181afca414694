/**
 * DuckDB benchmark (`npx tsx bench/duckdb.bench.ts`, #13): 10,000,000 order rows in a Parquet
 * file (written by DuckDB into a temporary folder: 200,000 sellers, 2017, amounts in cents, 1 in
 * 40 a refund, a segment column "smb" / "large") -> SMB share of GMV by quarter, three ways,
 * interleaved in every round:
 * - `GROUP BY` alone: DuckDB's own `SELECT quarter, segment, SUM(amount) ... GROUP BY` on the
 *   file (the floor: the engine's scan and aggregation, nothing else);
 * - DuckDB path: `duckdbMarketplaceAggregates(parquet, { sellers: false })` (the library's SQL:
 *   GMV, units and orders per quarter and segment, HUGEINT sums) plus the shares from its rows;
 * - streamed: the same rows streamed out of DuckDB in chunks (`connection.stream`) into one
 *   share accumulator per quarter (`addSale`, a `Money` per row: today's streaming API), and,
 *   the same accumulators fed integer minor units (`amountMinor`, no `Money`), and, as the
 *   floor of any JS streaming, a plain `Map<string, bigint>` fold over the same stream.
 * Env: BENCH_ROWS (default 10,000,000), BENCH_ROUNDS (default 3), BENCH_STREAM_ROUNDS (rounds
 * that include the streamed ways, default 1: they take minutes at full size), BENCH_SKIP (comma-separated
 * parts of way names to leave out, e.g. "Money"). Prints a Markdown table of the
 * median, min and max per way and their ratios to the GROUP BY, plus the load average.
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

const ways = {
  "GROUP BY alone (DuckDB)": groupByAlone,
  "DuckDB path (duckdbMarketplaceAggregates)": duckdbPath,
  "streamed: Map<string, bigint> fold": streamedMap,
  "streamed: share accumulators (minor units per row)": streamedMinorUnits,
  "streamed: share accumulators (Money per row)": streamedAccumulator,
};
const skip = new Set((process.env["BENCH_SKIP"] ?? "").split(",").filter((x) => x !== ""));
const times = new Map<string, number[]>(Object.keys(ways).map((k) => [k, []]));
let reference: string | undefined;
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, f] of Object.entries(ways)) {
    if (name.startsWith("streamed") && round >= STREAM_ROUNDS) continue;
    if ([...skip].some((k) => name.includes(k))) continue;
    const t0 = performance.now();
    const shares = JSON.stringify(await f());
    times.get(name)!.push(performance.now() - t0);
    if (reference === undefined) reference = shares;
    else if (shares !== reference) throw new Error(`${name} disagrees: ${shares} vs ${reference}`);
  }
}
instance.closeSync();
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const base = median(times.get("GROUP BY alone (DuckDB)")!);
console.log(
  `${ROWS.toLocaleString("en-US")} Parquet rows -> SMB share by quarter, ${ROUNDS} interleaved rounds (streamed ways in the first ${STREAM_ROUNDS}), load average ${load0.map((x) => x.toFixed(1)).join(" ")} -> ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}; SMB shares ${reference}\n`,
);
console.log("| way | runs | median ms | min–max ms | ratio to GROUP BY (median; min–max) | ratio to the same round's GROUP BY: median (min–max) |\n|---|---:|---:|---:|---:|---:|");
const baseRuns = times.get("GROUP BY alone (DuckDB)")!;
for (const [name, xs] of times) {
  if (xs.length === 0) continue;
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  // Paired: each run against the GROUP BY of its own round (the ways of a round run back to back).
  const paired = xs.map((x, i) => x / (baseRuns[i] as number));
  console.log(
    `| ${name} | ${xs.length} | ${median(xs).toFixed(0)} | ${lo.toFixed(0)}–${hi.toFixed(0)} | ${(median(xs) / base).toFixed(2)}x; ${(lo / base).toFixed(2)}–${(hi / base).toFixed(2)}x | ${median(paired).toFixed(2)}x (${Math.min(...paired).toFixed(2)}–${Math.max(...paired).toFixed(2)}) |`,
  );
}
