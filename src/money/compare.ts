import { assertSameCurrency, toMoney } from "../_lib/money.js";
import type { Money } from "./types.js";

/**
 * Compare two amounts of the same currency.
 *
 * @param a - the first amount
 * @param b - the second amount, in the same currency
 * @returns `-1` if a < b, `0` if equal, `1` if a > b (usable as an `Array.prototype.sort` comparator)
 * @throws {@link CurrencyMismatchError} when the currencies differ
 *
 * @example
 * ```ts
 * import { compare, money } from "marketplace-economics";
 * compare(money("1.5", "USD"), money("1.50", "USD")); //=> 0
 * [money("2", "USD"), money("1", "USD")].sort(compare).map((m) => m.amount.toString()); //=> ["1", "2"]
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  const x = toMoney(a, "compare", "a");
  const y = toMoney(b, "compare", "b");
  assertSameCurrency("compare", x.currency, y.currency);
  return x.amount.comparedTo(y.amount) as -1 | 0 | 1;
}
