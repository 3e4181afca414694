import { asMarketplace } from "./_lib/marketplace.js";
import { finalizeMarketplaceImpl } from "./_lib/marketplaceFinalize.js";
import type { MarketplaceAccumulator, MarketplaceFigures } from "./types.js";

/**
 * Read every figure out of a marketplace accumulator: share by segment (whole log and per
 * period), and per segment and over all sellers the seller count, threshold counts, sales
 * brackets, new sellers by first-sale period and the concentration measures.
 *
 * ## Notes
 * - Shares: as {@link finalizeShare} (exact totals, largest-remainder rounding to `precision`,
 *   summing to exactly 1); a segment netting negative in a period throws `UNDEFINED_RESULT`.
 * - Per-seller figures use each seller's net total within `sellerInterval`: `above` counts totals
 *   strictly above each threshold (as {@link countSellersAboveSales}); `brackets` as
 *   {@link salesBrackets}. Concentration is over sellers with a positive total:
 *   HHI = 10,000·Σx²/(Σx)² (as {@link herfindahlHirschmanIndex}); Gini
 *   G = (2·Σ i·x₍ᵢ₎ − (n+1)·Σx)/(n·Σx) with x ascending (as {@link giniCoefficient}); top-k
 *   share = Σ of the k largest / Σx (as {@link topShare}). Each is computed from exact integers
 *   with one division, so it equals those functions on the same totals.
 * - New sellers: sellers by the period of their first non-refund sale (over every sale fed,
 *   not only the seller interval), every period from the first to the last.
 *
 * ## References
 * U.S. DOJ & FTC, *Merger Guidelines* (2023), §2.1 (HHI); Balinski & Young, *Fair
 * Representation* (2001), ch. 2 (largest remainder).
 *
 * @param accumulator - the accumulator (not modified)
 * @returns the figures (deep-frozen, JSON-serialisable)
 * @throws {@link ValidationTypeError} when `accumulator` is not a marketplace accumulator
 * @throws {@link ValidationError} when a segment's net GMV or units are negative (`UNDEFINED_RESULT`)
 *
 * @example
 * ```ts
 * import { accumulateMarketplace, finalizeMarketplace } from "marketplace-economics";
 * const sales = [10, 20, 30, 40].map((usd, i) => ({ sellerId: `s${i}`, date: "2017-02-01", amountMinor: usd * 100 }));
 * const r = finalizeMarketplace(accumulateMarketplace(sales, () => "smb", { currency: "USD", brackets: [2000, 3000], topK: [2] }));
 * r.sellers.hhi?.toFixed(0); //=> "3000"
 * r.sellers.gini?.toFixed(2); //=> "0.25"
 * r.sellers.brackets.map((b) => b.sellers); //=> [2, 1, 1]
 * r.sellers.topShares[0]?.share?.toFixed(2); //=> "0.70"
 * ```
 *
 * @category Share
 * @since 0.3.0
 */
export function finalizeMarketplace<S extends string = string>(accumulator: MarketplaceAccumulator): MarketplaceFigures<S> {
  const fn = "finalizeMarketplace";
  return finalizeMarketplaceImpl<S>(asMarketplace(accumulator, fn), fn);
}
