/**
 * Internal: the interest accrued on a term loan's remaining principal since the last instalment
 * paid in full (`termLoanPayoff: "principal-plus-accrued-interest"` of earlyPayoff and
 * renewFinancing, #14), and the validation of those two options. Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";
import { thirty360Days } from "../../_lib/dayCount.js";
import { minorDigits } from "../../_lib/money.js";
import { rangeError, toOption } from "../../_lib/validate.js";
import { ErrorCode } from "../../errors.js";
import type { EarlyPayoffDayCount, TermLoanPayoffConvention } from "../earlyPayoff.js";
import type { TermLoan } from "../types.js";
import { dayDate, dayNumber } from "./engine.js";
import type { PayoffState } from "./renewal.js";
import { termLoanPaid } from "./renewal.js";

const CONVENTIONS: readonly TermLoanPayoffConvention[] = ["remaining-principal", "principal-plus-accrued-interest"];
const DAY_COUNTS: readonly EarlyPayoffDayCount[] = ["30/360", "ACT/364", "ACT/365F", "ACT/360"];

/** The validated `termLoanPayoff` / `dayCount` options. */
export interface TermLoanPayoffOptions {
  readonly convention: TermLoanPayoffConvention;
  /** The `dayCount` given, or undefined (the schedule's default applies). */
  readonly dayCount: EarlyPayoffDayCount | undefined;
}

/**
 * Read `options.termLoanPayoff` and `options.dayCount` of `o` (errors under `fn`): unknown values
 * are `UNKNOWN_OPTION`, `dayCount` without `"principal-plus-accrued-interest"` is `CONFLICTING_OPTIONS`.
 */
export function readTermLoanPayoffOptions(o: Readonly<Record<string, unknown>>, fn: string): TermLoanPayoffOptions {
  const convention = o["termLoanPayoff"] === undefined ? "remaining-principal" : toOption(o["termLoanPayoff"], fn, "options.termLoanPayoff", CONVENTIONS);
  const dayCount = o["dayCount"] === undefined ? undefined : toOption(o["dayCount"], fn, "options.dayCount", DAY_COUNTS);
  if (dayCount !== undefined && convention !== "principal-plus-accrued-interest") {
    rangeError(
      fn,
      "options.dayCount",
      ErrorCode.CONFLICTING_OPTIONS,
      `applies only with options.termLoanPayoff "principal-plus-accrued-interest" (options.termLoanPayoff is "${convention}")`,
      dayCount,
      'no dayCount, or options.termLoanPayoff: "principal-plus-accrued-interest"',
    );
  }
  return { convention, dayCount };
}

/** The accrued interest of a payoff state: 0 / null / null unless `"principal-plus-accrued-interest"`. */
export interface TermLoanAccrual {
  /** I = round_half_up(R × annualRate × max(0, t)) to the minor unit. */
  readonly accrued: Decimal;
  /** D₀, or null without accrued interest. */
  readonly accruedFrom: Date | null;
  /** The day count used, or null without accrued interest. */
  readonly dayCount: EarlyPayoffDayCount | null;
}

/**
 * The interest accrued on `st`'s remaining principal R to `st.day`: I = round_half_up(R ×
 * annualRate × max(0, yearFraction(D₀, day, dayCount))), D₀ the due date of the last instalment
 * paid in full (the funding day when none is); the day count defaults to 30/360 for a `"month"`
 * schedule and ACT/364 for `"biweek"`. `"principal-plus-accrued-interest"` for a financing that is
 * not a term loan is `CONFLICTING_OPTIONS` under `fn`, the message naming `productOf` (e.g. "the result's product").
 */
export function termLoanAccrual(st: PayoffState, opts: TermLoanPayoffOptions, fn: string, productOf: string): TermLoanAccrual {
  if (opts.convention !== "principal-plus-accrued-interest") return { accrued: new Decimal(0), accruedFrom: null, dayCount: null };
  if (st.product.kind !== "term-loan") {
    rangeError(
      fn,
      "options.termLoanPayoff",
      ErrorCode.CONFLICTING_OPTIONS,
      `applies only to a term loan (${productOf} is a ${st.product.kind})`,
      opts.convention,
      '"remaining-principal" or no termLoanPayoff for this product',
    );
  }
  const loan = st.product;
  const dayCount = opts.dayCount ?? (loan.schedule === "biweek" ? "ACT/364" : "30/360");
  const from = accrualStart(loan, st.paid, st.fundedDay);
  const t = years(from, st.day, dayCount);
  const accrued = t.greaterThan(0) ? st.outstanding.times(loan.annualRate).times(t).toDecimalPlaces(minorDigits(st.currency), Decimal.ROUND_HALF_UP) : new Decimal(0);
  return { accrued, accruedFrom: dayDate(from), dayCount };
}

/** D₀: the due date of the last instalment `paid` covers in full, or the funding day when none is (a day number). */
export function accrualStart(loan: TermLoan, paid: Decimal, fundedDay: number): number {
  const { whole } = termLoanPaid(loan, paid);
  return whole === 0 ? fundedDay : dayNumber(loan.instalments[whole - 1]!.dueDate);
}

/** Year fraction from day number `from` to `to` under `c` (negative when `to` is before `from`). */
export function years(from: number, to: number, c: EarlyPayoffDayCount): Decimal {
  if (c === "30/360") return to < from ? new Decimal(thirty360Days(to, from, c)).div(360).neg() : new Decimal(thirty360Days(from, to, c)).div(360);
  return new Decimal(to - from).div(c === "ACT/364" ? 364 : c === "ACT/365F" ? 365 : 360);
}
