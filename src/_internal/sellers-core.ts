/** Internal helpers for the sellers module: interval parsing, seller lists, per-seller totals. */
import { Decimal } from "decimal.js";
import { ErrorCode } from "../errors.js";
import type { Seller } from "../sellers/types.js";
import type { Sale } from "../share/types.js";
import { parseDateInput } from "./dates.js";
import { assertSameCurrency, toMoney } from "./money.js";
import { rangeError, toArray, toRecord, typeError } from "./validate.js";

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

/** Validate a list of Seller records (id and a valid joinedOn). */
export function toSellers(value: unknown, fn: string, arg = "sellers"): readonly Seller[] {
  const list = toArray<Seller>(value, fn, arg);
  list.forEach((s, i) => {
    if (typeof s !== "object" || s === null) typeError(fn, `${arg}[${i}]`, s == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a seller", s, "a Seller from createSeller");
    if (typeof s.id !== "string" || s.id.length === 0) typeError(fn, `${arg}[${i}].id`, ErrorCode.MISSING_VALUE, "must be a non-empty string", s.id, "a non-empty string");
    const d = s.joinedOn as unknown;
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
      if (d instanceof Date) rangeError(fn, `${arg}[${i}].joinedOn`, ErrorCode.INVALID_DATE, "must be a valid date", d, "a valid Date");
      typeError(fn, `${arg}[${i}].joinedOn`, d == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a Date", d, "a valid Date");
    }
  });
  return list;
}

/** Net sales per seller, optionally restricted to [start, end). One currency (or throws). */
export function totalsBySeller(value: unknown, fn: string, interval: Interval | undefined, arg = "sellerSales"): { totals: Map<string, Decimal>; currency: string | undefined } {
  const list = toArray<Sale>(value, fn, arg);
  const totals = new Map<string, Decimal>();
  let currency: string | undefined;
  for (let i = 0; i < list.length; i++) {
    const sale = list[i] as Sale;
    const a = `${arg}[${i}]`;
    if (typeof sale !== "object" || sale === null) typeError(fn, a, sale == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a sale", sale, "an object { sellerId, date, amount }");
    if (typeof sale.sellerId !== "string" || sale.sellerId.length === 0) typeError(fn, `${a}.sellerId`, ErrorCode.MISSING_VALUE, "must be a non-empty string", sale.sellerId, "a non-empty string");
    const d = sale.date as unknown;
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
      if (d instanceof Date) rangeError(fn, `${a}.date`, ErrorCode.INVALID_DATE, "must be a valid date", d, "a valid Date");
      typeError(fn, `${a}.date`, d == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a Date", d, "a valid Date");
    }
    const m = toMoney(sale.amount, fn, `${a}.amount`);
    if (currency === undefined) currency = m.currency;
    else assertSameCurrency(fn, currency, m.currency);
    const t = d.getTime();
    if (interval && (t < interval.start || t >= interval.end)) continue;
    totals.set(sale.sellerId, (totals.get(sale.sellerId) ?? new Decimal(0)).plus(m.amount));
  }
  return { totals, currency };
}
