import { describe, expect, it } from "vitest";
import { ErrorCode, ValidationError, ValidationTypeError } from "../errors.js";
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
const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as ValidationError).code;
  }
  return undefined;
};

describe('renewFinancing termLoanPayoff: "principal-plus-accrued-interest" (#14)', () => {
  // earlyPayoff's example: $12,000 at 12 % for 12 months from 2024-01-15, instalments of $1,066.19;
  // after the first (2024-02-15) $11,053.81 is owed, after the second (2024-03-15) $10,098.16.
  const loan = termLoan({ principal: usd("12000"), annualRate: "0.12", termMonths: 12, startDate: "2024-01-15" });
  const payouts = daily(Date.UTC(2024, 0, 16), 400, "2000");
  const run = simulateRepayment(loan, payouts);
  const accrued = { termLoanPayoff: "principal-plus-accrued-interest" } as const;
  const newLoan = (day: string, principal = "20000") => termLoan({ principal: usd(principal), annualRate: "0.12", termMonths: 12, startDate: day });

  it("pays off principal plus accrued interest; the interest is the unpaid finance charge refinanced (hand-computed)", () => {
    // 2024-02-15 → 2024-03-01 in 30/360: 30·1 + (1 − 15) = 16 days: 11053.81 × 0.12 × 16/360 = 58.9536… → 58.95
    const r = renewFinancing(run, newLoan("2024-03-01"), "2024-03-01", accrued);
    expect(json({ ...r, renewal: undefined, disclosureRenewal: undefined, repaidShare: undefined })).toEqual({
      renewalDate: "2024-03-01T00:00:00.000Z",
      paidToDate: { amount: "1066.19", currency: "USD" },
      outstandingBalance: { amount: "11053.81", currency: "USD" },
      unpaidFinanceCharge: { amount: "0", currency: "USD" },
      feeRebate: { amount: "0", currency: "USD" },
      accruedInterest: { amount: "58.95", currency: "USD" },
      forgiven: { amount: "0", currency: "USD" },
      // 11,053.81 + 58.95 − 0
      payoffAmount: { amount: "11112.76", currency: "USD" },
      fundingProvided: { amount: "20000", currency: "USD" },
      // 20,000 − 11,112.76
      netFundsDisbursed: { amount: "8887.24", currency: "USD" },
      // § 808(a): no prepayment charge; the unpaid interest expense not forgiven = 58.95 − 0
      unpaidFinanceChargeRefinanced: { amount: "58.95", currency: "USD" },
      doubleDipping: "Yes, $58.95",
      references: ["N.Y. Fin. Serv. Law § 808 (renewal financing)", "Conn. Gen. Stat. § 36a-864"],
    });
    expect(r.repaidShare.toString()).toBe(
      usd("1066.19")
        .amount.div(loan.instalments.reduce((a, k) => a.plus(k.amount.amount), usd(0).amount))
        .toString(),
    );
    expect(r.payoffAmount).toEqual(earlyPayoff(run, "2024-03-01", accrued).payoffAmount);
    expect(r.disclosureRenewal.accruedInterest).toEqual(usd("58.95"));
    // The default convention is unchanged: remaining principal only, nothing double-dipped.
    const plain = renewFinancing(run, newLoan("2024-03-01"), "2024-03-01");
    expect([plain.accruedInterest, plain.payoffAmount, plain.netFundsDisbursed, plain.unpaidFinanceChargeRefinanced, plain.doubleDipping]).toEqual([usd(0), usd("11053.81"), usd("8946.19"), usd(0), "No"]);
    expect(json(renewFinancing(run, newLoan("2024-03-01"), "2024-03-01", { termLoanPayoff: "remaining-principal" }))).toEqual(json(plain));
  });

  it("other day counts, the funding date before the first instalment, a due date, a biweekly loan", () => {
    // 15 actual days (leap year): ACT/365F 11053.81 × 0.12 × 15/365 = 54.5119… → 54.51; ACT/360 → 55.2690… → 55.27
    const a365 = renewFinancing(run, newLoan("2024-03-01"), "2024-03-01", { ...accrued, dayCount: "ACT/365F" });
    expect([a365.accruedInterest, a365.payoffAmount, a365.doubleDipping]).toEqual([usd("54.51"), usd("11108.32"), "Yes, $54.51"]);
    expect(renewFinancing(run, newLoan("2024-03-01"), "2024-03-01", { ...accrued, dayCount: "ACT/360" }).accruedInterest).toEqual(usd("55.27"));
    // From the funding date: 12000 × 0.12 × 5/360 = 20
    expect(renewFinancing(run, newLoan("2024-01-20"), "2024-01-20", accrued).payoffAmount).toEqual(usd("12020"));
    // On a due date paid that day: nothing accrued
    const onDue = renewFinancing(run, newLoan("2024-03-15"), "2024-03-15", accrued);
    expect([onDue.accruedInterest, onDue.payoffAmount, onDue.doubleDipping]).toEqual([usd(0), usd("10098.16"), "No"]);
    // Biweekly at 13 %: $11,566.66 after 2024-01-29; 7 days ACT/364: 11566.66 × 0.13 × 7/364 = 28.9166… → 28.92
    const bi = termLoan({ principal: usd("12000"), annualRate: "0.13", termMonths: 12, startDate: "2024-01-15", schedule: "biweek" });
    const rb = renewFinancing(simulateRepayment(bi, payouts), newLoan("2024-02-05"), "2024-02-05", accrued);
    expect([rb.accruedInterest, rb.payoffAmount, rb.netFundsDisbursed]).toEqual([usd("28.92"), usd("11595.58"), usd("8404.42")]);
  });

  it("forgiveness is counted against the accrued interest first (§ 808(a): the unpaid interest not forgiven)", () => {
    const r20 = renewFinancing(run, newLoan("2024-03-01"), "2024-03-01", { ...accrued, forgiven: usd(20) });
    // payoff 11,112.76 − 20 = 11,092.76; refinanced 58.95 − 20 = 38.95
    expect([r20.forgiven, r20.payoffAmount, r20.unpaidFinanceChargeRefinanced, r20.doubleDipping, r20.netFundsDisbursed]).toEqual([usd(20), usd("11092.76"), usd("38.95"), "Yes, $38.95", usd("8907.24")]);
    const r100 = renewFinancing(run, newLoan("2024-03-01"), "2024-03-01", { ...accrued, forgiven: 100 });
    expect([r100.payoffAmount, r100.unpaidFinanceChargeRefinanced, r100.doubleDipping]).toEqual([usd("11012.76"), usd(0), "No"]);
    // Up to the whole balance owed, principal + interest, may be forgiven
    expect(renewFinancing(run, newLoan("2024-03-01"), "2024-03-01", { ...accrued, forgiven: "11112.76" }).payoffAmount).toEqual(usd(0));
    expect(() => renewFinancing(run, newLoan("2024-03-01"), "2024-03-01", { ...accrued, forgiven: "11112.77" })).toThrow(
      /^renewFinancing: options\.forgiven must not exceed the outstanding balance plus the accrued interest/,
    );
    expect(() => renewFinancing(run, newLoan("2024-03-01"), "2024-03-01", { forgiven: "11053.82" })).toThrow(/^renewFinancing: options\.forgiven must not exceed the outstanding balance/);
  });

  it("the accrued interest counts against the new funding: net funds disbursed must stay ≥ 0", () => {
    // $11,100 covers the remaining principal (net 46.19) but not principal + interest (11,112.76)
    expect(renewFinancing(run, newLoan("2024-03-01", "11100"), "2024-03-01").netFundsDisbursed).toEqual(usd("46.19"));
    expect(() => renewFinancing(run, newLoan("2024-03-01", "11100"), "2024-03-01", accrued)).toThrow(/^renewFinancing: renewal\.principal pays off more than the new funding provides/);
    expect(code(() => renewFinancing(run, newLoan("2024-03-01", "11100"), "2024-03-01", accrued))).toBe(ErrorCode.OUT_OF_RANGE);
    expect(renewFinancing(run, newLoan("2024-03-01", "11112.76"), "2024-03-01", accrued).netFundsDisbursed).toEqual(usd(0));
  });

  it("feeds disclosure(): the same accrued interest, payoff, net funds and double-dipping figure", () => {
    const next = newLoan("2024-03-01");
    const r = renewFinancing(run, next, "2024-03-01", accrued);
    const d = disclosure(next, [], { method: "historical", jurisdiction: "NY", renewal: r.disclosureRenewal });
    expect(d.renewal!.accruedInterest).toEqual(r.accruedInterest);
    expect(d.renewal!.outstandingBalance).toEqual(r.outstandingBalance);
    expect(d.renewal!.payoffAmount).toEqual(r.payoffAmount);
    expect(d.renewal!.fundsToRecipient).toEqual(r.netFundsDisbursed);
    expect(d.renewal!.unpaidFinanceChargeRefinanced).toEqual(usd("58.95"));
    expect(d.renewal!.doubleDipping).toBe("Yes, $58.95");
    // Hand-written input: the same figures; without accruedInterest the old figures
    const byHand = disclosure(next, [], { method: "historical", renewal: { previous: loan, paidToDate: "1066.19", accruedInterest: "58.95" } });
    expect(byHand.renewal!.payoffAmount).toEqual(usd("11112.76"));
    const none = disclosure(next, [], { method: "historical", renewal: { previous: loan, paidToDate: "1066.19" } });
    expect([none.renewal!.accruedInterest, none.renewal!.payoffAmount, none.renewal!.doubleDipping]).toEqual([usd(0), usd("11053.81"), "No"]);
  });

  it("disclosure(): accrued interest on a renewal of a financing that is not a term loan is CONFLICTING_OPTIONS", () => {
    const adv = salesBasedAdvance({ principal: usd(1000), fee: 200, holdbackRate: "0.1" });
    const offer = salesBasedAdvance({ principal: usd(2000), fee: 300, holdbackRate: "0.1" });
    const projectedSales = daily(Date.UTC(2024, 2, 2), 400, "100");
    const opts = (accruedInterest: string) => ({ method: "opt-in" as const, offerDate: "2024-03-01", projectedSales, renewal: { previous: adv, paidToDate: "900", accruedInterest } });
    expect(() => disclosure(offer, [], opts("1"))).toThrow(/^disclosure: options\.renewal\.accruedInterest applies only to a term loan being refinanced \(options\.renewal\.previous is a sales-based-advance\)/);
    expect(code(() => disclosure(offer, [], opts("1")))).toBe(ErrorCode.CONFLICTING_OPTIONS);
    expect(disclosure(offer, [], opts("0")).renewal!.payoffAmount).toEqual(usd(300));
    expect(code(() => disclosure(offer, [], { ...opts("0"), renewal: { previous: loan, paidToDate: "1066.19", accruedInterest: "-1" } }))).toBeDefined();
  });

  it("bad or conflicting options are typed errors naming renewFinancing and the option, as in earlyPayoff", () => {
    const next = newLoan("2024-03-01");
    expect(code(() => renewFinancing(run, next, "2024-03-01", { dayCount: "ACT/365F" }))).toBe(ErrorCode.CONFLICTING_OPTIONS);
    expect(() => renewFinancing(run, next, "2024-03-01", { termLoanPayoff: "remaining-principal", dayCount: "30/360" })).toThrow(
      /^renewFinancing: options\.dayCount applies only with options\.termLoanPayoff "principal-plus-accrued-interest" \(options\.termLoanPayoff is "remaining-principal"\)/,
    );
    const adv = simulateRepayment(salesBasedAdvance({ principal: usd(1000), fee: 200, holdbackRate: "0.1" }), daily(Date.UTC(2024, 0, 2), 300, "100"), { fundedOn: "2024-01-01" });
    const offer = salesBasedAdvance({ principal: usd(2000), fee: 300, holdbackRate: "0.1" });
    expect(() => renewFinancing(adv, offer, "2024-03-31", accrued)).toThrow(/^renewFinancing: options\.termLoanPayoff applies only to a term loan \(the previous financing's product is a sales-based-advance\)/);
    expect(code(() => renewFinancing(adv, offer, "2024-03-31", accrued))).toBe(ErrorCode.CONFLICTING_OPTIONS);
    // The default, or "remaining-principal" spelled out, is fine for an advance
    expect(renewFinancing(adv, offer, "2024-03-31", { termLoanPayoff: "remaining-principal" }).accruedInterest).toEqual(usd(0));
    expect(code(() => renewFinancing(run, next, "2024-03-01", { termLoanPayoff: "accrued" as never }))).toBe(ErrorCode.UNKNOWN_OPTION);
    expect(code(() => renewFinancing(run, next, "2024-03-01", { ...accrued, dayCount: "ACT/ACT-ISDA" as never }))).toBe(ErrorCode.UNKNOWN_OPTION);
    expect(() => renewFinancing(run, next, "2024-03-01", { termLoanPayoff: 1 as never })).toThrow(ValidationError);
    try {
      renewFinancing(run, next, "2024-03-01", { dayCount: "ACT/360" });
    } catch (e) {
      expect((e as { fn: string }).fn).toBe("renewFinancing");
    }
    expect(() => renewFinancing(run, next, "2024-03-01", "accrued" as never)).toThrow(ValidationTypeError);
  });

  it("works on a JSON copy of the result", () => {
    expect(json(renewFinancing(json(run), newLoan("2024-03-01"), "2024-03-01", accrued))).toEqual(json(renewFinancing(run, newLoan("2024-03-01"), "2024-03-01", accrued)));
  });
});
