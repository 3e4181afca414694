/**
 * The exact integer engine of the financing module (#12): the repayment loops of
 * {@link "./engine.js"} on integer minor units held in float64 (exact below 2^53) and day numbers
 * in typed arrays. Decimal and Money appear only at the API boundary (run.ts). The Decimal loops
 * of engine.ts stay as the reference implementation (the oracle of the property tests) and as the
 * automatic fallback when an amount does not fit a safe integer. Never exported from the package.
 *
 * Holdback = round(sales × rate) is computed as an exact rational: with the rate `num / den`
 * (its decimal digits) and the sales `m / 10^x` minor units, `round_rm(m × num / (den × 10^x))`,
 * in float64 while `m × num` < 2^53, else in BigInt. The BigInt path reproduces the one
 * intermediate rounding of the Decimal engine (decimal.js `times` keeps 20 significant digits,
 * ROUND_HALF_UP), so both engines agree to the minor unit for every rate.
 */
import type { Decimal } from "decimal.js";
import { epochDay, utcTime } from "../../_lib/dates.js";
import type { FinancingGranularity } from "../types.js";

/** Thrown (and caught by run.ts) when an amount leaves the safe-integer range: rerun on Decimal. */
export class UnsafeInteger extends Error {
  constructor() {
    super("financing: amount outside the safe-integer range (internal; falls back to Decimal)");
  }
}

export const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** decimal.js rounding constants (ROUND_UP 0 … ROUND_HALF_EVEN 6). */
export type RoundingConst = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * A Decimal × 10^s (s ≤ 7) as a safe integer, read from decimal.js's digit words (base 1e7,
 * aligned to the decimal point), or NaN when it is not an integer at that scale or not safe.
 */
export function decimalToScaled(x: Decimal, s: number): number {
  const d = (x as unknown as { d: number[] | null }).d;
  if (!Array.isArray(d)) return NaN;
  const e = (x as unknown as { e: number }).e;
  const k = Math.floor(e / 7); // index of the units word
  const n = d.length;
  let int = 0;
  let i = 0;
  for (; i <= k && i < n; i++) int = int * 1e7 + d[i]!;
  for (let j = i; j <= k; j++) int *= 1e7; // trailing zero words are trimmed by decimal.js
  let frac = 0;
  if (i < n) {
    if (i !== k + 1 || n > i + 1) return NaN;
    const w = d[i]!;
    const div = POW10[7 - s]!;
    if (w % div !== 0) return NaN;
    frac = w / div;
  }
  const r = int * POW10[s]! + frac;
  if (!(r <= MAX_SAFE)) return NaN;
  return (x as unknown as { s: number }).s < 0 && r !== 0 ? -r : r;
}

/** A rate as the exact fraction of its decimal digits: `num / den`, in float64 when safe and in BigInt. */
export interface Rational {
  readonly num: number;
  readonly den: number;
  /** Whether num and den are safe integers (else only the BigInt fields are used). */
  readonly safe: boolean;
  readonly bigNum: bigint;
  readonly bigDen: bigint;
}

/** The rational of a non-negative finite Decimal (its plain digits). */
export function toRational(rate: Decimal): Rational {
  const s = rate.toFixed();
  const dot = s.indexOf(".");
  const digits = dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1);
  const dp = dot < 0 ? 0 : s.length - dot - 1;
  const bigNum = BigInt(digits);
  const bigDen = 10n ** BigInt(dp);
  const safe = bigNum <= BigInt(MAX_SAFE) && dp <= 15;
  return { num: safe ? Number(bigNum) : NaN, den: safe ? POW10[dp]! : NaN, safe, bigNum, bigDen };
}

/** round_rm(q + r/den) for q ≥ 0, 0 ≤ r < den (all float64 integers): the rounding modes of decimal.js on a positive value. */
function roundPos(q: number, r: number, den: number, rm: RoundingConst): number {
  if (r === 0) return q;
  switch (rm) {
    case 0: // up
    case 2: // ceil
      return q + 1;
    case 1: // down
    case 3: // floor
      return q;
    case 4: // half-up
      return 2 * r >= den ? q + 1 : q;
    case 5: // half-down
      return 2 * r > den ? q + 1 : q;
    default: // half-even
      return 2 * r > den || (2 * r === den && q % 2 === 1) ? q + 1 : q;
  }
}

