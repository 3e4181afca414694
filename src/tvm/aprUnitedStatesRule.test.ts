import { describe, expect, it } from "vitest";
import { aprRegZ, type AprRegZPayment } from "./aprRegZ.js";
import { aprUnitedStatesRule } from "./aprUnitedStatesRule.js";
import { ConvergenceError, ValidationError } from "../errors.js";

const D = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const monthly = (n: number, y: number, m: number, d: number): Date[] => Array.from({ length: n }, (_, k) => D(y, m + k, d));
const pay = (dates: Date[], amount: number): AprRegZPayment[] => dates.map((date) => ({ date, amount }));

describe("aprUnitedStatesRule", () => {
  // 12 CFR Part 1026, Appendix J (a)(2)-(a)(3): the methods differ only in compounding inside a
  // payment period; with every payment period exactly one unit-period there is none, so the
  // United States Rule APR equals the actuarial APR of example (c)(1)(i), 9.69 %.
  it("equals the actuarial APR of Appendix J (c)(1)(i) (regular monthly payments)", () => {
    const input = { amountFinanced: 5000, advanceDate: D(1978, 1, 10), payments: pay(monthly(24, 1978, 2, 10), 230) };
    expect(aprUnitedStatesRule(input).times(100).toFixed(2)).toBe("9.69");
    expect(aprUnitedStatesRule(input).minus(aprRegZ(input)).abs().lessThan(1e-9)).toBe(true);
  });

  // Appendix J (c)(5)(iii) (single payment of $1,135.19 after 18 months, actuarial 8.76 %): the
  // United States Rule charges simple interest for 1.5 years: 1000 (1 + 1.5 i) = 1135.19, i = 9.0127 %.
  it("charges simple interest over a long single-payment term (Appendix J (c)(5)(iii) data)", () => {
    const input = { amountFinanced: 1000, advanceDate: "1978-01-03", payments: [{ date: "1979-07-03", amount: 1135.19 }] };
    expect(aprUnitedStatesRule(input).toDecimalPlaces(6).toString()).toBe("0.090127");
    expect(aprRegZ(input).times(100).toFixed(2)).toBe("8.76");
  });

  it("gives the same APR as the actuarial method for a single payment within one unit-period (Appendix J (c)(5)(ii): 8.80 %)", () => {
    const input = { amountFinanced: 1000, advanceDate: "1978-01-03", payments: [{ date: "1978-07-03", amount: 1044 }] };
    expect(aprUnitedStatesRule(input).times(100).toFixed(2)).toBe("8.80");
  });

  it("postpones the balance adjustment when a payment is below the interest earned (Appendix J (a)(3))", () => {
    // $1,000 at 1 % a month: a first payment of $5 (< $10 interest) and a second of $1,015 repay exactly.
    const input = {
      amountFinanced: 1000,
      advanceDate: "2024-01-01",
      payments: [
        { date: "2024-02-01", amount: 5 },
        { date: "2024-03-01", amount: 1015 },
      ],
      unitPeriod: "month" as const,
    };
    expect(aprUnitedStatesRule(input).toDecimalPlaces(10).toString()).toBe("0.12");
  });

  it("gives exactly 0 when the payments equal the amount financed", () => {
    expect(aprUnitedStatesRule({ amountFinanced: 100, advanceDate: "2024-01-01", payments: [{ date: "2024-02-01", amount: 100 }] }).toString()).toBe("0");
  });

  describe("edge cases", () => {
    it("throws NO_SIGN_CHANGE when the payments are below the amount financed", () => {
      expect(() => aprUnitedStatesRule({ amountFinanced: 100, advanceDate: "2024-01-01", payments: [{ date: "2024-02-01", amount: 90 }] })).toThrow(ConvergenceError);
    });
    it("throws naming itself for a payment before the advance", () => {
      expect(() => aprUnitedStatesRule({ amountFinanced: 100, advanceDate: "2024-01-01", payments: [{ date: "2023-02-01", amount: 110 }] })).toThrow(/^aprUnitedStatesRule: input.payments\[0\].date/);
      expect(() => aprUnitedStatesRule({ amountFinanced: 100, advanceDate: "2024-01-01", payments: [{ date: "2024-02-01", amount: 110 }], unitPeriod: "fortnight" as never })).toThrow(ValidationError);
    });
  });
});
