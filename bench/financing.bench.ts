/**
 * Financing benchmark (`npx tsx bench/financing.bench.ts`, #12). Every case is timed against the
 * FLOOR for exact money in plain JS: a hand-written loop on integer cents in float64 doing the
 * same arithmetic (holdback = round_half_even(cents × num / den) as an exact rational, trimmed to
 * the balance, balance and totals updated; for a portfolio also the lender's daily flows), with
 * the inputs already in typed arrays. Library and floor are interleaved (alternating batches) in
 * one run; the table gives the CPU time per call (median and range over the batches), the ratio
 * of CPU times per pair of batches (median and range) and the same ratio by the wall clock. The 100,000-advance book and its memory are in bench/portfolioScale.ts.
 */
import { Decimal } from "decimal.js";
import { money } from "../src/money/money.js";
import { salesBasedAdvance } from "../src/financing/salesBasedAdvance.js";
import { simulatePortfolio } from "../src/financing/simulatePortfolio.js";
import { simulateRepayment } from "../src/financing/simulateRepayment.js";
import type { FinancingSale, FinancingSalesColumns, FinancingSalesInput, SalesBasedAdvance } from "../src/financing/types.js";
import { mulberry32 } from "./support/mulberry32.js";
import { loadavg } from "node:os";
import { cpuUsage } from "node:process";

const DAY = 86_400_000;
const D0 = Date.UTC(2024, 0, 2) / DAY;

/** Deterministic pseudo-random daily sales in cents ($200–$800 a day). */
function makeCents(seed: number, days = 365): Float64Array {
  const r = mulberry32(seed);
  return Float64Array.from({ length: days }, () => Math.floor(20_000 + r() * 60_000));
}
const dayColumn = (n: number) => Int32Array.from({ length: n }, (_, i) => D0 + i);
const toMoneySeries = (cents: Float64Array): FinancingSale[] => Array.from(cents, (c, i) => ({ date: new Date((D0 + i) * DAY), amount: money(new Decimal(c).div(100), "USD") }));

/**
 * The floor: one advance on integer cents (holdback rate num/den), optional daily flows. The
 * quotient is a float64 division with one correction, not `p % den` (a float64 remainder is a
 * call into C: that floor took ~3.0 µs for 365 days, this one ~2.3 µs), as in the library's loop.
 */
function floorLoop(total: number, num: number, den: number, days: Int32Array, cents: Float64Array, flows?: Float64Array, base = 0): number {
  let balance = total;
  let repaid = 0;
  for (let i = 0; i < cents.length && balance > 0; i++) {
    const p = cents[i]! * num;
    let h = Math.floor(p / den);
    let r = p - h * den;
    if (r < 0) {
      h--;
      r += den;
    }
    if (2 * r > den || (2 * r === den && (h & 1) === 1)) h++;
    if (h > balance) h = balance;
    balance -= h;
    repaid += h;
    if (flows) flows[days[i]! - base] = flows[days[i]! - base]! + h;
  }
  return repaid;
}

/**
 * The same floor fed `{ day, minor }` rows instead of typed arrays: the loop a user would write
 * over such rows (no validation), so the comparison with the library fed the same rows shows
 * what the input shape itself costs.
 */
function floorRowsLoop(total: number, num: number, den: number, rows: readonly { readonly day: number; readonly minor: number }[]): number {
  let balance = total;
  let repaid = 0;
  for (let i = 0; i < rows.length && balance > 0; i++) {
    const p = rows[i]!.minor * num;
    let h = Math.floor(p / den);
    let r = p - h * den;
    if (r < 0) {
      h--;
      r += den;
    }
    if (2 * r > den || (2 * r === den && (h & 1) === 1)) h++;
    if (h > balance) h = balance;
    balance -= h;
    repaid += h;
  }
  return repaid;
}

/** Spread of a sample: median, min and max. */
interface Spread {
  readonly med: number;
  readonly lo: number;
  readonly hi: number;
}
const spread = (x: number[]): Spread => {
  const v = [...x].sort((p, q) => p - q);
  return { med: v[v.length >> 1]!, lo: v[0]!, hi: v[v.length - 1]! };
};