/**
 * p / den rounded by `rm`, for whole 0 ≤ p ≤ MAX_SAFE − den, without a float64 remainder (a call
 * into C): q = ⌊p / den⌋ from the rounded float64 quotient, which is ⌊p / den⌋ or one more (never
 * less, as ⌊p / den⌋ is representable); q × den ≤ p + den is exact, so r is exact.
 */
function divRound(p: number, den: number, rm: RoundingConst): number {
  let q = Math.floor(p / den);
  let r = p - q * den;
  if (r < 0) {
    q--;
    r += den;
  }
  return roundPos(q, r, den, rm);
}

function roundPosBig(q: bigint, r: bigint, den: bigint, rm: RoundingConst): bigint {
  if (r === 0n) return q;
  switch (rm) {
    case 0:
    case 2:
      return q + 1n;
    case 1:
    case 3:
      return q;
    case 4:
      return 2n * r >= den ? q + 1n : q;
    case 5:
      return 2n * r > den ? q + 1n : q;
    default:
      return 2n * r > den || (2n * r === den && q % 2n === 1n) ? q + 1n : q;
  }
}

/** Significant digits of decimal.js's default precision (the library's Decimal clone). */
const PRECISION = 20;

/**
 * round_rm(m × num / (den × 10^x)) for a sales amount m > 0 in units of 10^−x minor units: the
 * holdback in minor units. float64 while exact, else BigInt with decimal.js's 20-digit product.
 */
export function holdbackOf(m: number, rate: Rational, x: number, rm: RoundingConst): number {
  if (rate.safe) {
    const p = m * rate.num;
    const den = x === 0 ? rate.den : rate.den * POW10[x]!;
    if (p <= MAX_SAFE && den <= MAX_SAFE) {
      const r = p % den;
      return roundPos((p - r) / den, r, den, rm);
    }
  }
  let p = BigInt(m) * rate.bigNum;
  const digits = p.toString().length;
  if (digits > PRECISION) {
    // sales.times(rate) in decimal.js: rounded half-up to 20 significant digits before toDecimalPlaces.
    const cut = 10n ** BigInt(digits - PRECISION);
    const r = p % cut;
    p = p - r + (2n * r >= cut ? cut : 0n);
  }
  const den = rate.bigDen * 10n ** BigInt(x);
  const r = p % den;
  const q = roundPosBig(p / den, r, den, rm);
  if (q > BigInt(MAX_SAFE)) throw new UnsafeInteger();
  return Number(q);
}

/** A sales series as columns: day numbers and amounts in units of 10^−scale minor units (same-day rows summed). */
export interface IntSeries {
  readonly days: Int32Array;
  readonly minor: Float64Array;
  readonly length: number;
  /** Extra decimal digits below the minor unit carried by the amounts (0 for whole minor units). */
  readonly scale: number;
  /**
   * The amounts once more in a plain array of their own, written by the reader in the same pass
   * for a result's {@link SeriesSnapshot} (intSeries.ts), and whether the days run `first,
   * first + 1, …`; absent when the reader was not asked for it.
   */
  readonly copy?: { readonly minor: number[]; readonly ramp: boolean } | undefined;
}

