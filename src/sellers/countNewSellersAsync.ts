import { sellersOfAsync, toInterval } from "./_lib/core.js";
import { newSellersFold, parseDistinct, runFoldAsync } from "./_lib/folds.js";
import type { CountNewSellersOptions } from "./countNewSellers.js";
import type { DateInterval, Seller } from "./types.js";

/**
 * {@link countNewSellers} over an `AsyncIterable` of sellers (rows of a seller table streamed from
 * a file or a database); arrays and sync iterables are accepted too. Same result: sellers who
 * joined in `[start, end)`, each distinct id once (or every record with `distinctIds: false`,
 * in O(1) memory).
 *
 * ## Streaming
 * Read once with `for await`, in any order, never copied; each record is validated as it is read,
 * with the same paths in errors as the synchronous function. When the iterable itself throws
 * midway (a failed read, a broken cursor), the promise rejects with that original error,
 * unchanged; when a record is invalid, the iterator is closed (its `return()` runs, so a generator's
 * `finally` blocks and a stream's cleanup run) and the promise rejects with the typed error.
 *
 * @param sellers - validated sellers ({@link createSeller}): an async iterable, a sync iterable or an array
 * @param interval - `[start, end)`, dates or ISO strings
 * @param options - `distinctIds` (default `true`)
 * @returns a promise of the number of distinct sellers with `start ≤ joinedOn < end`
 * @throws {@link ValidationError} (rejects) when the interval is empty or reversed, or a seller's date is invalid
 * @throws {@link ValidationTypeError} (rejects) when `sellers` is not iterable or a seller has no id
 *
 * @example
 * ```ts
 * import { countNewSellersAsync, createSeller } from "marketplace-economics";
 * async function* rows() {
 *   for (const [id, day] of [["a", "2016-12-31"], ["b", "2017-01-01"], ["c", "2017-07-15"], ["b", "2017-01-01"]] as const) yield createSeller({ id, joinedOn: day });
 * }
 * await countNewSellersAsync(rows(), { start: "2017-01-01", end: "2018-01-01" }); //=> 2
 * await countNewSellersAsync(rows(), { start: "2017-01-01", end: "2018-01-01" }, { distinctIds: false }); //=> 3
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export async function countNewSellersAsync(sellers: AsyncIterable<Seller> | Iterable<Seller>, interval: DateInterval, options?: CountNewSellersOptions): Promise<number> {
  const fn = "countNewSellersAsync";
  const list = sellersOfAsync(sellers, fn);
  const iv = toInterval(interval, fn);
  return runFoldAsync(list, newSellersFold(iv, parseDistinct(options, fn)));
}
