import { exactMinus } from "../_lib/decimal.js";
import { assertSameCurrency, makeMoney, toMoney } from "../_lib/money.js";
import { checkAmount } from "../_lib/validate.js";
import type { Money } from "./types.js";

/**
 * Subtract one amount from another of the same currency, exactly: every digit is kept at any
 * size the library accepts (README "Conventions"), whatever precision a `Decimal.set()` gave the
 * application's decimal.js.
 *
 * @param minuend - the amount to subtract from
 * @param subtrahend - the amount to subtract, in the same currency
 * @returns `minuend − subtrahend`, unrounded (may be negative)
 * @throws {@link CurrencyMismatchError} when the currencies differ
 * @throws {@link ValidationTypeError} when an argument is not a Money
 * @throws {@link ValidationError} when an amount, or the difference, is outside the amount range (`OUT_OF_RANGE`)
 *
 * @example
 * ```ts
 * import { money, subtract } from "marketplace-economics";
 * subtract(money("10", "EUR"), money("0.01", "EUR")).amount.toString(); //=> "9.99"
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function subtract(minuend: Money, subtrahend: Money): Money {
  const a = toMoney(minuend, "subtract", "minuend");
  const b = toMoney(subtrahend, "subtract", "subtrahend");
  assertSameCurrency("subtract", a.currency, b.currency);
  return makeMoney(checkAmount(exactMinus(a.amount, b.amount), "subtract", "result", undefined, "(the difference) is outside the supported amount range"), a.currency);
}
