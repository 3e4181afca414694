import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError } from "../errors.js";
import { money } from "../money/money.js";
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
