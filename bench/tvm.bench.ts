/**
 * Benchmark: xirr / irr against the npm packages a user would otherwise pick.
 * Run: `npx tsx bench/tvm.bench.ts`. Prints a Markdown table of median times and ratios.
 * Same inputs, same process; each package is warmed up, then timed in batches interleaved with
 * ours (so both see the same load on a shared machine); the median batch time per call and the
 * median per-pair ratio are reported. Answers are checked to agree to 1e-9 before timing.
 */
import { performance } from "node:perf_hooks";
import * as formulajs from "@formulajs/formulajs";
import { irr as financialIrr, mirr as financialMirr } from "financial";
import xirrPkg from "xirr";
import { cumipmt, irr, mirr, xirr } from "../src/tvm/index.js";

const DAY = 86_400_000;

function dailyFlows(n: number): { dates: Date[]; amounts: number[] } {
  const start = Date.UTC(2024, 0, 1);
  const dates: Date[] = [];
  const amounts: number[] = [];
  dates.push(new Date(start));
  amounts.push(-100_000);
  for (let i = 1; i < n; i++) {
    dates.push(new Date(start + i * DAY));
    amounts.push(300 + ((i * 37) % 11)); // deterministic, one sign change
  }
  return { dates, amounts };
}

function monthlyFlows(n: number): { dates: Date[]; amounts: number[] } {
  const dates: Date[] = [];
  const amounts: number[] = [];
  for (let i = 0; i < n; i++) {
    dates.push(new Date(Date.UTC(2024, i, 15)));
    amounts.push(i === 0 ? -10_000 : 480 + ((i * 13) % 7));
  }
  return { dates, amounts };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Batch size k such that one batch of `fn` takes about `targetMs / 4` or more (also warms up). */
function batchSize(fn: () => unknown, targetMs: number): number {
  let k = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) fn();
    const dt = performance.now() - t0;
    if (dt > targetMs / 4 || k > 1_000_000) break;
    k *= 2;
  }
  for (let i = 0; i < k * 2; i++) fn();
  return k;
}

/** Time per call (µs) of one batch of k calls. */
function batch(fn: () => unknown, k: number): number {
  const t0 = performance.now();
  for (let i = 0; i < k; i++) fn();
  return ((performance.now() - t0) * 1000) / k;
}

/**
 * Interleaved comparison: `pairs` batches of ours and theirs, alternating which goes first, so
 * both see the same machine load (the bench machine is shared). Returns the median time per call
 * of each (µs) and the median of the per-pair ratios theirs / ours.
 */
function compare(ours: () => unknown, theirs: () => unknown, pairs = 41, targetMs = 20): { ours: number; theirs: number; ratio: number } {
  const kOurs = batchSize(ours, targetMs);
  const kTheirs = batchSize(theirs, targetMs);
  const tOurs: number[] = [];
  const tTheirs: number[] = [];
  const ratios: number[] = [];
  for (let b = 0; b < pairs; b++) {
    let a: number;
    let t: number;
    if (b % 2 === 0) {
      a = batch(ours, kOurs);
      t = batch(theirs, kTheirs);
    } else {
      t = batch(theirs, kTheirs);
      a = batch(ours, kOurs);
    }
    tOurs.push(a);
    tTheirs.push(t);
    ratios.push(t / a);
  }
  return { ours: median(tOurs), theirs: median(tTheirs), ratio: median(ratios) };
}

let sink = 0;
const rows: string[] = [];
for (const [label, data] of [
  ["365 daily flows", dailyFlows(365)],
  ["24 monthly flows", monthlyFlows(24)],
] as const) {
  const flows = data.dates.map((date, i) => ({ date, amount: data.amounts[i]! }));
  const pkgFlows = data.dates.map((when, i) => ({ when, amount: data.amounts[i]! }));
  const ours = xirr(flows).toNumber();
  const theirs = xirrPkg(pkgFlows);
  const fjs = formulajs.XIRR(data.amounts, data.dates) as number;
  const ourIrr = irr(data.amounts).toNumber();
  const finIrr = financialIrr(data.amounts);
  const agree = (a: number, b: number): string => (Math.abs(a - b) <= 1e-9 ? "yes" : `NO (Δ=${Math.abs(a - b).toExponential(2)})`);

  const vsXirr = compare(
    () => (sink += xirr(flows).toNumber()),
    () => (sink += xirrPkg(pkgFlows)),
  );
  const vsFjs = compare(
    () => (sink += xirr(flows).toNumber()),
    () => (sink += formulajs.XIRR(data.amounts, data.dates) as number),
  );
  const vsFin = compare(
    () => (sink += irr(data.amounts).toNumber()),
    () => (sink += financialIrr(data.amounts)),
  );
  const f = (us: number): string => (us >= 100 ? us.toFixed(0) : us.toFixed(1));
  const row = (what: string, c: { ours: number; theirs: number; ratio: number }, same: string): string => `| ${label} | ${what} | ${f(c.ours)} | ${f(c.theirs)} | ${c.ratio.toFixed(1)}x | ${same} |`;
  rows.push(row("xirr (this) vs `xirr`", vsXirr, agree(ours, theirs)));
  rows.push(row("xirr (this) vs `@formulajs/formulajs` XIRR", vsFjs, agree(ours, fjs)));
  rows.push(row("irr (this) vs `financial` irr", vsFin, agree(ourIrr, finIrr)));
}

