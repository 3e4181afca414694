import type { Decimal } from "decimal.js";
import { toDecimalInRange, toInteger } from "../_lib/validate.js";
import { fromHp, hp } from "./_lib/decimal.js";
import type { NumericInput } from "../money/types.js";

/**
 * Effective annual rate of a nominal annual rate compounded `periodsPerYear` times a year (Excel's
 * `EFFECT`).
 *
 * ## Notes
 * effect = (1 + nominalRate / periodsPerYear)^periodsPerYear - 1. Exact 40-digit decimal
 * arithmetic (an integer power), rounded to 28 significant digits. Excel truncates a fractional
 * `npery` and returns `#NUM!` for a rate ≤ 0; here `periodsPerYear` must be an integer ≥ 1 (a
 * fraction throws rather than being truncated silently) and any rate above -periodsPerYear is
 * accepted (0 gives 0, a negative nominal rate a negative effective rate). The inverse is
 * {@link nominal}.
 *
 * ## References
 * Microsoft Excel `EFFECT` documentation (EFFECT(5.25 %, 4) = 0.05354267); formulajs `EFFECT` tests.
 *
 * @param nominalRate - nominal annual rate as a decimal (0.0525 = 5.25 %), > -periodsPerYear
 * @param periodsPerYear - compounding periods per year, an integer ≥ 1 (12 = monthly)
 * @returns the effective annual rate as a decimal
 * @throws {@link ValidationError} when periodsPerYear is not an integer ≥ 1 (`NOT_INTEGER`, `OUT_OF_RANGE`) or nominalRate is not a number above -periodsPerYear
 *
 * @example
 * ```ts
 * import { effect } from "marketplace-economics";
 * effect("0.0525", 4).toFixed(8); //=> "0.05354267"
 * effect("0.12", 12).toFixed(6); //=> "0.126825"
 * ```
 *
 * @category TVM
 * @since 0.2.0
 */
export function effect(nominalRate: NumericInput, periodsPerYear: number): Decimal {
  const fn = "effect";
  const m = toInteger(periodsPerYear, fn, "periodsPerYear", 1, 1_000_000);
  const r = toDecimalInRange(nominalRate, fn, "nominalRate", -m, undefined, { lowerOpen: true });
  const H = hp();
  return fromHp(new H(r).div(m).plus(1).pow(m).minus(1));
}
