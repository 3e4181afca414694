import { describe, expect, it } from "vitest";
import { aprRegZ, type AprRegZPayment } from "./aprRegZ.js";

const D = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const monthly = (n: number, y: number, m: number, d: number, every = 1): Date[] => Array.from({ length: n }, (_, k) => D(y, m + k * every, d));
const weekly = (n: number, first: Date, weeks: number): Date[] => Array.from({ length: n }, (_, k) => new Date(first.getTime() + k * weeks * 7 * 86_400_000));
const semimonthly = (n: number): Date[] => Array.from({ length: n }, (_, k) => D(1978, 3 + Math.floor(k / 2), k % 2 === 0 ? 1 : 16));
const pay = (dates: Date[], amount: number): AprRegZPayment[] => dates.map((date) => ({ date, amount }));

// 12 CFR Part 1026, Appendix J, (c) "Examples for the actuarial method". The examples are printed
// as images in the CFR; values and dates as transcribed by two independent open-source test suites
// (FSharp.Finance.Personal AprUsActuarialTests; a Python Appendix J pre-check), which agree.
// Each published APR is to 2 decimals of a percent.
const EXAMPLES: readonly [string, number, Date, AprRegZPayment[], string][] = [
  ["(c)(1)(i) monthly, regular first period", 5000, D(1978, 1, 10), pay(monthly(24, 1978, 2, 10), 230), "9.69"],
  ["(c)(1)(ii) monthly, long first period", 6000, D(1978, 2, 10), pay(monthly(36, 1978, 4, 1), 200), "11.82"],
  ["(c)(1)(iii) semimonthly, short first period", 5000, D(1978, 2, 23), pay(semimonthly(24), 219.17), "10.34"],
  ["(c)(1)(iv) quarterly, long first period", 10000, D(1978, 5, 23), pay(monthly(40, 1978, 10, 1, 3), 385), "8.97"],
  ["(c)(1)(v) weekly, long first period", 500, D(1978, 3, 20), pay(weekly(30, D(1978, 4, 21), 1), 17.6), "14.96"],
  ["(c)(2)(i) monthly, irregular first payment", 5000, D(1978, 1, 10), [{ date: D(1978, 2, 10), amount: 250 }, ...pay(monthly(23, 1978, 3, 10), 230)], "10.08"],
  ["(c)(2)(ii) every 4 weeks, long first period, irregular first payment", 400, D(1978, 3, 18), [{ date: D(1978, 4, 20), amount: 39.5 }, ...pay(weekly(11, D(1978, 5, 18), 4), 38.31)], "28.50"],
  ["(c)(3)(i) monthly, irregular final payment", 5000, D(1978, 1, 10), [...pay(monthly(23, 1978, 2, 10), 230), { date: D(1980, 1, 10), amount: 280 }], "10.50"],
  ["(c)(3)(ii) every 2 weeks, short first period, irregular final payment", 200, D(1978, 4, 3), [...pay(weekly(19, D(1978, 4, 11), 2), 9.5), { date: weekly(20, D(1978, 4, 11), 2)[19]!, amount: 30 }], "12.22"],
  ["(c)(4)(i) monthly, irregular first and final payments", 5000, D(1978, 1, 10), [{ date: D(1978, 2, 10), amount: 250 }, ...pay(monthly(22, 1978, 3, 10), 230), { date: D(1980, 1, 10), amount: 280 }], "10.90"],
  [
    "(c)(4)(ii) every 2 months, short first period, irregular first and final",
    8000,
    D(1978, 1, 10),
    [{ date: D(1978, 3, 1), amount: 449.36 }, ...pay(monthly(18, 1978, 5, 1, 2), 465), { date: D(1981, 5, 1), amount: 200 }],
    "7.30",
  ],
  ["(c)(5)(i) single payment, 255 days", 1000, D(1978, 1, 3), [{ date: D(1978, 9, 15), amount: 1080 }], "11.45"],
  ["(c)(5)(ii) single payment, 6 months", 1000, D(1978, 1, 3), [{ date: D(1978, 7, 3), amount: 1044 }], "8.80"],
  ["(c)(5)(iii) single payment, 18 months", 1000, D(1978, 1, 3), [{ date: D(1979, 7, 3), amount: 1135.19 }], "8.76"],
  ["(c)(5)(iv) single payment, 2 years", 1000, D(1978, 1, 3), [{ date: D(1980, 1, 3), amount: 1240 }], "11.36"],
];

describe("aprRegZ", () => {
  it.each(EXAMPLES)("reproduces Appendix J example %s", (_name, amountFinanced, advanceDate, payments, published) => {
    expect(aprRegZ({ amountFinanced, advanceDate, payments }).times(100).toFixed(2)).toBe(published);
  });

  it("accepts an explicit unit-period equal to the detected one", () => {
    const [, A, adv, payments] = EXAMPLES[6]!;
    expect(
      aprRegZ({ amountFinanced: A, advanceDate: adv, payments, unitPeriod: { weeks: 4 } })
        .times(100)
        .toFixed(2),
    ).toBe("28.50");
    const [, A2, adv2, p2] = EXAMPLES[3]!;
    expect(aprRegZ({ amountFinanced: A2, advanceDate: adv2, payments: p2, unitPeriod: "quarter" }).times(100).toFixed(2)).toBe("8.97");
  });

  it("accepts Money and ISO strings", () => {
    const payments = monthly(24, 1978, 2, 10).map((d) => ({ date: d.toISOString().slice(0, 10), amount: { amount: "230", currency: "USD" } as never }));
    expect(aprRegZ({ amountFinanced: "5000", advanceDate: "1978-01-10", payments }).times(100).toFixed(2)).toBe("9.69");
  });

  describe("edge cases", () => {
    it("throws when a payment is before the advance", () => {
      expect(() => aprRegZ({ amountFinanced: 100, advanceDate: "2024-02-01", payments: [{ date: "2024-01-01", amount: 110 }] })).toThrow(expect.objectContaining({ code: "INVALID_DATE_ORDER", fn: "aprRegZ" }));
    });
    it("throws on non-positive amounts and unknown unit-periods", () => {
      expect(() => aprRegZ({ amountFinanced: 0, advanceDate: "2024-01-01", payments: [{ date: "2024-02-01", amount: 1 }] })).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
      expect(() => aprRegZ({ amountFinanced: 1, advanceDate: "2024-01-01", payments: [{ date: "2024-02-01", amount: -1 }] })).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
      expect(() => aprRegZ({ amountFinanced: 1, advanceDate: "2024-01-01", payments: [{ date: "2024-02-01", amount: 2 }], unitPeriod: "fortnight" as never })).toThrow(
        expect.objectContaining({ code: "UNKNOWN_OPTION" }),
      );
    });
    it("gives 0 when the payments equal the amount financed", () => {
      expect(
        aprRegZ({ amountFinanced: 1200, advanceDate: "2024-01-15", payments: pay(monthly(12, 2024, 2, 15), 100) })
          .abs()
          .toNumber(),
      ).toBeLessThan(1e-12);
    });
  });
});
