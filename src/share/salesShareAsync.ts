import { addSaleUnchecked, parseShareOptions, ShareAccumulatorImpl } from "./_lib/accumulator.js";
import { finalizeAccumulator } from "./_lib/finalize.js";
import { checkSegment } from "./_lib/segment.js";
import { toAnyIterable } from "../_lib/iterate.js";
import { toFunction } from "../_lib/validate.js";
import type { AnySale, SalesShareOptions, SalesShareResult } from "./types.js";

/**
 * {@link salesShare} over an `AsyncIterable` of sales (a Node.js object-mode stream, readline, an
 * async generator over database pages...); arrays and sync iterables are accepted too. Same
 * result (the same as {@link accumulateShareAsync} then {@link finalizeShare}), in O(segments)
 * memory; sales may be `Money` sales or {@link MinorUnitSale}s (with `options.currency`).
 *
 * ## Streaming
 * Read once with `for await`, never copied; each sale is validated as it is read, with the same
 * `sales[i]` paths in errors as the synchronous function. When the iterable itself throws midway
 * (a failed read, a broken cursor), the promise rejects with that original error, unchanged; when
 * a sale is invalid, the iterator is closed (its `return()` runs, so a generator's `finally`
 * blocks and a stream's cleanup run) and the promise rejects with the typed error.
 *
 * @param sales - the sales: an async iterable, a sync iterable or an array
 * @param segmentOf - maps a sale (and its 0-based position) to its segment name
 * @param options - currency, converter, precision, declared segments, refund policy
 * @returns a promise of the totals and per-segment shares
 * @throws {@link ValidationTypeError} (rejects) when `sales` is not iterable or `segmentOf` returns a non-string
 * @throws {@link ValidationError} (rejects) on invalid dates, non-finite units, undeclared segments or rejected refunds
 * @throws {@link CurrencyMismatchError} (rejects) on mixed currencies without a converter
 *
 * @example
 * ```ts
 * import { money, salesShareAsync } from "marketplace-economics";
 * async function* pages() {
 *   yield { sellerId: "a", date: "2017-01-01", amount: money("10", "USD") };
 *   yield { sellerId: "b", date: "2017-01-01", amount: money("30", "USD") };
 * }
 * (await salesShareAsync(pages(), (s) => (s.sellerId === "a" ? "smb" : "large"), { precision: 2 })).bySegment["smb"]?.gmvShare.toFixed(2); //=> "0.25"
 * ```
 *
 * @category Share
 * @since 0.3.0
 */
export async function salesShareAsync<S extends string, T extends AnySale = AnySale>(
  sales: AsyncIterable<T> | Iterable<T>,
  segmentOf: (sale: T, index: number) => S,
  options?: SalesShareOptions<NoInfer<S>>,
): Promise<SalesShareResult<S>> {
  const fn = "salesShareAsync";
  const list = toAnyIterable<AnySale>(sales, fn, "sales", "sales");
  const seg = toFunction<(sale: AnySale, index: number) => S>(segmentOf, fn, "segmentOf");
  const o = parseShareOptions(options, fn);
  const acc = new ShareAccumulatorImpl(o.currency, o.precision, o.refunds, o.declared, o.convert);
  let i = 0;
  for await (const sale of list) {
    const name = seg(sale, i);
    addSaleUnchecked(acc, sale, typeof name === "string" && name.length > 0 ? name : checkSegment<S>(name, i, fn, "sales"), fn, "sales", i);
    i += 1;
  }
  return finalizeAccumulator<S>(acc, fn);
}
