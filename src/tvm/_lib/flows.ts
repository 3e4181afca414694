/**
 * Internal parsing of cash-flow inputs for the tvm module. Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import { MS_PER_DAY, toUtcDay } from "../../_lib/dates.js";
import { assertSameCurrency, toMoney } from "../../_lib/money.js";
import { rangeError, toArray, toDecimal, typeError } from "../../_lib/validate.js";

/** Dated flows, sorted by day (stable), as float64 amounts and integer day offsets. */
export interface ParsedFlows {
  /** Amounts as float64, in day order. */
  readonly amounts: Float64Array;
  /** Whole days from the earliest flow, ascending. */
  readonly days: Int32Array;
  /**
   * Exact amounts in the same order (only when requested; with `exact: "lazy"` only the amounts
   * that were not plain numbers, the others are `undefined`: a number's exact value is its
   * shortest decimal form, `String(amounts[i])`).
   */
  readonly decimals: readonly (Decimal | undefined)[] | undefined;
  /** Epoch day (UTC) of the earliest flow. */
  readonly firstDay: number;
  /** Number of flows. */
  readonly n: number;
  /** Sum of absolute amounts (float). */
  readonly absSum: number;
  /** Currency of Money amounts, if any were given. */
  readonly currency: string | undefined;
}

/** One amount: Decimal | numeric string | finite number | Money. Returns [float, exact?, currency?]. */
export function parseAmount(value: unknown, fn: string, arg: string, exact: boolean): { readonly num: number; readonly dec: Decimal | undefined; readonly currency: string | undefined } {
  if (typeof value === "number" && Number.isFinite(value)) {
    return { num: value, dec: exact ? new Decimal(value) : undefined, currency: undefined };
  }
  if (typeof value === "object" && value !== null && !Decimal.isDecimal(value) && !Array.isArray(value)) {
    const m = toMoney(value, fn, arg);
    return { num: m.amount.toNumber(), dec: m.amount, currency: m.currency };
  }
  const d = toDecimal(value, fn, arg);
  const num = d.toNumber();
  if (!Number.isFinite(num)) {
    rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, "must be within the float64 range", value, "a number with magnitude below 1e308");
  }
  return { num, dec: d, currency: undefined };
}

/**
 * The time of a genuine Date, or NaN (a Proxy around a Date passes `instanceof` but its getTime
 * throws: #11; the slow path then gives the typed error).
 */
export function dateTime(value: unknown): number {
  if (!(value instanceof Date)) return Number.NaN;
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return Number.NaN;
  }
}

/** Epoch UTC day of a Date or ISO string (fast path for valid Dates). */
export function epochDay(value: unknown, fn: string, arg: string): number {
  const t = dateTime(value);
  if (!Number.isNaN(t)) return Math.floor(t / MS_PER_DAY);
  return Math.round(toUtcDay(value, fn, arg).getTime() / MS_PER_DAY);
}

/** Validate `{ date, amount }[]` and return sorted float arrays (and exact amounts if asked). */
export function parseFlows(value: unknown, fn: string, exact: boolean | "lazy", arg = "flows"): ParsedFlows {
  const flows = toArray<unknown>(value, fn, arg, { nonEmpty: true });
  const n = flows.length;
  const nums = new Float64Array(n);
  const rawDays = new Float64Array(n);
  const decs: (Decimal | undefined)[] | undefined = exact ? new Array<Decimal | undefined>(n) : undefined;
  const full = exact === true;
  let currency: string | undefined;
  let sorted = true;
  let absSum = 0;
  for (let i = 0; i < n; i++) {
    const f = flows[i];
    if (typeof f !== "object" || f === null || Array.isArray(f)) {
      typeError(fn, `${arg}[${i}]`, f == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a { date, amount } object", f, "an object { date, amount }");
    }
    const rec = f as { readonly date?: unknown; readonly amount?: unknown };
    const raw = rec.amount;
    if (!full && typeof raw === "number" && Number.isFinite(raw)) {
      // fast path: plain finite number
      nums[i] = raw;
      absSum += Math.abs(raw);
      const dv = rec.date;
      rawDays[i] = epochDay(dv, fn, `${arg}[${i}].date`);
      if (i > 0 && rawDays[i]! < rawDays[i - 1]!) sorted = false;
      continue;
    }
    const a = parseAmount(raw, fn, `${arg}[${i}].amount`, full);
    if (a.currency !== undefined) {
      if (currency === undefined) currency = a.currency;
      else assertSameCurrency(fn, currency, a.currency);
    }
    nums[i] = a.num;
    absSum += Math.abs(a.num);
    if (decs) decs[i] = a.dec ?? (full ? new Decimal(a.num) : undefined);
    rawDays[i] = epochDay(rec.date, fn, `${arg}[${i}].date`);
    if (i > 0 && rawDays[i]! < rawDays[i - 1]!) sorted = false;
  }
  let order: number[] | undefined;
  if (!sorted) {
    order = Array.from({ length: n }, (_, i) => i);
    order.sort((x, y) => rawDays[x]! - rawDays[y]! || x - y);
  }
  const amounts = new Float64Array(n);
  const days = new Int32Array(n);
  const decimals: (Decimal | undefined)[] | undefined = decs ? new Array<Decimal | undefined>(n) : undefined;
  const first = order ? rawDays[order[0]!]! : rawDays[0]!;
  for (let i = 0; i < n; i++) {
    const j = order ? order[i]! : i;
    amounts[i] = nums[j]!;
    days[i] = rawDays[j]! - first;
    if (decimals && decs) decimals[i] = decs[j];
  }
  return { amounts, days, decimals, firstDay: first, n, absSum, currency };
}

/** Validate a plain list of per-period amounts (index = period). */
export function parseAmounts(value: unknown, fn: string, exact: boolean, arg = "amounts"): ParsedFlows {
  const list = toArray<unknown>(value, fn, arg, { nonEmpty: true });
  const n = list.length;
  const amounts = new Float64Array(n);
  const days = new Int32Array(n);
  const decimals: Decimal[] | undefined = exact ? new Array<Decimal>(n) : undefined;
  let currency: string | undefined;
  let absSum = 0;
  for (let i = 0; i < n; i++) {
    const a = parseAmount(list[i], fn, `${arg}[${i}]`, exact);
    if (a.currency !== undefined) {
      if (currency === undefined) currency = a.currency;
      else assertSameCurrency(fn, currency, a.currency);
    }
    amounts[i] = a.num;
    absSum += Math.abs(a.num);
    days[i] = i;
    if (decimals) decimals[i] = a.dec ?? new Decimal(a.num);
  }
  return { amounts, days, decimals, firstDay: 0, n, absSum, currency };
}

/** Number of sign changes, ignoring zeros. */
export function signChanges(amounts: Float64Array): number {
  let last = 0;
  let changes = 0;
  for (let i = 0; i < amounts.length; i++) {
    const s = Math.sign(amounts[i]!);
    if (s === 0) continue;
    if (last !== 0 && s !== last) changes++;
    last = s;
  }
  return changes;
}
