import { addSaleUnchecked, parseShareOptions, ShareAccumulatorImpl } from "./_lib/accumulator.js";
import { checkSegment } from "./_lib/segment.js";
import { toFunction, typeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { AnySale, Sale, SalesShareOptions, ShareAccumulator } from "./types.js";

/**
 * Stream an `AsyncIterable` of sales (a Node.js readable stream in object mode, an async
 * generator over database pages...) into a new share accumulator, in O(segments) memory.
 * Plain `Iterable`s are accepted too.
 *
 * Rules are those of {@link addSale}; see {@link accumulateShare} for the synchronous version.
 *
 * @param sales - an async (or sync) iterable of {@link Sale}
 * @param segmentOf - maps a sale (and its 0-based position) to its segment name
 * @param options - see {@link SalesShareOptions}
 * @returns a promise of the accumulator holding the totals
 * @throws {@link ValidationTypeError} (rejects) when `sales` is not iterable or a segment is not a string
 * @throws {@link ValidationError} (rejects) on a bad sale
 * @throws {@link CurrencyMismatchError} (rejects) on mixed currencies without a converter
 *
 * @example
 * ```ts
 * import { accumulateShareAsync, calendarDay, finalizeShare, money } from "marketplace-economics";
 * async function* pages() {
 *   yield { sellerId: "a", date: calendarDay(2017, 1, 1), amount: money("10", "USD") };
 *   yield { sellerId: "b", date: calendarDay(2017, 1, 1), amount: money("30", "USD") };
 * }
 * const acc = await accumulateShareAsync(pages(), (s) => (s.sellerId === "a" ? "smb" : "large"), { precision: 2 });
 * finalizeShare(acc).bySegment["smb"]?.gmvShare.toFixed(2); //=> "0.25"
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export async function accumulateShareAsync<S extends string, T extends AnySale = AnySale>(
  sales: AsyncIterable<T> | Iterable<T>,
  segmentOf: (sale: T, index: number) => S,
  options?: SalesShareOptions<NoInfer<S>>,
): Promise<ShareAccumulator> {
  const fn = "accumulateShareAsync";
  const s = sales as Partial<AsyncIterable<Sale> & Iterable<Sale>> | null | undefined;
  if (s == null || (typeof s[Symbol.asyncIterator] !== "function" && typeof s[Symbol.iterator] !== "function")) {
    typeError(fn, "sales", s == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be iterable", sales, "an AsyncIterable or Iterable of sales");
  }
  const seg = toFunction<(sale: AnySale, index: number) => S>(segmentOf, fn, "segmentOf");
  const o = parseShareOptions(options, fn);
  const acc = new ShareAccumulatorImpl(o.currency, o.precision, o.refunds, o.declared, o.convert);
  let i = 0;
  for await (const sale of sales) {
    const name = seg(sale, i);
    addSaleUnchecked(acc, sale, typeof name === "string" && name.length > 0 ? name : checkSegment<S>(name, i, fn, "sales"), fn, "sales", i);
    i += 1;
  }
  return acc;
}
