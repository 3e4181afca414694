/**
 * Minor-unit share accumulators against the floor of exact money in plain JS (#13,
 * `npx tsx bench/shareMinorUnits.bench.ts`): 1,000,000 sales (100,000 sellers, 4 segments,
 * 0.01–500.00 USD as integer cents, 1–5 units, 2017) materialised once outside the timings, then
 * in every round, interleaved, in one process:
 * - floor: a plain `Map<string, bigint>` loop (per-segment GMV as a BigInt), the floor the issue
 *   names; and the same loop also counting units and sales (what the share accumulator keeps);
 * - `accumulateShare(rows, segmentOf)` + `finalizeShare`, rows `{ sellerId, date, amountMinor, units }`;
 * - the same with a `Money` built per row (what a parser handing out Money costs, the 0.2 way);
 * - `accumulateMarketplace` (one pass, every figure: by quarter, per seller, first sales);
 * - columns: `addShareColumns` on typed arrays against a typed-array loop with BigInt sums.
 * Every way must give the same SMB GMV (the script throws otherwise). Env: BENCH_ROWS (default
 * 1,000,000), BENCH_ROUNDS (default 5, after one untimed warm-up round). Prints the median and min–max of each way and of its
 * ratio to the floor within the same round, plus the load average before and after.
 */
import { loadavg } from "node:os";
import { fromMinorUnits } from "../src/money/fromMinorUnits.js";
import { accumulateMarketplace } from "../src/share/accumulateMarketplace.js";
import { accumulateShare } from "../src/share/accumulateShare.js";
import { addShareColumns } from "../src/share/addShareColumns.js";
import { createShareAccumulator } from "../src/share/createShareAccumulator.js";
import { finalizeMarketplace } from "../src/share/finalizeMarketplace.js";
import { finalizeShare } from "../src/share/finalizeShare.js";
import { mulberry32 } from "./support/mulberry32.js";

const N = Number(process.env["BENCH_ROWS"] ?? 1_000_000);
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 5);
const SELLERS = 100_000;
const SEGMENTS = ["smb", "mid", "enterprise", "first-party"] as const;
const load0 = loadavg();

interface Row {
  readonly sellerId: string;
  readonly date: Date;
  readonly amountMinor: number;
  readonly units: number;
}
const sellerIds = Array.from({ length: SELLERS }, (_, i) => `seller-${i}`);
const segmentOfSeller = new Map<string, string>(sellerIds.map((id, i) => [id, SEGMENTS[i % 4] as string]));
const segmentOf = (s: { sellerId: string }): string => segmentOfSeller.get(s.sellerId) as string;
const DAYS = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2017, 0, 1) + i * 86_400_000));
const r = mulberry32(42);
const rows: Row[] = [];
const segCol = new Uint8Array(N);
const amountCol = new Float64Array(N);
const unitsCol = new Float64Array(N);
for (let i = 0; i < N; i++) {
  const seller = Math.floor(r() * SELLERS);
  const row = { sellerId: sellerIds[seller] as string, date: DAYS[Math.floor(r() * 365)] as Date, amountMinor: 1 + Math.floor(r() * 50_000), units: 1 + Math.floor(r() * 5) };
  rows.push(row);
  segCol[i] = seller % 4;
  amountCol[i] = row.amountMinor;
  unitsCol[i] = row.units;
}

