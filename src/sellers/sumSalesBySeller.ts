import { makeMoney } from "../_internal/money.js";
import { toInterval, totalsBySeller } from "../_internal/sellers-core.js";
import type { Money } from "../money/types.js";
import type { Sale } from "../share/types.js";
import type { DateInterval } from "./types.js";

/**
 * Net sales per seller (sales minus refunds), optionally within an interval `[start, end)`.
 *
 * All sales must be in one currency (convert first). Sorted by amount, descending, then by id.
 * Empty input → `[]`.
 *
 * @param sales - the sales
 * @param interval - optional `[start, end)`
 * @returns `{ sellerId, total }` rows
 * @throws {ValidationError} on an invalid date or interval
 * @throws {CurrencyMismatchError} when sales mix currencies
 *
 * @example
 * ```ts
 * import { money, sumSalesBySeller } from "marketplace-economics";
 * const d = new Date("2017-05-01");
 * const rows = sumSalesBySeller([{ sellerId: "a", date: d, amount: money("5", "USD") }, { sellerId: "b", date: d, amount: money("7", "USD") }, { sellerId: "a", date: d, amount: money("4", "USD") }]);
 * rows.map((r) => [r.sellerId, r.total.amount.toString()]); //=> [["a", "9"], ["b", "7"]]
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export function sumSalesBySeller(sales: readonly Sale[], interval?: DateInterval): readonly { readonly sellerId: string; readonly total: Money }[] {
  const fn = "sumSalesBySeller";
  const iv = interval === undefined ? undefined : toInterval(interval, fn);
  const { totals, currency } = totalsBySeller(sales, fn, iv, "sales");
  const rows = [...totals.entries()].map(([sellerId, total]) => Object.freeze({ sellerId, total: makeMoney(total, currency as string) }));
  rows.sort((a, b) => b.total.amount.comparedTo(a.total.amount) || (a.sellerId < b.sellerId ? -1 : a.sellerId > b.sellerId ? 1 : 0));
  return Object.freeze(rows);
}
