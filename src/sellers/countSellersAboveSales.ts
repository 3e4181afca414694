import { toMoney } from "../_lib/money.js";
import { toInterval, totalsBySeller } from "./_lib/core.js";
import { countAbove } from "./_lib/folds.js";
import type { Money } from "../money/types.js";
import type { Sale } from "../share/types.js";
import type { DateInterval } from "./types.js";

/**
 * Count sellers whose net sales within an interval are **more than** a threshold — "20,000 SMBs
 * had more than US$1 million in sales in 2017".
 *
 * Each seller's sales (minus refunds) dated in `[start, end)` are added; a seller counts when
 * the total is strictly greater than `threshold` (exactly $1,000,000 is not "more than
 * $1 million"). Filter the sales to SMB sellers first. Empty input → 0.
 *
 * ## Streaming
 * `sellerSales` may be an array or any `Iterable` (a generator over a file, a database cursor...),
 * read once and never copied; every sale is validated as it is read, with the same
 * `sellerSales[i]` paths in errors. Memory: one running total per distinct seller with a sale in
 * the interval — O(distinct sellers), not O(sales) — so tens of millions of sales need no
 * chunking.
 *
 * @param sellerSales - the sales, one currency: an array or any iterable
 * @param threshold - the amount to exceed, same currency as the sales
 * @param interval - `[start, end)`, e.g. `{ start: "2017-01-01", end: "2018-01-01" }`
 * @returns the number of sellers above the threshold
 * @throws {@link ValidationError} on an invalid date, amount or interval
 * @throws {@link CurrencyMismatchError} when sales or threshold mix currencies
 *
 * @example
 * ```ts
 * import { countSellersAboveSales, money } from "marketplace-economics";
 * const sale = (id: string, day: string, usd: string) => ({ sellerId: id, date: day, amount: money(usd, "USD") });
 * const sales = [sale("a", "2017-03-01", "600000"), sale("a", "2017-09-01", "500000"), sale("b", "2017-05-01", "1000000"), sale("c", "2018-01-01", "2000000")];
 * countSellersAboveSales(sales, money("1000000", "USD"), { start: "2017-01-01", end: "2018-01-01" }); //=> 1
 * // a generator: 100 sellers × 12 monthly sales of $90,000 (= $1.08M each) plus $1 for every 10th seller
 * function* monthly() {
 *   for (let s = 0; s < 100; s++) for (let m = 0; m < 12; m++) yield sale(`s${s}`, `2017-${String(m + 1).padStart(2, "0")}-15`, s % 10 === 0 && m === 0 ? "90001" : "90000");
 * }
 * countSellersAboveSales(monthly(), money("1080000", "USD"), { start: "2017-01-01", end: "2018-01-01" }); //=> 10
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export function countSellersAboveSales(sellerSales: Iterable<Sale>, threshold: Money, interval: DateInterval): number {
  const fn = "countSellersAboveSales";
  const t = toMoney(threshold, fn, "threshold");
  const iv = toInterval(interval, fn);
  return countAbove(totalsBySeller(sellerSales, fn, iv), t, fn);
}
