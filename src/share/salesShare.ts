import { addSaleUnchecked, parseShareOptions, ShareAccumulatorImpl } from "./_lib/accumulator.js";
import { finalizeAccumulator } from "./_lib/finalize.js";
import { checkSegment } from "./_lib/segment.js";
import { toSyncIterable } from "../_lib/iterate.js";
import { toFunction } from "../_lib/validate.js";
import type { AnySale, Sale, SalesShareOptions, SalesShareResult } from "./types.js";

/**
 * Totals and shares of GMV, units and number of sales per segment (e.g. SMB vs. other sellers).
 *
 * This is "half of all sales come from SMBs" on your own data: map each sale to a segment and
 * read `bySegment.smb.gmvShare` (share of sales value), `unitShare` (share of units sold) and
 * `salesShare` (share of orders).
 *
 * ## Notes
 * - Shares are exact Decimals with `precision` decimal places (default 10) summing to exactly 1
 *   per measure (largest-remainder rounding, see {@link finalizeShare}).
 * - Empty input or a zero total: every share is 0 (never NaN); with no sale and no
 *   `options.currency`, `currency` and `total.gmv` are `undefined`.
 * - Refunds (negative amounts) are netted by default; `refunds: "exclude"` drops them,
 *   `"reject"` throws. A segment that nets negative throws `UNDEFINED_RESULT`.
 * - Mixed currencies throw {@link CurrencyMismatchError} unless `options.convert` is given.
 * - `segmentOf` must return a non-empty string for every sale; with `options.segments`, any other
 *   name throws, and declared segments without sales appear with zeros.
 * - A sale without `units` counts as 1 unit. Dates must be valid `Date`s (not otherwise used).
 *
 * @param sales - the sales: an array or any sync iterable, read once (an `AsyncIterable`: {@link salesShareAsync})
 * @param segmentOf - maps a sale (and its index) to its segment name
 * @param options - currency, converter, precision, declared segments, refund policy
 * @returns totals and per-segment shares
 * @throws {@link ValidationTypeError} when `sales` is not an array or an iterable, or `segmentOf` returns a non-string
 * @throws {@link ValidationError} on invalid dates, non-finite units, undeclared segments, rejected
 *   refunds, negative segment totals
 * @throws {@link CurrencyMismatchError} on mixed currencies without a converter
 *
 * @example
 * ```ts
 * import { calendarDay, money, salesShare } from "marketplace-economics";
 * const d = calendarDay(2017, 3, 1);
 * const sales = [
 *   { sellerId: "smb-1", date: d, amount: money("60", "USD"), units: 3 },
 *   { sellerId: "smb-2", date: d, amount: money("40", "USD"), units: 2 },
 *   { sellerId: "brand", date: d, amount: money("100", "USD"), units: 5 },
 * ];
 * const r = salesShare(sales, (s) => (s.sellerId.startsWith("smb") ? "smb" : "other"), { precision: 4 });
 * r.bySegment["smb"]?.gmvShare.toFixed(4); //=> "0.5000"
 * r.bySegment["smb"]?.salesShare.toFixed(4); //=> "0.6667"
 * r.total.gmv?.amount.toFixed(2); //=> "200.00"
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function salesShare<S extends string, T extends AnySale = AnySale>(sales: Iterable<T>, segmentOf: (sale: T, index: number) => S, options?: SalesShareOptions<NoInfer<S>>): SalesShareResult<S> {
  const fn = "salesShare";
  const list = toSyncIterable<Sale>(sales, fn, "sales", "sales");
  const seg = toFunction<(sale: AnySale, index: number) => S>(segmentOf, fn, "segmentOf");
  const o = parseShareOptions(options, fn);
  const acc = new ShareAccumulatorImpl(o.currency, o.precision, o.refunds, o.declared, o.convert);
  if (Array.isArray(list)) {
    for (let i = 0; i < list.length; i++) {
      const sale = list[i] as Sale;
      const name = seg(sale, i);
      addSaleUnchecked(acc, sale, typeof name === "string" && name.length > 0 ? name : checkSegment<S>(name, i, fn, "sales"), fn, "sales", i);
    }
  } else {
    let i = 0;
    for (const sale of list) {
      const name = seg(sale, i);
      addSaleUnchecked(acc, sale, typeof name === "string" && name.length > 0 ? name : checkSegment<S>(name, i, fn, "sales"), fn, "sales", i);
      i += 1;
    }
  }
  return finalizeAccumulator<S>(acc, fn);
}
