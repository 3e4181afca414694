import { Decimal } from "decimal.js";
import { toRecord } from "../_lib/validate.js";
import { aprRegZ, type AprRegZInput, type AprUnitPeriod } from "../tvm/aprRegZ.js";
import { xirr } from "../tvm/xirr.js";
import type { Money } from "../money/types.js";
import type { RepaymentResult } from "./types.js";

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
  /** XIRR of the seller's flows (ACT/365F, effective annual rate), or `null` if not paid off. */
  readonly effectiveAnnualRate: Decimal | null;
  /** Regulation Z Appendix J actuarial APR (nominal annual rate), or `null` if not paid off. */
  readonly apr: Decimal | null;
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

/** @internal Dated payments of a result, as plain `{ date, amount }`. */
function paymentsOf(result: RepaymentResult): { date: Date; amount: Decimal }[] {
  const out: { date: Date; amount: Decimal }[] = [];
  for (const r of result.rows) if (!r.payment.amount.isZero()) out.push({ date: r.date, amount: r.payment.amount });
  return out;
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
 * - When the simulation did not repay everything, the rates would describe a default, not the
 *   price: they are `null` and `paidOff` is `false`.
 *
 * ## References
 * - 12 C.F.R. Part 1026, Appendix J (actuarial method).
 * - Microsoft, XIRR function documentation.
 *
 * @param result - a {@link RepaymentResult} from {@link simulateRepayment}
 * @param options - unit period for the APR
 * @returns a frozen {@link FinancingCost}
 * @throws {ValidationError} when `result` is not a repayment result
 * @throws {ConvergenceError} when a rate solver fails (not expected for a repaid financing)
 *
 * @example
 * ```ts
 * import { costOfFinancing, money, salesBasedAdvance, simulateRepayment } from "marketplace-economics";
 * const advance = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1" });
 * const sales = Array.from({ length: 300 }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: money("400", "USD") }));
 * const cost = costOfFinancing(simulateRepayment(advance, sales));
 * cost.factorRate.toString(); //=> "1.15"
 * cost.financeCharge.amount.toString(); //=> "1500"
 * cost.apr?.toDecimalPlaces(4).toString(); //=> "0.3624"
 * cost.effectiveAnnualRate?.toDecimalPlaces(4).toString(); //=> "0.4365"
 * ```
 *
 * @category Financing
 * @since 0.1.0
 */
export function costOfFinancing(result: RepaymentResult, options?: CostOfFinancingOptions): FinancingCost {
  const fn = "costOfFinancing";
  const r = toRecord(result, fn, "result");
  const o = toRecord(options, fn, "options", true);
  const res = r as unknown as RepaymentResult;
  if (!Array.isArray(res.rows) || typeof res.summary !== "object" || res.summary === null) {
    toRecord(null, fn, "result.summary");
  }
  const s = res.summary;
  const principal = s.principal;
  const paidOff = s.paidOff;
  const financeCharge = paidOff
    ? Object.freeze({ amount: s.totalPaid.amount.minus(principal.amount), currency: principal.currency })
    : s.financeCharge;
  const factorRate = (paidOff ? s.totalPaid.amount : s.totalRepayment.amount).div(principal.amount);
  let effectiveAnnualRate: Decimal | null = null;
  let apr: Decimal | null = null;
  if (paidOff) {
    const payments = paymentsOf(res);
    const flows = [{ date: s.fundedOn, amount: principal.amount }, ...payments.map((p) => ({ date: p.date, amount: p.amount.neg() }))];
    if (!financeCharge.amount.isZero()) {
      effectiveAnnualRate = xirr(flows);
    } else effectiveAnnualRate = new Decimal(0);
    const input: AprRegZInput = { amountFinanced: principal.amount, advanceDate: s.fundedOn, payments };
    apr = aprRegZ(o["unitPeriod"] === undefined ? input : { ...input, unitPeriod: o["unitPeriod"] as AprUnitPeriod });
  }
  return Object.freeze({
    principal,
    totalPaid: s.totalPaid,
    financeCharge,
    factorRate,
    paidOff,
    daysToPayoff: s.daysToPayoff,
    effectiveAnnualRate,
    apr,
  });
}

