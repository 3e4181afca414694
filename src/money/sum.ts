import { Decimal, ExactDecimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { assertSameCurrency, makeMoney, toCurrency, toMoney } from "../_lib/money.js";
import { checkAmount, rangeError, toArray } from "../_lib/validate.js";
import type { Money } from "./types.js";

/**
 * Add up a list of amounts of one currency, exactly.
 *
 * An empty list has no currency, so it needs `currency` (and then sums to zero in it).
 *
 * @param amounts - the amounts, all in the same currency
 * @param currency - the currency of the result; required when `amounts` is empty, checked otherwise
 * @returns the exact total
 * @throws {@link CurrencyMismatchError} when the amounts (or `currency`) disagree
 * @throws {@link ValidationError} when `amounts` is empty and no `currency` is given (`EMPTY_INPUT`), or an amount or the total is outside the amount range (`OUT_OF_RANGE`)
 * @throws {@link ValidationTypeError} when `amounts` is not an array, has a hole, or holds something other than a Money
 *
 * @example
 * ```ts
 * import { money, sum } from "marketplace-economics";
 * sum([money("1.10", "USD"), money("2.20", "USD")]).amount.toString(); //=> "3.3"
 * sum([], "USD").amount.toString(); //=> "0"
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function sum(amounts: readonly Money[], currency?: string): Money {
  const list = toArray<Money>(amounts, "sum", "amounts");
  const c = currency === undefined ? undefined : toCurrency(currency, "sum");
  if (list.length === 0) {
    if (c === undefined) {
      rangeError("sum", "amounts", ErrorCode.EMPTY_INPUT, "must not be empty unless a currency is given", list, "a non-empty array, or pass the currency");
    }
    return makeMoney(new Decimal(0), c);
  }
  const first = toMoney(list[0], "sum", "amounts[0]");
  const cur = c ?? first.currency;
  assertSameCurrency("sum", cur, first.currency);
  // Exact running total: each addend is < 1e30 with ≤ 40 decimal places, so the total has at most
  // 86 digits for 2^53 addends; it is range-checked once at the end.
  let total = new ExactDecimal(first.amount);
  for (let i = 1; i < list.length; i++) {
    const m = toMoney(list[i], "sum", `amounts[${i}]`);
    assertSameCurrency("sum", cur, m.currency);
    total = total.plus(m.amount);
  }
  return makeMoney(checkAmount(new Decimal(total), "sum", "result", undefined, "(the total) is outside the supported amount range"), cur);
}
