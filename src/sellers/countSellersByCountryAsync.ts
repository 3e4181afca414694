import { sellersOfAsync, toInterval } from "./_lib/core.js";
import { byCountryFold, runFoldAsync } from "./_lib/folds.js";
import type { DateInterval, Seller } from "./types.js";

/**
 * {@link countSellersByCountry} over an `AsyncIterable` of sellers; arrays and sync iterables are
 * accepted too. Same result: distinct sellers per country (`"unknown"` without one), most sellers
 * first, in O(distinct sellers) memory.
 *
 * ## Streaming
 * Read once with `for await`, in any order, never copied; each record is validated as it is read,
 * with the same paths in errors as the synchronous function. When the iterable itself throws
 * midway (a failed read, a broken cursor), the promise rejects with that original error,
 * unchanged; when a record is invalid, the iterator is closed (its `return()` runs, so a generator's
 * `finally` blocks and a stream's cleanup run) and the promise rejects with the typed error.
 *
 * @param sellers - validated sellers: an async iterable, a sync iterable or an array
 * @param interval - optional join interval `[start, end)`
 * @returns a promise of the `{ country, sellers }` rows
 * @throws {@link ValidationError} (rejects) on an invalid interval or date
 * @throws {@link ValidationTypeError} (rejects) when `sellers` is not iterable or a seller is malformed
 *
 * @example
 * ```ts
 * import { countSellersByCountryAsync, createSeller } from "marketplace-economics";
 * async function* rows() {
 *   yield createSeller({ id: "a", joinedOn: "2017-01-01", country: "US" });
 *   yield createSeller({ id: "b", joinedOn: "2017-02-01", country: "US" });
 *   yield createSeller({ id: "c", joinedOn: "2017-03-01", country: "DE" });
 * }
 * (await countSellersByCountryAsync(rows())).map((r) => [r.country, r.sellers]); //=> [["US", 2], ["DE", 1]]
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export async function countSellersByCountryAsync(sellers: AsyncIterable<Seller> | Iterable<Seller>, interval?: DateInterval): Promise<readonly { readonly country: string; readonly sellers: number }[]> {
  const fn = "countSellersByCountryAsync";
  const list = sellersOfAsync(sellers, fn);
  const iv = interval === undefined ? undefined : toInterval(interval, fn);
  return runFoldAsync(list, byCountryFold(iv));
}
