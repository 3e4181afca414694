import type { Decimal } from "decimal.js";
import type { Money } from "../money/types.js";

/**
 * An amount accepted by the tvm functions: a `Decimal`, a decimal string, a finite number or a
 * {@link Money}. Money amounts in one call must share a currency (else `CurrencyMismatchError`).
 * Results are always `Decimal`.
 *
 * @category TVM
 * @since 0.1.0
 */
export type TvmAmount = Decimal | string | number | Money;

/**
 * A dated cash flow: negative = money paid out (an investment, a loan disbursed by the lender),
 * positive = money received. Dates are UTC calendar days (`Date` or ISO string such as
 * `"2024-03-31"`); a time of day is ignored.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface CashFlow {
  /** Day of the flow (`Date` or ISO 8601 string). */
  readonly date: Date | string;
  /** Signed amount. */
  readonly amount: TvmAmount;
}

/**
 * When periodic payments fall: at the end (`"end"`, ordinary annuity, the default of Excel and
 * numpy-financial) or the beginning (`"begin"`, annuity due) of each period.
 *
 * @category TVM
 * @since 0.1.0
 */
export type PaymentTiming = "end" | "begin";

/**
 * The {@link pmt}, {@link pv}, {@link fv} and {@link nper} function options.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface TvmOptions {
  /** Payment timing, default `"end"`. */
  readonly when?: PaymentTiming;
}