const ways: Record<string, () => string> = {
  "floor: `Map<string, bigint>` GMV loop": () => {
    const gmv = new Map<string, bigint>();
    for (const s of rows) {
      const k = segmentOf(s);
      gmv.set(k, (gmv.get(k) ?? 0n) + BigInt(s.amountMinor));
    }
    return String(gmv.get("smb"));
  },
  "floor + units and sales (`Map<string, bigint>` + 2 `Map<string, number>`)": () => {
    const gmv = new Map<string, bigint>();
    const units = new Map<string, number>();
    const sales = new Map<string, number>();
    for (const s of rows) {
      const k = segmentOf(s);
      gmv.set(k, (gmv.get(k) ?? 0n) + BigInt(s.amountMinor));
      units.set(k, (units.get(k) ?? 0) + s.units);
      sales.set(k, (sales.get(k) ?? 0) + 1);
    }
    return String(gmv.get("smb"));
  },
  "`accumulateShare` (minor units) + `finalizeShare`": () =>
    finalizeShare(accumulateShare(rows, segmentOf, { currency: "USD" }))
      .bySegment["smb"]?.gmv.amount.toFixed(2)
      .replace(".", "") ?? "",
  "`accumulateShare` with a `Money` per row (0.2 way)": () => {
    function* asMoney() {
      for (const s of rows) yield { sellerId: s.sellerId, date: s.date, amount: fromMinorUnits(s.amountMinor, "USD"), units: s.units };
    }
    return finalizeShare(accumulateShare(asMoney(), segmentOf)).bySegment["smb"]?.gmv.amount.toFixed(2).replace(".", "") ?? "";
  },
  "`accumulateMarketplace` (quarters, per-seller totals, first sales) + `finalizeMarketplace`": () =>
    finalizeMarketplace(accumulateMarketplace(rows, segmentOf, { currency: "USD", period: "quarter" }))
      .share.bySegment["smb"]?.gmv.amount.toFixed(2)
      .replace(".", "") ?? "",
  "columns floor: typed-array loop, BigInt per segment": () => {
    const gmv = [0n, 0n, 0n, 0n];
    const units = [0, 0, 0, 0];
    const sales = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) {
      const k = segCol[i] as number;
      gmv[k] = (gmv[k] as bigint) + BigInt(amountCol[i] as number);
      units[k] = (units[k] as number) + (unitsCol[i] as number);
      sales[k] = (sales[k] as number) + 1;
    }
    return String(gmv[0]);
  },
  "`addShareColumns` (typed arrays) + `finalizeShare`": () => {
    const acc = createShareAccumulator({ currency: "USD" });
    addShareColumns(acc, { segmentNames: SEGMENTS, segment: segCol, amountMinor: amountCol, units: unitsCol });
    return finalizeShare(acc).bySegment["smb"]?.gmv.amount.toFixed(2).replace(".", "") ?? "";
  },
};

const names = Object.keys(ways);
const times = new Map<string, number[]>(names.map((n) => [n, []]));
let reference: string | undefined;
// One untimed round first (JIT warm-up), then the timed rounds.
for (let round = -1; round < ROUNDS; round++) {
  for (const name of names) {
    const t0 = performance.now();
    const out = (ways[name] as () => string)();
    if (round >= 0) times.get(name)!.push(performance.now() - t0);
    if (reference === undefined) reference = out;
    else if (out !== reference) throw new Error(`${name} gives SMB GMV ${out}, the floor ${reference}`);
  }
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const floorRow = times.get(names[0] as string)!;
const floorCols = times.get("columns floor: typed-array loop, BigInt per segment")!;
const la = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(" ");
console.log(
  `${N.toLocaleString("en-US")} minor-unit sales, ${SELLERS.toLocaleString("en-US")} sellers, 4 segments; ${ROUNDS} interleaved rounds in one process; Node ${process.version}; load average ${la(load0)} -> ${la(loadavg())}; SMB GMV ${reference} cents\n`,
);
console.log("| way | median ms | min–max ms | ÷ its floor in the same round: median (min–max) |\n|---|---:|---:|---:|");
for (const name of names) {
  const xs = times.get(name)!;
  const floor = name.startsWith("columns") || name.startsWith("`addShareColumns") ? floorCols : floorRow;
  const ratios = xs.map((x, i) => x / (floor[i] as number));
  console.log(
    `| ${name} | ${median(xs).toFixed(0)} | ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} | ${median(ratios).toFixed(2)}x (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}) |`,
  );
}
console.log("\nRow ways are divided by the `Map<string, bigint>` GMV loop, column ways by the typed-array loop.");
