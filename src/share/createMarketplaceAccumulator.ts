import { createImpl, parseMarketplaceOptions } from "./_lib/marketplace.js";
import type { MarketplaceAccumulator, MarketplaceAccumulatorOptions } from "./types.js";

/**
 * Create an empty marketplace accumulator: one pass over an order log gathers every figure of a
 * marketplace report (#13).
 *
 * Feed it with {@link addMarketplaceSale} (a {@link Sale} with a `Money`, or a
 * {@link MinorUnitSale} with integer minor units), {@link accumulateMarketplace} /
 * {@link accumulateMarketplaceAsync} (any iterable); combine shards with {@link mergeMarketplaceAccumulators}; read everything with
 * {@link finalizeMarketplace}; store with `JSON.stringify` ({@link MarketplaceAccumulatorJSON})
 * and restore with {@link marketplaceAccumulatorFromJSON}. A warehouse that has already
 * aggregated the log builds the same state with {@link marketplaceAccumulatorFromAggregates}.
 *
 * It keeps, in integer minor units (exact, no float): totals (GMV, units, orders) per segment and
 * per period; per seller its segment, net total within `options.sellerInterval`, order count and
 * first-sale day (or, with `sellerTotals: "grouped"`, those folded into threshold counts,
 * brackets, Σx, Σx², the top-k totals and first-sale counts as each seller ends). Memory:
 * O(segments × periods) plus one record per seller (`"keep"`), or flat in the number of sellers
 * (`"grouped"`).
 *
 * Every seller belongs to one segment (a sale mapping a seller to another segment throws: use
 * {@link createShareAccumulator} for a share by product line).
 *
 * @param options - `currency` (required), `period` (default `"quarter"`), `precision`,
 *   `segments`, `refunds`, `sellerInterval`, `sellerTotals`, `thresholds`, `brackets`, `topK`
 *   (see {@link MarketplaceAccumulatorOptions})
 * @returns a new, empty accumulator
 * @throws {@link ValidationTypeError} when `currency` is missing or an option has the wrong type
 * @throws {@link ValidationError} when an option is out of range (unknown period, precision not 0–20,
 *   unsorted thresholds or brackets, a threshold with sub-minor digits, a top-k size outside 1–10,000)
 *
 * @example
 * ```ts
 * import { addMarketplaceSale, createMarketplaceAccumulator, finalizeMarketplace, money } from "marketplace-economics";
 * const acc = createMarketplaceAccumulator({ currency: "USD", period: "year", thresholds: [money("100", "USD")], topK: [1] });
 * addMarketplaceSale(acc, { sellerId: "a", date: "2017-03-01", amountMinor: 15000 }, "smb");
 * addMarketplaceSale(acc, { sellerId: "b", date: "2017-05-01", amount: money("50", "USD") }, "smb");
 * addMarketplaceSale(acc, { sellerId: "c", date: "2017-07-01", amountMinor: 30000n }, "large");
 * const r = finalizeMarketplace(acc);
 * r.share.bySegment["smb"]?.gmvShare.toFixed(2); //=> "0.40"
 * r.sellers.above[0]?.sellers; //=> 2
 * r.sellers.topShares[0]?.share?.toFixed(2); //=> "0.60"
 * ```
 *
 * @category Share
 * @since 0.3.0
 */
export function createMarketplaceAccumulator<S extends string = string>(options: MarketplaceAccumulatorOptions<S>): MarketplaceAccumulator {
  return createImpl(parseMarketplaceOptions(options, "createMarketplaceAccumulator"));
}
