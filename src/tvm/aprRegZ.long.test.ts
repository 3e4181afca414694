import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { aprRegZ } from "./aprRegZ.js";

// Regression: schedules of 708+ daily payments overflowed e^(t·x) while bracketing and threw
// NO_SIGN_CHANGE (found by the financing module on two-year advances).
describe("aprRegZ on long daily schedules", () => {
  for (const n of [708, 1_500, 3_650]) {
    it(`solves ${n} daily payments and satisfies Appendix J's general equation`, () => {
      const amount = new Decimal(11_500).dividedBy(n);
      const payments = Array.from({ length: n }, (_, k) => ({ date: new Date(Date.UTC(2024, 0, 2 + k)), amount }));
      const apr = aprRegZ({ amountFinanced: 10_000, advanceDate: "2024-01-01", payments });
      // unit period = 1 day, i = APR / 365; Σ P / (1 + i)^t must equal the amount financed
      const i = apr.dividedBy(365);
      let pv = new Decimal(0);
      for (let t = 1; t <= n; t++) pv = pv.plus(amount.dividedBy(i.plus(1).pow(t)));
      expect(pv.minus(10_000).abs().toNumber()).toBeLessThan(1e-4);
      expect(apr.greaterThan(0)).toBe(true);
    });
  }
  it("gives a negative APR when the payments total less than the amount financed", () => {
    const payments = Array.from({ length: 1_000 }, (_, k) => ({ date: new Date(Date.UTC(2024, 0, 2 + k)), amount: "9.5" }));
    expect(aprRegZ({ amountFinanced: 10_000, advanceDate: "2024-01-01", payments }).isNegative()).toBe(true);
  });
});
