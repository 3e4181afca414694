import type { Decimal } from "decimal.js";
import { toDecimalInRange, toInteger } from "../_lib/validate.js";
import { fromHp, hp } from "./_lib/decimal.js";
import type { NumericInput } from "../money/types.js";

/**
 * Nominal annual rate, compounded `periodsPerYear` times a year, that gives an effective annual
 * rate (Excel's `NOMINAL`): the inverse of {@link effect}.
 *
 * ## Notes
 * nominal = periodsPerYear · ((1 + effectiveRate)^(1/periodsPerYear) - 1), in 40-digit decimal
 * arithmetic, rounded to 28 significant digits, so `nominal(effect(r, n), n)` gives back r to
 * about 27 digits. Excel truncates a fractional `npery` and returns `#NUM!` for a rate ≤ 0;
 * here `periodsPerYear` must be an integer ≥ 1 and any rate above -100 % is accepted.
 *
 * ## References
 * Microsoft Excel `NOMINAL` documentation (NOMINAL(5.3543 %, 4) = 0.05250032); formulajs `NOMINAL` tests.
 *
 * @param effectiveRate - effective annual rate as a decimal (0.053543 = 5.3543 %), > -1
 * @param periodsPerYear - compounding periods per year, an integer ≥ 1
 * @returns the nominal annual rate as a decimal
 * @throws {@link ValidationError} when periodsPerYear is not an integer ≥ 1 (`NOT_INTEGER`, `OUT_OF_RANGE`) or effectiveRate is not a number > -1
 *
 * @example
 * ```ts
 * import { nominal } from "marketplace-economics";
 * nominal("0.053543", 4).toFixed(8); //=> "0.05250032"
 * ```
 *
 * @category TVM
 * @since 0.2.0
 */
export function nominal(effectiveRate: NumericInput, periodsPerYear: number): Decimal {
  const fn = "nominal";
  const m = toInteger(periodsPerYear, fn, "periodsPerYear", 1, 1_000_000);
  const r = toDecimalInRange(effectiveRate, fn, "effectiveRate", -1, undefined, { lowerOpen: true });
  const H = hp();
  const root = new H(r).plus(1).pow(new H(1).div(m)); // (1 + r)^(1/m)
  return fromHp(root.minus(1).times(m));
}
