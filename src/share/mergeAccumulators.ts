import { Decimal, exactPlus } from "../_lib/decimal.js";
import { asAccumulator, emptyTotals, gmvOf, ShareAccumulatorImpl } from "./_lib/accumulator.js";
import { rangeError } from "../_lib/validate.js";
import { CurrencyMismatchError, ErrorCode } from "../errors.js";
import type { ShareAccumulator } from "./types.js";

/**
 * Merge share accumulators (shards) into a new one, without changing the inputs.
 *
 * Merging adds the per-segment GMV, units and counts. It is associative and commutative:
 * `merge(a, merge(b, c))` and `merge(c, a, b)` finalise to the same shares, so shards can be
 * combined in any order, on any machine (via JSON). An accumulator that has seen no sale and has
 * no currency merges with any currency; two different currencies throw. All inputs must share
 * precision, refund policy and declared segments. The converter of the first input that has one
 * is kept.
 *
 * @param accumulators - one or more accumulators
 * @returns a new accumulator holding the combined totals
 * @throws {@link ValidationError} when no accumulator is given (`EMPTY_INPUT`) or their settings differ
 * @throws {@link CurrencyMismatchError} when two shards have different currencies
 *
 * @example
 * ```ts
 * import { addSale, calendarDay, createShareAccumulator, finalizeShare, mergeAccumulators, money } from "marketplace-economics";
 * const a = createShareAccumulator({ precision: 2 });
 * const b = createShareAccumulator({ precision: 2 });
 * addSale(a, { sellerId: "x", date: calendarDay(2017, 1, 1), amount: money("1", "EUR") }, "smb");
 * addSale(b, { sellerId: "y", date: calendarDay(2017, 1, 1), amount: money("3", "EUR") }, "large");
 * finalizeShare(mergeAccumulators(a, b)).bySegment["large"]?.gmvShare.toFixed(2); //=> "0.75"
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function mergeAccumulators(...accumulators: readonly ShareAccumulator[]): ShareAccumulator {
  const fn = "mergeAccumulators";
  if (accumulators.length === 0) rangeError(fn, "accumulators", ErrorCode.EMPTY_INPUT, "must not be empty", accumulators, "at least one accumulator");
  const accs = accumulators.map((a, i) => asAccumulator(a, fn, `accumulators[${i}]`));
  const first = accs[0] as ShareAccumulatorImpl;
  let currency: string | undefined;
  for (const [i, a] of accs.entries()) {
    if (a.precision !== first.precision) rangeError(fn, `accumulators[${i}].precision`, ErrorCode.OUT_OF_RANGE, "must equal the first accumulator's precision", a.precision, String(first.precision));
    if (a.refunds !== first.refunds) rangeError(fn, `accumulators[${i}].refunds`, ErrorCode.OUT_OF_RANGE, "must equal the first accumulator's refund policy", a.refunds, JSON.stringify(first.refunds));
    const da = a.declared?.join("\u0000");
    const df = first.declared?.join("\u0000");
    if (da !== df) rangeError(fn, `accumulators[${i}].segments`, ErrorCode.OUT_OF_RANGE, "must equal the first accumulator's declared segments", a.declared, JSON.stringify(first.declared ?? null));
    if (a.currency !== undefined) {
      if (currency === undefined) currency = a.currency;
      else if (currency !== a.currency) throw new CurrencyMismatchError(fn, currency, a.currency);
    }
  }
  const convert = accs.find((a) => a.convert !== undefined)?.convert;
  const out = new ShareAccumulatorImpl(currency, first.precision, first.refunds, first.declared, convert);
  for (const a of accs) {
    out.sales += a.sales;
    for (const [seg, t] of a.totals) {
      let o = out.totals.get(seg);
      if (o === undefined) {
        o = emptyTotals();
        out.totals.set(seg, o);
      }
      if (Number.isSafeInteger(o.gmvMinor + t.gmvMinor)) {
        o.gmvMinor += t.gmvMinor;
        if (!t.gmv.isZero()) o.gmv = o.gmv.plus(t.gmv);
      } else {
        o.gmv = o.gmv.plus(gmvOf(t, a.digits));
      }
      if (Number.isSafeInteger(o.unitsInt + t.unitsInt)) o.unitsInt += t.unitsInt;
      else o.unitsDec = (o.unitsDec ?? new Decimal(0)).plus(t.unitsInt);
      if (t.unitsDec !== undefined) o.unitsDec = (o.unitsDec ?? new Decimal(0)).plus(t.unitsDec);
      o.sales += t.sales;
      if (!t.refunded.isZero()) o.refunded = exactPlus(o.refunded, t.refunded);
    }
  }
  return out;
}
