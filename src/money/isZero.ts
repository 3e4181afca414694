import { toMoney } from "../_lib/money.js";
import type { Money } from "./types.js";

/**
 * Whether an amount is zero (`0`, `0.00`, `-0` all count).
 *
 * @param amount - the amount to test
 * @returns `true` when the amount equals zero
 * @throws {@link ValidationTypeError} when the argument is not a Money
 *
 * @example
 * ```ts
 * import { isZero, money } from "marketplace-economics";
 * isZero(money("0.00", "USD")); //=> true
 * isZero(money("0.001", "USD")); //=> false
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function isZero(amount: Money): boolean {
  return toMoney(amount, "isZero", "amount").amount.isZero();
}
