import { toInterval, totalsBySeller } from "./_lib/core.js";
import { totalRows } from "./_lib/folds.js";
import type { Money } from "../money/types.js";
import type { Sale } from "../share/types.js";
import type { DateInterval } from "./types.js";

/**
 * Net sales per seller (sales minus refunds), optionally within an interval `[start, end)`.
 *
 * All sales must be in one currency (convert first). Sorted by amount, descending, then by id.
 * Empty input → `[]`.
 *
 * ## Streaming
 * `sales` may be an array or any `Iterable` (e.g. a generator), read once and never copied;
 * each sale is validated as it is read (`sales[i]` in errors). Memory: one running total per
 * distinct seller (the result itself has one row per seller), not O(sales).
 *
 * @param sales - the sales: an array or any iterable
 * @param interval - optional `[start, end)`
 * @returns `{ sellerId, total }` rows
 * @throws {@link ValidationError} on an invalid date or interval
 * @throws {@link CurrencyMismatchError} when sales mix currencies
 *
 * @example
 * ```ts
 * import { calendarDay, money, sumSalesBySeller } from "marketplace-economics";
 * const d = calendarDay(2017, 5, 1);
 * const rows = sumSalesBySeller([{ sellerId: "a", date: d, amount: money("5", "USD") }, { sellerId: "b", date: d, amount: money("7", "USD") }, { sellerId: "a", date: d, amount: money("4", "USD") }]);
 * rows.map((r) => [r.sellerId, r.total.amount.toString()]); //=> [["a", "9"], ["b", "7"]]
 * // a generator of 1,000 sales over 3 sellers, never materialised as an array
 * function* sales() {
 *   for (let i = 0; i < 1000; i++) yield { sellerId: `s${i % 3}`, date: d, amount: money("1.5", "USD") };
 * }
 * sumSalesBySeller(sales()).map((r) => [r.sellerId, r.total.amount.toString()]); //=> [["s0", "501"], ["s1", "499.5"], ["s2", "499.5"]]
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export function sumSalesBySeller(sales: Iterable<Sale>, interval?: DateInterval): readonly { readonly sellerId: string; readonly total: Money }[] {
  const fn = "sumSalesBySeller";
  const iv = interval === undefined ? undefined : toInterval(interval, fn);
  return totalRows(totalsBySeller(sales, fn, iv, "sales"));
}
