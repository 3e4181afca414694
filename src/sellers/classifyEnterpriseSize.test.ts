import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import type { Money } from "../money/types.js";
import { classifyEnterpriseSize } from "./classifyEnterpriseSize.js";
import { isSmallOrMediumBusiness } from "./isSmallOrMediumBusiness.js";

const eur = (m: string) => money(m, "EUR");

// Ceilings from Commission Recommendation 2003/361/EC, Annex Art. 2.
describe("classifyEnterpriseSize (EU-2003/361)", () => {
  it.each([
    [9, "2000000", "99000000", "micro"],
    [9, "99000000", "2000000", "micro"], // balance sheet alone suffices
    [10, "1000000", "1000000", "small"], // staff 10 is not < 10
    [49, "10000000", "10000001", "small"],
    [50, "1", "1", "medium"],
    [249, "50000000", "99000000", "medium"],
    [249, "50000001", "43000000", "medium"], // €43M balance sheet ceiling for medium
    [249, "50000001", "43000001", "large"],
    [250, "1", "1", "large"],
  ] as const)("staff %i, turnover %s, balance %s → %s", (employees, turnover, balance, size) => {
    expect(classifyEnterpriseSize({ employees, annualTurnover: eur(turnover), balanceSheetTotal: eur(balance) }, "EU-2003/361").size).toBe(size);
  });

  it("needs the headcount", () => {
    const r = classifyEnterpriseSize({ annualTurnover: eur("1") }, "EU-2003/361");
    expect(r.size).toBeUndefined();
    expect(r.missing).toEqual(["employees"]);
    expect(r.isSme).toBeUndefined();
  });
  it("decides without the balance sheet when turnover settles it", () => {
    expect(classifyEnterpriseSize({ employees: 5, annualTurnover: eur("1500000") }, "EU-2003/361").size).toBe("micro");
  });
  it("names the missing fact when turnover alone does not settle it", () => {
    const r = classifyEnterpriseSize({ employees: 5, annualTurnover: eur("3000000") }, "EU-2003/361");
    expect(r.size).toBeUndefined();
    expect(r.missing).toEqual(["balanceSheetTotal"]);
    expect(classifyEnterpriseSize({ employees: 120 }, "EU-2003/361").missing).toEqual(["annualTurnover", "balanceSheetTotal"]);
  });
  it("is large at 250 staff whatever the money facts", () => {
    expect(classifyEnterpriseSize({ employees: 250 }, "EU-2003/361").size).toBe("large");
  });
  it("requires EUR amounts", () => {
    expect(() => classifyEnterpriseSize({ employees: 5, annualTurnover: money("1", "USD") }, "EU-2003/361")).toThrow(CurrencyMismatchError);
  });
  it("rejects an unknown standard and bad headcounts", () => {
    expect(() => classifyEnterpriseSize({ employees: 5 }, "UK" as never)).toThrowError(expect.objectContaining({ code: "UNKNOWN_OPTION" }));
    expect(() => classifyEnterpriseSize({ employees: -5 }, "EU-2003/361")).toThrow(ValidationError);
  });
});

describe("classifyEnterpriseSize (US-SBA)", () => {
  const table = [
    { naicsCode: "454110", title: "Electronic Shopping", measure: "receipts", limit: "41.5" },
    { naicsCode: "999999", title: "Test employees", measure: "employees", limit: "500" },
  ] as const;
  it("uses the bundled 454110 receipts standard ($41.5M, inclusive)", () => {
    expect(classifyEnterpriseSize({ naicsCode: "454110", annualTurnover: money("41500000", "USD") }, "US-SBA").size).toBe("small");
    expect(classifyEnterpriseSize({ naicsCode: "454110", annualTurnover: money("41500000.01", "USD") }, "US-SBA").size).toBe("large");
  });
  it("uses an employee standard from the caller's table", () => {
    expect(classifyEnterpriseSize({ naicsCode: "999999", employees: 500 }, "US-SBA", { sizeStandards: table }).size).toBe("small");
    expect(classifyEnterpriseSize({ naicsCode: "999999", employees: 501 }, "US-SBA", { sizeStandards: table }).isSme).toBe(false);
  });
  it("reports missing NAICS code or measure", () => {
    expect(classifyEnterpriseSize({ employees: 3 }, "US-SBA").missing).toEqual(["naicsCode"]);
    expect(classifyEnterpriseSize({ naicsCode: "454110", employees: 3 }, "US-SBA").missing).toEqual(["annualTurnover"]);
    expect(classifyEnterpriseSize({ annualTurnover: money("1", "USD") }, "US-SBA", { naicsCode: "454110" }).size).toBe("small");
  });
  it("throws for a code absent from the table", () => {
    expect(() => classifyEnterpriseSize({ naicsCode: "111110", employees: 3 }, "US-SBA")).toThrowError(expect.objectContaining({ code: "UNKNOWN_OPTION" }));
  });
});

describe("isSmallOrMediumBusiness", () => {
  it("answers true, false or undefined", () => {
    expect(isSmallOrMediumBusiness({ employees: 3, annualTurnover: eur("10") })).toBe(true);
    expect(isSmallOrMediumBusiness({ employees: 400 })).toBe(false);
    expect(isSmallOrMediumBusiness({ employees: 3 })).toBeUndefined();
  });
});

