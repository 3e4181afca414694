import { toMoney } from "../_lib/money.js";
import type { Money } from "./types.js";

/**
 * Whether an amount is strictly above zero.
 *
 * @param amount - the amount to test
 * @returns `true` when the amount is > 0
 * @throws {@link ValidationTypeError} when the argument is not a Money
 *
 * @example
 * ```ts
 * import { isPositive, money } from "marketplace-economics";
 * isPositive(money("0.01", "USD")); //=> true
 * isPositive(money("0", "USD")); //=> false
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function isPositive(amount: Money): boolean {
  return toMoney(amount, "isPositive", "amount").amount.greaterThan(0);
}
