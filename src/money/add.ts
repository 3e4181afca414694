import { assertSameCurrency, makeMoney, toMoney } from "../_lib/money.js";
import type { Money } from "./types.js";

/**
 * Add two amounts of the same currency, exactly.
 *
 * @param augend - the first amount
 * @param addend - the amount to add, in the same currency
 * @returns `augend + addend`, unrounded
 * @throws {CurrencyMismatchError} when the currencies differ
 * @throws {ValidationTypeError} when an argument is not a Money
 *
 * @example
 * ```ts
 * import { add, money } from "marketplace-economics";
 * add(money("0.1", "USD"), money("0.2", "USD")).amount.toString(); //=> "0.3"
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function add(augend: Money, addend: Money): Money {
  const a = toMoney(augend, "add", "augend");
  const b = toMoney(addend, "add", "addend");
  assertSameCurrency("add", a.currency, b.currency);
  return makeMoney(a.amount.plus(b.amount), a.currency);
}
