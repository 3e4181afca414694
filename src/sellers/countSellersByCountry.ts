import { sellersOf, toInterval } from "./_lib/core.js";
import { byCountryFold, runFold } from "./_lib/folds.js";
import type { DateInterval, Seller } from "./types.js";

/**
 * Number of sellers per country, for "over one million US SMBs sell on the marketplace".
 *
 * Sellers without a `country` are counted under `"unknown"`. With an `interval`, only sellers
 * who joined in `[start, end)` count (new sellers by country). Each distinct `id` counts once.
 * The result is sorted by count (descending), then by country code. Empty input → `[]`.
 *
 * ## Streaming
 * `sellers` may be an array or any `Iterable` (e.g. a generator), read once and never copied;
 * each seller is validated as it is read (an array is validated in full first, as before).
 * Memory: the set of distinct ids counted, per country — O(distinct sellers counted), which
 * "each distinct `id` counts once" requires.
 *
 * @param sellers - validated sellers (filter to SMBs first with {@link isSmallOrMediumBusiness}),
 *   an array or any iterable
 * @param interval - optional join interval `[start, end)`
 * @returns `{ country, sellers }` rows
 * @throws {@link ValidationError} on an invalid interval or date
 *
 * @example
 * ```ts
 * import { countSellersByCountry, createSeller } from "marketplace-economics";
 * const sellers = [
 *   createSeller({ id: "a", joinedOn: "2016-01-01", country: "US" }),
 *   createSeller({ id: "b", joinedOn: "2017-01-01", country: "US" }),
 *   createSeller({ id: "c", joinedOn: "2017-02-01", country: "DE" }),
 *   createSeller({ id: "d", joinedOn: "2017-03-01" }),
 * ];
 * countSellersByCountry(sellers); //=> [{ country: "US", sellers: 2 }, { country: "DE", sellers: 1 }, { country: "unknown", sellers: 1 }]
 * // a generator: 1,000 sellers, every 4th one in Germany
 * function* many() {
 *   for (let i = 0; i < 1000; i++) yield createSeller({ id: `g${i}`, joinedOn: "2017-01-01", country: i % 4 === 0 ? "DE" : "US" });
 * }
 * countSellersByCountry(many()); //=> [{ country: "US", sellers: 750 }, { country: "DE", sellers: 250 }]
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export function countSellersByCountry(sellers: Iterable<Seller>, interval?: DateInterval): readonly { readonly country: string; readonly sellers: number }[] {
  const fn = "countSellersByCountry";
  const list = sellersOf(sellers, fn);
  const iv = interval === undefined ? undefined : toInterval(interval, fn);
  return runFold(list, byCountryFold(iv));
}