// Excel-parity functions (issue #15), and xirr with a day count: formulajs and financial have no
// day-count option, so the day-count rows compare against the `xirr` package's ACT/365 answer time.
{
  const f = (us: number): string => (us >= 100 ? us.toFixed(0) : us.toFixed(1));
  const agree = (a: number, b: number): string => (Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) ? "yes" : `NO (Δ=${Math.abs(a - b).toExponential(2)})`);
  const row = (label: string, what: string, c: { ours: number; theirs: number; ratio: number }, same: string): string =>
    `| ${label} | ${what} | ${f(c.ours)} | ${f(c.theirs)} | ${c.ratio.toFixed(1)}x | ${same} |`;
  const v = [-120000, 39000, 30000, 21000, 37000, 46000, -5000, 12000, 18000, 25000, 31000, 9000];
  rows.push(
    row(
      "12 flows",
      "mirr (this) vs `@formulajs/formulajs` MIRR",
      compare(
        () => (sink += mirr(v, 0.1, 0.12).toNumber()),
        () => (sink += formulajs.MIRR(v, 0.1, 0.12) as number),
      ),
      agree(mirr(v, 0.1, 0.12).toNumber(), formulajs.MIRR(v, 0.1, 0.12) as number),
    ),
  );
  rows.push(
    row(
      "12 flows",
      "mirr (this) vs `financial` mirr",
      compare(
        () => (sink += mirr(v, 0.1, 0.12).toNumber()),
        () => (sink += financialMirr(v, 0.1, 0.12)),
      ),
      agree(mirr(v, 0.1, 0.12).toNumber(), financialMirr(v, 0.1, 0.12)),
    ),
  );
  const r = 0.09 / 12;
  const ourCum = (): number => cumipmt(r, 360, 125000, 13, 24).toNumber();
  const fjsCum = (): number => formulajs.CUMIPMT(r, 360, 125000, 13, 24, 0) as number;
  rows.push(
    row(
      "360-month loan, payments 13–24",
      "cumipmt (this) vs `@formulajs/formulajs` CUMIPMT",
      compare(
        () => (sink += ourCum()),
        () => (sink += fjsCum()),
      ),
      agree(ourCum(), fjsCum()),
    ),
  );
  const ourCumAll = (): number => cumipmt(r, 360, 125000, 1, 360).toNumber();
  const fjsCumAll = (): number => formulajs.CUMIPMT(r, 360, 125000, 1, 360, 0) as number;
  rows.push(
    row(
      "360-month loan, payments 1–360",
      "cumipmt (this) vs `@formulajs/formulajs` CUMIPMT",
      compare(
        () => (sink += ourCumAll()),
        () => (sink += fjsCumAll()),
      ),
      agree(ourCumAll(), fjsCumAll()),
    ),
  );
  const data = dailyFlows(365);
  const flows = data.dates.map((date, i) => ({ date, amount: data.amounts[i]! }));
  const pkgFlows = data.dates.map((when, i) => ({ when, amount: data.amounts[i]! }));
  for (const dayCount of ["ACT/360", "30/360", "ACT/ACT-ISDA"] as const) {
    const c = compare(
      () => (sink += xirr(flows, { dayCount }).toNumber()),
      () => (sink += xirrPkg(pkgFlows)),
    );
    rows.push(row("365 daily flows", `xirr (this, dayCount ${dayCount}) vs \`xirr\` (ACT/365 only)`, c, "n/a (other day count)"));
  }
}

console.log(
  `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; median µs per call (lower is better); ratio = median over 41 interleaved batch pairs of theirs / ours (higher = this library faster).\n`,
);
console.log("| input | comparison | this library (µs) | other (µs) | ratio | same answer (1e-9) |");
console.log("|---|---|---:|---:|---:|---|");
for (const r of rows) console.log(r);
if (Number.isNaN(sink)) console.log("(sink NaN)");