describe("classifyEnterpriseSize options.toEur (EU-2003/361 with non-EUR amounts)", () => {
  const usd = (m: string) => money(m, "USD");
  // illustrative fixed rate: 1 USD = 0.9 EUR
  const toEur = (m: Money) => money(m.amount.times("0.9"), "EUR");

  it("converts USD turnover and balance sheet before applying the ceilings", () => {
    // $10.5M × 0.9 = €9.45M ≤ €10M → small; $11.2M × 0.9 = €10.08M > €10M → not small on turnover
    expect(classifyEnterpriseSize({ employees: 40, annualTurnover: usd("10500000") }, "EU-2003/361", { toEur }).size).toBe("small");
    const r = classifyEnterpriseSize({ employees: 40, annualTurnover: usd("11200000"), balanceSheetTotal: usd("2000000") }, "EU-2003/361", { toEur });
    // balance sheet $2M × 0.9 = €1.8M ≤ €10M → small via the balance sheet
    expect(r.size).toBe("small");
    expect(r.reason).toBe("small: staff 40 < 50 and balance sheet ≤ €10M (annualTurnover converted from USD with options.toEur; balanceSheetTotal converted from USD with options.toEur)");
    // the ceiling is inclusive after conversion (rate 0.8: $12.5M → exactly €10M)
    const at08 = (m: Money) => money(m.amount.times("0.8"), "EUR");
    expect(classifyEnterpriseSize({ employees: 49, annualTurnover: usd("12500000") }, "EU-2003/361", { toEur: at08 }).size).toBe("small");
    expect(classifyEnterpriseSize({ employees: 49, annualTurnover: usd("12500001.25") }, "EU-2003/361", { toEur: at08 }).missing).toEqual(["balanceSheetTotal"]);
  });

  it("calls the converter only for non-EUR amounts, once each", () => {
    const seen: string[] = [];
    const spy = (m: Money) => {
      seen.push(`${m.currency} ${m.amount.toString()}`);
      return toEur(m);
    };
    const r = classifyEnterpriseSize({ employees: 60, annualTurnover: eur("60000000"), balanceSheetTotal: usd("40000000") }, "EU-2003/361", { toEur: spy });
    expect(seen).toEqual(["USD 40000000"]);
    expect(r.size).toBe("medium"); // €36M balance sheet ≤ €43M
  });

  it("keeps the old behaviour without toEur, and reports missing facts as before", () => {
    expect(() => classifyEnterpriseSize({ employees: 3, annualTurnover: usd("1") }, "EU-2003/361")).toThrow(CurrencyMismatchError);
    const r = classifyEnterpriseSize({ employees: 5, annualTurnover: usd("3000000") }, "EU-2003/361", { toEur });
    expect(r.size).toBeUndefined(); // €2.7M > €2M: needs the balance sheet
    expect(r.missing).toEqual(["balanceSheetTotal"]);
  });

  it("rejects a bad converter or a bad result", () => {
    expect(() => classifyEnterpriseSize({ employees: 3 }, "EU-2003/361", { toEur: "0.9" as never })).toThrowError(
      expect.objectContaining({ name: "ValidationTypeError", message: expect.stringMatching(/^classifyEnterpriseSize: options\.toEur must be a function/) }),
    );
    expect(() => classifyEnterpriseSize({ employees: 3, annualTurnover: usd("1") }, "EU-2003/361", { toEur: () => money("1", "GBP") })).toThrow(CurrencyMismatchError);
    expect(() => classifyEnterpriseSize({ employees: 3, annualTurnover: usd("1") }, "EU-2003/361", { toEur: () => 0.9 as never })).toThrowError(
      /^classifyEnterpriseSize: options\.toEur\(facts\.annualTurnover\) result must be a Money/,
    );
    expect(() => classifyEnterpriseSize({ employees: 3, annualTurnover: usd("1") }, "EU-2003/361", { toEur: () => money("-1", "EUR") })).toThrow(ValidationError);
    // a negative input amount is rejected before the converter is called
    expect(() =>
      classifyEnterpriseSize({ employees: 3, annualTurnover: usd("-1") }, "EU-2003/361", {
        toEur: () => {
          throw new Error("not called");
        },
      }),
    ).toThrow(ValidationError);
  });

  it("is ignored by US-SBA (receipts stay in USD) and passed through by isSmallOrMediumBusiness", () => {
    expect(classifyEnterpriseSize({ naicsCode: "454110", annualTurnover: usd("30000000") }, "US-SBA", { toEur }).size).toBe("small");
    expect(isSmallOrMediumBusiness({ employees: 120, annualTurnover: usd("50000000") }, "EU-2003/361", { toEur })).toBe(true); // €45M ≤ €50M
    expect(isSmallOrMediumBusiness({ employees: 120, annualTurnover: usd("60000000") }, "EU-2003/361", { toEur })).toBeUndefined(); // €54M: needs the balance sheet
  });
});

describe("SME status settled before the size band (audit regression)", () => {
  it("is an SME when staff < 250 and turnover ≤ €50M even if the balance sheet is unknown", () => {
    // 5 staff, €5M turnover: too much turnover for "micro" (≤ €2M) so micro needs the balance sheet,
    // but Annex Art. 2(1) is met (< 250 staff, turnover ≤ €50M): an SME whatever the balance sheet.
    const r = classifyEnterpriseSize({ employees: 5, annualTurnover: money("5000000", "EUR") }, "EU-2003/361");
    expect(r.size).toBeUndefined();
    expect(r.missing).toEqual(["balanceSheetTotal"]);
    expect(r.isSme).toBe(true);
    expect(isSmallOrMediumBusiness({ employees: 5, annualTurnover: money("5000000", "EUR") })).toBe(true);
    // 100 staff, €60M turnover: the balance sheet could still make it medium, so undecided.
    expect(isSmallOrMediumBusiness({ employees: 100, annualTurnover: money("60000000", "EUR") })).toBeUndefined();
  });
});
