import { addSaleUnchecked, parseShareOptions, ShareAccumulatorImpl } from "./_lib/accumulator.js";
import { checkSegment } from "./_lib/segment.js";
import { toFunction, typeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { AnySale, Sale, SalesShareOptions, ShareAccumulator } from "./types.js";

/**
 * Stream any `Iterable` of sales (an array, a generator, a `Set`...) into a new share
 * accumulator, in one pass and O(segments) memory.
 *
 * Use it per shard, then {@link mergeAccumulators} the shards and {@link finalizeShare}. The
 * rules for currencies, refunds, units and segments are those of {@link addSale}.
 *
 * @param sales - any iterable of {@link Sale}
 * @param segmentOf - maps a sale (and its 0-based position) to its segment name
 * @param options - see {@link SalesShareOptions}
 * @returns a new accumulator holding the totals
 * @throws {@link ValidationTypeError} when `sales` is not iterable or `segmentOf` returns a non-string
 * @throws {@link ValidationError} on a bad sale (see {@link addSale})
 * @throws {@link CurrencyMismatchError} on mixed currencies without a converter
 *
 * @example
 * ```ts
 * import { accumulateShare, calendarDay, finalizeShare, money } from "marketplace-economics";
 * function* sales() {
 *   for (let i = 0; i < 4; i++) yield { sellerId: i < 3 ? "small-co" : "big-co", date: calendarDay(2017, 6, 1), amount: money("25", "USD") };
 * }
 * const acc = accumulateShare(sales(), (s) => (s.sellerId === "big-co" ? "large" : "smb"), { precision: 2 });
 * finalizeShare(acc).bySegment["smb"]?.gmvShare.toFixed(2); //=> "0.75"
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function accumulateShare<S extends string, T extends AnySale = AnySale>(sales: Iterable<T>, segmentOf: (sale: T, index: number) => S, options?: SalesShareOptions<NoInfer<S>>): ShareAccumulator {
  const fn = "accumulateShare";
  if (sales == null || typeof (sales as Partial<Iterable<Sale>>)[Symbol.iterator] !== "function") {
    typeError(fn, "sales", sales == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be iterable", sales, "an Iterable of sales (array, generator...)");
  }
  const seg = toFunction<(sale: AnySale, index: number) => S>(segmentOf, fn, "segmentOf");
  const o = parseShareOptions(options, fn);
  const acc = new ShareAccumulatorImpl(o.currency, o.precision, o.refunds, o.declared, o.convert);
  let i = 0;
  for (const sale of sales) {
    const name = seg(sale, i);
    addSaleUnchecked(acc, sale, typeof name === "string" && name.length > 0 ? name : checkSegment<S>(name, i, fn, "sales"), fn, "sales", i);
    i += 1;
  }
  return acc;
}
