/**
 * Internal: build a {@link RootProblem} straight from user input for xirr / irr / xirrRoots /
 * irrRoots. Never exported from the package.
 *
 * Equivalent to `toProblem(parseFlows(value, fn, false), D)` (dated) and
 * `toProblem(parseAmounts(value, fn, false), 1)` (periodic): every element is validated in the
 * same order by the same validators (a finite `number` amount and a valid `Date` are accepted on
 * the spot, anything else goes through `parseAmount` / `epochDay`, so every bad input throws the
 * same error), and flows on the same day are netted the same way (exactly, from each amount's
 * exact decimal, then rounded once to float64), so the problem (and the root) is bit-for-bit the
 * same. What it saves: the intermediate per-flow objects
 * and arrays (six typed arrays per call) — for inputs up to 65,536 flows the arrays live in module
 * scratch buffers that are reused across calls.
 *
 * Re-entrancy: user code can run while the input is read (getters, proxies). The raw buffers are
 * guarded by a busy flag (a nested call allocates its own), and the problem buffers are filled only
 * after the read loop, when no user code can run until the caller's solver returns.
 */
import { Decimal } from "../../_lib/decimal.js";
import { assertSameCurrency } from "../../_lib/money.js";
import { type FlowsRead, parseAmount, readFlows } from "./flows.js";
import type { RootProblem } from "./solver.js";
import type { DayBasis } from "./daycount.js";
import { toArray, toArrayLength } from "../../_lib/validate.js";

/** Inputs longer than this get their own arrays, so the module never holds more than ~2 MB. */
const SCRATCH_MAX = 65_536;
let rawAmounts = new Float64Array(512);
let rawDays = new Float64Array(512);
let rawBusy = false;
let probA = new Float64Array(512);
let probK = new Float64Array(512);

function capacity(n: number, current: number): number {
  return Math.max(n, current * 2);
}

/**
 * Merge same-day flows (in the given order), drop zero sums, count sign changes and re-base days
 * on the first non-zero flow; exactly what `toProblem` does.
 */
function build(nums: Float64Array, days: Float64Array, n: number, order: readonly number[] | undefined, D: number, absSum: number, exact: ReadonlyMap<number, Decimal> | undefined): RootProblem {
  let a: Float64Array;
  let k: Float64Array;
  if (n > SCRATCH_MAX) {
    a = new Float64Array(n);
    k = new Float64Array(n);
  } else {
    if (probA.length < n) {
      const c = Math.min(capacity(n, probA.length), SCRATCH_MAX);
      probA = new Float64Array(c);
      probK = new Float64Array(c);
    }
    a = probA;
    k = probK;
  }
  let m = 0;
  let base = 0;
  let last = 0;
  let changes = 0;
  const j0 = order ? order[0]! : 0;
  let curDay = days[j0]!;
  let cur = nums[j0]!;
  let runStart = 0;
  // The common gap of the merged days (uniformStep's answer, found in this loop: #15, a second
  // pass over k was a tenth of xirr's time on 365 daily flows): NaN until two days are in, 0 once
  // two gaps differ.
  let step = Number.NaN;
  let prevK = 0;
  for (let i = 1; i <= n; i++) {
    let day = 0;
    let amt = 0;
    if (i < n) {
      const j = order ? order[i]! : i;
      day = days[j]!;
      amt = nums[j]!;
      if (day === curDay) {
        cur = cur + amt;
        continue;
      }
    }
    // Several flows on the finished day: net them exactly (a float sum of -100.10, +1e16 and
    // -1e16 is -100, not -100.10), from each amount's exact decimal.
    if (i - runStart > 1) cur = exactSum(nums, order, runStart, i, exact);
    runStart = i;
    // flush the finished day
    if (cur !== 0) {
      if (m === 0) base = curDay;
      const km = curDay - base;
      a[m] = cur;
      k[m] = km;
      if (m === 1) step = km - prevK;
      else if (m > 1 && step !== 0 && km - prevK !== step) step = 0;
      prevK = km;
      m++;
      const s = cur > 0 ? 1 : -1;
      if (last !== 0 && s !== last) changes++;
      last = s;
    }
    curDay = day;
    cur = amt;
  }
  return { a: a.subarray(0, m), k: k.subarray(0, m), n: m, D, absSum, signChanges: changes, step: m < 2 ? 0 : step };
}

