/**
 * Internal cost engine of the financing module: finance charge, factor rate, XIRR and Reg Z APR
 * of a repayment result, with one policy for a rate that cannot be expressed (#11): the rate is
 * `null` and a reason says why, and no error of the rate solver (which would name `xirr` or
 * `aprRegZ`) reaches the caller. Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";
import { ConvergenceError, ErrorCode } from "../../errors.js";
import type { AprRegZInput, AprUnitPeriod } from "../../tvm/aprRegZ.js";
import type { CashFlow } from "../../tvm/types.js";
import { makeMoney } from "../../_lib/money.js";
import { rangeError, toInteger, toOption, typeError } from "../../_lib/validate.js";
import type { Money } from "../../money/types.js";
import type { FinancingRateUnavailableReason } from "../types.js";
import { toOptions } from "./validate.js";

/** The figures {@link costOfFinancing} reports, before freezing. */
export interface CostFigures {
  readonly principal: Money;
  readonly totalPaid: Money;
  readonly financeCharge: Money;
  readonly factorRate: Decimal;
  readonly paidOff: boolean;
  readonly daysToPayoff: number | null;
  readonly effectiveAnnualRate: Decimal | null;
  readonly effectiveAnnualRateUnavailable: FinancingRateUnavailableReason | null;
  readonly apr: Decimal | null;
  readonly aprUnavailable: FinancingRateUnavailableReason | null;
}

/** The rate solvers (the public `xirr` and `aprRegZ`, passed in: a `_lib` file imports no other module's code). */
export interface CostSolvers {
  readonly xirr: (flows: readonly CashFlow[]) => Decimal;
  readonly aprRegZ: (input: AprRegZInput) => Decimal;
}

/** What the cost engine needs of a repayment result (already validated). */
export interface CostInput {
  readonly principal: Money;
  readonly totalPaid: Money;
  readonly financeCharge: Money;
  readonly totalRepayment: Money;
  readonly paidOff: boolean;
  readonly daysToPayoff: number | null;
  readonly fundedOn: Date;
  /** Dated non-zero payments, in date order. */
  readonly payments: readonly { readonly date: Date; readonly amount: Decimal }[];
}

const UNIT_NAMES = ["day", "week", "biweek", "semimonth", "month", "quarter", "semiyear", "year"] as const;

/** Validate a unit period for {@link aprRegZ} under the caller's function name; a fresh copy. */
export function toUnitPeriod(value: unknown, fn: string, arg: string): AprUnitPeriod {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const o = value as Readonly<Record<string, unknown>>;
    if (o["weeks"] !== undefined && o["months"] === undefined) {
      toOptions(o, fn, arg, ["weeks"], false);
      return Object.freeze({ weeks: toInteger(o["weeks"], fn, `${arg}.weeks`, 1, 52) });
    }
    if (o["months"] !== undefined && o["weeks"] === undefined) {
      toOptions(o, fn, arg, ["months"], false);
      return Object.freeze({ months: toInteger(o["months"], fn, `${arg}.months`, 1, 12) });
    }
    return typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a unit name, { weeks } or { months }", value, '"month", "week", ..., { weeks: n } or { months: n }');
  }
  return toOption(value, fn, arg, UNIT_NAMES);
}

/**
 * Run a rate solver; a `ConvergenceError` (no root in the solver's searchable range, e.g. a
 * payoff within days whose compounded rate is astronomically high) becomes `null`.
 */
function solved(solve: () => Decimal): Decimal | null {
  try {
    const r = solve();
    return r.isFinite() ? r : null;
  } catch (err) {
    if (err instanceof ConvergenceError) return null;
    throw err;
  }
}

/**
 * The cost figures of a result. Zero finance charge ⇒ both rates exactly 0 (no solver call, so
 * no 1e-15 residue); not paid off ⇒ both rates `null` with reason `"not-paid-off"`; a solver that
 * finds no rate ⇒ that rate `null` with reason `"no-rate-in-solver-range"`.
 */
export function computeCost(input: CostInput, unitPeriod: AprUnitPeriod | undefined, solvers: CostSolvers): CostFigures {
  const { principal, paidOff } = input;
  const currency = principal.currency;
  const financeCharge = paidOff ? makeMoney(input.totalPaid.amount.minus(principal.amount), currency) : input.financeCharge;
  const factorRate = (paidOff ? input.totalPaid.amount : input.totalRepayment.amount).div(principal.amount);
  let effectiveAnnualRate: Decimal | null = null;
  let apr: Decimal | null = null;
  let earReason: FinancingRateUnavailableReason | null = "not-paid-off";
  let aprReason: FinancingRateUnavailableReason | null = "not-paid-off";
  if (paidOff) {
    if (financeCharge.amount.isZero()) {
      effectiveAnnualRate = new Decimal(0);
      apr = new Decimal(0);
    } else {
      const flows = [{ date: input.fundedOn, amount: principal.amount }, ...input.payments.map((p) => ({ date: p.date, amount: p.amount.neg() }))];
      effectiveAnnualRate = solved(() => solvers.xirr(flows));
      const aprInput: AprRegZInput = { amountFinanced: principal.amount, advanceDate: input.fundedOn, payments: input.payments };
      apr = solved(() => solvers.aprRegZ(unitPeriod === undefined ? aprInput : { ...aprInput, unitPeriod }));
    }
    earReason = effectiveAnnualRate === null ? "no-rate-in-solver-range" : null;
    aprReason = apr === null ? "no-rate-in-solver-range" : null;
  }
  return {
    principal,
    totalPaid: input.totalPaid,
    financeCharge,
    factorRate,
    paidOff,
    daysToPayoff: input.daysToPayoff,
    effectiveAnnualRate,
    effectiveAnnualRateUnavailable: earReason,
    apr,
    aprUnavailable: aprReason,
  };
}

/** Throw `UNDEFINED_RESULT` naming `fn` when a result is internally inconsistent. */
export function inconsistent(fn: string, arg: string, why: string, received: unknown): never {
  return rangeError(fn, arg, ErrorCode.UNDEFINED_RESULT, `is inconsistent: ${why}`, received, "a result of simulateRepayment, unmodified");
}
