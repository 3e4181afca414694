import { describe, expect, it } from "vitest";
import { amortizationSchedule } from "./amortizationSchedule.js";
import { pmt } from "./pmt.js";

describe("amortizationSchedule", () => {
  it("amortizes 1000 at 1 % a month over 12 months to exactly zero", () => {
    const s = amortizationSchedule({ principal: 1000, rate: "0.01", nper: 12 });
    expect(s.payment.toFixed(2)).toBe("88.85"); // 1000·0.01/(1 - 1.01^-12) = 88.8488 → rounded up
    expect(s.rows).toHaveLength(12);
    expect(s.rows[11]!.balance.isZero()).toBe(true);
    expect(s.totalPaid.minus(s.totalInterest).toString()).toBe("1000");
  });

  it("matches numpy-financial ppmt for the first period (test_ppmt: -710.25)", () => {
    // numpy-financial test_ppmt: ppmt(0.1/12, 1, 60, 55000) rounded = -710.25
    const r = "0.008333333333333333333333333333";
    const s = amortizationSchedule({ principal: 55000, rate: r, nper: 60, payment: pmt(r, 60, 55000).neg(), decimals: 12 });
    expect(s.rows[0]!.principal.toFixed(2)).toBe("710.25");
  });

  it("uses the currency's minor unit for Money (JPY: 0 decimals)", () => {
    const s = amortizationSchedule({ principal: { amount: "100000", currency: "JPY" } as never, rate: "0.01", nper: 6 });
    for (const r of s.rows) expect(r.interest.decimalPlaces()).toBe(0);
    expect(s.rows.at(-1)!.balance.isZero()).toBe(true);
  });

  it("ends early when a large payment repays the loan", () => {
    const s = amortizationSchedule({ principal: 100, rate: 0, nper: 12, payment: 60 });
    expect(s.rows).toHaveLength(2);
    expect(s.rows[1]!.payment.toString()).toBe("40");
  });

  it("serialises to JSON with Decimal strings", () => {
    const s = amortizationSchedule({ principal: 100, rate: 0, nper: 2 });
    expect(JSON.parse(JSON.stringify(s)).rows[0]).toEqual({ period: 1, payment: "50", interest: "0", principal: "50", balance: "50" });
  });
});