/** The exact sum of the amounts at positions [from, to) of `order`, rounded once to float64. */
function exactSum(nums: Float64Array, order: readonly number[] | undefined, from: number, to: number, exact: ReadonlyMap<number, Decimal> | undefined): number {
  let sum = new Decimal(0);
  for (let i = from; i < to; i++) {
    const j = order ? order[i]! : i;
    sum = sum.plus(exact?.get(j) ?? new Decimal(nums[j]!));
  }
  return sum.toNumber();
}

/**
 * Buffers for n raw amounts and days: the module's reusable scratch arrays (marked busy until
 * the caller's `finally` clears `rawBusy`), or fresh arrays when they are in use or too small.
 */
function inputBuffers(n: number): { scratch: boolean; nums: Float64Array; days: Float64Array } {
  if (rawBusy || n > SCRATCH_MAX) return { scratch: false, nums: new Float64Array(n), days: new Float64Array(n) };
  if (rawAmounts.length < n) {
    const c = Math.min(capacity(n, rawAmounts.length), SCRATCH_MAX);
    rawAmounts = new Float64Array(c);
    rawDays = new Float64Array(c);
  }
  rawBusy = true;
  return { scratch: true, nums: rawAmounts, days: rawDays };
}

/**
 * `{ date, amount }[]` → root problem in the day basis of a convention (whole days and D = 365
 * for ACT/365F). Same errors as `parseFlows`.
 */
export function datedProblem(value: unknown, fn: string, basis: DayBasis, arg = "flows"): RootProblem {
  const n = toArrayLength(value, fn, arg, { nonEmpty: true, maxLength: 10_000_000 });
  const { scratch, nums, days } = inputBuffers(n);
  let read: FlowsRead;
  try {
    read = readFlows(value as readonly unknown[], n, fn, arg, nums, days, false);
  } finally {
    if (scratch) rawBusy = false;
  }
  const { sorted, minDay, absSum, exact } = read;
  // No user code runs from here until the caller's solver has returned.
  let order: number[] | undefined;
  if (!sorted) {
    order = new Array<number>(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((x, y) => days[x]! - days[y]! || x - y);
  }
  const time = basis.time;
  if (time !== undefined) {
    // Days → convention times from the earliest day (monotone, so the order stays valid); one
    // year fraction per distinct day.
    const at = time(minDay);
    const seen = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const d = days[i]!;
      let t = seen.get(d);
      if (t === undefined) {
        t = at(d);
        seen.set(d, t);
      }
      days[i] = t;
    }
  }
  return build(nums, days, n, order, basis.D, absSum, exact);
}

/** Per-period amounts (index = period) → root problem with D = 1. Same errors as `parseAmounts`. */
export function periodicProblem(value: unknown, fn: string, arg = "amounts"): RootProblem {
  const list = toArray<unknown>(value, fn, arg, { nonEmpty: true });
  const n = list.length;
  const { scratch, nums, days } = inputBuffers(n);
  let currency: string | undefined;
  let absSum = 0;
  try {
    for (let i = 0; i < n; i++) {
      const raw = list[i];
      let num: number;
      if (typeof raw === "number" && Number.isFinite(raw)) {
        num = raw;
      } else {
        const pa = parseAmount(raw, fn, `${arg}[${i}]`, false);
        if (pa.currency !== undefined) {
          if (currency === undefined) currency = pa.currency;
          else assertSameCurrency(fn, currency, pa.currency);
        }
        num = pa.num;
      }
      nums[i] = num;
      days[i] = i;
      absSum += Math.abs(num);
    }
  } finally {
    if (scratch) rawBusy = false;
  }
  return build(nums, days, n, undefined, 1, absSum, undefined);
}
