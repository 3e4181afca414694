/** Internal helpers for the sellers module: interval parsing, seller lists, per-seller totals. */
import { toSaleDate } from "../../_lib/dates.js";
import { Decimal } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import type { Seller } from "../types.js";
import type { Sale } from "../../share/types.js";
import { parseDateInput } from "../../_lib/dates.js";
import { assertSameCurrency, toMoney } from "../../_lib/money.js";
import { rangeError, toArray, toRecord, typeError } from "../../_lib/validate.js";

export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** `{ start, end }` → epoch ms, `start < end` (closed-open). `undefined` allowed when `optional`. */
export function toInterval(value: unknown, fn: string, arg = "interval"): Interval {
  const r = toRecord(value, fn, arg);
  const start = parseDateInput(r["start"], fn, `${arg}.start`).getTime();
  const end = parseDateInput(r["end"], fn, `${arg}.end`).getTime();
  if (!(start < end)) rangeError(fn, `${arg}.end`, ErrorCode.INVALID_DATE_ORDER, "must be after interval.start", r["end"], "an end date after the start date (the interval is [start, end))");
  return { start, end };
}

/** Validate one Seller record (id and a valid joinedOn); `at` names it in errors (`sellers[3]`). */
function checkSeller(s: Seller, fn: string, at: string): void {
  if (typeof s !== "object" || s === null) typeError(fn, at, s == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a seller", s, "a Seller from createSeller");
  if (typeof s.id !== "string" || s.id.length === 0) typeError(fn, `${at}.id`, ErrorCode.MISSING_VALUE, "must be a non-empty string", s.id, "a non-empty string");
  const d = s.joinedOn as unknown;
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    if (d instanceof Date) rangeError(fn, `${at}.joinedOn`, ErrorCode.INVALID_DATE, "must be a valid date", d, "a valid Date");
    typeError(fn, `${at}.joinedOn`, d == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a Date", d, "a valid Date");
  }
}

/** Validate a list of Seller records (id and a valid joinedOn). Arrays only. */
export function toSellers(value: unknown, fn: string, arg = "sellers"): readonly Seller[] {
  const list = toArray<Seller>(value, fn, arg);
  list.forEach((s, i) => checkSeller(s, fn, `${arg}[${i}]`));
  return list;
}

/**
 * Check that `value` is an array or another (synchronous) iterable. Strings are rejected (they
 * are iterable, but never a list of records). Non-iterables throw a ValidationTypeError
 * (`MISSING_VALUE` for null/undefined, `INVALID_TYPE` otherwise), as arrays-only input did.
 */
export function toIterableInput<T>(value: unknown, fn: string, arg: string, what: string): Iterable<T> {
  if (Array.isArray(value)) return value as readonly T[];
  if (value == null || typeof value !== "object" || typeof (value as Partial<Iterable<T>>)[Symbol.iterator] !== "function") {
    typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be an array or an iterable", value, `an array or another Iterable of ${what} (a generator, a Set...)`);
  }
  return value as Iterable<T>;
}

/**
 * Sellers from an array or any iterable, validated. An array is validated in full first (errors
 * exactly as {@link toSellers}); another iterable is validated one seller at a time as it is
 * consumed (so it is read once and never copied), with the same `sellers[i]` paths in errors.
 */
export function sellersOf(value: unknown, fn: string, arg = "sellers"): Iterable<Seller> {
  if (Array.isArray(value)) return toSellers(value, fn, arg);
  const source = toIterableInput<Seller>(value, fn, arg, "sellers");
  return {
    *[Symbol.iterator]() {
      let i = 0;
      for (const s of source) {
        checkSeller(s, fn, `${arg}[${i}]`);
        i += 1;
        yield s;
      }
    },
  };
}

/**
 * Net sales per seller, optionally restricted to [start, end). One currency (or throws).
 * `value` is an array or any iterable, read once; memory is one Decimal per distinct seller.
 */
export function totalsBySeller(value: unknown, fn: string, interval: Interval | undefined, arg = "sellerSales"): { totals: Map<string, Decimal>; currency: string | undefined } {
  const list = toIterableInput<Sale>(value, fn, arg, "sales");
  const totals = new Map<string, Decimal>();
  let currency: string | undefined;
  let i = -1;
  for (const sale of list) {
    i += 1;
    const a = `${arg}[${i}]`;
    if (typeof sale !== "object" || sale === null) typeError(fn, a, sale == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a sale", sale, "an object { sellerId, date, amount }");
    if (typeof sale.sellerId !== "string" || sale.sellerId.length === 0) typeError(fn, `${a}.sellerId`, ErrorCode.MISSING_VALUE, "must be a non-empty string", sale.sellerId, "a non-empty string");
    const d = toSaleDate(sale.date, fn, `${a}.date`);
    const m = toMoney(sale.amount, fn, `${a}.amount`);
    if (currency === undefined) currency = m.currency;
    else assertSameCurrency(fn, currency, m.currency);
    const t = d.getTime();
    if (interval && (t < interval.start || t >= interval.end)) continue;
    totals.set(sale.sellerId, (totals.get(sale.sellerId) ?? new Decimal(0)).plus(m.amount));
  }
  return { totals, currency };
}
