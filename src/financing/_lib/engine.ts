/**
 * Internal engine of the financing module: sales-series reading and the Decimal repayment loops,
 * on integer UTC day numbers and Decimal amounts. Since #12 the loops here are the REFERENCE
 * implementation: the integer engine (intEngine.ts) runs every simulation, these loops are the
 * oracle of its property test (intEngine.prop.test.ts) and the automatic fallback for amounts
 * beyond the safe-integer range. Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";
import { CurrencyMismatchError, ErrorCode } from "../../errors.js";
import type { Money } from "../../money/types.js";
import type { FinancingGranularity } from "../types.js";
import { MS_PER_DAY, addMonthsToEpochDay, epochDay, toUtcDay, utcTime } from "../../_lib/dates.js";
import { toMoney } from "../../_lib/money.js";
import { rangeError, typeError } from "../../_lib/validate.js";
import { assertFinancingDay, MAX_SERIES_ROWS, toDenseArray } from "./validate.js";
import { isColumns, materializeSeries, readColumns } from "./intSeries.js";
import { minorDigits } from "../../_lib/money.js";

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7];

/**
 * minor / 10^digits (a non-zero integer below 10^14 in magnitude, 1 ≤ digits ≤ 7) as a Decimal built from its digit
 * words, without a string: decimal.js keeps `d`, base-1e7 words aligned to the decimal point
 * (leading and trailing zero words dropped), `e`, the base-10 exponent of the first digit, and
 * the sign `s`. Equal to `new Decimal("<int>.<frac>")` (checked on random and edge values by the
 * Decimal oracle property test, which compares every amount's string).
 */
function scaledDecimal(minor: number, digits: number): Decimal {
  const abs = minor < 0 ? -minor : minor;
  const scale = POW10[digits]!;
  const frac = abs % scale;
  const int = (abs - frac) / scale;
  const fw = frac * POW10[7 - digits]!; // the first fraction word
  const x = new Decimal(0);
  const w = x as unknown as { s: number; e: number; d: number[] };
  let d: number[];
  let e: number;
  if (int > 0) {
    const lo = int % 1e7;
    const hi = (int - lo) / 1e7;
    let k = 0; // digits of int − 1
    for (let p = int; p >= 10; p = Math.floor(p / 10)) k++;
    e = k;
    if (hi > 0) d = fw > 0 ? [hi, lo, fw] : lo > 0 ? [hi, lo] : [hi];
    else d = fw > 0 ? [lo, fw] : [lo];
  } else {
    let k = 0; // digits of fw − 1
    for (let p = fw; p >= 10; p = Math.floor(p / 10)) k++;
    e = k - 7;
    d = [fw];
  }
  w.s = minor < 0 ? -1 : 1;
  w.e = e;
  w.d = d;
  return x;
}

/** A Decimal of `minor` minor units of a currency with `digits` decimals (exact). */
export function minorToDecimal(minor: number | bigint, digits: number): Decimal {
  if (typeof minor === "number" && digits >= 1 && digits <= 7 && minor !== 0 && minor < 1e14 && minor > -1e14 && Number.isInteger(minor)) return scaledDecimal(minor, digits);
  if (digits === 0 || minor === 0 || minor === 0n) return new Decimal(minor.toString());
  // A plain decimal string ("-1234.56") parses fastest.
  let s = minor.toString();
  const neg = s.charCodeAt(0) === 45;
  if (neg) s = s.slice(1);
  if (s.length <= digits) s = "0".repeat(digits - s.length + 1) + s;
  return new Decimal(`${neg ? "-" : ""}${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`);
}

const SALE_SHAPES = "an object { date, amount: Money }, { date, minor } or { day, minor }";

/** A sales series read into parallel arrays of UTC day numbers and Decimal amounts. */
export interface SeriesArrays {
  readonly days: readonly number[];
  readonly amounts: readonly Decimal[];
}

