import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { earlyPayoff } from "./earlyPayoff.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateRepayment } from "./simulateRepayment.js";
import { termLoan } from "./termLoan.js";

const usd = (a: string | number) => money(a, "USD");
const DAY = 86_400_000;
const daily = (startUtc: number, n: number, amount: string) => Array.from({ length: n }, (_, i) => ({ date: new Date(startUtc + i * DAY), amount: usd(amount) }));
const json = (x: unknown) => JSON.parse(JSON.stringify(x));

describe("earlyPayoff (#14)", () => {
  const sales = daily(Date.UTC(2024, 0, 2), 200, "100");
  it("an advance: $300 paid after 30 days, $800 left of which 100 × 800/1100 = $72.73 is unpaid fee", () => {
    const none = earlyPayoff(simulateRepayment(salesBasedAdvance({ principal: usd(1000), fee: 100, holdbackRate: "0.1" }), sales, { fundedOn: "2024-01-01" }), "2024-01-31");
    expect(json(none)).toEqual({
      payoffDate: "2024-01-31T00:00:00.000Z",
      paidToDate: { amount: "300", currency: "USD" },
      outstandingBalance: { amount: "800", currency: "USD" },
      unpaidFee: { amount: "72.73", currency: "USD" },
      feeRebate: { amount: "0", currency: "USD" },
      payoffAmount: { amount: "800", currency: "USD" },
    });
    const half = earlyPayoff(simulateRepayment(salesBasedAdvance({ principal: usd(1000), fee: 100, holdbackRate: "0.1", prepaymentFeeRebate: "0.5" }), sales, { fundedOn: "2024-01-01" }), "2024-01-31");
    // 0.5 × 72.727… rounded half-even from the rounded unpaid fee 72.73: 36.365 → 36.36.
    expect(half.feeRebate).toEqual(usd("36.36"));
    expect(half.payoffAmount).toEqual(usd("763.64"));
  });
  it("a term loan: remaining principal after the instalments paid; fees withheld at funding not counted", () => {
    const loan = termLoan({ principal: usd("12000"), annualRate: "0.12", termMonths: 12, startDate: "2024-01-15", originationFee: 240 });
    const r = simulateRepayment(loan, daily(Date.UTC(2024, 0, 16), 400, "2000"));
    // After 3 instalments (2024-02-15, 03-15, 04-15) the schedule's remaining principal.
    const p = earlyPayoff(r, "2024-04-20");
    expect(p.paidToDate.amount.toString()).toBe(
      loan.instalments
        .slice(0, 3)
        .reduce((a, k) => a + Number(k.amount.amount), 0)
        .toFixed(2),
    );
    expect(p.outstandingBalance).toEqual(loan.instalments[2]!.remainingPrincipal);
    expect(p.unpaidFee).toEqual(usd(0));
  });
  it("works on a JSON copy of the result", () => {
    const r = simulateRepayment(salesBasedAdvance({ principal: usd(1000), fee: 100, holdbackRate: "0.1" }), sales, { fundedOn: "2024-01-01" });
    expect(json(earlyPayoff(json(r), "2024-01-31"))).toEqual(json(earlyPayoff(r, "2024-01-31")));
  });
  it("a payoff date before funding, or after payoff, is a typed error naming payoffDate", () => {
    const r = simulateRepayment(salesBasedAdvance({ principal: usd(1000), fee: 100, holdbackRate: "0.1" }), sales, { fundedOn: "2024-01-01" });
    expect(() => earlyPayoff(r, "2023-12-31")).toThrow(/^earlyPayoff: payoffDate must not be before the funding date 2024-01-01/);
    expect(() => earlyPayoff(r, "2024-12-31")).toThrow(/^earlyPayoff: payoffDate is on or after the day the financing was repaid/);
  });
});
