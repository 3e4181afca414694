import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError, ValidationTypeError } from "../errors.js";
import { money } from "../money/money.js";
import { revenueShareLoan } from "./revenueShareLoan.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulateRepayment } from "./simulateRepayment.js";
import { termLoan } from "./termLoan.js";

const usd = (a: string | number) => money(a, "USD");
function daily(start: string, n: number, amount: string | ((i: number) => string), currency = "USD") {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => ({
    date: new Date(t0 + i * 86_400_000),
    amount: money(typeof amount === "string" ? amount : amount(i), currency),
  }));
}

describe("simulateRepayment", () => {
  describe("worked example: $10,000 advance, $1,500 fee, 10 % holdback, $400/day (issue 5)", () => {
    const advance = salesBasedAdvance({ principal: usd("10000"), fee: 1500, holdbackRate: "0.1" });
    const result = simulateRepayment(advance, daily("2024-01-02", 365, "400"));
    // By hand: total due 10,000 + 1,500 = 11,500; holdback 10 % × 400 = 40/day;
    // 11,500 / 40 = 287.5 → 287 full payments of 40 = 11,480, then a trimmed 288th payment of 20.
    it("pays off after 288 days with a trimmed last payment of $20", () => {
      expect(result.summary.paidOff).toBe(true);
      expect(result.summary.daysToPayoff).toBe(288);
      expect(result.rows).toHaveLength(288);
      expect(result.rows[286]!.holdback.amount.toString()).toBe("40");
      expect(result.rows[286]!.balance.amount.toString()).toBe("20");
      expect(result.rows[287]!.holdback.amount.toString()).toBe("20");
      expect(result.rows[287]!.balance.amount.toString()).toBe("0");
      // funded 2024-01-01 (day before the first sale); 2024-01-01 + 288 days = 2024-10-15
      expect(result.summary.fundedOn.toISOString()).toBe("2024-01-01T00:00:00.000Z");
      expect(result.summary.payoffDate?.toISOString()).toBe("2024-10-15T00:00:00.000Z");
    });
    it("collects exactly principal + fee", () => {
      const sum = result.rows.reduce((a, r) => a.plus(r.payment.amount), new Decimal(0));
      expect(sum.toString()).toBe("11500");
      expect(result.summary.totalPaid.amount.toString()).toBe("11500");
      expect(result.summary.financeCharge.amount.toString()).toBe("1500");
      expect(result.summary.outstandingIfSalesStop.amount.toString()).toBe("0");
      expect(result.summary.anyMinimumMissed).toBe(false);
    });
    it("serialises to meaningful JSON", () => {
      const json = JSON.parse(JSON.stringify(result)) as { rows: Array<Record<string, unknown>>; summary: Record<string, unknown> };
      expect(json.rows[0]).toEqual({
        date: "2024-01-02T00:00:00.000Z",
        sales: { amount: "400", currency: "USD" },
        holdback: { amount: "40", currency: "USD" },
        topUp: { amount: "0", currency: "USD" },
        topUpReason: null,
        payment: { amount: "40", currency: "USD" },
        shortfall: { amount: "0", currency: "USD" },
        balance: { amount: "11460", currency: "USD" },
      });
      expect(json.summary["daysToPayoff"]).toBe(288);
      expect(Object.isFrozen(result) && Object.isFrozen(result.rows) && Object.isFrozen(result.rows[0])).toBe(true);
    });
  });

  describe("minimum payments", () => {
    it("PayPal: tops up to 10 % of loan + fee at the end of each 90-day window", () => {
      // $9,500 + $500 fee = $10,000 → $1,000 every 90 days (PayPal AU FAQ3720 example).
      const advance = salesBasedAdvance({
        principal: usd("9500"),
        fee: 500,
        holdbackRate: "0.1",
        minimumPayment: { rate: "0.1", everyDays: 90, forDays: 540 },
      });
      // $50/day sales → $5/day holdback → $450 per 90 days, $550 short each window.
      const r = simulateRepayment(advance, daily("2024-01-02", 200, "50"));
      const day90 = r.rows[89]!;
      expect(day90.date.toISOString()).toBe("2024-03-31T00:00:00.000Z");
      expect(day90.holdback.amount.toString()).toBe("5");
      expect(day90.topUp.amount.toString()).toBe("550");
      expect(day90.topUpReason).toBe("minimum");
      // balance: 10,000 − 90 × 5 − 550 = 9,000
      expect(day90.balance.amount.toString()).toBe("9000");
      expect(r.summary.shortfallCount).toBe(2);
      expect(r.summary.anyMinimumMissed).toBe(true);
      // 200 days: 200 × 5 + 2 × 550 = 2,100 paid
      expect(r.summary.totalPaid.amount.toString()).toBe("2100");
      expect(r.summary.outstandingIfSalesStop.amount.toString()).toBe("7900");
    });

    it("stops checking minimums after forDays", () => {
      const advance = salesBasedAdvance({ principal: usd("900"), fee: 100, holdbackRate: "0.1", minimumPayment: { rate: "0.1", everyDays: 90, forDays: 90 } });
      const r = simulateRepayment(advance, [], { fundedOn: "2024-01-01", until: "2024-12-31" });
      // only the first window (day 90) is checked: one $100 top-up
      expect(r.rows).toHaveLength(1);
      expect(r.rows[0]!.date.toISOString()).toBe("2024-03-31T00:00:00.000Z");
      expect(r.summary.totalTopUps.amount.toString()).toBe("100");
    });

    it("only reports the shortfall when collectShortfall is false", () => {
      const advance = salesBasedAdvance({ principal: usd("900"), fee: 100, holdbackRate: "0.1", minimumPayment: { rate: "0.1", everyDays: 30 } });
      const r = simulateRepayment(advance, daily("2024-01-02", 30, "10"), { collectShortfall: false });
      // 30 × $1 = $30 paid vs $100 minimum → $70 shortfall reported, not collected
      expect(r.rows[29]!.shortfall.amount.toString()).toBe("70");
      expect(r.rows[29]!.topUp.amount.toString()).toBe("0");
      expect(r.summary.totalPaid.amount.toString()).toBe("30");
      expect(r.summary.anyMinimumMissed).toBe(true);
    });

    it("Square: 1/18 of the total every 60 days and everything due at 18 months", () => {
      // Square US FAQ 6453 example: $10,000 + $1,400 = $11,400; 14 %; minimum $633.33 every 60 days.
      const advance = salesBasedAdvance({
        principal: usd("10000"),
        fee: 1400,
        holdbackRate: "0.14",
        minimumPayment: { rate: new Decimal(1).div(18), everyDays: 60 },
        maxTermDays: 548,
      });
      expect(advance.minimumPayment!.amount.amount.toString()).toBe("633.33");
      // no sales at all: 9 windows (days 60…540) of $633.33 each, then the rest on day 548
      const r = simulateRepayment(advance, [], { fundedOn: "2024-01-01", until: "2026-01-01" });
      expect(r.rows).toHaveLength(10);
      expect(r.rows.slice(0, 9).every((row) => row.topUp.amount.eq("633.33"))).toBe(true);
      const last = r.rows[9]!;
      // 11,400 − 9 × 633.33 = 5,700.03
      expect(last.topUp.amount.toString()).toBe("5700.03");
      expect(last.topUpReason).toBe("maturity");
      expect(r.summary.daysToPayoff).toBe(548);
      expect(r.summary.totalPaid.amount.toString()).toBe("11400");
    });
  });

  describe("granularity", () => {
    it('collects each "week" on Sundays and each "month" at month end', () => {
      const advance = salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1" });
      const sales = daily("2024-01-01", 31, "100"); // Monday 1 January 2024
      const weekly = simulateRepayment(advance, sales, { granularity: "week", fundedOn: "2023-12-31" });
      expect(weekly.rows[0]!.date.toISOString()).toBe("2024-01-07T00:00:00.000Z");
      expect(weekly.rows[0]!.sales.amount.toString()).toBe("700");
      expect(weekly.rows[0]!.holdback.amount.toString()).toBe("70");
      const monthly = simulateRepayment(advance, sales, { granularity: "month", fundedOn: "2023-12-31" });
      expect(monthly.rows).toHaveLength(1);
      expect(monthly.rows[0]!.date.toISOString()).toBe("2024-01-31T00:00:00.000Z");
      expect(monthly.rows[0]!.holdback.amount.toString()).toBe("310");
    });
    it('collects each "day" by default', () => {
      const advance = salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1" });
      const sales = daily("2024-01-01", 31, "100");
      const byDefault = simulateRepayment(advance, sales, { fundedOn: "2023-12-31" });
      const byDay = simulateRepayment(advance, sales, { granularity: "day", fundedOn: "2023-12-31" });
      expect(byDefault.rows).toHaveLength(31);
      expect(byDay.rows.map((r) => [r.date.toISOString(), r.holdback.amount.toString()])).toEqual(byDefault.rows.map((r) => [r.date.toISOString(), r.holdback.amount.toString()]));
    });
    it("rejects the 0.1.0 names with an error naming the new word (#10)", () => {
      const advance = salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1" });
      const sales = daily("2024-01-01", 3, "100");
      expect(() => simulateRepayment(advance, sales, { granularity: "daily" as never })).toThrowErrorMatchingInlineSnapshot(
        `[ValidationError: simulateRepayment: options.granularity must be one of the names listed, received "daily" (renamed to "day" in 0.2.0; allowed: "day", "week", "month")]`,
      );
      expect(() => simulateRepayment(advance, sales, { granularity: "weekly" as never })).toThrow(/received "weekly" \(renamed to "week" in 0\.2\.0/);
      expect(() => simulateRepayment(advance, sales, { granularity: "monthly" as never })).toThrow(/received "monthly" \(renamed to "month" in 0\.2\.0/);
      const err = (() => {
        try {
          simulateRepayment(advance, sales, { granularity: "daily" as never });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(ValidationError);
      expect(err).toMatchObject({ code: "UNKNOWN_OPTION", fn: "simulateRepayment", argument: "options.granularity" });
      // Only the three old words are renames: an inherited property name is a plain unknown option.
      expect(() => simulateRepayment(advance, sales, { granularity: "constructor" as never })).toThrow(/received "constructor" \(allowed: "day", "week", "month"\)$/);
      // A 0.1.0 term loan passed back as plain data is re-validated and names the new schedule word.
      const stored = { ...termLoan({ principal: usd("1200"), annualRate: 0, termMonths: 3, startDate: "2024-01-15" }), schedule: "monthly" };
      expect(() => simulateRepayment(stored as never, sales)).toThrowErrorMatchingInlineSnapshot(
        `[ValidationError: simulateRepayment: product.schedule must be one of the names listed, received "monthly" (renamed to "month" in 0.2.0; allowed: "month", "biweek")]`,
      );
      // Not a rename: the plain unknown-option message.
      expect(() => simulateRepayment(advance, sales, { granularity: "hourly" as never })).toThrowErrorMatchingInlineSnapshot(
        `[ValidationError: simulateRepayment: options.granularity must be one of the names listed, received "hourly" (allowed: "day", "week", "month")]`,
      );
    });
  });

  describe("rounding", () => {
    it("rounds each holdback half-even by default and as asked", () => {
      const advance = salesBasedAdvance({ principal: usd("100"), fee: 0, holdbackRate: "0.1" });
      const sales = [{ date: "2024-01-02", amount: usd("0.25") }]; // 0.025
      expect(simulateRepayment(advance, sales).rows[0]!.holdback.amount.toString()).toBe("0.02");
      expect(simulateRepayment(advance, sales, { rounding: "half-up" }).rows[0]!.holdback.amount.toString()).toBe("0.03");
    });
    it("uses 0 decimals for JPY", () => {
      const advance = salesBasedAdvance({ principal: money("100000", "JPY"), fee: 5000, holdbackRate: "0.15" });
      const r = simulateRepayment(advance, daily("2024-01-02", 3, "3333", "JPY"));
      expect(r.rows[0]!.holdback.amount.toString()).toBe("500"); // 499.95 → 500
    });
  });

  describe("revenue-share loan", () => {
    it("collects a share of monthly revenue until the cap", () => {
      const loan = revenueShareLoan({ principal: usd("10000"), repaymentCap: "1.2", revenueShare: "0.1" });
      const sales = daily("2024-01-01", 366, "1000");
      const r = simulateRepayment(loan, sales, { granularity: "month", fundedOn: "2023-12-31" });
      // 12,000 due; Jan 3,100; Feb 2,900; Mar 3,100 → 9,100; Apr 3,000 → trimmed to 2,900
      expect(r.rows.map((x) => x.payment.amount.toString())).toEqual(["3100", "2900", "3100", "2900"]);
      expect(r.summary.payoffDate?.toISOString()).toBe("2024-04-30T00:00:00.000Z");
    });
  });

  describe("term loan", () => {
    const loan = termLoan({ principal: usd("1200"), annualRate: 0, termMonths: 3, startDate: "2024-01-15" });
    it("deducts each instalment from payouts and carries a shortfall", () => {
      const sales = [
        { date: "2024-02-01", amount: usd("1000") },
        { date: "2024-03-01", amount: usd("100") },
        { date: "2024-04-01", amount: usd("1000") },
      ];
      const r = simulateRepayment(loan, sales, { until: "2024-04-15" });
      expect(r.rows.map((x) => [x.date.toISOString().slice(0, 10), x.holdback.amount.toString(), x.shortfall.amount.toString(), x.balance.amount.toString()])).toEqual([
        ["2024-02-15", "400", "0", "800"],
        ["2024-03-15", "100", "300", "700"],
        ["2024-04-15", "700", "0", "0"],
      ]);
      expect(r.summary.anyMinimumMissed).toBe(true);
      expect(r.summary.paidOff).toBe(true);
    });
    it("charges the shortfall to the card when asked", () => {
      const carded = termLoan({ principal: usd("1200"), annualRate: 0, termMonths: 3, startDate: "2024-01-15", chargeShortfallToCard: true });
      const r = simulateRepayment(carded, [{ date: "2024-02-01", amount: usd("100") }], { until: "2024-04-30" });
      expect(r.rows[0]!.topUp.amount.toString()).toBe("300");
      expect(r.rows[0]!.topUpReason).toBe("card");
      expect(r.summary.totalTopUps.amount.toString()).toBe("1100");
    });
  });

  describe("edge cases", () => {
    const advance = salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1" });
    it("terminates and reports the balance when sales never repay", () => {
      const r = simulateRepayment(advance, daily("2024-01-02", 1000, "0"));
      expect(r.summary.paidOff).toBe(false);
      expect(r.summary.payoffDate).toBeNull();
      expect(r.summary.outstandingIfSalesStop.amount.toString()).toBe("1100");
    });
    it("collects nothing on a day of net refunds", () => {
      const r = simulateRepayment(advance, [{ date: "2024-01-02", amount: usd("-50") }]);
      expect(r.rows[0]!.holdback.amount.toString()).toBe("0");
    });
    it("ignores sales on or before the funding date", () => {
      const r = simulateRepayment(advance, daily("2024-01-01", 10, "100"), { fundedOn: "2024-01-05" });
      expect(r.rows[0]!.date.toISOString()).toBe("2024-01-06T00:00:00.000Z");
    });
    it("accepts plain product data (e.g. from JSON) and re-validates it", () => {
      const plain = JSON.parse(JSON.stringify(advance)) as typeof advance;
      const r = simulateRepayment(plain, daily("2024-01-02", 3, "100"));
      expect(r.summary.totalPaid.amount.toString()).toBe("30");
      expect(() => simulateRepayment({ ...plain, holdbackRate: "1" } as never, [])).toThrow(ValidationError);
    });
    it("does not mutate its inputs", () => {
      const sales = daily("2024-01-02", 3, "100");
      const copy = JSON.stringify(sales);
      simulateRepayment(advance, sales);
      expect(JSON.stringify(sales)).toBe(copy);
    });
  });

  describe("hostile inputs", () => {
    const advance = salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1" });
    it.each([
      [
        "unsorted dates",
        [
          { date: "2024-01-03", amount: usd(1) },
          { date: "2024-01-02", amount: usd(1) },
        ],
        ValidationError,
        "INVALID_DATE_ORDER",
      ],
      ["Invalid Date", [{ date: new Date(Number.NaN), amount: usd(1) }], ValidationError, "INVALID_DATE"],
      ["a non-date string", [{ date: "abc", amount: usd(1) }], ValidationError, "INVALID_DATE"],
      ["a null sale", [null], ValidationTypeError, "MISSING_VALUE"],
      ["a NaN amount", [{ date: "2024-01-02", amount: { amount: Number.NaN, currency: "USD" } }], ValidationError, "INVALID_NUMBER"],
      ["an unknown currency", [{ date: "2024-01-02", amount: { amount: 1, currency: "XYZ" } }], ValidationError, "UNKNOWN_CURRENCY"],
      ["another currency", [{ date: "2024-01-02", amount: money(1, "EUR") }], CurrencyMismatchError, "CURRENCY_MISMATCH"],
      ["not an array", "abc", ValidationTypeError, "INVALID_TYPE"],
    ] as const)("throws on %s", (_name, sales, cls, code) => {
      let err: unknown;
      try {
        simulateRepayment(advance, sales as never);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(cls);
      expect((err as { code: string }).code).toBe(code);
      expect((err as Error).message.startsWith("simulateRepayment: ")).toBe(true);
    });
    it("sums several sales on the same UTC day (transaction-level rows) instead of rejecting them", () => {
      const split = simulateRepayment(advance, [
        { date: "2024-01-02", amount: usd("60") },
        { date: "2024-01-02T10:00:00Z", amount: usd("40") },
        { date: "2024-01-03", amount: usd("100") },
      ]);
      const whole = simulateRepayment(advance, daily("2024-01-02", 2, "100"));
      expect(split.rows).toHaveLength(2);
      expect(split.rows[0]!.sales.amount.toString()).toBe("100");
      expect(JSON.stringify(split.rows)).toBe(JSON.stringify(whole.rows));
    });
    it("throws on an empty series without fundedOn, and on bad options", () => {
      expect(() => simulateRepayment(advance, [])).toThrow(ValidationError);
      expect(() => simulateRepayment(advance, [], { fundedOn: "2024-01-01", until: "2023-01-01" })).toThrow(/options.until/);
      expect(() => simulateRepayment(advance, [], { fundedOn: "2024-01-01", until: "2300-01-01" })).toThrow(/options.until/);
      expect(() => simulateRepayment(advance, [], { fundedOn: "2024-01-01", granularity: "hourly" as never })).toThrow(/granularity/);
      expect(() => simulateRepayment(advance, [], { fundedOn: "2024-01-01", rounding: "nearest" as never })).toThrow(/rounding/);
      expect(() => simulateRepayment(null as never, [])).toThrow(ValidationTypeError);
    });
  });
});
