import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { largestRemainder, scaleToIntegers } from "../_lib/largestRemainder.js";
import { makeMoney, minorDigits, scaleToMinor, toMinorUnitSource, toMoney } from "../_lib/money.js";
import { rangeError, toArray, toDecimal } from "../_lib/validate.js";
import type { MinorUnitOptions, Money, NumericInput } from "./types.js";

/**
 * Split an amount into parts proportional to `ratios`, exactly, by largest remainder.
 *
 * Works in the currency's minor units: each part is first floored to its exact share, then
 * the minor units left over go one at a time to the parts with the largest remainders (ties to
 * the earlier part). The parts always sum to `total` exactly, each part is within one minor
 * unit of its exact share, and a zero ratio always gets zero. A negative total is split as
 * the negation of the split of its absolute value.
 *
 * ## Notes
 * exactᵢ = total · rᵢ / Σr; partᵢ = ⌊exactᵢ⌋ + (1 minor unit if i is among the
 * (total − Σ⌊exact⌋) largest remainders). This is Hamilton's method, as used by dinero.js.
 *
 * @param total - the amount to split; must be a whole number of minor units (round it first with {@link roundToMinor})
 * @param ratios - non-negative weights (Decimal, string or number), at least one > 0; e.g. `[1, 1, 1]` or `["0.7", "0.3"]`
 * @param options - `{ digits: "cldr" | "iso4217" }` (since 0.2.0): where the minor-unit digits come from, see {@link MinorUnitOptions}
 * @returns one Money per ratio, in the same order, as a frozen array
 * @throws {@link ValidationError} when `total` has sub-minor-unit digits (`SUB_MINOR_UNIT`), `ratios` is empty (`EMPTY_INPUT`), a ratio is negative or all are zero (`OUT_OF_RANGE`)
 *
 * @example
 * ```ts
 * import { allocate, money } from "marketplace-economics";
 * allocate(money("100", "USD"), [1, 1, 1]).map((m) => m.amount.toString()); //=> ["33.34", "33.33", "33.33"]
 * allocate(money("0.05", "USD"), ["0.7", "0.3"]).map((m) => m.amount.toString()); //=> ["0.04", "0.01"]
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function allocate(total: Money, ratios: readonly NumericInput[], options?: MinorUnitOptions): readonly Money[] {
  const fn = "allocate";
  const t = toMoney(total, fn, "total");
  const list = toArray<NumericInput>(ratios, fn, "ratios", { nonEmpty: true });
  const rs: Decimal[] = list.map((r, i) => {
    const d = toDecimal(r, fn, `ratios[${i}]`);
    if (d.isNegative() && !d.isZero()) rangeError(fn, `ratios[${i}]`, ErrorCode.OUT_OF_RANGE, "must be ≥ 0", r, "non-negative ratios");
    return d.abs();
  });
  if (rs.every((r) => r.isZero())) {
    rangeError(fn, "ratios", ErrorCode.OUT_OF_RANGE, "must contain at least one ratio > 0", list, "non-negative ratios with a positive sum");
  }
  const digits = minorDigits(t.currency, toMinorUnitSource(options, fn));
  const scaled = scaleToMinor(t.amount, digits);
  if (!scaled.isInteger()) {
    rangeError(fn, "total", ErrorCode.SUB_MINOR_UNIT, `must be a whole number of minor units (${digits} decimal places for ${t.currency})`, t.amount, "an amount rounded with roundToMinor");
  }
  const negative = scaled.isNegative();
  const units = BigInt(scaled.abs().toFixed(0));
  const parts = largestRemainder(units, scaleToIntegers(rs), "earlier-index");
  return Object.freeze(
    parts.map((p) => {
      // Moving the decimal point is a change of exponent: exact at any size.
      const amount = new Decimal(`${p.toString()}e-${digits}`);
      return makeMoney(negative && !amount.isZero() ? amount.negated() : amount, t.currency);
    }),
  );
}
