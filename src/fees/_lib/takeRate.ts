/** Internal: the take-rate accumulator shared by takeRateBySegment(Async) and mergeTakeRates. */
import { deepFreeze } from "../../_lib/freeze.js";
import { minorDigits, toCurrency, toMoney } from "../../_lib/money.js";
import { rangeError, toArray, toFunction, toInteger, toNonEmptyString, toRecord, typeError } from "../../_lib/validate.js";
import { ErrorCode, CurrencyMismatchError } from "../../errors.js";
import type { Compiled } from "./schedule.js";
import { minorOf, readSale } from "./schedule.js";
import { addToSegment, emptyTotals, segmentRow, type SegmentTotals } from "./streams.js";
import type { TakeRateResult } from "../takeRateBySegment.js";

/** Most segments of one result. */
export const MAX_SEGMENTS = 1_000_000;

export class TakeRateState {
  readonly segments = new Map<string, SegmentTotals>();
  constructor(
    readonly currency: string,
    readonly digits: number,
  ) {}
  totals(name: string, fn: string, arg: string): SegmentTotals {
    let t = this.segments.get(name);
    if (t === undefined) {
      if (this.segments.size >= MAX_SEGMENTS) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `gives more than ${MAX_SEGMENTS} segments`, name, "fewer segments");
      t = emptyTotals();
      this.segments.set(name, t);
    }
    return t;
  }
}

export type SegmentOf = (sale: unknown, index: number) => unknown;

export function toSegmentOf(value: unknown, fn: string): SegmentOf | undefined {
  return value === undefined ? undefined : toFunction<SegmentOf>(value, fn, "segmentOf");
}

/** Add one raw sale. */
export function addTakeRateSale(st: TakeRateState, c: Compiled, seg: SegmentOf | undefined, raw: unknown, i: number, fn: string): void {
  const s = readSale(c, raw, fn, `sales[${i}]`, false);
  const name = seg === undefined ? s.cat.name : seg(raw, i);
  if (typeof name !== "string" || name.length === 0) typeError(fn, `segmentOf(sales[${i}])`, ErrorCode.INVALID_TYPE, "must return a non-empty string", name, "a segment name");
  addToSegment(st.totals(name, fn, `sales[${i}]`), s, c);
}

/** The frozen public result. */
export function takeRateResult(st: TakeRateState): TakeRateResult {
  const names = [...st.segments.keys()].sort();
  const total = emptyTotals();
  for (const t of st.segments.values()) {
    total.sales += t.sales;
    total.units += t.units;
    total.gmv += t.gmv;
    total.fees += t.fees;
  }
  const c = { currency: st.currency, digits: st.digits };
  return deepFreeze({ kind: "take-rates" as const, currency: st.currency, segments: names.map((n) => segmentRow(n, st.segments.get(n) as SegmentTotals, c)), total: segmentRow("total", total, c) });
}

/** Add a result (or its JSON form) into a state, validating it. */
export function addTakeRateResult(into: TakeRateState | undefined, value: unknown, fn: string, arg: string): TakeRateState {
  const r = toRecord(value, fn, arg);
  if (r["kind"] !== "take-rates") typeError(fn, `${arg}.kind`, ErrorCode.INVALID_TYPE, 'must be "take-rates"', r["kind"], "a result of takeRateBySegment or mergeTakeRates, or its JSON form");
  const currency = toCurrency(r["currency"], fn, `${arg}.currency`);
  if (into !== undefined && into.currency !== currency) throw new CurrencyMismatchError(fn, into.currency, currency);
  const st = into ?? new TakeRateState(currency, minorDigits(currency));
  const rows = toArray<unknown>(r["segments"], fn, `${arg}.segments`, { maxLength: MAX_SEGMENTS });
  rows.forEach((row, i) => {
    const at = `${arg}.segments[${i}]`;
    const x = toRecord(row, fn, at);
    const name = toNonEmptyString(x["segment"], fn, `${at}.segment`);
    const amount = (k: string): bigint => {
      const m = toMoney(x[k], fn, `${at}.${k}`);
      if (m.currency !== currency) throw new CurrencyMismatchError(fn, currency, m.currency);
      if (m.amount.isNegative()) rangeError(fn, `${at}.${k}`, ErrorCode.OUT_OF_RANGE, "must not be negative", m.amount, "an amount ≥ 0");
      return minorOf(m.amount, st.digits, fn, `${at}.${k}`, currency);
    };
    const gmv = amount("gmv");
    const fees = amount("fees");
    if (fees > gmv) rangeError(fn, `${at}.fees`, ErrorCode.OUT_OF_RANGE, "must not exceed gmv", x["fees"], "fees ≤ gmv");
    const t = st.totals(name, fn, at);
    t.sales += toInteger(x["sales"], fn, `${at}.sales`, 0, Number.MAX_SAFE_INTEGER);
    t.units += BigInt(toInteger(x["units"], fn, `${at}.units`, 0, Number.MAX_SAFE_INTEGER));
    t.gmv += gmv;
    t.fees += fees;
  });
  return st;
}

/** The JSON text of a value, or a typed error when it cannot be serialised (a getter throws, a cycle). */
export function jsonOf(value: unknown, fn: string, arg: string): string {
  try {
    return JSON.stringify(value);
  } catch {
    return typeError(fn, arg, ErrorCode.INVALID_TYPE, "could not be serialised to JSON", undefined, "a plain result or its JSON form");
  }
}

/**
 * Re-derive a result from the fields merged and compare with the input's JSON: a result whose
 * derived fields (net, take rate, total row, reconciliation) were changed is rejected.
 */
export function checkConsistent(input: unknown, rebuilt: unknown, fn: string, arg: string): void {
  if (jsonOf(input, fn, arg) !== JSON.stringify(rebuilt)) {
    rangeError(
      fn,
      arg,
      ErrorCode.OUT_OF_RANGE,
      "is not a consistent result (a derived field — net, take rate, total, paid, netProceeds — disagrees with the amounts)",
      undefined,
      "a result as returned, or its unchanged JSON form",
    );
  }
}
