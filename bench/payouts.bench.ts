/**
 * Payouts benchmark (`npx tsx bench/payouts.bench.ts`), issue #17.
 *
 * 1,000,000 (BENCH_N) sale records of 100,000 sellers over one year (generated once, outside the timings,
 * deterministic; 4 fee categories, 1–3 units, delivery 1–6 days after the sale) priced by
 * ILLUSTRATIVE_FEE_SCHEDULE and turned into the marketplace's payout series:
 * - `payoutSchedule` with a 7-day delay after delivery, a 14-day disbursement cycle and a 10 %
 *   reserve held 90 days (validation of every record, exact integer minor units in bigint);
 * - `takeRateBySegment` by seller segment (4 segments);
 * - the floor: the same fee, reserve and cycle arithmetic in plain JS on integer cents (numbers),
 *   no validation, into a Map of cents per payout day.
 * Library and floor runs are interleaved in one process, ROUNDS times; the table gives the median
 * and min–max, and the ratio of medians. The payout totals are checked to agree to the cent.
 */
import { loadavg } from "node:os";
import { ILLUSTRATIVE_FEE_SCHEDULE } from "../src/fees/ILLUSTRATIVE_FEE_SCHEDULE.js";
import { payoutSchedule } from "../src/fees/payoutSchedule.js";
import { takeRateBySegment } from "../src/fees/takeRateBySegment.js";
import type { FeeSale } from "../src/fees/types.js";
import { money } from "../src/money/money.js";
import type { Money } from "../src/money/types.js";
import { mulberry32 } from "./support/mulberry32.js";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 3);
const N = Number(process.env["BENCH_N"] ?? 1_000_000);
const SELLERS = 100_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const CATS = ["media", "electronics", "home", "other"] as const;
// The illustrative schedule as plain numbers (basis points, cents): the floor's copy.
const RATE_BP: Record<string, number> = { media: 1500, electronics: 800, home: 1500, other: 1500 };
const MIN_C: Record<string, number> = { media: 0, electronics: 30, home: 30, other: 30 };
const CLOSE_C: Record<string, number> = { media: 180, electronics: 0, home: 0, other: 0 };
const PER_ITEM_C = 99;

const r = mulberry32(7);
const PRICES_C = Array.from({ length: 20_000 }, (_, i) => 100 + i * 7);
const PRICES: readonly Money[] = PRICES_C.map((c) => money((c / 100).toFixed(2), "USD"));
const DAYS: readonly Date[] = Array.from({ length: 372 }, (_, i) => new Date(T0 + i * DAY));
const sales: FeeSale[] = Array.from({ length: N }, () => {
  const p = Math.floor(r() * 20_000);
  const d = Math.floor(r() * 366);
  return {
    sellerId: `seller-${Math.floor(r() * SELLERS)}`,
    category: CATS[Math.floor(r() * 4)] as string,
    amount: PRICES[p] as Money,
    units: 1 + Math.floor(r() * 3),
    date: DAYS[d] as Date,
    deliveredOn: DAYS[d + 1 + Math.floor(r() * 6)] as Date,
  };
});
const OPTIONS = { delayDays: 7, cycleDays: 14, cycleStart: "2024-01-01", reserveRate: "0.1", reserveDays: 90 } as const;
const segmentOf = (s: FeeSale): string => `seg-${Number((s.sellerId as string).slice(7)) % 4}`;

/** round(n / d) half-even for n ≥ 0 on numbers (exact while n < 2^53). */
function divHalfEven(n: number, d: number): number {
  const q = Math.floor(n / d);
  const rem = n - q * d;
  return 2 * rem > d || (2 * rem === d && q % 2 === 1) ? q + 1 : q;
}

function floor(): number {
  const byDay = new Map<number, number>();
  const start = Math.floor(T0 / DAY);
  const pay = (day: number): number => (day <= start ? start : start + Math.ceil((day - start) / 14) * 14);
  let total = 0;
  for (const s of sales) {
    const cents = Math.round(s.amount.amount.toNumber() * 100);
    const u = s.units ?? 1;
    const cat = s.category;
    const pct = divHalfEven(cents * (RATE_BP[cat] as number), 10_000);
    let left = cents;
    for (const w of [Math.max(pct, (MIN_C[cat] as number) * u), (CLOSE_C[cat] as number) * u, PER_ITEM_C * u]) left -= Math.min(w, left);
    const net = left;
    const reserve = divHalfEven(net * 10, 100);
    const available = Math.floor((s.deliveredOn as Date).getTime() / DAY) + 7;
    const a = pay(available);
    const b = pay(available + 90);
    byDay.set(a, (byDay.get(a) ?? 0) + net - reserve);
    byDay.set(b, (byDay.get(b) ?? 0) + reserve);
    total += net;
  }
  return total;
}

function lib(): number {
  const res = payoutSchedule(ILLUSTRATIVE_FEE_SCHEDULE, sales, OPTIONS);
  return Math.round(res.summary.paid.amount.toNumber() * 100);
}

function libTake(): number {
  const res = takeRateBySegment(ILLUSTRATIVE_FEE_SCHEDULE, sales, segmentOf);
  return Math.round(res.total.net.amount.toNumber() * 100);
}

/** Wall time and this process's CPU time (user + system, all threads: GC helpers included) of one call. */
function time<T>(f: () => T): { ms: number; cpuMs: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

const cases = [
  { name: `\`payoutSchedule\` (7-day delay, 14-day cycle, 10 % reserve for 90 days), ${N.toLocaleString("en-US")} sale records, 100,000 sellers`, lib },
  { name: "`takeRateBySegment` (4 segments), same records", lib: libTake },
];
const load0 = loadavg()[0] as number;
const rows: string[] = [];
for (const c of cases) {
  const libMs: number[] = [];
  const floorMs: number[] = [];
  const libCpu: number[] = [];
  const floorCpu: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const a = time(c.lib);
    const b = time(floor);
    libMs.push(a.ms);
    floorMs.push(b.ms);
    libCpu.push(a.cpuMs);
    floorCpu.push(b.cpuMs);
    if (a.value !== b.value) throw new Error(`${c.name}: totals differ ${a.value} vs ${b.value} cents`);
  }
  rows.push(
    `| ${c.name} | ${fmt(median(libMs))} (${fmt(Math.min(...libMs))}–${fmt(Math.max(...libMs))}) | ${fmt(median(floorMs))} (${fmt(Math.min(...floorMs))}–${fmt(Math.max(...floorMs))}) | ${(median(libMs) / median(floorMs)).toFixed(1)}x | ${fmt(median(libCpu))} ÷ ${fmt(median(floorCpu))} = ${(median(libCpu) / median(floorCpu)).toFixed(1)}x |`,
  );
}
const load1 = loadavg()[0] as number;
console.log(`payouts bench: ${ROUNDS} interleaved rounds, Node ${process.version}, load average (1 min) ${load0.toFixed(1)} → ${load1.toFixed(1)}\n`);
console.log("| workload | library, median (min–max) | plain-JS integer-cents floor, median (min–max) | library ÷ floor | CPU time, library ÷ floor (medians) |");
console.log("|---|---:|---:|---:|---:|");
for (const row of rows) console.log(row);