/** Last day of the month containing `day`. */
function monthEnd(day: number): number {
  const d = new Date(day * 86_400_000);
  return epochDay(new Date(utcTime(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) - 1;
}

/** Sum sales per period (period-end day, cut at `untilDay`); sales on or before `fromDay` skipped. */
export function aggregateInt(series: IntSeries, granularity: FinancingGranularity, fromDay: number, untilDay: number): IntSeries {
  const len = series.length;
  const sd = series.days;
  if (granularity === "day" && (len === 0 || (sd[0]! > fromDay && sd[len - 1]! <= untilDay))) return series;
  const days = new Int32Array(len);
  const minor = new Float64Array(len);
  let n = 0;
  let curEnd = -Infinity;
  let curStart = Infinity;
  for (let i = 0; i < len; i++) {
    const day = sd[i]!;
    if (day <= fromDay || day > untilDay) continue;
    let end: number;
    if (granularity === "day") end = day;
    else if (granularity === "week") {
      const dow = (((day + 4) % 7) + 7) % 7;
      end = dow === 0 ? day : day + (7 - dow);
    } else {
      if (day > curEnd || day < curStart) {
        curEnd = monthEnd(day);
        const d = new Date(day * 86_400_000);
        curStart = epochDay(new Date(utcTime(d.getUTCFullYear(), d.getUTCMonth(), 1)));
      }
      end = curEnd;
    }
    if (end > untilDay) end = untilDay;
    if (n > 0 && days[n - 1] === end) {
      const s = minor[n - 1]! + series.minor[i]!;
      if (!(s <= MAX_SAFE && s >= -MAX_SAFE)) throw new UnsafeInteger();
      minor[n - 1] = s;
    } else {
      days[n] = end;
      minor[n] = series.minor[i]!;
      n++;
    }
  }
  return { days, minor, length: n, scale: series.scale };
}

/** Why a row carries a top-up, as a small code (0 none, 1 minimum, 2 maturity, 3 card). */
export const REASONS = [null, "minimum", "maturity", "card"] as const;

/** Growable typed-array columns of engine rows (recorded only when rows are asked for). */
export class IntRows {
  length = 0;
  day = new Int32Array(64);
  sales = new Float64Array(64);
  holdback = new Float64Array(64);
  topUp = new Float64Array(64);
  reason = new Uint8Array(64);
  shortfall = new Float64Array(64);
  balance = new Float64Array(64);
  push(day: number, sales: number, holdback: number, topUp: number, reason: number, shortfall: number, balance: number): void {
    const i = this.length;
    if (i === this.day.length) this.grow();
    this.day[i] = day;
    this.sales[i] = sales;
    this.holdback[i] = holdback;
    this.topUp[i] = topUp;
    this.reason[i] = reason;
    this.shortfall[i] = shortfall;
    this.balance[i] = balance;
    this.length = i + 1;
  }
  private grow(): void {
    const n = this.day.length * 2;
    const g = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.day = g(this.day, (k) => new Int32Array(k));
    this.sales = g(this.sales, (k) => new Float64Array(k));
    this.holdback = g(this.holdback, (k) => new Float64Array(k));
    this.topUp = g(this.topUp, (k) => new Float64Array(k));
    this.reason = g(this.reason, (k) => new Uint8Array(k));
    this.shortfall = g(this.shortfall, (k) => new Float64Array(k));
    this.balance = g(this.balance, (k) => new Float64Array(k));
  }
}

/** Growable columns of the non-zero payments (day, minor units), reusable across runs. */
export class PayBuffer {
  length = 0;
  day = new Int32Array(64);
  amount = new Float64Array(64);
  push(day: number, amount: number): void {
    const i = this.length;
    if (i === this.day.length) {
      const d = new Int32Array(i * 2);
      d.set(this.day);
      this.day = d;
      const a = new Float64Array(i * 2);
      a.set(this.amount);
      this.amount = a;
    }
    this.day[i] = day;
    this.amount[i] = amount;
    this.length = i + 1;
  }
}

/** Output of an integer run (amounts in minor units). */
export interface IntResult {
  readonly rows: IntRows | null;
  /** The payments, when a buffer was given. */
  readonly pay: PayBuffer | null;
  readonly totalHoldback: number;
  readonly totalTopUps: number;
  readonly balance: number;
  readonly payoffDay: number | null;
  readonly shortfallCount: number;
  readonly endDay: number;
  /** The top-up of the maturity row (the balloon, with a minimum gap of the same day), 0 without one. */
  readonly maturityTopUp: number;
}

/** Terms of a holdback product in minor units. */
export interface IntHoldbackTerms {
  readonly rm: RoundingConst;
  readonly total: number;
  readonly rate: Rational;
  readonly minimum: { readonly amount: number; readonly everyDays: number; readonly forDays: number | null } | null;
  readonly maxTermDays: number | null;
  readonly collectShortfall: boolean;
}

/**
 * The holdback loop of engine.ts `runHoldback`, step for step, on minor units. `periods` are
 * collection periods (already aggregated and cut at `untilDay`). One loop over the events in day
 * order: a collection period, a minimum-payment window end or the maturity day (a period on a
 * window or maturity day settles both at once). The state lives in locals (no closure), so the
 * hot path is a plain integer loop; a product without minimum windows or maturity, run without
 * recording, takes a tighter loop over the periods alone (the same steps, the same totals).
 * Bound: periods.length + the window ends up to `untilDay`.
 */
export function runHoldbackInt(terms: IntHoldbackTerms, fundedDay: number, periods: IntSeries, untilDay: number, rows: IntRows | null, pay: PayBuffer | null): IntResult {
  const rm = terms.rm;
  const minimum = terms.minimum;
  const collectShortfall = terms.collectShortfall;
  const rate = terms.rate;
  const x = periods.scale;
  const pd = periods.days;
  const pm = periods.minor;
  const n = periods.length;
  // The float64 holdback, inlined for a safe rate on whole minor units (else holdbackOf).
  const fast = rate.safe && x === 0;
  const num = rate.num;
  const den = rate.den;
  // While p = sales × num ≤ MAX_SAFE − den (p is then exact: a larger product rounds to more than
  // that bound), the quotient by a float64 division and one correction is exact (see the loop),
  // without a float64 remainder (a call into C).
  const maxP = fast ? MAX_SAFE - den : -1;
  let balance = terms.total;
  let totalHoldback = 0;
  let totalTopUps = 0;
  let shortfallCount = 0;
  let payoffDay = 0;
  let paidOff = false;
  let endDay = fundedDay;
  const every = minimum ? minimum.everyDays : 0;
  let nextWindow = minimum ? fundedDay + every : Infinity;
  const minimumStop = minimum && minimum.forDays !== null ? fundedDay + minimum.forDays : Infinity;
  const maturity = terms.maxTermDays !== null ? fundedDay + terms.maxTermDays : Infinity;
  let windowPaid = 0;
  let maturityTopUp = 0;
  const minAmount = minimum ? minimum.amount : 0;
  let i = 0;
  if (nextWindow === Infinity && maturity === Infinity && rows === null && pay === null) {
    // No window, no maturity, nothing recorded: only collection days, each a plain one below.
    for (; i < n && balance > 0; i++) {
      const sales = pm[i]!;
      if (sales > 0) {
        const p = sales * num;
        let holdback = p <= maxP ? divRound(p, den, rm) : holdbackOf(sales, rate, x, rm);
        if (holdback > balance) holdback = balance;
        balance -= holdback;
        totalHoldback += holdback;
      }
    }
    if (i > 0) {
      endDay = pd[i - 1]!;
      if (balance === 0) {
        payoffDay = endDay;
        paidOff = true;
      }
    }
  }
  while (balance > 0) {
    const wm = nextWindow < maturity ? nextWindow : maturity;
    let day: number;
    let sales = 0;
    let holdback = 0;
    if (i < n && pd[i]! <= wm) {
      day = pd[i]!;
      sales = pm[i]!;
      i++;
      if (sales > 0) {
        const p = sales * num;
        holdback = p <= maxP ? divRound(p, den, rm) : holdbackOf(sales, rate, x, rm);
        if (holdback > balance) holdback = balance;
        balance -= holdback;
        totalHoldback += holdback;
        windowPaid += holdback;
      }
      if (day !== wm) {
        // A plain collection day.
        if (holdback !== 0 && pay) pay.push(day, holdback);
        endDay = day;
        if (rows) rows.push(day, sales, holdback, 0, 0, 0, balance);
        if (balance === 0 && !paidOff) {
          payoffDay = day;
          paidOff = true;
        }
        continue;
      }
    } else if (wm <= untilDay) day = wm;
    else break;
    // Settle a window end and / or the maturity day (with that day's collection, if any).
    let topUp = 0;
    let reason = 0;
    let shortfall = 0;
    if (day === nextWindow) {
      if (day <= minimumStop && balance > 0) {
        const required = Math.min(minAmount, windowPaid + balance);
        if (windowPaid < required) {
          shortfallCount++;
          const gap = required - windowPaid;
          if (collectShortfall) {
            topUp = gap;
            reason = 1;
            balance -= gap;
          } else shortfall = gap;
        }
      }
      windowPaid = 0;
      nextWindow += every;
      if (nextWindow > minimumStop) nextWindow = Infinity;
    }
    if (day === maturity && balance > 0) {
      topUp += balance;
      reason = 2;
      balance = 0;
      shortfall = 0;
    }
    totalTopUps += topUp;
    if (reason === 2) maturityTopUp = topUp;
    const paid = holdback + topUp;
    if (paid !== 0 && pay) pay.push(day, paid);
    endDay = day;
    if (rows) rows.push(day, sales, holdback, topUp, reason, shortfall, balance);
    if (balance === 0 && !paidOff) {
      payoffDay = day;
      paidOff = true;
    }
  }
  if (!paidOff) endDay = Math.max(endDay, untilDay);
  return { rows, pay, totalHoldback, totalTopUps, balance, payoffDay: paidOff ? payoffDay : null, shortfallCount, endDay, maturityTopUp };
}

/** The term-loan loop of engine.ts `runTermLoan` on minor units (series in whole minor units: scale 0). */
export function runTermLoanInt(
  dueDays: Int32Array,
  dueAmounts: Float64Array,
  chargeCard: boolean,
  fundedDay: number,
  series: IntSeries,
  untilDay: number,
  rows: IntRows | null,
  pay: PayBuffer | null,
): IntResult {
  let balance = 0;
  for (let k = 0; k < dueAmounts.length; k++) balance += dueAmounts[k]!;
  let totalHoldback = 0;
  let totalTopUps = 0;
  let carried = 0;
  let shortfallCount = 0;
  let payoffDay: number | null = null;
  let endDay = fundedDay;
  let j = 0;
  const n = series.length;
  const sd = series.days;
  const sm = series.minor;
  while (j < n && sd[j]! <= fundedDay) j++;
  for (let k = 0; k < dueDays.length && balance > 0; k++) {
    const due = dueDays[k]!;
    if (due > untilDay) break;
    let pool = 0;
    while (j < n && sd[j]! <= due) {
      const a = sm[j]!;
      if (a > 0) pool += a;
      j++;
    }
    if (pool > MAX_SAFE) throw new UnsafeInteger();
    const owed = Math.min(dueAmounts[k]! + carried, balance);
    const deducted = Math.min(owed, pool);
    let topUp = 0;
    let shortfall = owed - deducted;
    if (shortfall > 0) {
      shortfallCount++;
      if (chargeCard) {
        topUp = shortfall;
        shortfall = 0;
      }
    }
    carried = shortfall;
    balance = balance - deducted - topUp;
    totalHoldback += deducted;
    totalTopUps += topUp;
    const paid = deducted + topUp;
    if (paid !== 0 && pay) pay.push(due, paid);
    endDay = due;
    if (rows) rows.push(due, pool, deducted, topUp, topUp === 0 ? 0 : 3, shortfall, balance);
    if (balance === 0 && payoffDay === null) payoffDay = due;
  }
  if (balance > 0 && dueDays.length > 0 && dueDays[dueDays.length - 1]! <= untilDay) {
    while (j < n && sd[j]! <= untilDay && balance > 0) {
      const day = sd[j]!;
      const a = sm[j]!;
      j++;
      if (!(a >= 0)) continue; // as the oracle's Decimal isPositive(): a zero-sales day makes a row
      const deducted = Math.min(a, balance);
      balance -= deducted;
      totalHoldback += deducted;
      if (pay) pay.push(day, deducted);
      endDay = day;
      if (rows) rows.push(day, a, deducted, 0, 0, balance, balance);
      if (balance === 0) payoffDay = day;
    }
  }
  if (payoffDay === null) endDay = Math.max(endDay, untilDay);
  return { rows, pay, totalHoldback, totalTopUps, balance, payoffDay, shortfallCount, endDay, maturityTopUp: 0 };
}
