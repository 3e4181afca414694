import { addMarketplaceRow, createImpl, parseMarketplaceOptions } from "./_lib/marketplace.js";
import { toAnyIterable } from "../_lib/iterate.js";
import { checkSegment } from "./_lib/segment.js";
import { toFunction } from "../_lib/validate.js";
import type { AnySale, MarketplaceAccumulator, MarketplaceAccumulatorOptions } from "./types.js";

/**
 * Stream an `AsyncIterable` of sales (a Node.js stream in object mode, `readline` lines mapped
 * to sales, a database cursor) — or an array or sync iterable — into a new marketplace
 * accumulator, in one pass. The asynchronous twin of {@link accumulateMarketplace} (the library's
 * rule: `fn` takes arrays and iterables, `fnAsync` also async iterables and returns a promise).
 *
 * @param sales - an async or sync iterable (or array) of {@link AnySale}, read once
 * @param segmentOf - maps a sale (and its 0-based position) to a non-empty segment name
 * @param options - see {@link MarketplaceAccumulatorOptions} (`currency` required)
 * @returns a promise of the new accumulator
 * @throws {@link ValidationTypeError} (rejects) when `sales` is not iterable or `segmentOf` returns a non-string
 * @throws {@link ValidationError} (rejects) on a bad sale or option (see {@link addMarketplaceSale})
 * @throws {@link CurrencyMismatchError} (rejects) when a `Money` is in another currency
 *
 * @example
 * ```ts
 * import { accumulateMarketplaceAsync, finalizeMarketplace } from "marketplace-economics";
 * async function* cursor() {
 *   yield { sellerId: "a", date: "2017-01-15", amountMinor: 2500n };
 *   yield { sellerId: "b", date: "2017-04-15", amountMinor: 7500n };
 * }
 * const acc = await accumulateMarketplaceAsync(cursor(), (s) => (s.sellerId === "a" ? "smb" : "large"), { currency: "EUR" });
 * finalizeMarketplace(acc).byPeriod.map((p) => p.period); //=> ["2017-Q1", "2017-Q2"]
 * ```
 *
 * @category Share
 * @since 0.3.0
 */
export async function accumulateMarketplaceAsync<S extends string, T extends AnySale = AnySale>(
  sales: AsyncIterable<T> | Iterable<T>,
  segmentOf: (sale: T, index: number) => S,
  options: MarketplaceAccumulatorOptions<NoInfer<S>>,
): Promise<MarketplaceAccumulator> {
  const fn = "accumulateMarketplaceAsync";
  const list = toAnyIterable<T>(sales, fn, "sales", "sales");
  const seg = toFunction<(sale: T, index: number) => S>(segmentOf, fn, "segmentOf");
  const acc = createImpl(parseMarketplaceOptions(options, fn));
  let i = 0;
  const add = (sale: T): void => {
    const name = seg(sale, i);
    addMarketplaceRow(acc, sale, typeof name === "string" && name.length > 0 ? name : checkSegment<S>(name, i, fn, "sales"), fn, "sales", i);
    i += 1;
  };
  // An array or sync iterable is read without a microtask per element.
  if (typeof (list as Partial<AsyncIterable<T>>)[Symbol.asyncIterator] === "function") for await (const sale of list) add(sale);
  else for (const sale of list as Iterable<T>) add(sale);
  return acc;
}