/**
 * Interleave `a` and `b` in `batches` alternating batches of at least `minMs` each, timing each
 * batch by the wall clock and by the process's CPU time (user + system, `process.cpuUsage`):
 * on a shared machine the CPU time is what the code costs, the wall clock also counts the time
 * the process waited for a core. Per call: medians and ranges; ratios per pair of batches.
 */
function race(a: () => void, b: () => void, minMs: number, batches: number): { wall: Spread; cpuA: Spread; cpuB: Spread; cpu: Spread } {
  // Warm-up (JIT tiers, inline caches): at least 2,000 calls or 300 ms of each, not timed.
  for (const f of [a, b]) {
    const t0 = performance.now();
    for (let k = 0; k < 2000 || performance.now() - t0 < 300; k++) {
      f();
      if (k >= 2000 && minMs < 10) break;
    }
  }
  const wa: number[] = [];
  const wb: number[] = [];
  const ca: number[] = [];
  const cb: number[] = [];
  const one = (f: () => void, w: number[], c: number[]) => {
    let runs = 0;
    const c0 = cpuUsage();
    const start = performance.now();
    let el = 0;
    do {
      f();
      runs++;
      el = performance.now() - start;
    } while (el < minMs);
    const d = cpuUsage(c0);
    w.push(el / runs);
    c.push((d.user + d.system) / 1000 / runs);
  };
  for (let k = 0; k < batches; k++) {
    if (k % 2 === 0) {
      one(a, wa, ca);
      one(b, wb, cb);
    } else {
      one(b, wb, cb);
      one(a, wa, ca);
    }
  }
  return { wall: spread(wa.map((t, i) => t / wb[i]!)), cpuA: spread(ca), cpuB: spread(cb), cpu: spread(ca.map((t, i) => t / cb[i]!)) };
}

/**
 * `BENCH_FILTER=<regex>` runs only the cases whose name matches (case-insensitive), e.g.
 * `BENCH_FILTER=simulateRepayment`; the portfolio case also runs only when it matches.
 */
