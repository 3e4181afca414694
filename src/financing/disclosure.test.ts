import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import { disclosure } from "./disclosure.js";
import { revenueShareLoan } from "./revenueShareLoan.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { termLoan } from "./termLoan.js";

const usd = (a: string | number) => money(a, "USD");
function daily(start: string, n: number, amount: string | ((d: Date) => string), currency = "USD") {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => {
    const date = new Date(t0 + i * 86_400_000);
    return { date, amount: money(typeof amount === "string" ? amount : amount(date), currency) };
  });
}

describe("disclosure (historical method)", () => {
  const offer = salesBasedAdvance({ principal: usd("10000"), fee: 1500, holdbackRate: "0.1" });

  it("averages the 12 complete months before the offer (Cal. § 930(b)(2)) and projects the term", () => {
    const d = disclosure(offer, daily("2023-01-01", 365, "400"), { method: "historical" });
    // 365 × 400 / 12 = 12,166.666… → 12,166.67; × 12 / 365 = 400.0001… → 400.00/day
    expect(d.monthsUsed).toHaveLength(12);
    expect(d.monthsUsed[0]).toBe("2023-01");
    expect(d.averageMonthlySales?.amount.toString()).toBe("12166.67");
    expect(d.projectedDailySales?.amount.toString()).toBe("400");
    expect(d.estimatedPayment.amount.amount.toString()).toBe("40");
    expect(d.estimatedTermDays).toBe(288); // 11,500 / 40 = 287.5 → 288 (as the worked example)
    expect(d.estimatedTermMonths.toString()).toBe("9.5"); // 288 × 12 / 365 = 9.47
    expect(d.estimatedTotalPayment.amount.toString()).toBe("11500");
    expect(d.estimatedFinanceCharge.amount.toString()).toBe("1500");
    expect(d.estimatedMonthlyCost.amount.toString()).toBe("1216.67"); // 12,166.67 × 10 %
    expect(d.estimatedApr?.toDecimalPlaces(4).toString()).toBe("0.3624"); // same flows as costOfFinancing's test
    expect(d.fundingProvided.amount.toString()).toBe("10000");
    expect(d.fundedOn.toISOString()).toBe("2024-01-01T00:00:00.000Z");
  });

  it("uses only the provider's fixed number of months (4) before the offer month", () => {
    // 2023: Jan–Aug $100/day, Sep–Dec $500/day; offer 2024-01-15 → Sep..Dec averaged
    const sales = daily("2023-01-01", 379, (d) => (d.getUTCMonth() >= 8 || d.getUTCFullYear() === 2024 ? "500" : "100"));
    const d = disclosure(offer, sales, { method: "historical", months: 4, offerDate: "2024-01-15" });
    expect(d.monthsUsed).toEqual(["2023-09", "2023-10", "2023-11", "2023-12"]);
    // (30 + 31 + 30 + 31) × 500 / 4 = 15,250
    expect(d.averageMonthlySales?.amount.toString()).toBe("15250");
  });

  it("averages the months a young business has been operating (§ 930(b)(3)) and drops excluded months (§ 930(b)(4))", () => {
    const sales = daily("2023-10-01", 92, "300");
    const d = disclosure(offer, sales, { method: "historical", months: 12, excludeMonths: ["2023-11"] });
    expect(d.monthsUsed).toEqual(["2023-10", "2023-12"]);
    expect(d.averageMonthlySales?.amount.toString()).toBe("9300"); // 31 × 300
  });

  it("accounts for minimum payments (§ 942(a)(3))", () => {
    const withMin = salesBasedAdvance({ principal: usd("10000"), fee: 1500, holdbackRate: "0.01", minimumPayment: { rate: "0.25", everyDays: 60 } });
    const d = disclosure(withMin, daily("2023-01-01", 365, "400"), { method: "historical" });
    // $4/day alone would take 2,875 days; the 25 % / 60-day minimum ($2,875) repays in 4 windows
    expect(d.estimatedTermDays).toBe(240);
  });

  it("works for a revenue-share loan", () => {
    const loan = revenueShareLoan({ principal: usd("10000"), repaymentCap: "1.15", revenueShare: "0.1" });
    expect(disclosure(loan, daily("2023-01-01", 365, "400"), { method: "historical" }).estimatedTermDays).toBe(288);
  });

  it("throws when the projection never repays, and on bad inputs", () => {
    expect(() => disclosure(offer, daily("2023-01-01", 365, "0"), { method: "historical" })).toThrow(/never repay/);
    expect(() => disclosure(offer, [], { method: "historical" })).toThrow(ValidationError);
    expect(() => disclosure(offer, daily("2024-01-01", 10, "400"), { method: "historical" })).toThrow(/complete calendar month/);
    expect(() => disclosure(offer, daily("2023-01-01", 30, "1"), { method: "underwriting" as never })).toThrow(/options.method/);
    expect(() => disclosure(offer, daily("2023-01-01", 30, "1"), { method: "historical", months: 3 })).toThrow(/options.months/);
    expect(() => disclosure(offer, daily("2023-01-01", 30, "1", "EUR"), { method: "historical" })).toThrow(CurrencyMismatchError);
    const loan = termLoan({ principal: usd("1000"), annualRate: "0.1", termMonths: 3, startDate: "2024-01-01" });
    expect(disclosure(loan, [], { method: "historical" }).method).toBe("closed-end"); // #14: term loans are disclosed (§ 910)
  });
});
