import { toMoney } from "../_lib/money.js";
import { toInterval, totalsBySellerAsync } from "./_lib/core.js";
import { countAbove } from "./_lib/folds.js";
import type { Money } from "../money/types.js";
import type { Sale } from "../share/types.js";
import type { DateInterval } from "./types.js";

/**
 * {@link countSellersAboveSales} over an `AsyncIterable` of sales (a Node.js object-mode stream,
 * readline, an async generator over database pages...); arrays and sync iterables are accepted
 * too. Same rules and result: sellers whose net sales in `[start, end)` are strictly above the
 * threshold, in O(distinct sellers) memory.
 *
 * ## Streaming
 * Read once with `for await`, in any order, never copied; each record is validated as it is read,
 * with the same paths in errors as the synchronous function. When the iterable itself throws
 * midway (a failed read, a broken cursor), the promise rejects with that original error,
 * unchanged; when a record is invalid, the iterator is closed (its `return()` runs, so a generator's
 * `finally` blocks and a stream's cleanup run) and the promise rejects with the typed error.
 *
 * @param sellerSales - the sales, one currency: an async iterable, a sync iterable or an array
 * @param threshold - the amount to exceed, same currency as the sales
 * @param interval - `[start, end)`, e.g. `{ start: "2017-01-01", end: "2018-01-01" }`
 * @returns a promise of the number of sellers above the threshold
 * @throws {@link ValidationTypeError} (rejects) when `sellerSales` is not iterable or a sale is malformed
 * @throws {@link ValidationError} (rejects) on an invalid date, amount or interval
 * @throws {@link CurrencyMismatchError} (rejects) when sales or threshold mix currencies
 *
 * @example
 * ```ts
 * import { countSellersAboveSalesAsync, money } from "marketplace-economics";
 * async function* pages() {
 *   yield { sellerId: "a", date: "2017-03-01", amount: money("600000", "USD") };
 *   yield { sellerId: "a", date: "2017-09-01", amount: money("500000", "USD") };
 *   yield { sellerId: "b", date: "2017-05-01", amount: money("1000000", "USD") };
 * }
 * await countSellersAboveSalesAsync(pages(), money("1000000", "USD"), { start: "2017-01-01", end: "2018-01-01" }); //=> 1
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export async function countSellersAboveSalesAsync(sellerSales: AsyncIterable<Sale> | Iterable<Sale>, threshold: Money, interval: DateInterval): Promise<number> {
  const fn = "countSellersAboveSalesAsync";
  const t = toMoney(threshold, fn, "threshold");
  const iv = toInterval(interval, fn);
  return countAbove(await totalsBySellerAsync(sellerSales, fn, iv), t, fn);
}
