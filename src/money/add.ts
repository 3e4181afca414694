import { exactPlus } from "../_lib/decimal.js";
import { assertSameCurrency, makeMoney, toMoney } from "../_lib/money.js";
import { checkAmount } from "../_lib/validate.js";
import type { Money } from "./types.js";

/**
 * Add two amounts of the same currency, exactly: every digit is kept at any size the library
 * accepts (amounts below 1e30 with at most 40 decimal places, README "Conventions"), whatever
 * precision a `Decimal.set()` gave the application's decimal.js.
 *
 * @param augend - the first amount
 * @param addend - the amount to add, in the same currency
 * @returns `augend + addend`, unrounded
 * @throws {@link CurrencyMismatchError} when the currencies differ
 * @throws {@link ValidationTypeError} when an argument is not a Money
 * @throws {@link ValidationError} when an amount, or the sum, is outside the amount range (`OUT_OF_RANGE`)
 *
 * @example
 * ```ts
 * import { add, money } from "marketplace-economics";
 * add(money("0.1", "USD"), money("0.2", "USD")).amount.toString(); //=> "0.3"
 * add(money("1234567890123456789.01", "USD"), money("0.01", "USD")).amount.toFixed(); //=> "1234567890123456789.02"
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function add(augend: Money, addend: Money): Money {
  const a = toMoney(augend, "add", "augend");
  const b = toMoney(addend, "add", "addend");
  assertSameCurrency("add", a.currency, b.currency);
  return makeMoney(checkAmount(exactPlus(a.amount, b.amount), "add", "result", undefined, "(the sum) is outside the supported amount range"), a.currency);
}
