/**
 * Seller survival benchmark (`npx tsx bench/survival.bench.ts`), issue #17.
 *
 * Two workloads over 1,000,000 records (BENCH_N), generated once (outside the timings, deterministic):
 * - "KM, 1,000,000 sellers": one survival observation per seller (duration 0–729 days, ~70 %
 *   churned) → `kaplanMeier` (tally, Greenwood, log-log 95 % bands; Decimal arithmetic);
 * - "log → churn → KM, 1,000,000 sale records of 100,000 sellers": `trackSellerActivity`
 *   (validation, exact GMV per month per seller) → `churnByInactivity` (60 days) → `kaplanMeier`.
 * The floor is plain JS on integers: a Map of counts per time (and of first/last epoch day per
 * seller) and a float64 product-limit with Greenwood, no validation, no exact money.
 * Library and floor runs are interleaved (lib, floor, lib, floor, ...) in one process, ROUNDS
 * times; the table gives the median and the min–max of each, and the ratio of medians. The two
 * answers are checked to agree (median survival time; S at the last event time to 1e-9).
 */
import { money } from "../src/money/money.js";
import type { Money } from "../src/money/types.js";
import { churnByInactivity } from "../src/sellers/churnByInactivity.js";
import { kaplanMeier } from "../src/sellers/kaplanMeier.js";
import { trackSellerActivity } from "../src/sellers/trackSellerActivity.js";
import type { Sale } from "../src/share/types.js";
import { mulberry32 } from "./support/mulberry32.js";
import { loadavg } from "node:os";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 3);
const N = Number(process.env["BENCH_N"] ?? 1_000_000);
const DAY = 86_400_000;
const T0 = Date.UTC(2023, 0, 1);

// Workload 1: observations.
const r1 = mulberry32(17);
const observations = Array.from({ length: N }, () => ({ time: Math.floor(r1() * 730), event: r1() < 0.7 }));

// Workload 2: a sales log of 100,000 sellers over two years.
const SELLERS = 100_000;
const r2 = mulberry32(42);
const PRICES: readonly Money[] = Array.from({ length: 5_000 }, (_, i) => money(((i + 1) / 100).toFixed(2), "USD"));
const DAYS: readonly Date[] = Array.from({ length: 730 }, (_, i) => new Date(T0 + i * DAY));
const starts = Array.from({ length: SELLERS }, () => Math.floor(r2() * 600));
const spans = Array.from({ length: SELLERS }, () => 1 + Math.floor(r2() * 300));
const sales: Sale[] = Array.from({ length: N }, () => {
  const s = Math.floor(r2() * SELLERS);
  const day = Math.min(729, (starts[s] as number) + Math.floor(r2() * (spans[s] as number)));
  return { sellerId: `seller-${s}`, date: DAYS[day] as Date, amount: PRICES[Math.floor(r2() * 5_000)] as Money };
});
const AS_OF = "2024-12-30";
const AS_OF_DAY = 729;

/** Float64 product-limit estimate on integer counts: the floor. */
function floorKm(counts: Map<number, [number, number]>): { median: number | null; last: number } {
  const times = [...counts.keys()].sort((a, b) => a - b);
  let n = 0;
  for (const c of counts.values()) n += c[0] + c[1];
  let s = 1;
  let g = 0;
  let median: number | null = null;
  let lo = 0;
  for (const t of times) {
    const [d, c] = counts.get(t) as [number, number];
    if (d > 0) {
      s *= (n - d) / n;
      if (n > d) g += d / (n * (n - d));
      // log-log lower bound, as the library computes it
      lo = s > 0 && s < 1 ? s ** Math.exp((1.959963984540054 * Math.sqrt(g)) / Math.abs(Math.log(s))) : s;
      if (median === null && s <= 0.5) median = t;
    }
    n -= d + c;
  }
  void lo;
  return { median, last: s };
}

