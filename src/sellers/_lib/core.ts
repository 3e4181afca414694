/** Internal helpers for the sellers module: interval parsing, seller lists, per-seller totals. */
import { toSaleDate } from "../../_lib/dates.js";
import { Decimal } from "../../_lib/decimal.js";
import { CurrencyMismatchError, ErrorCode } from "../../errors.js";
import type { Seller } from "../types.js";
import type { Sale } from "../../share/types.js";
import { parseDateInput } from "../../_lib/dates.js";
import { toMoney } from "../../_lib/money.js";
import { rangeError, toArray, toRecord, typeError } from "../../_lib/validate.js";
import { toAnyIterable } from "../../_lib/iterate.js";

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

/**
 * A seller's date: a genuine, valid `Date` in 0000–9999 (what `createSeller` stores). A
 * string is a typed error (`INVALID_TYPE`) pointing at createSeller, which parses ISO strings; a
 * Proxy of a Date or an Invalid Date is the one date path's typed error.
 */
function toSellerDate(value: unknown, fn: string, arg: string): Date {
  if (typeof value === "string") typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a Date (build sellers with createSeller, which parses ISO strings)", value, "a valid Date");
  return toSaleDate(value, fn, arg);
}

/**
 * The fields the seller functions read, validated and read once each (#11): `id` a non-empty
 * string, `joinedOn` and `leftOn` (optional) genuine Dates through the one date path (`toSaleDate`:
 * in 0000–9999; a Proxy of a Date or a getter that throws is a typed error), `country`
 * (optional) a string. Returns a plain frozen seller with those fields (the caller's object is
 * not used again, so a getter cannot change a value after the check).
 */
function checkSeller(value: unknown, fn: string, at: string): Seller {
  if (typeof value !== "object" || value === null) typeError(fn, at, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a seller", value, "a Seller from createSeller");
  const read = (key: string): unknown => {
    try {
      return (value as Record<string, unknown>)[key];
    } catch {
      return typeError(fn, `${at}.${key}`, ErrorCode.INVALID_TYPE, "could not be read (its getter threw)", undefined, "a plain value");
    }
  };
  const id = read("id");
  if (typeof id !== "string" || id.length === 0) typeError(fn, `${at}.id`, ErrorCode.MISSING_VALUE, "must be a non-empty string", id, "a non-empty string");
  const joinedOn = toSellerDate(read("joinedOn"), fn, `${at}.joinedOn`);
  const left = read("leftOn");
  const country = read("country");
  if (country !== undefined && typeof country !== "string") typeError(fn, `${at}.country`, ErrorCode.INVALID_TYPE, "must be a string", country, 'an ISO 3166-1 alpha-2 code such as "US", or undefined');
  const out: { id: string; joinedOn: Date; leftOn?: Date; country?: string } = { id, joinedOn };
  if (left !== undefined) out.leftOn = toSellerDate(left, fn, `${at}.leftOn`);
  if (country !== undefined) out.country = country;
  return Object.freeze(out);
}

/** Validate an array of sellers (holes rejected, each seller through `checkSeller`). */
export function toSellers(value: unknown, fn: string, arg = "sellers"): readonly Seller[] {
  const list = toArray<unknown>(value, fn, arg);
  return list.map((s, i) => checkSeller(s, fn, `${arg}[${i}]`));
}

/**
 * Check that `value` is an array or another (synchronous) iterable. Strings are rejected (they
 * are iterable, but never a list of records). Non-iterables throw a ValidationTypeError
 * (`MISSING_VALUE` for null/undefined, `INVALID_TYPE` otherwise), as arrays-only input did.
 */
export function toIterableInput<T>(value: unknown, fn: string, arg: string, what: string): Iterable<T> {
  if (Array.isArray(value)) return toArray<T>(value, fn, arg);
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
        const seller = checkSeller(s, fn, `${arg}[${i}]`);
        i += 1;
        yield seller;
      }
    },
  };
}

/**
 * Running net sales per seller, optionally restricted to [start, end). One currency (or throws).
 * Fed one sale at a time (`add`) by the sync and async entry points alike, so both validate and
 * total identically; memory is one Decimal per distinct seller.
 */
export class SellerTotals {
  readonly totals = new Map<string, Decimal>();
  currency: string | undefined;
  private i = -1;
  constructor(
    private readonly fn: string,
    private readonly interval: Interval | undefined,
    private readonly arg: string,
  ) {}

  add(sale: Sale): void {
    const { fn, arg, interval } = this;
    this.i += 1;
    const a = `${arg}[${this.i}]`;
    if (typeof sale !== "object" || sale === null) typeError(fn, a, sale == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a sale", sale, "an object { sellerId, date, amount }");
    if (typeof sale.sellerId !== "string" || sale.sellerId.length === 0) typeError(fn, `${a}.sellerId`, ErrorCode.MISSING_VALUE, "must be a non-empty string", sale.sellerId, "a non-empty string");
    const d = toSaleDate(sale.date, fn, `${a}.date`);
    const m = toMoney(sale.amount, fn, `${a}.amount`);
    if (this.currency === undefined) this.currency = m.currency;
    else if (m.currency !== this.currency) {
      // Name the row (#11): index, date and seller.
      throw new CurrencyMismatchError(fn, this.currency, m.currency, `at ${a} (date ${d.toISOString().slice(0, 10)}, sellerId ${JSON.stringify(sale.sellerId)})`);
    }
    const t = d.getTime();
    if (interval && (t < interval.start || t >= interval.end)) return;
    this.totals.set(sale.sellerId, (this.totals.get(sale.sellerId) ?? new Decimal(0)).plus(m.amount));
  }
}

/**
 * Net sales per seller, optionally restricted to [start, end). One currency (or throws).
 * `value` is an array or any iterable, read once; memory is one Decimal per distinct seller.
 */
export function totalsBySeller(value: unknown, fn: string, interval: Interval | undefined, arg = "sellerSales"): SellerTotals {
  const list = toIterableInput<Sale>(value, fn, arg, "sales");
  const acc = new SellerTotals(fn, interval, arg);
  for (const sale of list) acc.add(sale);
  return acc;
}

/**
 * {@link totalsBySeller} over an array, a sync iterable or an async iterable (read once with
 * `for await`; an error thrown by the iterable itself rejects unchanged, and a validation error
 * closes the iterator through its `return()`).
 */
export async function totalsBySellerAsync(value: unknown, fn: string, interval: Interval | undefined, arg = "sellerSales"): Promise<SellerTotals> {
  const list = toAnyIterable<Sale>(value, fn, arg, "sales");
  const acc = new SellerTotals(fn, interval, arg);
  for await (const sale of list) acc.add(sale);
  return acc;
}

/**
 * Sellers from an array, a sync iterable or an async iterable, validated one at a time as they
 * are consumed (read once), with the same `sellers[i]` paths in errors as {@link sellersOf}.
 */
export function sellersOfAsync(value: unknown, fn: string, arg = "sellers"): AsyncIterable<Seller> {
  const source = toAnyIterable<unknown>(value, fn, arg, "sellers");
  return {
    async *[Symbol.asyncIterator]() {
      let i = 0;
      for await (const s of source) {
        const seller = checkSeller(s, fn, `${arg}[${i}]`);
        i += 1;
        yield seller;
      }
    },
  };
}
