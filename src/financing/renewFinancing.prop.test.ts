import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect } from "vitest";
import { fromMinorUnits } from "../money/fromMinorUnits.js";
import { disclosure } from "./disclosure.js";
import { earlyPayoff } from "./earlyPayoff.js";
import { renewFinancing } from "./renewFinancing.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateRepayment } from "./simulateRepayment.js";

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
});
