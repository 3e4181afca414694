import type { Decimal } from "decimal.js";
import { toAmount } from "./_lib/values.js";
import { assertSameCurrency } from "../_lib/money.js";
import { exactMinus } from "../_lib/decimal.js";
import type { AmountInput } from "../money/types.js";

/**
 * Result of {@link yearOverYearChange}.
 *
 * @category Share
 * @since 0.1.0
 */
export interface YearOverYearChange {
  /** current − previous (for shares: the change in percentage points, as a fraction). */
  readonly change: Decimal;
  /** current / previous − 1, or `undefined` when previous is 0 (growth from nothing is undefined). */
  readonly relative: Decimal | undefined;
}

/**
 * Change between two periods' values (GMV, units, or a share): the absolute difference and the
 * relative growth.
 *
 * ## Notes
 * change = current − previous; relative = current / previous − 1 (20 significant digits).
 * When `previous` is 0 the relative change is `undefined` (never NaN or Infinity). For a share
 * going from 0.45 to 0.50, `change` is 0.05 (5 percentage points) and `relative` 0.111….
 *
 * @param current - this period's value (number-like or Money)
 * @param previous - the same period a year earlier (same kind, same currency)
 * @returns `{ change, relative }`
 * @throws {@link ValidationError} when a value is not a finite number or is outside the amount range (magnitude below 1e30, at most 40 decimal places: the change and ratio are then always finite)
 * @throws {@link CurrencyMismatchError} when two Money values have different currencies
 *
 * @example
 * ```ts
 * import { money, yearOverYearChange } from "marketplace-economics";
 * yearOverYearChange(money("120", "USD"), money("100", "USD")).relative?.toString(); //=> "0.2"
 * yearOverYearChange("0.5", "0.45").change.toString(); //=> "0.05"
 * yearOverYearChange(10, 0).relative; //=> undefined
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function yearOverYearChange(current: AmountInput, previous: AmountInput): YearOverYearChange {
  const fn = "yearOverYearChange";
  const c = toAmount(current, fn, "current");
  const p = toAmount(previous, fn, "previous");
  if (c.currency !== undefined && p.currency !== undefined) assertSameCurrency(fn, c.currency, p.currency);
  return Object.freeze({
    change: exactMinus(c.amount, p.amount),
    relative: p.amount.isZero() ? undefined : c.amount.div(p.amount).minus(1),
  });
}
