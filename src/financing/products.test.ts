import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError, ValidationTypeError } from "../errors.js";
import { money } from "../money/money.js";
import { revenueShareLoan } from "./revenueShareLoan.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { termLoan } from "./termLoan.js";

const usd = (a: string | number) => money(a, "USD");

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe("salesBasedAdvance", () => {
  it("derives the fee from a factor rate (Shopify: $5,000 → $5,650 at 1.13)", () => {
    // Shopify Help Center example: $5,000 advance for $5,650 of future sales.
    const a = salesBasedAdvance({ principal: usd("5000"), factorRate: "1.13", holdbackRate: "0.1" });
    expect(a.fee.amount.toString()).toBe("650");
    expect(a.totalRepayment.amount.toString()).toBe("5650");
    expect(a.factorRate.toString()).toBe("1.13");
    expect(Object.isFrozen(a)).toBe(true);
  });
  it("PayPal minimum: 10 % of $9,500 + $500 = $1,000 every 90 days (PayPal AU FAQ3720)", () => {
    const a = salesBasedAdvance({ principal: usd("9500"), fee: usd("500"), holdbackRate: "0.1", minimumPayment: { rate: "0.1", everyDays: 90, forDays: 540 } });
    // Compared through JSON: the library's Decimals come from its private Decimal.clone (#11), whose
    // instances pass Decimal.isDecimal but are not deep-equal to a `new Decimal` of the test's copy.
    expect(JSON.parse(JSON.stringify(a.minimumPayment))).toEqual({ rate: "0.1", everyDays: 90, forDays: 540, amount: { amount: "1000", currency: "USD" } });
    expect(Decimal.isDecimal(a.minimumPayment?.rate)).toBe(true);
    expect(a.minimumPayment?.amount).toEqual(usd("1000"));
  });
  it.each([
    ["holdback 0", { holdbackRate: 0 }, "OUT_OF_RANGE"],
    ["holdback 1", { holdbackRate: 1 }, "OUT_OF_RANGE"],
    ["holdback -0.1", { holdbackRate: "-0.1" }, "OUT_OF_RANGE"],
    ["holdback NaN", { holdbackRate: Number.NaN }, "INVALID_NUMBER"],
    ["holdback Infinity", { holdbackRate: Number.POSITIVE_INFINITY }, "INVALID_NUMBER"],
    ["holdback abc", { holdbackRate: "abc" }, "INVALID_NUMBER"],
    ["negative fee", { fee: -1 }, "OUT_OF_RANGE"],
    ["sub-cent fee", { fee: "1.005" }, "SUB_MINOR_UNIT"],
    ["zero principal", { principal: usd(0) }, "OUT_OF_RANGE"],
    ["unknown currency", { principal: { amount: 1, currency: "ABC" } }, "UNKNOWN_CURRENCY"],
    ["null principal", { principal: null }, "MISSING_VALUE"],
    ["fee and factor", { factorRate: "1.1" }, "CONFLICTING_OPTIONS"],
    ["zero-day window", { minimumPayment: { rate: "0.1", everyDays: 0 } }, "OUT_OF_RANGE"],
    ["fractional maxTermDays", { maxTermDays: 1.5 }, "NOT_INTEGER"],
  ])("rejects %s", (_n, patch, code) => {
    expect(codeOf(() => salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1", ...patch } as never))).toBe(code);
  });
  it("rejects a fee in another currency and a missing fee", () => {
    expect(() => salesBasedAdvance({ principal: usd("1000"), fee: money(1, "EUR"), holdbackRate: "0.1" })).toThrow(CurrencyMismatchError);
    expect(() => salesBasedAdvance({ principal: usd("1000"), holdbackRate: "0.1" })).toThrow(ValidationTypeError);
    expect(() => salesBasedAdvance({ principal: usd("1000"), fee: 1, holdbackRate: "0.1" }).principal).not.toThrow();
    expect(() => salesBasedAdvance(undefined as never)).toThrow(/^salesBasedAdvance: /);
  });
});

describe("revenueShareLoan", () => {
  it("computes the cap", () => {
    const l = revenueShareLoan({ principal: usd("50000"), repaymentCap: "1.4", revenueShare: "0.06" });
    expect(l.totalRepayment.amount.toString()).toBe("70000");
  });
  it("rejects a cap below 1 and a share of 1", () => {
    expect(() => revenueShareLoan({ principal: usd("1"), repaymentCap: "0.9", revenueShare: "0.1" })).toThrow(ValidationError);
    expect(() => revenueShareLoan({ principal: usd("1"), repaymentCap: "1.1", revenueShare: 1 })).toThrow(ValidationError);
  });
});

describe("termLoan", () => {
  it("amortises $12,000 at 12 % over 12 months (pmt = 1,066.19 by the annuity formula)", () => {
    // A = 12000 × 0.01 / (1 − 1.01^−12) = 1066.1855 → 1066.19 (numpy-financial pmt(0.01, 12, -12000))
    const l = termLoan({ principal: usd("12000"), annualRate: "0.12", termMonths: 12, startDate: "2017-01-31" });
    expect(l.instalments).toHaveLength(12);
    expect(l.instalments[0]!.amount.amount.toString()).toBe("1066.19");
    expect(l.instalments[0]!.interest.amount.toString()).toBe("120");
    // end-of-month clamping: 31 Jan + 1 month = 28 Feb 2017
    expect(l.instalments[0]!.dueDate.toISOString()).toBe("2017-02-28T00:00:00.000Z");
    const principalSum = l.instalments.reduce((a, i) => a.plus(i.principal.amount), new Decimal(0));
    expect(principalSum.toString()).toBe("12000");
    expect(l.instalments[11]!.remainingPrincipal.amount.toString()).toBe("0");
  });
  it('schedules every 14 days with schedule "biweek"', () => {
    const l = termLoan({ principal: usd("2600"), annualRate: 0, termMonths: 6, startDate: "2024-01-01", schedule: "biweek" });
    expect(l.instalments).toHaveLength(13);
    expect(l.instalments[0]!.dueDate.toISOString()).toBe("2024-01-15T00:00:00.000Z");
    expect(l.instalments[0]!.amount.amount.toString()).toBe("200");
  });
  it("rejects a zero-term loan and other bad inputs", () => {
    expect(codeOf(() => termLoan({ principal: usd("1000"), annualRate: "0.1", termMonths: 0, startDate: "2024-01-01" }))).toBe("OUT_OF_RANGE");
    expect(codeOf(() => termLoan({ principal: usd("1000"), annualRate: "0.1", termMonths: 3, startDate: "2024-02-30" }))).toBe("INVALID_DATE");
    expect(codeOf(() => termLoan({ principal: usd("1000"), annualRate: "-0.1", termMonths: 3, startDate: "2024-01-01" }))).toBe("OUT_OF_RANGE");
    expect(codeOf(() => termLoan({ principal: usd("1000"), annualRate: "0.1", termMonths: 3, startDate: "2024-01-01", schedule: "weekly" as never }))).toBe("UNKNOWN_OPTION");
  });
  it('defaults to schedule "month" and reports it', () => {
    const l = termLoan({ principal: usd("1200"), annualRate: 0, termMonths: 3, startDate: "2024-01-15" });
    expect(l.schedule).toBe("month");
    expect(termLoan({ principal: usd("1200"), annualRate: 0, termMonths: 3, startDate: "2024-01-15", schedule: "month" }).instalments.map((i) => i.dueDate.toISOString())).toEqual(
      l.instalments.map((i) => i.dueDate.toISOString()),
    );
  });
  it("rejects the 0.1.0 schedule names with an error naming the new one (#10)", () => {
    const base = { principal: usd("1000"), annualRate: "0.1", termMonths: 3, startDate: "2024-01-01" };
    expect(() => termLoan({ ...base, schedule: "monthly" as never })).toThrowErrorMatchingInlineSnapshot(
      `[ValidationError: termLoan: schedule must be one of the names listed, received "monthly" (renamed to "month" in 0.2.0; allowed: "month", "biweek")]`,
    );
    expect(() => termLoan({ ...base, schedule: "every-14-days" as never })).toThrowErrorMatchingInlineSnapshot(
      `[ValidationError: termLoan: schedule must be one of the names listed, received "every-14-days" (renamed to "biweek" in 0.2.0; allowed: "month", "biweek")]`,
    );
    expect(codeOf(() => termLoan({ ...base, schedule: "monthly" as never }))).toBe("UNKNOWN_OPTION");
  });
});
