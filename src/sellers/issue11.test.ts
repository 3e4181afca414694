import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { cohortSurvival } from "./cohortSurvival.js";
import { cohortsByPeriod } from "./cohortsByPeriod.js";
import { countNewSellers } from "./countNewSellers.js";
import { countSellersAboveSales } from "./countSellersAboveSales.js";
import { createSeller } from "./createSeller.js";

const code = (c: string, fn: string) => expect.objectContaining({ code: c, fn });
const a = createSeller({ id: "a", joinedOn: "2017-01-05" });
const year = { start: "2017-01-01", end: "2018-01-01" };

describe("sellers on hostile input (#11)", () => {
  it("cohortSurvival: a leftOn string is a typed error (was 's.leftOn.getTime is not a function')", () => {
    expect(() => cohortSurvival([{ id: "b", joinedOn: new Date("2017-01-09"), leftOn: "2017-02-10" } as never], { asOf: "2017-04-01" })).toThrowError(code("INVALID_TYPE", "cohortSurvival"));
  });
  it("a Proxy-wrapped Date is a typed error in every seller function", () => {
    const p = new Proxy(new Date("2017-01-05"), {});
    expect(() => cohortsByPeriod([{ id: "a", joinedOn: p }], "month")).toThrowError(code("INVALID_TYPE", "cohortsByPeriod"));
    expect(() => countNewSellers([a], { start: p, end: "2018-01-01" })).toThrowError(code("INVALID_TYPE", "countNewSellers"));
    expect(() => cohortSurvival([a], { asOf: p })).toThrowError(code("INVALID_TYPE", "cohortSurvival"));
  });
  it("sparse arrays are typed errors, huge ones fail fast", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => countNewSellers([, a] as never, year)).toThrowError(code("MISSING_VALUE", "countNewSellers"));
    const huge: unknown[] = [];
    huge.length = 2 ** 32 - 1;
    huge[0] = a;
    const t = Date.now();
    expect(() => cohortsByPeriod(huge as never, "month")).toThrowError(code("MISSING_VALUE", "cohortsByPeriod"));
    expect(() => cohortSurvival(huge as never, { asOf: "2017-04-01" })).toThrowError(code("MISSING_VALUE", "cohortSurvival"));
    expect(Date.now() - t).toBeLessThan(1000);
  });
  it("bounds cohort loops before they start (a year-0 seller used to hang)", () => {
    const t = Date.now();
    const old = { id: "z", joinedOn: new Date("0000-01-05T00:00:00Z") };
    expect(() => cohortsByPeriod([old, a], "day")).toThrowError(code("OUT_OF_RANGE", "cohortsByPeriod"));
    expect(() => cohortSurvival([old, a], { period: "month", asOf: "2017-04-01" })).toThrowError(code("OUT_OF_RANGE", "cohortSurvival"));
    expect(() => cohortsByPeriod([{ id: "y", joinedOn: new Date(8.64e15) }], "month")).toThrowError(code("OUT_OF_RANGE", "cohortsByPeriod"));
    expect(Date.now() - t).toBeLessThan(2000);
  });
  it("a currency mismatch names the row", () => {
    const rows = [
      { sellerId: "a", date: "2017-03-01", amount: money("1", "USD") },
      { sellerId: "b", date: "2017-05-01", amount: money("1", "EUR") },
    ];
    expect(() => countSellersAboveSales(rows, money("1", "USD"), year)).toThrow(/at sellerSales\[1\] \(date 2017-05-01, sellerId "b"\)/);
  });
});

describe("classifyEnterpriseSize validates every field given, whichever standard reads it (#11)", () => {
  const facts = { employees: 40, annualTurnover: money("10500000", "EUR"), balanceSheetTotal: money("9000000", "EUR") };
  it("rejects NaN or a Date in fields the EU standard ignores, and facts that are a Date", async () => {
    const { classifyEnterpriseSize } = await import("./classifyEnterpriseSize.js");
    const { isSmallOrMediumBusiness } = await import("./isSmallOrMediumBusiness.js");
    expect(() => classifyEnterpriseSize({ ...facts, naicsCode: Number.NaN } as never, "EU-2003/361")).toThrowError(code("INVALID_TYPE", "classifyEnterpriseSize"));
    expect(() => classifyEnterpriseSize(facts, "EU-2003/361", { naicsCode: Number.NaN } as never)).toThrowError(code("INVALID_TYPE", "classifyEnterpriseSize"));
    expect(() => classifyEnterpriseSize(facts, "EU-2003/361", { sizeStandards: new Date(Number.NaN) } as never)).toThrowError(code("INVALID_TYPE", "classifyEnterpriseSize"));
    expect(() => classifyEnterpriseSize(new Date(Number.NaN) as never, "EU-2003/361")).toThrowError(code("INVALID_TYPE", "classifyEnterpriseSize"));
    expect(() => isSmallOrMediumBusiness(facts, "US-SBA", { naicsCode: "454110", toEur: Number.NaN } as never)).toThrowError(code("INVALID_TYPE", "isSmallOrMediumBusiness"));
    expect(() => classifyEnterpriseSize(facts, "EU-2003/361", { naics: "454110" } as never)).toThrowError(code("UNKNOWN_OPTION", "classifyEnterpriseSize"));
    // staff 40 < 50 and balance sheet €9M ≤ €10M: small (Art. 2(2) of Recommendation 2003/361/EC)
    expect(classifyEnterpriseSize(facts, "EU-2003/361").size).toBe("small");
  });
});

describe("seller option objects (#11)", () => {
  it("reject a Date, null or unknown keys as options", () => {
    expect(() => countNewSellers([a], year, new Date(Number.NaN) as never)).toThrowError(code("INVALID_TYPE", "countNewSellers"));
    expect(() => countNewSellers([a], year, null as never)).toThrowError(code("INVALID_TYPE", "countNewSellers"));
    expect(() => countNewSellers([a], year, { distinct: true } as never)).toThrow(/allowed keys: "distinctIds"/);
    expect(() => createSeller({ id: "a", joinedOn: "2017-01-01" }, { asof: "2018-01-01" } as never)).toThrowError(code("UNKNOWN_OPTION", "createSeller"));
  });
});
