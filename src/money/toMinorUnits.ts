import { Decimal } from "decimal.js";
import { ErrorCode } from "../errors.js";
import { minorDigits, toMoney } from "../_lib/money.js";
import { rangeError } from "../_lib/validate.js";
import type { Money } from "./types.js";

/**
 * Convert an amount to an integer count of its currency's minor units (cents), as a `bigint`
 * so that no amount is ever too large to be exact.
 *
 * @param amount - the amount; must be a whole number of minor units (round it first with {@link roundToMinor})
 * @returns the amount in minor units, e.g. `1250n` for $12.50
 * @throws {ValidationError} when the amount has sub-minor-unit digits (`SUB_MINOR_UNIT`)
 *
 * @example
 * ```ts
 * import { money, toMinorUnits } from "marketplace-economics";
 * toMinorUnits(money("12.50", "USD")); //=> 1250n
 * toMinorUnits(money("1500", "JPY")); //=> 1500n
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function toMinorUnits(amount: Money): bigint {
  const m = toMoney(amount, "toMinorUnits", "amount");
  const digits = minorDigits(m.currency);
  const scaled = m.amount.times(new Decimal(10).pow(digits));
  if (!scaled.isInteger()) {
    rangeError("toMinorUnits", "amount", ErrorCode.SUB_MINOR_UNIT, `must be a whole number of minor units (${digits} decimal places for ${m.currency})`, m.amount, "an amount rounded with roundToMinor");
  }
  return BigInt(scaled.toFixed(0));
}
