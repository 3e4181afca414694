import { toMoney } from "../_lib/money.js";
import type { Money } from "./types.js";

/**
 * Whether an amount is strictly below zero (a refund, a shortfall). `-0` is not negative.
 *
 * @param amount - the amount to test
 * @returns `true` when the amount is < 0
 * @throws {@link ValidationTypeError} when the argument is not a Money
 *
 * @example
 * ```ts
 * import { isNegative, money } from "marketplace-economics";
 * isNegative(money("-0.01", "USD")); //=> true
 * isNegative(money("-0", "USD")); //=> false
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function isNegative(amount: Money): boolean {
  return toMoney(amount, "isNegative", "amount").amount.lessThan(0);
}
