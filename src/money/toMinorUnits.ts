import { ErrorCode } from "../errors.js";
import { minorDigits, scaleToMinor, toMinorUnitSource, toMoney } from "../_lib/money.js";
import { rangeError } from "../_lib/validate.js";
import type { MinorUnitOptions, Money } from "./types.js";

/**
 * Convert an amount to an integer count of its currency's minor units (cents), as a `bigint`
 * so that no amount is ever too large to be exact.
 *
 * @param amount - the amount; must be a whole number of minor units (round it first with {@link roundToMinor})
 * @param options - `{ digits: "cldr" | "iso4217" }` (since 0.2.0): where the minor-unit digits come from, see {@link MinorUnitOptions}
 * @returns the amount in minor units, e.g. `1250n` for $12.50
 * @throws {@link ValidationError} when the amount has sub-minor-unit digits (`SUB_MINOR_UNIT`), or `options.digits` is unknown (`UNKNOWN_OPTION`)
 *
 * @example
 * ```ts
 * import { money, toMinorUnits } from "marketplace-economics";
 * toMinorUnits(money("12.50", "USD")); //=> 1250n
 * toMinorUnits(money("1500", "JPY")); //=> 1500n
 * toMinorUnits(money("12.5", "IQD"), { digits: "iso4217" }); //=> 12500n
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function toMinorUnits(amount: Money, options?: MinorUnitOptions): bigint {
  const m = toMoney(amount, "toMinorUnits", "amount");
  const digits = minorDigits(m.currency, toMinorUnitSource(options, "toMinorUnits"));
  if (m.amount.decimalPlaces() > digits) {
    rangeError("toMinorUnits", "amount", ErrorCode.SUB_MINOR_UNIT, `must be a whole number of minor units (${digits} decimal places for ${m.currency})`, m.amount, "an amount rounded with roundToMinor");
  }
  return BigInt(scaleToMinor(m.amount, digits).toFixed(0));
}
