import { plainString, toMoney } from "../_lib/money.js";
import type { Money, MoneyJSON } from "./types.js";

/**
 * The JSON form of a Money: the amount as a plain decimal string (never exponent notation,
 * unlike `Decimal#toJSON` for tiny amounts) and the currency.
 *
 * @param amount - the amount
 * @returns a frozen `{ amount: string, currency: string }` (frozen since 0.2.0); {@link moneyFromJSON} reads it back
 * @throws {@link ValidationTypeError} when `amount` is not a Money
 * @throws {@link ValidationError} when its currency is unknown, or its amount is not finite or outside the amount range (below 1e30, at most 40 decimal places: the plain string has at most 72 characters)
 *
 * @example
 * ```ts
 * import { money, moneyToJSON } from "marketplace-economics";
 * moneyToJSON(money("0.00000001", "USD")); //=> { amount: "0.00000001", currency: "USD" }
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function moneyToJSON(amount: Money): MoneyJSON {
  const m = toMoney(amount, "moneyToJSON", "amount");
  return Object.freeze({ amount: plainString(m.amount), currency: m.currency });
}
