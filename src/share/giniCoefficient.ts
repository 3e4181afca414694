import { Decimal, exactMinus, exactSum, exactTimes } from "../_lib/decimal.js";
import { toNonNegativeValues } from "./_lib/values.js";
import { rangeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { AmountInput } from "../money/types.js";

/**
 * Gini coefficient of a distribution of sales (or any non-negative sizes): 0 when every seller
 * sells the same, approaching 1 when one seller makes all the sales.
 *
 * ## Notes
 * With x sorted ascending and 1-based ranks i:
 * G = 2 Σ i·x_(i) / (n Σx) − (n + 1) / n, which equals Σ_i Σ_j |x_i − x_j| / (2 n² x̄)
 * (the population Gini, maximum (n − 1)/n). Computed in decimal.js (20 significant digits).
 * One value, or all values equal, gives 0; all values 0 also gives 0 (perfect equality),
 * never NaN.
 *
 * ## References
 * Damgaard & Weiner, "Describing inequality in plant size or fecundity", Ecology 81 (2000);
 * OECD Glossary of Statistical Terms, "Gini index".
 *
 * @param values - non-negative sizes (numbers, numeric strings, Decimals, or Money of one currency)
 * @returns the coefficient, a Decimal in [0, 1)
 * @throws {@link ValidationError} when `values` is empty (`EMPTY_INPUT`) or a value is negative or not a number
 * @throws {@link CurrencyMismatchError} when Money values mix currencies
 *
 * @example
 * ```ts
 * import { giniCoefficient } from "marketplace-economics";
 * giniCoefficient([5, 5, 5, 5]).toString(); //=> "0"
 * giniCoefficient([0, 0, 0, 10]).toString(); //=> "0.75"
 * giniCoefficient([1, 2, 3, 4]).toString(); //=> "0.25"
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function giniCoefficient(values: readonly AmountInput[]): Decimal {
  const fn = "giniCoefficient";
  const v = toNonNegativeValues(values, fn);
  if (v.length === 0) rangeError(fn, "values", ErrorCode.EMPTY_INPUT, "must not be empty", values, "at least one value");
  v.sort((a, b) => a.comparedTo(b));
  const n = v.length;
  // Σx and Σ i·x_(i) (values sorted ascending) exactly, then one rounded division: the result
  // depends only on the multiset of values, never on their order (#11).
  const total = exactSum(v);
  const weighted = exactSum(v.map((x, i) => exactTimes(x, new Decimal(i + 1))));
  if (total.isZero()) return new Decimal(0);
  // G = (2 Σ i x_i − (n + 1) Σx) / (n Σx): one division, so equal values give exactly 0.
  const numerator = exactMinus(exactTimes(weighted, new Decimal(2)), exactTimes(total, new Decimal(n + 1)));
  const g = numerator.div(exactTimes(total, new Decimal(n)));
  return g.isZero() ? new Decimal(0) : g;
}