function floorObservations(): { median: number | null; last: number } {
  const counts = new Map<number, [number, number]>();
  for (const o of observations) {
    const c = counts.get(o.time);
    if (c) c[o.event ? 0 : 1] += 1;
    else counts.set(o.time, o.event ? [1, 0] : [0, 1]);
  }
  return floorKm(counts);
}

function floorLog(): { median: number | null; last: number } {
  const span = new Map<string, [number, number]>();
  for (const s of sales) {
    const d = Math.floor((s.date as Date).getTime() / DAY);
    const x = span.get(s.sellerId);
    if (x === undefined) span.set(s.sellerId, [d, d]);
    else {
      if (d < x[0]) x[0] = d;
      if (d > x[1]) x[1] = d;
    }
  }
  const asOf = Math.floor(Date.parse(AS_OF) / DAY);
  const counts = new Map<number, [number, number]>();
  for (const [first, last] of span.values()) {
    const churned = asOf - last >= 60;
    const t = churned ? last + 60 - first : asOf - first;
    const c = counts.get(t);
    if (c) c[churned ? 0 : 1] += 1;
    else counts.set(t, churned ? [1, 0] : [0, 1]);
  }
  return floorKm(counts);
}

function libObservations(): { median: number | null; last: number } {
  const km = kaplanMeier(observations);
  return { median: km.median, last: lastS(km.rows) };
}

function libLog(): { median: number | null; last: number } {
  const km = kaplanMeier(churnByInactivity(trackSellerActivity(sales), { inactivityDays: 60, asOf: AS_OF }).survival);
  return { median: km.median, last: lastS(km.rows) };
}

function lastS(rows: readonly { events: number; survival: { toNumber(): number } }[]): number {
  let s = 1;
  for (const r of rows) if (r.events > 0) s = r.survival.toNumber();
  return s;
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
  { name: `\`kaplanMeier\`, ${N.toLocaleString("en-US")} sellers (one observation each)`, lib: libObservations, floor: floorObservations },
  { name: `\`trackSellerActivity\` → \`churnByInactivity\` → \`kaplanMeier\`, ${N.toLocaleString("en-US")} sale records, 100,000 sellers`, lib: libLog, floor: floorLog },
];
void AS_OF_DAY;
const load0 = loadavg()[0] as number;
const rows: string[] = [];
for (const c of cases) {
  const libMs: number[] = [];
  const floorMs: number[] = [];
  const libCpu: number[] = [];
  const floorCpu: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const a = time(c.lib);
    const b = time(c.floor);
    libMs.push(a.ms);
    floorMs.push(b.ms);
    libCpu.push(a.cpuMs);
    floorCpu.push(b.cpuMs);
    if (a.value.median !== b.value.median || Math.abs(a.value.last - b.value.last) > 1e-9) throw new Error(`${c.name}: answers differ ${JSON.stringify(a.value)} vs ${JSON.stringify(b.value)}`);
  }
  const ratio = median(libMs) / median(floorMs);
  rows.push(
    `| ${c.name} | ${fmt(median(libMs))} (${fmt(Math.min(...libMs))}–${fmt(Math.max(...libMs))}) | ${fmt(median(floorMs))} (${fmt(Math.min(...floorMs))}–${fmt(Math.max(...floorMs))}) | ${ratio.toFixed(1)}x | ${fmt(median(libCpu))} ÷ ${fmt(median(floorCpu))} = ${(median(libCpu) / median(floorCpu)).toFixed(1)}x |`,
  );
}
const load1 = loadavg()[0] as number;
console.log(`survival bench: ${ROUNDS} interleaved rounds, Node ${process.version}, load average (1 min) ${load0.toFixed(1)} → ${load1.toFixed(1)}\n`);
console.log("| workload | library, median (min–max) | plain-JS integer floor, median (min–max) | library ÷ floor | CPU time, library ÷ floor (medians) |");
console.log("|---|---:|---:|---:|---:|");
for (const r of rows) console.log(r);
