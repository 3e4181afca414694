import { toCurrency, makeMoney } from "../_lib/money.js";
import { toAmount } from "../_lib/validate.js";
import type { Money, NumericInput } from "./types.js";

/**
 * Create a {@link Money} from an amount and an ISO 4217 currency code.
 *
 * The amount is kept exactly as given (no rounding): `money("12.505", "USD")` is $12.505 until
 * you call {@link roundToMinor}. Prefer strings or Decimals for amounts that come from data;
 * a JS number is accepted when finite and is converted through its shortest decimal form
 * (`0.1` → `"0.1"`). A Decimal from any decimal.js copy or `Decimal.clone()` is accepted and
 * copied, digit for digit, into the library's own Decimal (so a `Decimal.set()` in the
 * application changes nothing here); the result's amount passes the application's
 * `Decimal.isDecimal` and `instanceof Decimal`.
 *
 * @param amount - amount in major units (dollars, not cents): a Decimal, a decimal string or a finite number
 * @param currency - upper-case ISO 4217 code known to `Intl` (e.g. `"USD"`, `"EUR"`, `"JPY"`)
 * @returns a frozen Money
 * @throws {@link ValidationError} when the amount is NaN, ±Infinity or not a decimal string (`INVALID_NUMBER`), outside the amount range (`OUT_OF_RANGE`: the magnitude must be below 1e30 and the amount have at most 40 decimal places), or the currency is unknown (`UNKNOWN_CURRENCY`)
 * @throws {@link ValidationTypeError} when the amount is missing or not number-like, or the currency is not a string
 *
 * @example
 * ```ts
 * import { money } from "marketplace-economics";
 * const price = money("12.50", "USD");
 * price.amount.toString(); //=> "12.5"
 * JSON.stringify(price); //=> '{"amount":"12.5","currency":"USD"}'
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function money(amount: NumericInput, currency: string): Money {
  const c = toCurrency(currency, "money");
  return makeMoney(toAmount(amount, "money", "amount"), c);
}