const filter = process.env["BENCH_FILTER"] ? new RegExp(process.env["BENCH_FILTER"], "i") : null;
const wanted = (name: string) => filter === null || filter.test(name);
const rows: string[] = [];
const show = (ms: number) => (ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`);
const x = (s: Spread) => `${s.med.toFixed(2)}x (${s.lo.toFixed(2)}–${s.hi.toFixed(2)})`;
const line = (name: string, r: ReturnType<typeof race>) =>
  void rows.push(
    `| ${name} | ${show(r.cpuA.med)} (${show(r.cpuA.lo)}–${show(r.cpuA.hi)}) | ${show(r.cpuB.med)} (${show(r.cpuB.lo)}–${show(r.cpuB.hi)}) | **${x(r.cpu)}** | ${x(r.wall)} | ${loadavg()[0]!.toFixed(1)} |`,
  );
const load0 = loadavg();

// 1. One advance, 365 days (never paid off within the year: all 365 days run).
{
  const cents = makeCents(1);
  const days = dayColumn(cents.length);
  const moneySales = toMoneySeries(cents);
  const columns: FinancingSalesColumns = { days, minor: cents };
  const minorRows = Array.from(cents, (c, i) => ({ day: D0 + i, minor: c }));
  const advance = salesBasedAdvance({ principal: money("100000", "USD"), fee: 12000, holdbackRate: "0.1" });
  const floor = () => void floorLoop(11_200_000, 1, 10, days, cents);
  // Same answer to the cent, or the comparison means nothing (checked just before each case, so
  // that no case runs with the inline caches of the input shapes of the cases after it).
  const want = String(floorLoop(11_200_000, 1, 10, days, cents) / 100);
  const check = (s: FinancingSalesInput) => {
    const got = simulateRepayment(advance, s).summary.totalHoldback.amount.toString();
    if (got !== want) throw new Error(`floor and library disagree: ${want} vs ${got}`);
  };
  let sink = 0;
  const run = (name: string, input: FinancingSalesInput, a: () => void, b: () => void, minMs: number, batches: number) => {
    if (!wanted(name)) return;
    check(input);
    line(name, race(a, b, minMs, batches));
  };
  run("simulateRepayment, typed-array columns, summary read", columns, () => void (sink += simulateRepayment(advance, columns).summary.shortfallCount), floor, 50, 21);
  run("simulateRepayment, `{ day, minor }` rows, summary read", minorRows, () => void (sink += simulateRepayment(advance, minorRows).summary.shortfallCount), floor, 50, 21);
  if (String(floorRowsLoop(11_200_000, 1, 10, minorRows) / 100) !== want) throw new Error("the rows floor disagrees with the typed-array floor");
  run(
    "simulateRepayment, `{ day, minor }` rows, summary read, against the floor reading the same rows",
    minorRows,
    () => void (sink += simulateRepayment(advance, minorRows).summary.shortfallCount),
    () => void floorRowsLoop(11_200_000, 1, 10, minorRows),
    50,
    21,
  );
  run("simulateRepayment, `{ date, amount: Money }` rows, summary read", moneySales, () => void (sink += simulateRepayment(advance, moneySales).summary.shortfallCount), floor, 50, 21);
  run("simulateRepayment, Money rows, every row read (365 rows built)", moneySales, () => void (sink += simulateRepayment(advance, moneySales).rows.length), floor, 50, 21);
  if (sink < 0) console.log(sink);
}

// 2. Portfolio: 10,000 advances × 365 days over 100 sellers' series (typed-array columns).
const PORTFOLIO_CASE = "simulatePortfolio, 10,000 advances × 365 days (columns, summaries)";
if (!process.argv.includes("--no-portfolio") && wanted(PORTFOLIO_CASE)) {
  const SELLERS = 100;
  const LOANS = 10_000;
  const cents: Float64Array[] = [];
  const series: Record<string, FinancingSalesColumns> = {};
  for (let s = 0; s < SELLERS; s++) {
    cents.push(makeCents(1000 + s));
    series[`s${s}`] = { days: dayColumn(365), minor: cents[s]! };
  }
  const days = dayColumn(365);
  const loans: { id: string; sellerId: string; product: SalesBasedAdvance; fundedOn: string }[] = [];
  const plain: { total: number; num: number; den: number; principal: number; s: number }[] = [];
  for (let k = 0; k < LOANS; k++) {
    const principal = 50_000 + (k % 97) * 100;
    const fee = 5_000 + (k % 13) * 10;
    const pct = 5 + (k % 11);
    loans.push({ id: `L${k}`, sellerId: `s${k % SELLERS}`, product: salesBasedAdvance({ principal: money(principal, "USD"), fee, holdbackRate: new Decimal(pct).div(100) }), fundedOn: "2024-01-01" });
    plain.push({ total: (principal + fee) * 100, num: pct, den: 100, principal: principal * 100, s: k % SELLERS });
  }
  const floor = () => {
    const flows = new Float64Array(400);
    let lent = 0;
    for (const l of plain) {
      lent += l.principal;
      flows[0] = flows[0]! - l.principal;
      floorLoop(l.total, l.num, l.den, days, cents[l.s]!, flows, D0 - 1);
    }
    return lent;
  };
  line(
    PORTFOLIO_CASE,
    race(() => void simulatePortfolio(loans, series, { includeLoans: false }), floor, 1, 5),
  );
}

console.log(
  `Node ${process.version}, load average at start ${load0.map((x) => x.toFixed(1)).join(" / ")}, at end ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" / ")}`,
);
console.log("");
console.log(
  "| case | library, CPU per call: median (min–max) | integer-cents float64 floor, CPU per call | library ÷ floor, CPU: median (min–max over batch pairs) | library ÷ floor, wall clock | 1-min load after the case |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) console.log(r);
