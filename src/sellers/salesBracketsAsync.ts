import { totalsBySellerAsync } from "./_lib/core.js";
import { bracketsOf, parseBrackets } from "./_lib/folds.js";
import type { Money } from "../money/types.js";
import type { Sale } from "../share/types.js";
import type { SalesBracket, SalesBracketsOptions } from "./salesBrackets.js";

/**
 * {@link salesBrackets} over an `AsyncIterable` of sales; arrays and sync iterables are accepted
 * too. Same result: sellers (and their combined net sales) per bracket of net sales, in
 * O(distinct sellers) memory.
 *
 * ## Streaming
 * Read once with `for await`, in any order, never copied; each record is validated as it is read,
 * with the same paths in errors as the synchronous function. When the iterable itself throws
 * midway (a failed read, a broken cursor), the promise rejects with that original error,
 * unchanged; when a record is invalid, the iterator is closed (its `return()` runs, so a generator's
 * `finally` blocks and a stream's cleanup run) and the promise rejects with the typed error.
 *
 * @param sellerSales - the sales, one currency: an async iterable, a sync iterable or an array
 * @param boundaries - strictly increasing amounts (at least one)
 * @param options - optional interval
 * @returns a promise of `boundaries.length + 1` brackets, ascending
 * @throws {@link ValidationTypeError} (rejects) when `sellerSales` is not iterable or a sale is malformed
 * @throws {@link ValidationError} (rejects) when boundaries are empty or not increasing, or a date is invalid
 * @throws {@link CurrencyMismatchError} (rejects) when amounts mix currencies
 *
 * @example
 * ```ts
 * import { money, salesBracketsAsync } from "marketplace-economics";
 * async function* pages() {
 *   yield { sellerId: "a", date: "2017-01-02", amount: money("5000", "USD") };
 *   yield { sellerId: "b", date: "2017-01-03", amount: money("50000", "USD") };
 *   yield { sellerId: "c", date: "2017-01-04", amount: money("2000000", "USD") };
 * }
 * (await salesBracketsAsync(pages(), [money("10000", "USD"), money("1000000", "USD")])).map((b) => b.sellers); //=> [1, 1, 1]
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export async function salesBracketsAsync(sellerSales: AsyncIterable<Sale> | Iterable<Sale>, boundaries: readonly Money[], options?: SalesBracketsOptions): Promise<readonly SalesBracket[]> {
  const fn = "salesBracketsAsync";
  const args = parseBrackets(boundaries, options, fn);
  return bracketsOf(await totalsBySellerAsync(sellerSales, fn, args.iv), args, fn);
}
