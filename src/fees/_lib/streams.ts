/** Internal: iteration of sale logs (arrays, iterables, async iterables) and the accumulators of the fees module. */
import { DATE_RANGE, MS_PER_DAY, fromEpochDay } from "../../_lib/dates.js";
import { Decimal } from "../../_lib/decimal.js";
import { toArray, rangeError, typeError } from "../../_lib/validate.js";
import { ErrorCode } from "../../errors.js";
import type { Compiled, ReadSale } from "./schedule.js";
import { divRound, feeParts, moneyOf } from "./schedule.js";
import type { Money } from "../../money/types.js";

/** A sync iterable input (an array is copied through toArray; strings rejected). */
export function syncSource(value: unknown, fn: string, arg: string): Iterable<unknown> {
  if (Array.isArray(value)) return toArray<unknown>(value, fn, arg);
  if (value == null || typeof value !== "object" || typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] !== "function") {
    typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be an array or an iterable", value, "an array or another Iterable of sales");
  }
  return value as Iterable<unknown>;
}

/** An async or sync iterable input. */
export function asyncSource(value: unknown, fn: string, arg: string): AsyncIterable<unknown> | Iterable<unknown> {
  const s = value as Partial<AsyncIterable<unknown> & Iterable<unknown>> | null | undefined;
  if (s == null || typeof s !== "object" || (typeof s[Symbol.asyncIterator] !== "function" && typeof s[Symbol.iterator] !== "function")) {
    typeError(fn, arg, s == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be iterable", value, "an AsyncIterable or Iterable of sales");
  }
  return Array.isArray(value) ? toArray<unknown>(value, fn, arg) : (value as AsyncIterable<unknown> | Iterable<unknown>);
}

/** Totals of one segment (minor units). */
export interface SegmentTotals {
  sales: number;
  units: bigint;
  gmv: bigint;
  fees: bigint;
}

export const emptyTotals = (): SegmentTotals => ({ sales: 0, units: 0n, gmv: 0n, fees: 0n });

/** Add one priced sale to a segment. */
export function addToSegment(t: SegmentTotals, s: ReadSale, c: Compiled): void {
  const p = feeParts(c, s.cat, s.amount, s.units);
  t.sales += 1;
  t.units += s.units;
  t.gmv += s.amount;
  t.fees += p.total;
}

/** The public row of a segment. */
export function segmentRow(segment: string, t: SegmentTotals, c: { readonly currency: string; readonly digits: number }) {
  const m = (x: bigint): Money => moneyOf(x, c);
  return {
    segment,
    sales: t.sales,
    units: Number(t.units),
    gmv: m(t.gmv),
    fees: m(t.fees),
    net: m(t.gmv - t.fees),
    takeRate: t.gmv === 0n ? null : new Decimal(t.fees.toString()).div(t.gmv.toString()),
  };
}

/** Payout accumulator: minor units per payout day, and the totals. */
export interface PayoutState {
  readonly byDay: Map<number, bigint>;
  sales: number;
  gross: bigint;
  fees: bigint;
  held: bigint;
  pending: bigint;
}

export const emptyPayouts = (): PayoutState => ({ byDay: new Map(), sales: 0, gross: 0n, fees: 0n, held: 0n, pending: 0n });

/** Payout rules, validated. */
export interface PayoutRules {
  readonly delayDays: number;
  readonly cycleDays: number | undefined;
  readonly cycleStart: number | undefined;
  readonly reserveNum: bigint;
  readonly reserveDen: bigint;
  readonly reserveDays: number;
  readonly asOf: number | undefined;
}

const MAX_DAY = Math.floor(DATE_RANGE.maxTime / MS_PER_DAY);
/** Most distinct payout days of one result. */
export const MAX_PAYOUT_DAYS = 1_000_000;

/** First disbursement day on or after `day`. */
export function payoutDay(r: PayoutRules, day: number): number {
  if (r.cycleDays === undefined || r.cycleStart === undefined) return day;
  if (day <= r.cycleStart) return r.cycleStart;
  return r.cycleStart + Math.ceil((day - r.cycleStart) / r.cycleDays) * r.cycleDays;
}

function credit(st: PayoutState, day: number, amount: bigint, fn: string, arg: string): void {
  if (amount === 0n) return;
  const v = st.byDay.get(day);
  if (v === undefined && st.byDay.size >= MAX_PAYOUT_DAYS) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `gives more than ${MAX_PAYOUT_DAYS} payout days`, day, "a shorter log or a disbursement cycle");
  st.byDay.set(day, (v ?? 0n) + amount);
}

/** Add one sale to the payout state. */
export function addPayout(st: PayoutState, s: ReadSale, c: Compiled, r: PayoutRules, fn: string, arg: string): void {
  const p = feeParts(c, s.cat, s.amount, s.units);
  const net = s.amount - p.total;
  const reserve = r.reserveNum === 0n ? 0n : divRound(net * r.reserveNum, r.reserveDen, "half-even");
  const available = (s.delivered ?? (s.day as number)) + r.delayDays;
  const paidOn = payoutDay(r, available);
  const releasedOn = payoutDay(r, available + r.reserveDays);
  if (releasedOn > MAX_DAY) rangeError(fn, `${arg}.date`, ErrorCode.OUT_OF_RANGE, "gives a payout day after 9999-12-31", fromEpochDay(releasedOn), "sales and delays that pay out by 9999-12-31");
  st.sales += 1;
  st.gross += s.amount;
  st.fees += p.total;
  if (r.asOf !== undefined && paidOn > r.asOf) st.pending += net - reserve;
  else credit(st, paidOn, net - reserve, fn, arg);
  if (r.asOf !== undefined && releasedOn > r.asOf) st.held += reserve;
  else credit(st, releasedOn, reserve, fn, arg);
}
