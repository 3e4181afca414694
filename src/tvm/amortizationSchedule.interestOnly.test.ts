import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { amortizationSchedule } from "./amortizationSchedule.js";
import { pmt } from "./pmt.js";

// Regression (property seed 1460321001): $20.73 over 480 months at about 17.4 % a year. The exact
// payment (≈ $0.2999…) barely exceeds the first month's interest, so with the payment rounded up
// to $0.30 and interest rounded to the cent each month, the principal part was $0.00 every month
// and the whole loan came due as a $21.03 balloon.
describe("amortizationSchedule on a near interest-only loan", () => {
  const principal = new Decimal("20.73");
  const rate = new Decimal(1736).div(120_000);
  it("raises the default payment just enough for the loan to amortize", () => {
    const s = amortizationSchedule({ principal, rate, nper: 480 });
    expect(s.payment.greaterThanOrEqualTo(pmt(rate, 480, principal).neg())).toBe(true);
    expect(s.rows.at(-1)!.balance.isZero()).toBe(true);
    expect(s.rows.at(-1)!.payment.lessThanOrEqualTo(s.payment)).toBe(true);
    expect(s.rows.every((r) => r.principal.greaterThan(0) || r.period === s.rows.length)).toBe(true);
    expect(s.totalPaid.minus(s.totalInterest).equals(principal)).toBe(true);
  });
  it("keeps a payment the caller gives, with the balloon that follows from it", () => {
    const s = amortizationSchedule({ principal, rate, nper: 480, payment: "0.30" });
    expect(s.rows).toHaveLength(480);
    expect(s.rows.at(-1)!.payment.toString()).toBe("21.03");
  });
});
