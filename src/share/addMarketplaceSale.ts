import { addMarketplaceRow, asMarketplace, assertWritable } from "./_lib/marketplace.js";
import { toNonEmptyString } from "../_lib/validate.js";
import type { AnySale, MarketplaceAccumulator } from "./types.js";

/**
 * Add one sale to a marketplace accumulator, in place, and return the same accumulator.
 *
 * The sale carries either `amount` (a {@link Money} in the accumulator's currency, a whole number
 * of its minor units) or `amountMinor` (integer minor units: a safe-integer number or a bigint);
 * the minor-unit path allocates nothing per sale. A negative amount is a refund (see
 * `options.refunds`); a sale without `units` counts 1 unit (a refund 0). Refunds are not orders
 * and do not set a seller's first-sale day.
 *
 * @param accumulator - from {@link createMarketplaceAccumulator} (never a frozen one)
 * @param sale - `{ sellerId, date, amount | amountMinor, units? }`
 * @param segment - the seller's segment (non-empty; the same for every sale of a seller)
 * @returns the same accumulator, updated
 * @throws {@link ValidationTypeError} when the accumulator, the sale or a field is of the wrong kind, or the accumulator is frozen
 * @throws {@link ValidationError} on an invalid date, a non-integer or sub-minor amount, both `amount`
 *   and `amountMinor`, non-finite units, a rejected refund, an undeclared segment or a seller
 *   given two segments (`CONFLICTING_OPTIONS`)
 * @throws {@link CurrencyMismatchError} when a `Money` is in another currency
 *
 * @example
 * ```ts
 * import { addMarketplaceSale, calendarDay, createMarketplaceAccumulator, finalizeMarketplace } from "marketplace-economics";
 * const acc = createMarketplaceAccumulator({ currency: "JPY", period: "month" });
 * addMarketplaceSale(acc, { sellerId: "s1", date: calendarDay(2017, 1, 5), amountMinor: 1200, units: 2 }, "smb");
 * addMarketplaceSale(acc, { sellerId: "s1", date: calendarDay(2017, 1, 20), amountMinor: -200 }, "smb");
 * addMarketplaceSale(acc, { sellerId: "s2", date: calendarDay(2017, 2, 5), amountMinor: 500n }, "large");
 * finalizeMarketplace(acc).byPeriod.map((p) => [p.period, p.share.total.gmv?.amount.toFixed(0)]); //=> [["2017-01", "1000"], ["2017-02", "500"]]
 * ```
 *
 * @category Share
 * @since 0.3.0
 */
export function addMarketplaceSale(accumulator: MarketplaceAccumulator, sale: AnySale, segment: string): MarketplaceAccumulator {
  const fn = "addMarketplaceSale";
  const acc = asMarketplace(accumulator, fn);
  assertWritable(acc, fn);
  if (typeof segment !== "string" || segment.length === 0) toNonEmptyString(segment, fn, "segment");
  addMarketplaceRow(acc, sale, segment, fn, "sale", -1);
  return acc;
}
