import { describe, expect, it } from "vitest";
import { ErrorCode, ValidationError, ValidationTypeError } from "../errors.js";
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
      accruedInterest: { amount: "0", currency: "USD" },
      accruedFrom: null,
      dayCount: null,
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
  describe('termLoanPayoff: "principal-plus-accrued-interest" (simple interest to the payoff date)', () => {
    // $12,000 at 12 % for 12 months from 2024-01-15: instalments of $1,066.19; after the first
    // (2024-02-15: interest 120.00, principal 946.19) $11,053.81 is owed; after the second
    // (2024-03-15: interest 110.54) $10,098.16. Payouts of $2,000 a day pay each on its due date.
    const loan = termLoan({ principal: usd("12000"), annualRate: "0.12", termMonths: 12, startDate: "2024-01-15" });
    const payouts = daily(Date.UTC(2024, 0, 16), 400, "2000");
    const run = simulateRepayment(loan, payouts);
    const accrued = { termLoanPayoff: "principal-plus-accrued-interest" } as const;
    it("adds R × annualRate × days / basis, half-up to the cent, from the last due date paid (hand-computed)", () => {
      // 2024-02-15 → 2024-03-01: 30/360 counts 30·1 + (1 − 15) = 16 days: 11053.81 × 0.12 × 16/360 = 58.9536… → 58.95
      const q = earlyPayoff(run, "2024-03-01", accrued);
      expect(json(q)).toEqual({
        payoffDate: "2024-03-01T00:00:00.000Z",
        paidToDate: { amount: "1066.19", currency: "USD" },
        outstandingBalance: { amount: "11053.81", currency: "USD" },
        unpaidFee: { amount: "0", currency: "USD" },
        feeRebate: { amount: "0", currency: "USD" },
        accruedInterest: { amount: "58.95", currency: "USD" },
        accruedFrom: "2024-02-15T00:00:00.000Z",
        dayCount: "30/360",
        payoffAmount: { amount: "11112.76", currency: "USD" },
      });
      // 15 actual days (2024 is a leap year): ACT/365F 11053.81 × 0.12 × 15/365 = 54.5119… → 54.51; ACT/360 × 15/360 = 55.2690… → 55.27
      expect(earlyPayoff(run, "2024-03-01", { ...accrued, dayCount: "ACT/365F" }).payoffAmount).toEqual(usd("11108.32"));
      expect(earlyPayoff(run, "2024-03-01", { ...accrued, dayCount: "ACT/360" }).accruedInterest).toEqual(usd("55.27"));
      // Before the first instalment: from the funding date, 12000 × 0.12 × 5/360 = 20
      expect(earlyPayoff(run, "2024-01-20", accrued).payoffAmount).toEqual(usd("12020"));
    });
    it("adds nothing on the day an instalment is paid; the default convention never adds interest", () => {
      const onDue = earlyPayoff(run, "2024-03-15", accrued);
      expect([onDue.outstandingBalance, onDue.accruedInterest, onDue.payoffAmount]).toEqual([usd("10098.16"), usd(0), usd("10098.16")]);
      const plain = earlyPayoff(run, "2024-03-01");
      expect([plain.payoffAmount, plain.accruedInterest, plain.accruedFrom, plain.dayCount]).toEqual([usd("11053.81"), usd(0), null, null]);
      expect(earlyPayoff(run, "2024-03-01", { termLoanPayoff: "remaining-principal" })).toEqual(plain);
    });
    it("keeps accruing over an unpaid due date: on it, the interest equals that instalment's scheduled interest", () => {
      // Payouts stop after 2024-02-20: the 2024-03-15 instalment is not paid.
      const short = simulateRepayment(loan, payouts.slice(0, 36));
      // 2024-02-15 → 2024-03-15 is 30/360 of a year: 11053.81 × 0.12 × 30/360 = 110.5381 → 110.54, the schedule's interest
      expect(earlyPayoff(short, "2024-03-15", accrued).accruedInterest).toEqual(loan.instalments[1]!.interest);
      // → 2024-04-01: 30·2 + (1 − 15) = 46 days: 11053.81 × 0.12 × 46/360 = 169.4917… → 169.49
      expect(earlyPayoff(short, "2024-04-01", accrued).payoffAmount).toEqual(usd("11223.30"));
    });
    it('a "biweek" loan defaults to ACT/364 (annualRate / 26 per 14 days)', () => {
      // $12,000 at 13 %: first instalment 2024-01-29 (interest 60.00), $11,566.66 left; 7 days later
      // 11566.66 × 0.13 × 7/364 = 28.9166… → 28.92 (half the next scheduled interest, 57.83)
      const bi = termLoan({ principal: usd("12000"), annualRate: "0.13", termMonths: 12, startDate: "2024-01-15", schedule: "biweek" });
      const q = earlyPayoff(simulateRepayment(bi, payouts), "2024-02-05", accrued);
      expect([q.dayCount, q.accruedInterest, q.payoffAmount]).toEqual(["ACT/364", usd("28.92"), usd("11595.58")]);
    });
    it("bad or conflicting options are typed errors naming the option", () => {
      const code = (f: () => unknown): string | undefined => {
        try {
          f();
        } catch (e) {
          return (e as ValidationError).code;
        }
        return undefined;
      };
      expect(code(() => earlyPayoff(run, "2024-03-01", { dayCount: "ACT/365F" }))).toBe(ErrorCode.CONFLICTING_OPTIONS);
      expect(() => earlyPayoff(run, "2024-03-01", { termLoanPayoff: "remaining-principal", dayCount: "30/360" })).toThrow(
        /^earlyPayoff: options\.dayCount applies only with options\.termLoanPayoff "principal-plus-accrued-interest"/,
      );
      const advance = simulateRepayment(salesBasedAdvance({ principal: usd(1000), fee: 100, holdbackRate: "0.1" }), daily(Date.UTC(2024, 0, 2), 200, "100"), { fundedOn: "2024-01-01" });
      expect(() => earlyPayoff(advance, "2024-01-31", accrued)).toThrow(/^earlyPayoff: options\.termLoanPayoff applies only to a term loan \(the result's product is a sales-based-advance\)/);
      expect(code(() => earlyPayoff(advance, "2024-01-31", accrued))).toBe(ErrorCode.CONFLICTING_OPTIONS);
      expect(code(() => earlyPayoff(run, "2024-03-01", { termLoanPayoff: "accrued" as never }))).toBe(ErrorCode.UNKNOWN_OPTION);
      expect(code(() => earlyPayoff(run, "2024-03-01", { ...accrued, dayCount: "ACT/ACT-ISDA" as never }))).toBe(ErrorCode.UNKNOWN_OPTION);
      expect(code(() => earlyPayoff(run, "2024-03-01", { rate: 1 } as never))).toBe(ErrorCode.UNKNOWN_OPTION);
      expect(() => earlyPayoff(run, "2024-03-01", "accrued" as never)).toThrow(ValidationTypeError);
    });
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
