/**
 * Money in integer cents for `syntheticMarketplace`: the generator's one currency, conversion of
 * calibration amounts to whole cents, and back to `Money`. Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import { assertSameCurrency, makeMoney } from "../../_lib/money.js";
import { rangeError } from "../../_lib/validate.js";
import type { Money } from "../../money/types.js";

/** The public function every error of the generator is reported under. */
export const FN = "syntheticMarketplace";
/** The generator's currency. */
export const CURRENCY = "USD";

/** `c` cents as `Money` in {@link CURRENCY}. */
export function cents(c: number | bigint): Money {
  return makeMoney(new Decimal(`${c.toString()}e-2`), CURRENCY);
}

/** A USD amount as a safe integer number of cents; throws when it is not whole cents or out of range. */
export function toCents(m: Money, arg: string): number {
  assertSameCurrency(FN, CURRENCY, m.currency);
  const c = m.amount.times(100);
  if (!c.isInteger()) rangeError(FN, arg, ErrorCode.SUB_MINOR_UNIT, "must be whole cents", m.amount.toString(), "an amount in whole cents");
  if (c.isNegative() || c.greaterThan(Number.MAX_SAFE_INTEGER)) {
    rangeError(FN, arg, ErrorCode.OUT_OF_RANGE, "must be ≥ 0 and below 2^53 cents", m.amount.toString(), "a non-negative amount");
  }
  return c.toNumber();
}

/**
 * Units sold by a large seller or the first-party account with `annualCents` of sales, at the
 * price `meanPriceCents` (= 1 / E[1/price]): at least one unit when it sold anything.
 */
export function bulkUnits(annualCents: number, meanPriceCents: number): number {
  return annualCents > 0 ? Math.max(1, Math.round(annualCents / meanPriceCents)) : 0;
}
