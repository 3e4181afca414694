import { toInterval, totalsBySellerAsync } from "./_lib/core.js";
import { totalRows } from "./_lib/folds.js";
import type { Money } from "../money/types.js";
import type { Sale } from "../share/types.js";
import type { DateInterval } from "./types.js";

/**
 * {@link sumSalesBySeller} over an `AsyncIterable` of sales (a stream, readline, a database
 * cursor...); arrays and sync iterables are accepted too. Same result: net sales per seller,
 * largest first (ties by id), in O(distinct sellers) memory.
 *
 * ## Streaming
 * Read once with `for await`, in any order, never copied; each record is validated as it is read,
 * with the same paths in errors as the synchronous function. When the iterable itself throws
 * midway (a failed read, a broken cursor), the promise rejects with that original error,
 * unchanged; when a record is invalid, the iterator is closed (its `return()` runs, so a generator's
 * `finally` blocks and a stream's cleanup run) and the promise rejects with the typed error.
 *
 * @param sales - the sales, one currency: an async iterable, a sync iterable or an array
 * @param interval - optional `[start, end)`
 * @returns a promise of the `{ sellerId, total }` rows
 * @throws {@link ValidationTypeError} (rejects) when `sales` is not iterable or a sale is malformed
 * @throws {@link ValidationError} (rejects) on an invalid date or interval
 * @throws {@link CurrencyMismatchError} (rejects) when sales mix currencies
 *
 * @example
 * ```ts
 * import { money, sumSalesBySellerAsync } from "marketplace-economics";
 * async function* pages() {
 *   yield { sellerId: "a", date: "2017-01-02", amount: money("10", "USD") };
 *   yield { sellerId: "b", date: "2017-01-03", amount: money("25", "USD") };
 *   yield { sellerId: "a", date: "2017-02-01", amount: money("-4", "USD") };
 * }
 * (await sumSalesBySellerAsync(pages())).map((r) => [r.sellerId, r.total.amount.toFixed(2)]); //=> [["b", "25.00"], ["a", "6.00"]]
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export async function sumSalesBySellerAsync(sales: AsyncIterable<Sale> | Iterable<Sale>, interval?: DateInterval): Promise<readonly { readonly sellerId: string; readonly total: Money }[]> {
  const fn = "sumSalesBySellerAsync";
  const iv = interval === undefined ? undefined : toInterval(interval, fn);
  return totalRows(await totalsBySellerAsync(sales, fn, iv, "sales"));
}
