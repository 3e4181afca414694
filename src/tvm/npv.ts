import type { Decimal } from "decimal.js";
import { toOption, toOptions, toDecimalInRange } from "../_lib/validate.js";
import { fromHp, hp, toHp } from "./_lib/decimal.js";
import { parseAmounts } from "./_lib/flows.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * The {@link npv} function options.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface NpvOptions {
  /**
   * `"numpy"` (default): the first amount is at t = 0 (not discounted), as numpy-financial's
   * `npv`. `"excel"`: the first amount is at t = 1 (discounted one period), as Excel's `NPV`.
   */
  readonly convention?: "numpy" | "excel";
}

/**
 * Net present value of equally spaced cash flows.
 *
 * Two conventions exist and are easy to mix up: numpy-financial's `npv` treats the first amount
 * as occurring now (t = 0), Excel's `NPV` treats it as occurring at the end of the first period
 * (t = 1). This function follows numpy by default; pass `{ convention: "excel" }` for Excel's.
 * The two differ by a factor (1 + rate): `npvExcel = npvNumpy / (1 + rate)`.
 *
 * ## Notes
 * NPV = Σᵢ aᵢ / (1 + rate)^(i + s), i = 0..n-1, with s = 0 (numpy) or s = 1 (excel).
 * Computed exactly in 40-digit decimal arithmetic and rounded to 28 significant digits.
 * `rate = 0` gives the plain sum. The rate must be > -1 (-100 %).
 *
 * ## References
 * numpy-financial `npv` (test `test_npv`: npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000]) = 122.89);
 * Microsoft Excel `NPV` function documentation.
 *
 * @param rate - discount rate per period as a decimal (0.1 = 10 %), > -1
 * @param amounts - one amount per period (Decimal, string, number or Money), at least one
 * @param options - {@link NpvOptions}
 * @returns the net present value, same unit as the amounts
 * @throws {@link ValidationError} when the rate is not a number > -1, amounts is empty or holds a non-number
 * @throws {@link CurrencyMismatchError} when Money amounts mix currencies
 *
 * @example
 * ```ts
 * import { npv } from "marketplace-economics";
 * npv("0.1", [-100, 60, 60]).toFixed(6); //=> "4.132231"
 * npv("0.1", [-100, 60, 60], { convention: "excel" }).toFixed(6); //=> "3.756574"
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function npv(rate: NumericInput, amounts: readonly AmountInput[], options?: NpvOptions): Decimal {
  const fn = "npv";
  const r = toDecimalInRange(rate, fn, "rate", -1, undefined, { lowerOpen: true });
  const opts = toOptions(options, fn, "options", ["convention"]);
  const convention = opts["convention"] === undefined ? "numpy" : toOption(opts["convention"], fn, "options.convention", ["numpy", "excel"] as const);
  const flows = parseAmounts(amounts, fn, true);
  const H = hp();
  const v = new H(1).div(toHp(r).plus(1));
  let acc = new H(0);
  let df = convention === "excel" ? v : new H(1);
  for (const a of flows.decimals ?? []) {
    acc = acc.plus(toHp(a!).times(df));
    df = df.times(v);
  }
  return fromHp(acc);
}
