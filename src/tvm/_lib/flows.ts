/**
 * Internal parsing of cash-flow inputs for the tvm module. Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import { MS_PER_DAY, toUtcDay } from "../../_lib/dates.js";
import { assertSameCurrency, toMoney } from "../../_lib/money.js";
import { rangeError, toArray, toArrayLength, toDecimal, typeError } from "../../_lib/validate.js";

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

/** What {@link readFlows} found besides the amounts and days it wrote. */
export interface FlowsRead {
  readonly currency: string | undefined;
  readonly absSum: number;
  /** Whether the days are already in ascending order. */
  readonly sorted: boolean;
  readonly minDay: number;
  /** The exact amounts by index (see {@link readFlows}), `undefined` when there are none. */
  readonly exact: ReadonlyMap<number, Decimal> | undefined;
}

/** `Date.prototype.getTime`, read once: a genuine Date whose `getTime` is this one is read directly. */
const DATE_GET_TIME = Date.prototype.getTime;

/** What the read loop of {@link readFlows} was doing when user code threw (see there). */
const READING_ELEMENT = 1;
const READING_DATE = 2;

/**
 * The one read loop over `{ date, amount }[]` (parseFlows, and datedProblem of ./problem.ts),
 * on an array checked by `toArrayLength` (each element is read once, so no copy is needed):
 * validates `flows[i]` into `nums[i]` (float64 amount) and `days[i]` (epoch day), and returns
 * the exact amounts by index: each amount that was not a plain number, and with `full` every
 * amount. A finite `number` and a genuine `Date` are taken on the spot (no argument name is
 * built: it costs more than the rest of the check, #15); anything else goes through
 * `parseAmount` / `epochDay`, which name the argument in their errors.
 *
 * Speed (#15): the two reads that can run throwing user code on the fast path (the element, a
 * getter or Proxy trap; the time of an object that passes `instanceof Date`, a Proxy or an
 * object without the Date slot) are guarded by one `try` around the whole loop instead of one
 * per element (the per-element `try` blocks were a third of xirr's time on 365 daily flows). The
 * loop records what it was reading; the `catch` turns a throwing element read into the same typed
 * error as `arrayElement`, and a throwing date read into the slow path (`epochDay`, which gives
 * the typed error) for that element only, without reading its amount again; any other error (a
 * typed error of a validator) is rethrown unchanged.
 */
export function readFlows(flows: readonly unknown[], n: number, fn: string, arg: string, nums: Float64Array, days: Float64Array, full: boolean): FlowsRead {
  let currency: string | undefined;
  let exact: Map<number, Decimal> | undefined;
  let sorted = true;
  let absSum = 0;
  let prevDay = -Infinity;
  let minDay = Infinity;
  let i = 0;
  let reading = 0;
  /** Index whose amount is read and whose date threw on the fast path (-1: none). */
  let slowDate = -1;
  let num = 0;
  let dv: unknown;
  for (;;) {
    try {
      for (; i < n; i++) {
        if (i !== slowDate) {
          reading = READING_ELEMENT;
          const f = flows[i];
          if (f === undefined && !(i in flows)) {
            reading = 0;
            typeError(fn, `${arg}[${i}]`, ErrorCode.MISSING_VALUE, "is a hole in a sparse array", undefined, "an array without holes (every index from 0 to length - 1 set)");
          }
          reading = 0;
          if (typeof f !== "object" || f === null || Array.isArray(f)) {
            typeError(fn, `${arg}[${i}]`, f == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a { date, amount } object", f, "an object { date, amount }");
          }
          const rec = f as { readonly date?: unknown; readonly amount?: unknown };
          const raw = rec.amount;
          if (!full && typeof raw === "number" && Number.isFinite(raw)) {
            num = raw;
          } else {
            const a = parseAmount(raw, fn, `${arg}[${i}].amount`, full);
            if (a.currency !== undefined) {
              if (currency === undefined) currency = a.currency;
              else assertSameCurrency(fn, currency, a.currency);
            }
            num = a.num;
            const dec = a.dec ?? (full ? new Decimal(a.num) : undefined);
            if (dec !== undefined) (exact ??= new Map()).set(i, dec);
          }
          dv = rec.date;
        }
        let day: number;
        if (i !== slowDate && dv instanceof Date) {
          reading = READING_DATE;
          const d = dv as Date;
          const t = d.getTime === DATE_GET_TIME ? d.getTime() : DATE_GET_TIME.call(d);
          reading = 0;
          day = t === t ? Math.floor(t / MS_PER_DAY) : epochDay(dv, fn, `${arg}[${i}].date`);
        } else {
          day = epochDay(dv, fn, `${arg}[${i}].date`);
        }
        nums[i] = num;
        days[i] = day;
        absSum += Math.abs(num);
        if (day < prevDay) sorted = false;
        if (day < minDay) minDay = day;
        prevDay = day;
      }
      break;
    } catch (error) {
      const what = reading;
      reading = 0;
      if (what === READING_ELEMENT) {
        typeError(fn, `${arg}[${i}]`, ErrorCode.INVALID_TYPE, "could not be read (its getter threw)", undefined, "an array of plain values");
      }
      if (what !== READING_DATE) throw error;
      // The date of element i threw on the fast path: resume at i, through epochDay.
      slowDate = i;
    }
  }
  return { currency, absSum, sorted, minDay, exact };
}

/** Validate `{ date, amount }[]` and return sorted float arrays (and exact amounts if asked). */
export function parseFlows(value: unknown, fn: string, exact: boolean | "lazy", arg = "flows"): ParsedFlows {
  const n = toArrayLength(value, fn, arg, { nonEmpty: true, maxLength: 10_000_000 });
  const nums = new Float64Array(n);
  const rawDays = new Float64Array(n);
  const read = readFlows(value as readonly unknown[], n, fn, arg, nums, rawDays, exact === true);
  const { currency, absSum, sorted } = read;
  let decs: (Decimal | undefined)[] | undefined;
  if (exact) {
    decs = new Array<Decimal | undefined>(n);
    if (read.exact !== undefined) for (const [i, d] of read.exact) decs[i] = d;
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
