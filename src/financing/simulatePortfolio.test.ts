import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulatePortfolio } from "./simulatePortfolio.js";

function daily(n: number, amount: string, currency = "USD") {
  return Array.from({ length: n }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: money(amount, currency) }));
}

describe("simulatePortfolio", () => {
  const product = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1" });
  it('collects by "week" and rejects 0.1.0\'s "weekly" with the new word (#10)', () => {
    const loans = [{ id: "a", sellerId: "s1", product }];
    const bySeller = { s1: daily(200, "100") };
    // $10/day collected on Sundays: 2024-01-07 is the first Sunday after the 2 January start.
    const weekly = simulatePortfolio(loans, bySeller, { granularity: "week" });
    expect(weekly.cashFlows[1]?.date.toISOString()).toBe("2024-01-07T00:00:00.000Z");
    expect(weekly.cashFlows[1]?.amount.amount.toString()).toBe("60");
    expect(weekly.totalRepaid.amount.toString()).toBe("1100");
    expect(() => simulatePortfolio(loans, bySeller, { granularity: "weekly" as never })).toThrowErrorMatchingInlineSnapshot(
      `[ValidationError: simulatePortfolio: options.granularity must be one of the names listed, received "weekly" (renamed to "week" in 0.2.0; allowed: "day", "week", "month")]`,
    );
  });
  it("aggregates lent, repaid, outstanding and loss if sales stop", () => {
    const p = simulatePortfolio(
      [
        { id: "a", sellerId: "s1", product },
        { id: "b", sellerId: "s2", product },
        { id: "c", sellerId: "s3", product },
      ],
      new Map([
        ["s1", daily(200, "100")], // $10/day → 1,100 in 110 days
        ["s2", daily(200, "0")], // nothing
        ["s3", daily(50, "100")], // $500 repaid, then sales stop
      ]),
    );
    expect(p.loanCount).toBe(3);
    expect(p.paidOffCount).toBe(1);
    expect(p.totalLent.amount.toString()).toBe("3000");
    expect(p.totalDue.amount.toString()).toBe("3300");
    expect(p.totalRepaid.amount.toString()).toBe("1600");
    expect(p.totalOutstanding.amount.toString()).toBe("1700");
    // principal lost: 0 + 1,000 + 500 = 1,500 of 3,000
    expect(p.principalLossIfSalesStop.amount.toString()).toBe("1500");
    expect(p.lossRateIfSalesStop.toString()).toBe("0.5");
    expect(p.loans.map((l) => l.paidOff)).toEqual([true, false, false]);
    // lender's flows: −3,000 on 2024-01-01, then daily receipts
    expect(p.cashFlows[0]).toEqual({ date: new Date("2024-01-01"), amount: money("-3000", "USD") });
    const net = p.cashFlows.reduce((a, f) => a.plus(f.amount.amount), new Decimal(0));
    expect(net.toString()).toBe("-1400");
    expect(p.irr!.lt(0)).toBe(true);
  });
  it("has a positive IRR when everything is repaid", () => {
    const p = simulatePortfolio([{ id: "a", sellerId: "s", product }], { s: daily(200, "100") });
    expect(p.lossRateIfSalesStop.isZero()).toBe(true);
    expect(p.irr!.gt(0)).toBe(true);
  });
  it("cuts sales at options.until", () => {
    const p = simulatePortfolio([{ id: "a", sellerId: "s", product }], { s: daily(200, "100") }, { until: "2024-01-31" });
    expect(p.totalRepaid.amount.toString()).toBe("300");
  });
  it("returns a null IRR when nothing is repaid", () => {
    const p = simulatePortfolio([{ id: "a", sellerId: "s", product }], { s: daily(20, "0") });
    expect(p.irr).toBeNull();
    expect(p.lossRateIfSalesStop.toString()).toBe("1");
  });
  it("rejects bad inputs", () => {
    expect(() => simulatePortfolio([], {})).toThrow(ValidationError);
    expect(() =>
      simulatePortfolio(
        [
          { id: "a", sellerId: "s", product },
          { id: "a", sellerId: "s", product },
        ],
        { s: daily(2, "1") },
      ),
    ).toThrow(/unique/);
    expect(() => simulatePortfolio([{ id: "a", sellerId: "x", product }], { s: daily(2, "1") })).toThrow(/missing/);
    const eur = salesBasedAdvance({ principal: money("1000", "EUR"), fee: 0, holdbackRate: "0.1" });
    expect(() =>
      simulatePortfolio(
        [
          { id: "a", sellerId: "s", product },
          { id: "b", sellerId: "e", product: eur },
        ],
        { s: daily(2, "1"), e: daily(2, "1", "EUR") },
      ),
    ).toThrow(CurrencyMismatchError);
  });
});