/** Day number (days since 1970-01-01) of a UTC-day Date. */
export function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** UTC-day Date of a day number. */
export function dayDate(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/**
 * Validate a sales series: a dense array (no holes, at most {@link MAX_SERIES_ROWS} rows) of
 * `{ date, amount: Money }`, dates ascending (as UTC days, years 0000–9999), every amount in
 * `currency` (when given; else the first amount's currency). A currency mismatch names the row
 * (index and date), as date errors do.
 */
export function readSeries(value: unknown, fn: string, arg: string, currency: string | undefined): SeriesArrays & { readonly currency: string | undefined } {
  const v = materializeSeries(value, fn, arg);
  const needCurrency = (where: string): string => {
    if (currency === undefined) {
      return typeError(fn, where, ErrorCode.INVALID_TYPE, "must be a Money amount here (minor units need the currency of a product)", undefined, "{ date, amount: Money } sales");
    }
    return currency;
  };
  if (isColumns(v)) {
    const cur = needCurrency(arg);
    const c = readColumns(v, fn, arg);
    const digits = minorDigits(cur);
    const days: number[] = [];
    const amounts: Decimal[] = [];
    for (let i = 0; i < c.length; i++) {
      const day = c.days[i]!;
      const a = minorToDecimal(c.minor[i]!, digits);
      if (days.length > 0 && days[days.length - 1] === day) amounts[amounts.length - 1] = amounts[amounts.length - 1]!.plus(a);
      else {
        days.push(day);
        amounts.push(a);
      }
    }
    return { days, amounts, currency: cur };
  }
  const list = toDenseArray<unknown>(v, fn, arg, { maxLength: MAX_SERIES_ROWS });
  const n = list.length;
  const days: number[] = [];
  const amounts: Decimal[] = [];
  let cur = currency;
  let prev = -Infinity;
  for (let i = 0; i < n; i++) {
    const item = list[i];
    if (typeof item !== "object" || item === null) {
      typeError(fn, `${arg}[${i}]`, item == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a sale", item, SALE_SHAPES);
    }
    const s = item as { date?: unknown; amount?: unknown; minor?: unknown; day?: unknown };
    // Read each field once; a getter (or Proxy trap) that throws is a typed error, not its own.
    let d: unknown;
    let a: Money | undefined;
    let mi: unknown;
    let dn: unknown;
    try {
      d = s.date;
      a = s.amount as Money | undefined;
      mi = a === undefined ? s.minor : undefined;
      dn = a === undefined && mi !== undefined ? s.day : undefined;
    } catch {
      typeError(fn, `${arg}[${i}]`, ErrorCode.INVALID_TYPE, "could not be read (a getter threw)", undefined, `${SALE_SHAPES} of plain values`);
    }
    if (mi !== undefined) {
      // { date, minor } or { day, minor }: integer minor units of the product's currency (#12).
      const cur2 = needCurrency(`${arg}[${i}].minor`);
      if (typeof mi !== "bigint" && (typeof mi !== "number" || !Number.isSafeInteger(mi))) {
        if (typeof mi === "number")
          rangeError(
            fn,
            `${arg}[${i}].minor`,
            Number.isFinite(mi) ? ErrorCode.OUT_OF_RANGE : ErrorCode.INVALID_NUMBER,
            "must be an integer number of minor units (a safe integer; a bigint beyond 2^53)",
            mi,
            "a safe integer or a bigint",
          );
        typeError(fn, `${arg}[${i}].minor`, ErrorCode.INVALID_TYPE, "must be an integer number of minor units", mi, "a safe integer or a bigint");
      }
      let day: number;
      if (dn !== undefined) {
        if (d !== undefined) rangeError(fn, `${arg}[${i}].day`, ErrorCode.CONFLICTING_OPTIONS, "must not be given together with date", dn, "either date or day");
        if (typeof dn !== "number" || !Number.isInteger(dn)) typeError(fn, `${arg}[${i}].day`, ErrorCode.INVALID_TYPE, "must be an integer day number", dn, "days since 1970-01-01");
        day = dn;
      } else day = dayNumber(toUtcDay(d, fn, `${arg}[${i}].date`));
      assertFinancingDay(day, fn, dn !== undefined ? `${arg}[${i}].day` : `${arg}[${i}].date`, dn ?? d);
      if (day < prev) {
        rangeError(
          fn,
          `${arg}[${i}].${dn !== undefined ? "day" : "date"}`,
          ErrorCode.INVALID_DATE_ORDER,
          "must not be before the previous date",
          dn ?? d,
          "dates in ascending order (several sales on one UTC day are summed)",
        );
      }
      const amount = minorToDecimal(mi, minorDigits(cur2));
      if (cur === undefined) cur = cur2;
      if (day === prev) amounts[amounts.length - 1] = amounts[amounts.length - 1]!.plus(amount);
      else {
        days.push(day);
        amounts.push(amount);
      }
      prev = day;
      continue;
    }
    // Fast paths: a Date at 00:00Z and a frozen Money with a Decimal amount.
    // A Proxy around a Date passes instanceof but its getTime throws (#11): then the slow path's typed error.
    let t: number | undefined;
    if (d instanceof Date) {
      try {
        t = Date.prototype.getTime.call(d);
      } catch {
        t = undefined;
      }
    }
    let day: number;
    if (t !== undefined && t % MS_PER_DAY === 0) day = t / MS_PER_DAY;
    else day = dayNumber(toUtcDay(d, fn, `${arg}[${i}].date`));
    assertFinancingDay(day, fn, `${arg}[${i}].date`, d);
    let amount: Decimal;
    if (a !== null && typeof a === "object" && a.amount instanceof Decimal && a.currency === cur && Object.isFrozen(a) && a.amount.isFinite()) {
      amount = a.amount;
    } else {
      const m = toMoney(a, fn, `${arg}[${i}].amount`);
      if (cur === undefined) cur = m.currency;
      else if (m.currency !== cur) {
        throw new CurrencyMismatchError(fn, cur, m.currency, `at ${arg}[${i}] (${dayDate(day).toISOString().slice(0, 10)}); every sale must be in ${cur}`);
      }
      amount = m.amount;
    }
    if (day < prev) {
      rangeError(fn, `${arg}[${i}].date`, ErrorCode.INVALID_DATE_ORDER, "must not be before the previous date", d, "dates in ascending order (several sales on one UTC day are summed)");
    }
    if (day === prev) {
      // Transaction-level rows: sales on the same UTC day are summed into that day.
      amounts[amounts.length - 1] = amounts[amounts.length - 1]!.plus(amount);
    } else {
      days.push(day);
      amounts.push(amount);
    }
    prev = day;
  }
  return { days, amounts, currency: cur };
}

/** Aggregation of sales into collection periods (the public {@link FinancingGranularity}). */
export type Granularity = FinancingGranularity;

/** Last day (day number) of the period containing `day`: the day itself, the Sunday, the month end. */
export function periodEnd(day: number, granularity: Granularity): number {
  if (granularity === "day") return day;
  if (granularity === "week") {
    const dow = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return dow === 0 ? day : day + (7 - dow);
  }
  const d = dayDate(day);
  return epochDay(new Date(utcTime(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) - 1;
}

/** Sum sales per period; returns period-end days and totals (sales on or before `fromDay` skipped). */
export function aggregate(series: SeriesArrays, granularity: Granularity, fromDay: number, untilDay: number): SeriesArrays {
  const len = series.days.length;
  // Fast path: collection each day over the whole series needs no copy.
  if (granularity === "day" && (len === 0 || (series.days[0]! > fromDay && series.days[len - 1]! <= untilDay))) return series;
  const days: number[] = [];
  const amounts: Decimal[] = [];
  const n = series.days.length;
  for (let i = 0; i < n; i++) {
    const day = series.days[i]!;
    if (day <= fromDay || day > untilDay) continue;
    const end = granularity === "day" ? day : Math.min(periodEnd(day, granularity), untilDay);
    const last = days.length - 1;
    if (last >= 0 && days[last] === end) amounts[last] = amounts[last]!.plus(series.amounts[i]!);
    else {
      days.push(end);
      amounts.push(series.amounts[i]!);
    }
  }
  return { days, amounts };
}

/** `day` plus `k` calendar months, clamped to the month's last day. */
export function addMonthsDay(day: number, k: number): number {
  return addMonthsToEpochDay(day, k);
}

/** One engine row (Decimal amounts, day numbers). */
export interface EngineRow {
  readonly day: number;
  readonly sales: Decimal;
  readonly holdback: Decimal;
  readonly topUp: Decimal;
  readonly topUpReason: "minimum" | "maturity" | "card" | "fee" | null;
  readonly shortfall: Decimal;
  readonly balance: Decimal;
}

/** Output of an engine run. */
export interface EngineResult {
  readonly rows: EngineRow[] | null;
  /** Days and amounts of every non-zero payment (for cost and portfolio flows). */
  readonly payDays: number[];
  readonly payAmounts: Decimal[];
  readonly totalHoldback: Decimal;
  readonly totalTopUps: Decimal;
  readonly balance: Decimal;
  readonly payoffDay: number | null;
  readonly shortfallCount: number;
  readonly endDay: number;
}

/** Terms of a holdback product, already validated. */
export interface HoldbackTerms {
  readonly digits: number;
  readonly rm: Decimal.Rounding;
  readonly total: Decimal;
  readonly holdbackRate: Decimal;
  readonly minimum: { readonly amount: Decimal; readonly everyDays: number; readonly forDays: number | null } | null;
  readonly maxTermDays: number | null;
  readonly collectShortfall: boolean;
  /** Rates that change after a number of days from funding or a share of the total repaid (#14), ascending; `null` for one rate. */
  readonly schedule?: HoldbackStepTerms | null;
  /** At most this much collected from sales per collection period (#14), or `null`. */
  readonly cap?: Decimal | null;
}

/** A validated holdback schedule: the rate from `afterDays` days after funding, or once `repaid` (an amount) has been repaid. */
export type HoldbackStepTerms =
  { readonly by: "days"; readonly steps: readonly { readonly at: number; readonly rate: Decimal }[] } | { readonly by: "repaid"; readonly steps: readonly { readonly at: Decimal; readonly rate: Decimal }[] };

/** The holdback rate in force for a period collected on `day` with `repaid` already repaid. */
function rateAt(base: Decimal, schedule: HoldbackStepTerms, fundedDay: number, day: number, repaid: Decimal): Decimal {
  let rate = base;
  if (schedule.by === "days") {
    for (const s of schedule.steps) if (day - fundedDay > s.at) rate = s.rate;
  } else {
    for (const s of schedule.steps) if (!repaid.lessThan(s.at)) rate = s.rate;
  }
  return rate;
}

const ZERO = /* @__PURE__ */ new Decimal(0);

/**
 * Run a holdback product (advance or revenue-share loan). `periods` are collection periods
 * after funding (already aggregated and cut at `untilDay`). Never loops more than
 * `periods.length` + number of window ends ≤ `untilDay` times.
 */
export function runHoldback(terms: HoldbackTerms, fundedDay: number, periods: SeriesArrays, untilDay: number, recordRows: boolean): EngineResult {
  const { digits, rm, holdbackRate, minimum, collectShortfall } = terms;
  const schedule = terms.schedule ?? null;
  const cap = terms.cap ?? null;
  const rows: EngineRow[] | null = recordRows ? [] : null;
  const payDays: number[] = [];
  const payAmounts: Decimal[] = [];
  let balance = terms.total;
  let totalHoldback = ZERO;
  let totalTopUps = ZERO;
  let shortfallCount = 0;
  let payoffDay: number | null = null;
  let endDay = fundedDay;
  const every = minimum ? minimum.everyDays : 0;
  let nextWindow = minimum ? fundedDay + every : Infinity;
  const minimumStop = minimum && minimum.forDays !== null ? fundedDay + minimum.forDays : Infinity;
  const maturity = terms.maxTermDays !== null ? fundedDay + terms.maxTermDays : Infinity;
  let windowPaid = ZERO;

  // Close the events (window end, maturity) falling on `day`, after that day's holdback.
  const settle = (day: number, sales: Decimal, holdback: Decimal): void => {
    let topUp = ZERO;
    let reason: EngineRow["topUpReason"] = null;
    let shortfall = ZERO;
    if (day === nextWindow) {
      if (day <= minimumStop && balance.greaterThan(0)) {
        const required = Decimal.min(minimum!.amount, windowPaid.plus(balance));
        if (windowPaid.lessThan(required)) {
          shortfallCount++;
          const gap = required.minus(windowPaid);
          if (collectShortfall) {
            topUp = gap;
            reason = "minimum";
            balance = balance.minus(gap);
          } else shortfall = gap;
        }
      }
      windowPaid = ZERO;
      nextWindow += every;
      if (nextWindow > minimumStop) nextWindow = Infinity;
    }
    if (day === maturity && balance.greaterThan(0)) {
      topUp = topUp.plus(balance);
      reason = "maturity";
      balance = ZERO;
      shortfall = ZERO;
    }
    let paid = holdback;
    if (!topUp.isZero()) {
      totalTopUps = totalTopUps.plus(topUp);
      paid = holdback.plus(topUp);
    }
    if (!paid.isZero()) {
      payDays.push(day);
      payAmounts.push(paid);
    }
    endDay = day;
    if (rows) rows.push({ day, sales, holdback, topUp, topUpReason: reason, shortfall, balance });
    if (balance.isZero() && payoffDay === null) payoffDay = day;
  };

  const n = periods.days.length;
  for (let i = 0; i < n && balance.greaterThan(0); i++) {
    const day = periods.days[i]!;
    while (balance.greaterThan(0) && Math.min(nextWindow, maturity) < day) {
      settle(Math.min(nextWindow, maturity), ZERO, ZERO);
    }
    if (balance.isZero()) break;
    const sales = periods.amounts[i]!;
    const rate = schedule ? rateAt(holdbackRate, schedule, fundedDay, day, terms.total.minus(balance)) : holdbackRate;
    let holdback = sales.isPositive() ? sales.times(rate).toDecimalPlaces(digits, rm) : ZERO;
    if (cap && holdback.greaterThan(cap)) holdback = cap; // remittance cap per period
    if (holdback.greaterThan(balance)) holdback = balance; // trimmed last payment
    if (!holdback.isZero()) {
      balance = balance.minus(holdback);
      totalHoldback = totalHoldback.plus(holdback);
      if (minimum) windowPaid = windowPaid.plus(holdback);
    }
    if (day === nextWindow || day === maturity) settle(day, sales, holdback);
    else {
      // Plain collection day (no window end, no maturity): the common, fast path.
      if (!holdback.isZero()) {
        payDays.push(day);
        payAmounts.push(holdback);
      }
      endDay = day;
      if (rows) rows.push({ day, sales, holdback, topUp: ZERO, topUpReason: null, shortfall: ZERO, balance });
      if (balance.isZero() && payoffDay === null) payoffDay = day;
    }
  }
  while (balance.greaterThan(0) && Math.min(nextWindow, maturity) <= untilDay) {
    settle(Math.min(nextWindow, maturity), ZERO, ZERO);
  }
  if (payoffDay === null) endDay = Math.max(endDay, untilDay);
  return { rows, payDays, payAmounts, totalHoldback, totalTopUps, balance, payoffDay, shortfallCount, endDay };
}

/** Run a term loan: instalments deducted from the payouts accumulated since the previous due date. */
export function runTermLoan(
  dueDays: readonly number[],
  dueAmounts: readonly Decimal[],
  chargeCard: boolean,
  fundedDay: number,
  series: SeriesArrays,
  untilDay: number,
  recordRows: boolean,
  upfrontFees: Decimal = ZERO,
): EngineResult {
  const rows: EngineRow[] | null = recordRows ? [] : null;
  const payDays: number[] = [];
  const payAmounts: Decimal[] = [];
  let balance = dueAmounts.reduce((a, b) => a.plus(b), ZERO);
  let totalHoldback = ZERO;
  let totalTopUps = ZERO;
  // Fees withheld from the proceeds (#14): collected on the funding day, before any instalment.
  if (upfrontFees.greaterThan(0)) {
    totalTopUps = upfrontFees;
    payDays.push(fundedDay);
    payAmounts.push(upfrontFees);
    if (rows) rows.push({ day: fundedDay, sales: ZERO, holdback: ZERO, topUp: upfrontFees, topUpReason: "fee", shortfall: ZERO, balance });
  }
  let carried = ZERO;
  let shortfallCount = 0;
  let payoffDay: number | null = null;
  let endDay = fundedDay;
  let j = 0;
  const n = series.days.length;
  while (j < n && series.days[j]! <= fundedDay) j++;
  for (let k = 0; k < dueDays.length && balance.greaterThan(0); k++) {
    const due = dueDays[k]!;
    if (due > untilDay) break;
    let pool = ZERO;
    while (j < n && series.days[j]! <= due) {
      const a = series.amounts[j]!;
      if (a.isPositive()) pool = pool.plus(a);
      j++;
    }
    const owed = Decimal.min(dueAmounts[k]!.plus(carried), balance);
    const deducted = Decimal.min(owed, pool);
    let topUp = ZERO;
    let shortfall = owed.minus(deducted);
    if (shortfall.greaterThan(0)) {
      shortfallCount++;
      if (chargeCard) {
        topUp = shortfall;
        shortfall = ZERO;
      }
    }
    carried = shortfall;
    balance = balance.minus(deducted).minus(topUp);
    totalHoldback = totalHoldback.plus(deducted);
    totalTopUps = totalTopUps.plus(topUp);
    const paid = deducted.plus(topUp);
    if (!paid.isZero()) {
      payDays.push(due);
      payAmounts.push(paid);
    }
    endDay = due;
    if (rows) rows.push({ day: due, sales: pool, holdback: deducted, topUp, topUpReason: topUp.isZero() ? null : "card", shortfall, balance });
    if (balance.isZero() && payoffDay === null) payoffDay = due;
  }
  // After the last instalment, carried shortfalls are deducted from later payouts (until untilDay).
  if (balance.greaterThan(0) && dueDays.length > 0 && dueDays[dueDays.length - 1]! <= untilDay) {
    while (j < n && series.days[j]! <= untilDay && balance.greaterThan(0)) {
      const day = series.days[j]!;
      const a = series.amounts[j]!;
      j++;
      if (!a.isPositive()) continue;
      const deducted = Decimal.min(a, balance);
      balance = balance.minus(deducted);
      totalHoldback = totalHoldback.plus(deducted);
      payDays.push(day);
      payAmounts.push(deducted);
      endDay = day;
      if (rows) rows.push({ day, sales: a, holdback: deducted, topUp: ZERO, topUpReason: null, shortfall: balance, balance });
      if (balance.isZero()) payoffDay = day;
    }
  }
  if (payoffDay === null) endDay = Math.max(endDay, untilDay);
  return { rows, payDays, payAmounts, totalHoldback, totalTopUps, balance, payoffDay, shortfallCount, endDay };
}
