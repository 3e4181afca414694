import { totalsBySeller } from "./_lib/core.js";
import { bracketsOf, parseBrackets } from "./_lib/folds.js";
import type { Money } from "../money/types.js";
import type { Sale } from "../share/types.js";
import type { DateInterval } from "./types.js";

/**
 * The {@link salesBrackets} function options.
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface SalesBracketsOptions {
  /** Only sales dated in `[start, end)` count. Default: all sales. */
  readonly interval?: DateInterval | undefined;
}

/**
 * One bracket of {@link salesBrackets}: sellers whose net sales are in `(above, upTo]`.
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface SalesBracket {
  /** Exclusive lower bound, `undefined` for the first bracket (no lower bound). */
  readonly above: Money | undefined;
  /** Inclusive upper bound, `undefined` for the last bracket (no upper bound). */
  readonly upTo: Money | undefined;
  /** Number of sellers in the bracket. */
  readonly sellers: number;
  /** Their combined net sales. */
  readonly total: Money;
}

/**
 * Distribution of sellers by their net sales: how many sellers sold up to $10k, $10k–$100k,
 * $100k–$1M, more than $1M…
 *
 * Brackets are `(−∞, b₀], (b₀, b₁], …, (bₙ, +∞)`: lower bounds exclusive, upper bounds inclusive,
 * so the last bracket above $1M counts exactly the sellers {@link countSellersAboveSales} counts.
 * Boundaries must be strictly increasing, in the sales' currency. Sellers with no sales in
 * the interval do not appear. Empty sales → every bracket 0 (totals in the boundaries' currency).
 *
 * ## Streaming
 * `sellerSales` may be an array or any `Iterable` (e.g. a generator), read once and never
 * copied; each sale is validated as it is read (`sellerSales[i]` in errors). `boundaries` stays
 * an array. Memory: one running total per distinct seller, O(distinct sellers), not O(sales).
 *
 * @param sellerSales - the sales, one currency: an array or any iterable
 * @param boundaries - strictly increasing amounts (at least one)
 * @param options - optional interval
 * @returns `boundaries.length + 1` brackets, ascending
 * @throws {@link ValidationError} when boundaries are empty or not increasing, or a date is invalid
 * @throws {@link CurrencyMismatchError} when amounts mix currencies
 *
 * @example
 * ```ts
 * import { calendarDay, money, salesBrackets } from "marketplace-economics";
 * const d = calendarDay(2017, 6, 1);
 * const sales = ["5000", "50000", "100000", "2500000"].map((usd, i) => ({ sellerId: `s${i}`, date: d, amount: money(usd, "USD") }));
 * salesBrackets(sales, [money("10000", "USD"), money("100000", "USD"), money("1000000", "USD")]).map((b) => b.sellers); //=> [1, 2, 0, 1]
 * // a generator: seller k sells k × $1,000 in one sale, k = 1…1000
 * function* ramp() {
 *   for (let k = 1; k <= 1000; k++) yield { sellerId: `k${k}`, date: d, amount: money(String(k * 1000), "USD") };
 * }
 * salesBrackets(ramp(), [money("10000", "USD"), money("100000", "USD")]).map((b) => b.sellers); //=> [10, 90, 900]
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export function salesBrackets(sellerSales: Iterable<Sale>, boundaries: readonly Money[], options?: SalesBracketsOptions): readonly SalesBracket[] {
  const fn = "salesBrackets";
  const args = parseBrackets(boundaries, options, fn);
  return bracketsOf(totalsBySeller(sellerSales, fn, args.iv), args, fn);
}
