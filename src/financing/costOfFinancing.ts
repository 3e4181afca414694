import type { Decimal } from "decimal.js";
import { aprRegZ, type AprUnitPeriod } from "../tvm/aprRegZ.js";
import { xirr } from "../tvm/xirr.js";
import type { Money } from "../money/types.js";
import { computeCost, toUnitPeriod } from "./_lib/cost.js";
import { readRepaymentResult } from "./_lib/run.js";
import { toOptions } from "./_lib/validate.js";
import type { FinancingRateUnavailableReason, RepaymentResult } from "./types.js";

/**
 * The true cost of a simulated financing, from {@link costOfFinancing}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface FinancingCost {
  /** Amount financed. */
  readonly principal: Money;
  /** Everything the seller paid in the simulation. */
  readonly totalPaid: Money;
  /** totalPaid − principal when paid off; the contractual charge otherwise. */
  readonly financeCharge: Money;
  /** totalPaid / principal when paid off, else (principal + fee) / principal. */
  readonly factorRate: Decimal;
  /** Whether the simulation repaid everything (rates are `null` otherwise). */
  readonly paidOff: boolean;
  /** Days from funding to payoff, or `null`. */
  readonly daysToPayoff: number | null;
  /** XIRR of the seller's flows (ACT/365F, effective annual rate); `null` with the reason in `effectiveAnnualRateUnavailable`. Exactly 0 for a zero finance charge. */
  readonly effectiveAnnualRate: Decimal | null;
  /** Why `effectiveAnnualRate` is `null`, or `null` when it is given. */
  readonly effectiveAnnualRateUnavailable: FinancingRateUnavailableReason | null;
  /** Regulation Z Appendix J actuarial APR (nominal annual rate); `null` with the reason in `aprUnavailable`. Exactly 0 for a zero finance charge. */
  readonly apr: Decimal | null;
  /** Why `apr` is `null`, or `null` when it is given. */
  readonly aprUnavailable: FinancingRateUnavailableReason | null;
}

/**
 * The {@link costOfFinancing} function options.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface CostOfFinancingOptions {
  /** Unit period passed to {@link aprRegZ} (default: its own choice, the most common payment interval). */
  readonly unitPeriod?: AprUnitPeriod;
}

/**
 * The true cost of a simulated financing: finance charge, factor rate, effective annual rate
 * (XIRR of the seller's cash flows) and the Regulation Z Appendix J APR.
 *
 * ## Notes
 * - Seller flows: `+principal` on the funding date, `−payment` on every row with a payment.
 * - `factorRate = totalPaid / principal` — a multiple, not a rate: it ignores time. The same
 *   1.15 factor is a much higher annual cost when repaid in 3 months than in 12.
 * - `effectiveAnnualRate` solves Σ flow·(1 + r)^(−days/365) = 0 ({@link xirr}, ACT/365F, the
 *   Excel XIRR convention): an effective (compounded) rate.
 * - `apr` is the actuarial APR of Regulation Z Appendix J ({@link aprRegZ}): the unit-period
 *   rate times unit periods per year, a nominal rate — the figure commercial-financing
 *   disclosure laws require (Cal. Code Regs. tit. 10 § 940; 23 NYCRR § 600.3).
 * - A zero finance charge gives both rates exactly 0 (no solver is run).
 * - **A cost that is not a rate (#11).** When the simulation did not repay everything, the rates
 *   would describe a default, not the price: both are `null` with reason `"not-paid-off"`. When a
 *   rate solver finds no rate in its searchable range (an advance repaid the day after funding
 *   has a compounded annual rate beyond any meaningful range), that rate is `null` with reason
 *   `"no-rate-in-solver-range"`; the finance charge and factor rate are still given. The same
 *   policy holds in {@link disclosure}, {@link simulateSalesScenarios} and
 *   {@link simulatePortfolio}: no solver error (named `xirr` or `aprRegZ`) reaches the caller.
 * - A `result` built by {@link simulateRepayment} is used as is; any other object (a copy, a
 *   parsed JSON) is re-validated, and its totals must agree (Σ row payments = `totalPaid`, a
 *   paid-off result owes nothing, `totalRepayment` = principal + finance charge), else
 *   `UNDEFINED_RESULT`. At most 10,036,525 rows.
 *
 * ## References
 * - 12 C.F.R. Part 1026, Appendix J (actuarial method).
 * - Microsoft, XIRR function documentation.
 *
 * @param result - a {@link RepaymentResult} from {@link simulateRepayment}
 * @param options - unit period for the APR
 * @returns a frozen {@link FinancingCost}
 * @throws {@link ValidationError} when `result` is not a repayment result, its totals disagree
 *   (`UNDEFINED_RESULT`), or `options` is `null`, has an unknown key (`UNKNOWN_OPTION`) or a bad
 *   `unitPeriod`
 * @throws {@link CurrencyMismatchError} when a re-validated result mixes currencies
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, costOfFinancing, money, salesBasedAdvance, simulateRepayment } from "marketplace-economics";
 * const advance = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1" });
 * const sales = Array.from({ length: 300 }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 2), i, "day"), amount: money("400", "USD") }));
 * const cost = costOfFinancing(simulateRepayment(advance, sales));
 * cost.factorRate.toString(); //=> "1.15"
 * cost.financeCharge.amount.toString(); //=> "1500"
 * cost.apr?.toDecimalPlaces(4).toString(); //=> "0.3624"
 * cost.effectiveAnnualRate?.toDecimalPlaces(4).toString(); //=> "0.4365"
 * // Not repaid: the rates are null, and the reason says why
 * const short = costOfFinancing(simulateRepayment(advance, sales.slice(0, 30)));
 * [short.apr, short.aprUnavailable]; //=> [null, "not-paid-off"]
 * ```
 *
 * @category Financing
 * @since 0.1.0
 */
export function costOfFinancing(result: RepaymentResult, options?: CostOfFinancingOptions): FinancingCost {
  const fn = "costOfFinancing";
  const o = toOptions(options, fn, "options", ["unitPeriod"], true);
  const input = readRepaymentResult(result, fn);
  const unitPeriod = o["unitPeriod"] === undefined ? undefined : toUnitPeriod(o["unitPeriod"], fn, "options.unitPeriod");
  return Object.freeze(computeCost(input, unitPeriod, { xirr, aprRegZ }));
}
