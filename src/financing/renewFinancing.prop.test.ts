import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect } from "vitest";
import { fromMinorUnits } from "../money/fromMinorUnits.js";
import { disclosure } from "./disclosure.js";
import { earlyPayoff } from "./earlyPayoff.js";
import { renewFinancing } from "./renewFinancing.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateRepayment } from "./simulateRepayment.js";
import { termLoan } from "./termLoan.js";

const flat = (centsPerDay: number, days: number) => Array.from({ length: days }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: fromMinorUnits(centsPerDay, "USD") }));

describe("renewFinancing properties", () => {
  test.prop(
    [
      fc.integer({ min: 100_000, max: 5_000_000 }), // principal, cents
      fc.integer({ min: 0, max: 30 }), // fee, % of principal
      fc.integer({ min: 5, max: 30 }), // holdback, %
      fc.integer({ min: 0, max: 100 }), // prepaymentFeeRebate, %
      fc.integer({ min: 10_000, max: 200_000 }), // daily sales, cents
      fc.integer({ min: 0, max: 99 }), // renewal day, % of the term
    ],
    { numRuns: 40 },
  )("payoff + net funds = new funding; payoff = earlyPayoff's amount; 0 ≤ refinanced charge ≤ unpaid fee; disclosure agrees", (principal, feePct, holdbackPct, rebatePct, sales, at) => {
    const p = salesBasedAdvance({
      principal: fromMinorUnits(principal, "USD"),
      fee: fromMinorUnits(Math.round((principal * feePct) / 100), "USD"),
      holdbackRate: new Decimal(holdbackPct).div(100),
      prepaymentFeeRebate: new Decimal(rebatePct).div(100),
    });
    const run = simulateRepayment(p, flat(sales, 3000), { fundedOn: "2024-01-01" });
    fc.pre(run.summary.paidOff); // weak sales that do not repay within the 3,000 days are left out
    const days = run.summary.daysToPayoff!;
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(((days - 1) * at) / 100) * 86_400_000);
    const next = salesBasedAdvance({ principal: p.totalRepayment, fee: 0, holdbackRate: "0.1" });
    const r = renewFinancing(run, next, day);
    expect(r.payoffAmount.amount.plus(r.netFundsDisbursed.amount).equals(r.fundingProvided.amount)).toBe(true);
    expect(r.payoffAmount).toEqual(earlyPayoff(run, day).payoffAmount);
    expect(r.unpaidFinanceChargeRefinanced.amount.greaterThanOrEqualTo(0)).toBe(true);
    expect(r.unpaidFinanceChargeRefinanced.amount.lessThanOrEqualTo(r.unpaidFinanceCharge.amount)).toBe(true);
    expect(r.paidToDate.amount.plus(r.outstandingBalance.amount).equals(p.totalRepayment.amount)).toBe(true);
    const d = disclosure(next, [], {
      method: "opt-in",
      offerDate: day,
      projectedSales: flat(100_000, 2000).map((s, i) => ({ ...s, date: new Date(day.getTime() + (i + 1) * 86_400_000) })),
      renewal: r.disclosureRenewal,
    });
    expect(d.renewal!.payoffAmount).toEqual(r.payoffAmount);
    expect(d.renewal!.doubleDipping).toBe(r.doubleDipping);
  });

  test.prop(
    [
      fc.integer({ min: 100_000, max: 5_000_000 }), // principal, cents
      fc.integer({ min: 0, max: 3000 }), // annual rate, basis points
      fc.integer({ min: 2, max: 36 }), // term, months
      fc.constantFrom("month" as const, "biweek" as const),
      fc.constantFrom(undefined, "30/360" as const, "ACT/364" as const, "ACT/365F" as const, "ACT/360" as const),
      fc.integer({ min: 5, max: 150 }), // daily payouts, % of an instalment / 30
      fc.integer({ min: 0, max: 99 }), // renewal day, % of the term
    ],
    { numRuns: 40 },
  )(
    "a term loan renewed with accrued interest: payoff = earlyPayoff's payoffAmount with the same options; refinanced = accrued interest; disclosure agrees",
    (principal, rateBp, termMonths, schedule, dayCount, payPct, at) => {
      const loan = termLoan({
        principal: fromMinorUnits(principal, "USD"),
        annualRate: new Decimal(rateBp).div(10_000),
        termMonths,
        startDate: "2024-01-15",
        schedule,
      });
      const perDay = Math.max(1, Math.round((Number(loan.instalments[0]!.amount.amount.toString()) * 100 * payPct) / 100 / 30));
      const run = simulateRepayment(
        loan,
        flat(perDay, 4000).map((s) => ({ ...s, date: new Date(s.date.getTime() + 14 * 86_400_000) })),
      );
      const last = run.rows.length > 0 ? run.rows[run.rows.length - 1]!.date.getTime() : Date.UTC(2024, 0, 16);
      const span = Math.max(1, Math.round((last - Date.UTC(2024, 0, 15)) / 86_400_000));
      const day = new Date(Date.UTC(2024, 0, 15) + Math.floor(((span - 1) * at) / 100) * 86_400_000);
      let ep;
      const options = { termLoanPayoff: "principal-plus-accrued-interest" as const, ...(dayCount === undefined ? {} : { dayCount }) };
      try {
        ep = earlyPayoff(run, day, options);
      } catch {
        fc.pre(false); // repaid by then: nothing to renew
        return;
      }
      const next = termLoan({ principal: fromMinorUnits(ep.payoffAmount.amount.times(100).toNumber() + principal, "USD"), annualRate: "0.1", termMonths: 12, startDate: day });
      const r = renewFinancing(run, next, day, options);
      expect(r.payoffAmount).toEqual(ep.payoffAmount);
      expect(r.accruedInterest).toEqual(ep.accruedInterest);
      expect(r.outstandingBalance).toEqual(ep.outstandingBalance);
      expect(r.unpaidFinanceChargeRefinanced).toEqual(ep.accruedInterest);
      expect(r.doubleDipping).toBe(ep.accruedInterest.amount.isZero() ? "No" : `Yes, $${ep.accruedInterest.amount.toFixed(2)}`);
      expect(r.payoffAmount.amount.plus(r.netFundsDisbursed.amount).equals(r.fundingProvided.amount)).toBe(true);
      expect(r.netFundsDisbursed.amount.greaterThanOrEqualTo(0)).toBe(true);
      // Without the option: the remaining principal only, and the accrued interest is all the difference
      const plain = renewFinancing(run, next, day);
      expect(plain.payoffAmount.amount.plus(r.accruedInterest.amount).equals(r.payoffAmount.amount)).toBe(true);
      const d = disclosure(next, [], { method: "historical", renewal: r.disclosureRenewal });
      expect(d.renewal!.payoffAmount).toEqual(r.payoffAmount);
      expect(d.renewal!.unpaidFinanceChargeRefinanced).toEqual(r.unpaidFinanceChargeRefinanced);
      expect(d.renewal!.doubleDipping).toBe(r.doubleDipping);
    },
  );
});
