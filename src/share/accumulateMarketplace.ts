import { addMarketplaceRow, createImpl, parseMarketplaceOptions } from "./_lib/marketplace.js";
import { toSyncIterable } from "../_lib/iterate.js";
import { checkSegment } from "./_lib/segment.js";
import { toFunction } from "../_lib/validate.js";
import type { AnySale, MarketplaceAccumulator, MarketplaceAccumulatorOptions } from "./types.js";

/**
 * Stream an array or any `Iterable` of sales into a new marketplace accumulator, in one pass.
 *
 * The rules per sale are those of {@link addMarketplaceSale}; `segmentOf` maps each sale to its
 * seller's segment. Use {@link accumulateMarketplaceAsync} for an `AsyncIterable` (a stream, a
 * database cursor). Then {@link finalizeMarketplace}, or merge shards with
 * {@link mergeMarketplaceAccumulators}.
 *
 * @param sales - an array or iterable of {@link AnySale} (`Money` or `amountMinor`), read once
 * @param segmentOf - maps a sale (and its 0-based position) to a non-empty segment name
 * @param options - see {@link MarketplaceAccumulatorOptions} (`currency` required)
 * @returns a new accumulator
 * @throws {@link ValidationTypeError} when `sales` is not iterable, `segmentOf` is not a function or returns a non-string
 * @throws {@link ValidationError} on a bad sale or option (see {@link addMarketplaceSale})
 * @throws {@link CurrencyMismatchError} when a `Money` is in another currency
 *
 * @example
 * ```ts
 * import { accumulateMarketplace, finalizeMarketplace } from "marketplace-economics";
 * function* log() {
 *   for (let i = 0; i < 10; i++) yield { sellerId: `s${i % 4}`, date: "2017-06-01", amountMinor: 1000 * (i % 4 + 1) };
 * }
 * const r = finalizeMarketplace(accumulateMarketplace(log(), (s) => (s.sellerId === "s3" ? "large" : "smb"), { currency: "USD", topK: [1] }));
 * [r.sellers.sellers, r.share.bySegment["large"]?.gmv.amount.toFixed(2), r.sellers.topShares[0]?.share?.toFixed(4)]; //=> [4, "80.00", "0.3478"]
 * ```
 *
 * @category Share
 * @since 0.3.0
 */
export function accumulateMarketplace<S extends string, T extends AnySale = AnySale>(
  sales: Iterable<T>,
  segmentOf: (sale: T, index: number) => S,
  options: MarketplaceAccumulatorOptions<NoInfer<S>>,
): MarketplaceAccumulator {
  const fn = "accumulateMarketplace";
  const list = toSyncIterable<T>(sales, fn, "sales", "sales");
  const seg = toFunction<(sale: T, index: number) => S>(segmentOf, fn, "segmentOf");
  const acc = createImpl(parseMarketplaceOptions(options, fn));
  let i = 0;
  for (const sale of list) {
    const name = seg(sale, i);
    addMarketplaceRow(acc, sale, typeof name === "string" && name.length > 0 ? name : checkSegment<S>(name, i, fn, "sales"), fn, "sales", i);
    i += 1;
  }
  return acc;
}
