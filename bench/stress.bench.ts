/**
 * Stress-test benchmark (#12): `stressTestPortfolio` over a book of advances × daily sales ×
 * scenarios, against the floor: a plain JavaScript loop on integer cents doing the same work per
 * loan and scenario (shock every day's sales by a multiplier in millionths with round-half-even,
 * collect round_half_even(sales × holdback) trimmed to the balance, check the 90-day minimum).
 * Interleaved (library, floor, library, floor …) in one process; prints a Markdown table with
 * the time per loan-scenario run, the spread over the repetitions, the projection to
 * 10,000 advances × 1,000 scenarios (the cost is linear in loans × (scenarios + 1) by
 * construction) and the peak RSS.
 *
 *   npx tsx bench/stress.bench.ts [--advances 2000] [--scenarios 2] [--days 365] [--reps 3] [--input columns|money]
 *
 * `--input columns` (default): each seller's sales as typed-array columns (`{ days: Int32Array,
 * minor: Float64Array }`, 12 bytes a day; the floor reads the same Float64Array); `--input money`:
 * as `{ date, amount: Money }` rows (a Date, a frozen Money and a Decimal per day, ~400 bytes),
 * the input of the runs before 2026-12-03.
 */
import { Decimal } from "decimal.js";
import { cpuUsage, resourceUsage } from "node:process";
import { money } from "../src/money/money.js";
import { salesBasedAdvance } from "../src/financing/salesBasedAdvance.js";
import { stressTestPortfolio } from "../src/financing/stressTestPortfolio.js";
import type { FinancingSale, FinancingSalesColumns } from "../src/financing/types.js";
import { mulberry32 } from "./support/mulberry32.js";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const N = arg("advances", 2000);
const S = arg("scenarios", 2);
const DAYS = arg("days", 365);
const REPS = arg("reps", 3);
const INPUT = process.argv.includes("--input") ? process.argv[process.argv.indexOf("--input") + 1] : "columns";
if (INPUT !== "columns" && INPUT !== "money") throw new Error("bench: --input columns or --input money");
const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 2);

const rnd = mulberry32(12);
const cents: Float64Array[] = [];
const sales: Record<string, FinancingSale[] | FinancingSalesColumns> = {};
const loans = [];
// One day column shared by every seller (the library copies what it reads).
const dayColumn = Int32Array.from({ length: DAYS }, (_, i) => T0 / DAY + i);
for (let k = 0; k < N; k++) {
  const row = Float64Array.from({ length: DAYS }, () => Math.floor(20_000 + rnd() * 60_000));
  cents.push(row);
  sales[`s${k}`] = INPUT === "columns" ? { days: dayColumn, minor: row } : Array.from(row, (c, i) => ({ date: new Date(T0 + i * DAY), amount: money(new Decimal(c).div(100), "USD") }));
  loans.push({ id: `l${k}`, sellerId: `s${k}`, product: salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1", minimumPayment: { rate: "0.1", everyDays: 90 } }) });
}
const options = { seed: 1, scenarios: S, shock: { volatility: "0.3", correlation: "0.7" }, stopHazard: "0.02" } as const;

/** The floor: integer cents, one multiplier per loan and scenario, the same holdback and minimum rules. */
function floor(): number {
  const r = mulberry32(7);
  let repaid = 0;
  for (let s = 0; s <= S; s++) {
    for (let k = 0; k < N; k++) {
      const q = Math.round((1 + 0.3 * (r() * 2 - 1)) * 1e6);
      let balance = 1_150_000;
      let windowPaid = 0;
      for (let i = 0; i < DAYS && balance > 0; i++) {
        const p = cents[k]![i]! * q;
        let x = Math.floor(p / 1e6);
        const rem = p - x * 1e6;
        if (rem * 2 > 1e6 || (rem * 2 === 1e6 && x % 2 === 1)) x++;
        let h = Math.round(x / 10); // holdback 10 %, half-even on exact halves below
        if ((x % 10 === 5 || x % 10 === -5) && Math.floor(x / 10) % 2 === 0) h = Math.floor(x / 10);
        h = Math.min(h, balance);
        balance -= h;
        windowPaid += h;
        if ((i + 1) % 90 === 0) {
          if (windowPaid < 115_000) balance -= Math.min(balance, 115_000 - windowPaid);
          windowPaid = 0;
        }
        repaid += h;
      }
    }
  }
  return repaid;
}

const lib: number[] = [];
const flo: number[] = [];
const libCpu: number[] = [];
const floCpu: number[] = [];
let rss = 0;
for (let rep = 0; rep < REPS; rep++) {
  let t = performance.now();
  let c = cpuUsage();
  // Columns are read like any series at run time; the declared type of salesBySeller lists only Money rows.
  const out = stressTestPortfolio(loans, sales as Record<string, FinancingSale[]>, options);
  lib.push(performance.now() - t);
  let d = cpuUsage(c);
  libCpu.push((d.user + d.system) / 1000);
  rss = Math.max(rss, resourceUsage().maxRSS * 1024);
  if (out.scenarioCount !== S) throw new Error("bench: wrong scenario count");
  t = performance.now();
  c = cpuUsage();
  floor();
  flo.push(performance.now() - t);
  d = cpuUsage(c);
  floCpu.push((d.user + d.system) / 1000);
}
const runs = N * (S + 1);
const per = (xs: number[]) => xs.map((x) => (x / runs) * 1000); // µs per loan-scenario run
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const lo = (xs: number[]) => Math.min(...xs);
const hi = (xs: number[]) => Math.max(...xs);
const l = per(lib);
const f = per(flo);
const lc = per(libCpu);
const fc = per(floCpu);
const proj = (xs: number[]) => (med(xs) * 10_000 * 1_001) / 1e6;
const range = (xs: number[], d = 0) => `${med(xs).toFixed(d)} µs (${lo(xs).toFixed(d)}–${hi(xs).toFixed(d)})`;
console.log(`| book | clock | this library per loan-scenario | floor per loan-scenario | ratio | 10,000 × 1,000 projected | peak RSS |`);
console.log(`|---|---|---:|---:|---:|---:|---:|`);
const book = `${N} advances × ${DAYS} days × ${S} scenarios (+ base), ${REPS} reps, ${INPUT === "columns" ? "typed-array columns" : "Money rows"} input`;
console.log(`| ${book} | wall | ${range(l)} | ${range(f, 2)} | ${(med(l) / med(f)).toFixed(0)}x | ${(proj(l) / 3600).toFixed(1)} h | ${(rss / 2 ** 20).toFixed(0)} MB |`);
console.log(`| ${book} | CPU (user + system) | ${range(lc)} | ${range(fc, 2)} | ${(med(lc) / med(fc)).toFixed(0)}x | ${(proj(lc) / 3600).toFixed(1)} h of CPU | |`);
