import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import { disclosure } from "./disclosure.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { termLoan } from "./termLoan.js";
import { aprRegZ } from "../tvm/aprRegZ.js";

const usd = (a: string | number) => money(a, "USD");
function daily(start: string, n: number, amount: string | ((d: Date) => string)) {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => {
    const date = new Date(t0 + i * 86_400_000);
    return { date, amount: usd(typeof amount === "string" ? amount : amount(date)) };
  });
}
const offer = salesBasedAdvance({ principal: usd("10000"), fee: 1500, holdbackRate: "0.1" });
const flat2023 = daily("2023-01-01", 365, "400");

describe("disclosure (#14)", () => {
  describe("term loans (closed-end: Cal. § 910, N.Y. Fin. Serv. Law § 804)", () => {
    const loan = termLoan({ principal: usd("12000"), annualRate: "0.12", termMonths: 12, startDate: "2024-01-15" });
    it("discloses the instalment schedule's APR, finance charge, payment and average monthly payment", () => {
      const d = disclosure(loan, [], { method: "historical", jurisdiction: "NY" });
      const payments = loan.instalments.map((k) => ({ date: k.dueDate, amount: k.amount.amount }));
      expect(d.method).toBe("closed-end");
      expect(d.estimatedApr!.equals(aprRegZ({ amountFinanced: 12000, advanceDate: "2024-01-15", payments }))).toBe(true);
      // 1 % a month on the declining balance, instalments rounded to the cent: the APR is 12.00 %
      expect(d.estimatedApr!.times(100).toFixed(2)).toBe("12.00");
      expect(d.estimatedFinanceCharge.amount.toString()).toBe(loan.fee.amount.toString());
      expect(d.estimatedPayment).toEqual({ amount: loan.instalments[0]!.amount, frequency: "month" });
      expect(d.estimatedMonthlyCost.amount.toString()).toBe(loan.totalRepayment.amount.div(12).toDecimalPlaces(2).toString());
      expect([d.averageMonthlySales, d.projectedDailySales, d.estimatedTermDays]).toEqual([null, null, 366]);
      expect([d.rules?.covered, d.rules?.aprRequired]).toEqual([true, true]);
    });
  });

  describe("New York's highest-months historical method (23 NYCRR § 600.8(b)(2))", () => {
    // 2023: $100/day except March, July and November at $1,000/day
    const hist = daily("2023-01-01", 365, (d) => ([2, 6, 10].includes(d.getUTCMonth()) ? "1000" : "100"));
    it("averages the months with the highest sales within the past twelve", () => {
      const d = disclosure(offer, hist, { method: "historical", months: 4, selection: "highest", jurisdiction: "NY" });
      // March 31,000, July 31,000, November 30,000, then the best $100/day month: a 31-day one, ties going to the most recent (December)
      expect(d.monthsUsed).toEqual(["2023-03", "2023-07", "2023-11", "2023-12"]);
      expect(d.averageMonthlySales?.amount.toString()).toBe("23775"); // (31,000 + 31,000 + 30,000 + 3,100) / 4
      const preceding = disclosure(offer, hist, { method: "historical", months: 4, jurisdiction: "NY" });
      expect(preceding.monthsUsed).toEqual(["2023-09", "2023-10", "2023-11", "2023-12"]);
    });
    it("is refused for California (§ 930(b)(2) fixes the preceding months)", () => {
      expect(() => disclosure(offer, hist, { method: "historical", months: 4, selection: "highest", jurisdiction: "CA" })).toThrow(/^disclosure: options.selection "highest" is not allowed in California/);
    });
  });

  describe("renewal (N.Y. Fin. Serv. Law § 808; Conn. Gen. Stat. § 36a-864)", () => {
    const renewalOffer = salesBasedAdvance({ principal: usd("20000"), fee: 3000, holdbackRate: "0.12" });
    // The previous $10,000 + $1,500 advance is 75 % repaid ($8,625 of $11,500): $2,875 outstanding.
    // § 808(a): prepayment charge = original finance charge × payoff / total repayment − forgiven
    //   = 1,500 × 2,875 / 11,500 = 375.
    it("gives the payoff, the unpaid finance charge refinanced and the double-dipping answer", () => {
      const d = disclosure(renewalOffer, flat2023, { method: "historical", jurisdiction: "NY", renewal: { previous: offer, paidToDate: usd("8625") } });
      const r = d.renewal!;
      expect([r.outstandingBalance.amount.toString(), r.payoffAmount.amount.toString(), r.fundsToRecipient.amount.toString()]).toEqual(["2875", "2875", "17125"]);
      expect(r.unpaidFinanceChargeRefinanced.amount.toString()).toBe("375");
      expect(r.doubleDipping).toBe("Yes, $375.00");
      expect(d.rules?.renewalSection).toBe("N.Y. Fin. Serv. Law § 808");
    });
    it("subtracts a forgiven amount (§ 808(a): minus any portion forgiven)", () => {
      // payoff 2,775; 1,500 × 2,775 / 11,500 = 361.956… − 100 = 261.96
      const r = disclosure(renewalOffer, flat2023, { method: "historical", renewal: { previous: offer, paidToDate: 8625, forgiven: 100 } }).renewal!;
      expect([r.payoffAmount.amount.toString(), r.unpaidFinanceChargeRefinanced.amount.toString(), r.doubleDipping]).toEqual(["2775", "261.96", "Yes, $261.96"]);
      const all = disclosure(renewalOffer, flat2023, { method: "historical", renewal: { previous: offer, paidToDate: 8625, forgiven: 2000 } }).renewal!;
      expect(all.doubleDipping).toBe("No");
    });
    it("pays off a refinanced term loan at its remaining principal, with nothing double-dipped", () => {
      const loan = termLoan({ principal: usd("12000"), annualRate: "0.12", termMonths: 12, startDate: "2024-01-01" });
      const next = termLoan({ principal: usd("15000"), annualRate: "0.12", termMonths: 12, startDate: "2024-09-01" });
      const paid8 = loan.instalments.slice(0, 8).reduce((a, k) => a.plus(k.amount.amount), loan.principal.amount.times(0));
      const r = disclosure(next, [], { method: "historical", renewal: { previous: loan, paidToDate: paid8 } }).renewal!;
      expect([r.payoffAmount.amount.toString(), r.doubleDipping]).toEqual([loan.instalments[7]!.remainingPrincipal.amount.toString(), "No"]);
    });
    it("rejects contradictory renewals, naming the field", () => {
      expect(() => disclosure(renewalOffer, flat2023, { method: "historical", renewal: { previous: offer, paidToDate: 11500 } })).toThrow(/^disclosure: options.renewal.paidToDate must be less than/);
      expect(() => disclosure(renewalOffer, flat2023, { method: "historical", renewal: { previous: offer, paidToDate: 8625, forgiven: 3000 } })).toThrow(/^disclosure: options.renewal.forgiven must not exceed/);
      const small = salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1" });
      expect(() => disclosure(small, flat2023, { method: "historical", renewal: { previous: offer, paidToDate: 100 } })).toThrow(/^disclosure: options.renewal pays off more than the new funding/);
      expect(() => disclosure(renewalOffer, flat2023, { method: "historical", renewal: { previous: offer, paidToDate: money("1", "EUR") } })).toThrow(CurrencyMismatchError);
    });
  });

  describe("opt-in (underwriting) method (Cal. § 931(a)(2)–(3); NY § 600.9(c)–(d))", () => {
    it("uses the provider's projection as it is", () => {
      const hist = disclosure(offer, flat2023, { method: "historical" });
      const optIn = disclosure(offer, [], { method: "opt-in", offerDate: "2024-01-01", projectedSales: daily("2024-01-02", 400, "400") });
      expect(optIn.method).toBe("opt-in");
      expect([optIn.estimatedTermDays, optIn.estimatedApr?.toString()]).toEqual([hist.estimatedTermDays, hist.estimatedApr?.toString()]);
      expect(optIn.monthsUsed).toEqual([]);
    });
    it("requires projectedSales", () => {
      expect(() => disclosure(offer, flat2023, { method: "opt-in" })).toThrow(/^disclosure: options.projectedSales is required/);
    });
  });

  describe("jurisdiction and APR display", () => {
    it("rounds the APR to the nearest ten basis points in California (§ 901(a)(5)) and leaves New York's unrounded", () => {
      expect(disclosure(offer, flat2023, { method: "historical", jurisdiction: "CA" }).displayedApr).toBe("36.2%");
      expect(disclosure(offer, flat2023, { method: "historical", jurisdiction: "NY" }).displayedApr).toBeNull();
    });
    // New-user review item 11: a New York disclosure listed California sections.
    it("lists only the jurisdiction's own sections for CA and NY, both states' without a jurisdiction or for another state", () => {
      const renewal = { previous: offer, paidToDate: usd("8625") };
      const ny = disclosure(offer, flat2023, { method: "historical", jurisdiction: "NY", renewal }).references;
      expect(ny).toEqual(["23 NYCRR § 600.8 (historical method)", "23 NYCRR §§ 600.3, 600.7", "N.Y. Fin. Serv. Law § 808 (renewal financing)"]);
      const ca = disclosure(offer, flat2023, { method: "historical", jurisdiction: "CA", aprMethod: "united-states-rule" }).references;
      expect(ca).toEqual([
        "Cal. Code Regs. tit. 10 § 930 (historical method)",
        "Cal. Code Regs. tit. 10 §§ 940, 942 (APR, Reg Z App. J)",
        "Cal. Code Regs. tit. 10 § 914 (disclosure table)",
        "12 CFR Part 1026, Appendix J (a)(3) (United States Rule)",
        "Cal. Code Regs. tit. 10 § 901(a)(5) (APR display)",
      ]);
      const loan = termLoan({ principal: usd("12000"), annualRate: "0.12", termMonths: 12, startDate: "2024-01-15" });
      expect(disclosure(loan, [], { method: "historical", jurisdiction: "NY" }).references).toEqual(["N.Y. Fin. Serv. Law § 804 (closed-end)"]);
      const none = disclosure(offer, flat2023, { method: "historical" }).references;
      expect(none).toEqual([
        "Cal. Code Regs. tit. 10 § 930 (historical method)",
        "23 NYCRR § 600.8 (historical method)",
        "Cal. Code Regs. tit. 10 §§ 940, 942 (APR, Reg Z App. J)",
        "Cal. Code Regs. tit. 10 § 914 (disclosure table)",
        "23 NYCRR §§ 600.3, 600.7",
      ]);
      expect(disclosure(offer, flat2023, { method: "historical", jurisdiction: "UT", offerDate: "2024-01-01" }).references).toEqual(none);
      // The renewal's own references still name both renewal laws
      expect(disclosure(offer, flat2023, { method: "historical", jurisdiction: "NY", renewal }).renewal?.references).toEqual(["N.Y. Fin. Serv. Law § 808 (renewal financing)", "Conn. Gen. Stat. § 36a-864"]);
    });
    it("throws for an offer before the law took effect, naming the offer date", () => {
      expect(() => disclosure(offer, daily("2022-01-01", 365, "400"), { method: "historical", jurisdiction: "NY" })).toThrow(/^disclosure: options.offerDate .* is before New York's law/);
      expect(() => disclosure(offer, flat2023, { method: "historical", jurisdiction: "XX" })).toThrow(ValidationError);
    });
    it("computes the United States Rule APR on request (Cal. § 940(a); equal to the actuarial APR for daily payments)", () => {
      const a = disclosure(offer, flat2023, { method: "historical" });
      const b = disclosure(offer, flat2023, { method: "historical", aprMethod: "united-states-rule" });
      expect(b.estimatedApr!.minus(a.estimatedApr!).abs().lessThan(1e-9)).toBe(true);
      expect(b.references).toContain("12 CFR Part 1026, Appendix J (a)(3) (United States Rule)");
    });
  });
  it("an opt-in projection that never repays names the projection it received (was the empty history)", () => {
    const weak = daily("2024-01-02", 10, "400");
    expect(() => disclosure(offer, [], { method: "opt-in", offerDate: "2024-01-01", projectedSales: weak })).toThrow(
      /^disclosure: options.projectedSales project sales that never repay the offer, so no term or APR can be estimated, received an array of length 10/,
    );
  });
});
