import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { disclosure } from "./disclosure.js";
import { earlyPayoff } from "./earlyPayoff.js";
import { renewFinancing } from "./renewFinancing.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateRepayment } from "./simulateRepayment.js";
import { termLoan } from "./termLoan.js";

const usd = (a: string | number) => money(a, "USD");
const DAY = 86_400_000;
const daily = (startUtc: number, n: number, amount: string) => Array.from({ length: n }, (_, i) => ({ date: new Date(startUtc + i * DAY), amount: usd(amount) }));
const json = (x: unknown) => JSON.parse(JSON.stringify(x));
const sales = daily(Date.UTC(2024, 0, 2), 300, "100");

describe("renewFinancing (#14)", () => {
  const first = salesBasedAdvance({ principal: usd(1000), fee: 200, holdbackRate: "0.1" });
  const run = simulateRepayment(first, sales, { fundedOn: "2024-01-01" });
  const next = salesBasedAdvance({ principal: usd(2000), fee: 300, holdbackRate: "0.1" });

  it("an advance at 75 % repaid: payoff, net funds and the § 808(a) prepayment charge", () => {
    // $10 a day from 2024-01-02: $900 of $1,200 by 2024-03-31.
    const r = renewFinancing(run, next, "2024-03-31", { minRepaidShare: "0.75" });
    expect(json({ ...r, renewal: undefined, disclosureRenewal: undefined })).toEqual({
      renewalDate: "2024-03-31T00:00:00.000Z",
      repaidShare: "0.75",
      paidToDate: { amount: "900", currency: "USD" },
      outstandingBalance: { amount: "300", currency: "USD" },
      // fee × outstanding / total = 200 × 300 / 1,200
      unpaidFinanceCharge: { amount: "50", currency: "USD" },
      feeRebate: { amount: "0", currency: "USD" },
      accruedInterest: { amount: "0", currency: "USD" },
      forgiven: { amount: "0", currency: "USD" },
      payoffAmount: { amount: "300", currency: "USD" },
      fundingProvided: { amount: "2000", currency: "USD" },
      netFundsDisbursed: { amount: "1700", currency: "USD" },
      // § 808(a): original finance charge × payoff / total repayment − forgiven = 200 × 300 / 1,200 − 0
      unpaidFinanceChargeRefinanced: { amount: "50", currency: "USD" },
      doubleDipping: "Yes, $50.00",
      references: ["N.Y. Fin. Serv. Law § 808 (renewal financing)", "Conn. Gen. Stat. § 36a-864"],
    });
    expect(r.renewal).toBe(next);
    expect(Object.isFrozen(r)).toBe(true);
  });

  it("feeds the renewal disclosure: the same payoff, net funds and double-dipping figure", () => {
    const r = renewFinancing(run, next, "2024-03-31");
    const d = disclosure(next, sales.slice(0, 90), { method: "historical", offerDate: r.renewalDate, jurisdiction: "NY", renewal: r.disclosureRenewal });
    expect(d.renewal!.payoffAmount).toEqual(r.payoffAmount);
    expect(d.renewal!.fundsToRecipient).toEqual(r.netFundsDisbursed);
    expect(d.renewal!.unpaidFinanceChargeRefinanced).toEqual(r.unpaidFinanceChargeRefinanced);
    expect(d.renewal!.doubleDipping).toBe(r.doubleDipping);
  });

  it("a prepayment fee rebate is forgiven: payoff = earlyPayoff's amount, § 808(a) subtracts the forgiven part", () => {
    const rebated = salesBasedAdvance({ principal: usd(1000), fee: 200, holdbackRate: "0.1", prepaymentFeeRebate: "0.5" });
    const rr = simulateRepayment(rebated, sales, { fundedOn: "2024-01-01" });
    const r = renewFinancing(rr, next, "2024-03-31", { forgiven: usd(10) });
    // rebate = 0.5 × 50 = 25; forgiven = 25 + 10 = 35; payoff = 300 − 35 = 265
    expect(r.feeRebate).toEqual(usd(25));
    expect(r.forgiven).toEqual(usd(35));
    expect(r.payoffAmount).toEqual(usd(265));
    expect(earlyPayoff(rr, "2024-03-31").payoffAmount).toEqual(usd(275));
    // 200 × 265 / 1,200 − 35 = 44.1666… − 35 = 9.17 (half-even)
    expect(r.unpaidFinanceChargeRefinanced).toEqual(usd("9.17"));
    expect(r.netFundsDisbursed).toEqual(usd(1735));
  });

  it("a PayPal-style loan with a 90-day minimum: the minimum top-ups count as paid", () => {
    const paypal = salesBasedAdvance({ principal: usd(9500), fee: 500, holdbackRate: "0.15", minimumPayment: { rate: "0.1", everyDays: 90, forDays: 540 } });
    // $5 a day of holdback: the 90-day minimum of $1,000 tops up $550 at day 90.
    const rr = simulateRepayment(paypal, daily(Date.UTC(2024, 0, 2), 400, "33.33"), { fundedOn: "2024-01-01" });
    const paidBy = rr.rows.filter((x) => x.date.getTime() <= Date.UTC(2024, 3, 30)).reduce((a, x) => a + Number(x.payment.amount), 0);
    const r = renewFinancing(rr, salesBasedAdvance({ principal: usd(12000), fee: 700, holdbackRate: "0.15" }), "2024-04-30");
    expect(Number(r.paidToDate.amount)).toBeCloseTo(paidBy, 2);
    expect(rr.summary.totalTopUps.amount.greaterThan(0)).toBe(true);
    expect(r.outstandingBalance.amount.toString()).toBe(String(10000 - Number(r.paidToDate.amount.toString())));
    expect(r.unpaidFinanceChargeRefinanced).toEqual(usd(r.outstandingBalance.amount.times(500).div(10000).toDecimalPlaces(2, 6).toString()));
  });

  it("a term loan with an origination fee: paid off at its remaining principal, nothing double-dipped; the new loan's amount financed funds it", () => {
    const loan = termLoan({ principal: usd(12000), annualRate: "0.12", termMonths: 12, startDate: "2024-01-15", originationFee: 240 });
    const rr = simulateRepayment(loan, daily(Date.UTC(2024, 0, 16), 400, "2000"));
    const renewal = termLoan({ principal: usd(15000), annualRate: "0.12", termMonths: 12, startDate: "2024-10-20", originationFee: 300 });
    const r = renewFinancing(rr, renewal, "2024-10-20");
    // Nine instalments paid (2024-02-15 … 2024-10-15).
    expect(r.outstandingBalance).toEqual(loan.instalments[8]!.remainingPrincipal);
    expect(r.unpaidFinanceChargeRefinanced).toEqual(usd(0));
    expect(r.doubleDipping).toBe("No");
    expect(r.fundingProvided).toEqual(usd(14700));
    expect(r.netFundsDisbursed.amount.toString()).toBe(usd(14700).amount.minus(r.payoffAmount.amount).toString());
    expect(r.repaidShare.toFixed(4)).toBe("0.7500");
  });

  it("works on a JSON copy of the result", () => {
    expect(json(renewFinancing(json(run), next, "2024-03-31"))).toEqual(json(renewFinancing(run, next, "2024-03-31")));
  });

  it("contradictory terms are typed errors naming the function and the field", () => {
    expect(() => renewFinancing(run, next, "2023-12-31")).toThrow(/^renewFinancing: renewalDate must not be before the funding date 2024-01-01/);
    expect(() => renewFinancing(run, next, "2024-12-31")).toThrow(/^renewFinancing: renewalDate is on or after the day the financing was repaid/);
    expect(() => renewFinancing(run, next, "2024-03-01", { minRepaidShare: "0.75" })).toThrow(
      /^renewFinancing: renewalDate is before the existing financing is 75 % repaid \(options.minRepaidShare\): 50 % is repaid/,
    );
    const small = salesBasedAdvance({ principal: usd(200), fee: 20, holdbackRate: "0.1" });
    expect(() => renewFinancing(run, small, "2024-03-31")).toThrow(/^renewFinancing: renewal.principal pays off more than the new funding provides/);
    expect(() => renewFinancing(run, next, "2024-03-31", { forgiven: 301 })).toThrow(/^renewFinancing: options.forgiven must not exceed the outstanding balance/);
    expect(() => renewFinancing(run, termLoan({ principal: usd(2000), annualRate: "0.1", termMonths: 6, startDate: "2024-04-01" }), "2024-03-31")).toThrow(
      /^renewFinancing: renewal.startDate must be the renewal date 2024-03-31/,
    );
    expect(() => renewFinancing(run, salesBasedAdvance({ principal: money(2000, "EUR"), fee: 1, holdbackRate: "0.1" }), "2024-03-31")).toThrow(/currency/i);
    expect(() => renewFinancing(run, next, "2024-03-31", { minRepaidShare: "1.5" })).toThrow(/^renewFinancing: options.minRepaidShare/);
    expect(() => renewFinancing(run, next, "2024-03-31", { bogus: 1 } as never)).toThrow(/^renewFinancing: options/);
    for (const f of [() => renewFinancing(run, next, "2023-12-31"), () => renewFinancing(run, small, "2024-03-31")]) {
      try {
        f();
      } catch (e) {
        expect((e as { fn: string }).fn).toBe("renewFinancing");
      }
    }
  });
});
