import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { makeMoney, minorDigits, toCurrency, toMinorUnitSource } from "../_lib/money.js";
import { checkAmount, rangeError, typeError } from "../_lib/validate.js";
import type { MinorUnitOptions, Money } from "./types.js";

/**
 * Build a Money from an integer count of minor units (cents, yen, fils).
 *
 * @param units - integer minor units: a `bigint`, a safe integer `number`, or an integer string
 * @param currency - upper-case ISO 4217 code
 * @param options - `{ digits: "cldr" | "iso4217" }` (since 0.2.0): where the minor-unit digits come from, see {@link MinorUnitOptions}
 * @returns the Money in major units
 * @throws {@link ValidationError} when `units` is not an integer (`NOT_INTEGER`), is an unsafe integer number (`OUT_OF_RANGE`; pass a bigint or string), is outside the amount range (`OUT_OF_RANGE`), or the currency is unknown
 * @throws {@link ValidationTypeError} when `units` is of another type
 *
 * @example
 * ```ts
 * import { fromMinorUnits } from "marketplace-economics";
 * fromMinorUnits(1250, "USD").amount.toString(); //=> "12.5"
 * fromMinorUnits(1235n, "BHD").amount.toString(); //=> "1.235"
 * fromMinorUnits(12500n, "IQD", { digits: "iso4217" }).amount.toString(); //=> "12.5"
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function fromMinorUnits(units: bigint | number | string, currency: string, options?: MinorUnitOptions): Money {
  const fn = "fromMinorUnits";
  const c = toCurrency(currency, fn);
  let d: Decimal;
  if (typeof units === "bigint") d = new Decimal(units.toString());
  else if (typeof units === "number") {
    if (!Number.isInteger(units)) rangeError(fn, "units", ErrorCode.NOT_INTEGER, "must be an integer", units, "an integer number of minor units");
    if (!Number.isSafeInteger(units)) rangeError(fn, "units", ErrorCode.OUT_OF_RANGE, "must be a safe integer", units, "a safe integer, or a bigint / integer string");
    d = new Decimal(units);
  } else if (typeof units === "string") {
    if (!/^[+-]?\d+$/.test(units)) rangeError(fn, "units", ErrorCode.NOT_INTEGER, "must be an integer string", units, "an integer number of minor units");
    d = new Decimal(units);
  } else {
    return typeError(fn, "units", units == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be an integer", units, "a bigint, safe integer or integer string");
  }
  const digits = minorDigits(c, toMinorUnitSource(options, fn));
  // Exact: moving the decimal point by `digits` places is a change of exponent, not a division.
  const amount = new Decimal(`${d.toFixed()}e-${digits}`);
  return makeMoney(checkAmount(amount, fn, "units", units), c);
}
