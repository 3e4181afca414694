import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import type { Sale } from "../share/types.js";
import { cohortsByPeriod } from "./cohortsByPeriod.js";
import { cohortSurvival } from "./cohortSurvival.js";
import { countNewSellers } from "./countNewSellers.js";
import { countSellersAboveSales } from "./countSellersAboveSales.js";
import { countSellersByCountry } from "./countSellersByCountry.js";
import { createSeller } from "./createSeller.js";
import { salesBrackets } from "./salesBrackets.js";
import { sumSalesBySeller } from "./sumSalesBySeller.js";

const seller = (id: string, joinedOn: string, extra: { country?: string; leftOn?: string } = {}) => createSeller({ id, joinedOn, ...extra });
const sale = (sellerId: string, date: string, usd: string, currency = "USD"): Sale => ({ sellerId, date: new Date(date), amount: money(usd, currency) });
const y2017 = { start: "2017-01-01", end: "2018-01-01" };

describe("countNewSellers", () => {
  it("counts joins in [start, end) once per id", () => {
    const sellers = [seller("a", "2016-12-31"), seller("b", "2017-01-01"), seller("c", "2017-12-31"), seller("c", "2017-06-01"), seller("d", "2018-01-01")];
    expect(countNewSellers(sellers, y2017)).toBe(2);
    expect(countNewSellers([], y2017)).toBe(0);
  });
  it("rejects reversed or empty intervals", () => {
    expect(() => countNewSellers([], { start: "2018-01-01", end: "2017-01-01" })).toThrowError(expect.objectContaining({ code: "INVALID_DATE_ORDER" }));
    expect(() => countNewSellers([], { start: "2018-01-01", end: "2018-01-01" })).toThrow(ValidationError);
  });
});

describe("cohortsByPeriod", () => {
  it("groups by quarter including empty quarters", () => {
    const rows = cohortsByPeriod([seller("a", "2017-01-10"), seller("b", "2017-08-01"), seller("c", "2017-03-31")], "quarter");
    expect(rows.map((r) => [r.cohort, r.size, r.sellerIds])).toEqual([
      ["2017-Q1", 2, ["a", "c"]],
      ["2017-Q2", 0, []],
      ["2017-Q3", 1, ["b"]],
    ]);
  });
  it("returns [] for no sellers", () => {
    expect(cohortsByPeriod([], "year")).toEqual([]);
  });
});

describe("cohortSurvival", () => {
  it("builds the cohort triangle", () => {
    const sellers = [seller("a", "2017-01-05"), seller("b", "2017-01-09", { leftOn: "2017-02-10" }), seller("c", "2017-02-02", { leftOn: "2017-03-01" })];
    const rows = cohortSurvival(sellers, { asOf: "2017-04-15" });
    // Jan: at Feb 1 {a,b}, Mar 1 {a}, Apr 1 {a}. Feb: at Mar 1 {c} (left on Mar 1 counts as still active that day), Apr 1 {}.
    expect(rows.map((r) => [r.cohort, r.size, r.active])).toEqual([
      ["2017-01", 2, [2, 1, 1]],
      ["2017-02", 1, [1, 0]],
    ]);
    expect(rows[0]?.rate.map((x) => x.toString())).toEqual(["1", "0.5", "0.5"]);
  });
});

describe("countSellersByCountry", () => {
  it("counts per country with unknowns last on ties", () => {
    const sellers = [seller("a", "2017-01-01", { country: "US" }), seller("b", "2017-01-01", { country: "DE" }), seller("c", "2016-01-01")];
    expect(countSellersByCountry(sellers)).toEqual([
      { country: "DE", sellers: 1 },
      { country: "US", sellers: 1 },
      { country: "unknown", sellers: 1 },
    ]);
    expect(countSellersByCountry(sellers, y2017)).toEqual([
      { country: "DE", sellers: 1 },
      { country: "US", sellers: 1 },
    ]);
  });
});

describe("countSellersAboveSales", () => {
  const sales = [
    sale("a", "2017-03-01", "600000"),
    sale("a", "2017-09-01", "500000"),
    sale("b", "2017-05-01", "1000000"),
    sale("c", "2018-01-01", "2000000"),
    sale("d", "2017-02-01", "1200000"),
    sale("d", "2017-02-02", "-300000"),
  ];
  it("counts sellers strictly above the threshold within the interval, net of refunds", () => {
    // a: 1.1M > 1M ✓; b: exactly 1M ✗; c: outside 2017; d: 1.2M − 0.3M = 0.9M ✗.
    expect(countSellersAboveSales(sales, money("1000000", "USD"), y2017)).toBe(1);
    expect(countSellersAboveSales([], money("1", "USD"), y2017)).toBe(0);
  });
  it("rejects a threshold in another currency", () => {
    expect(() => countSellersAboveSales(sales, money("1", "EUR"), y2017)).toThrow(CurrencyMismatchError);
  });
});

describe("salesBrackets", () => {
  const sales = [sale("a", "2017-01-01", "10000"), sale("b", "2017-01-01", "10000.01"), sale("c", "2017-01-01", "999999"), sale("d", "2017-01-01", "1000001")];
  it("uses (lower, upper] brackets", () => {
    const b = salesBrackets(sales, [money("10000", "USD"), money("1000000", "USD")]);
    expect(b.map((x) => x.sellers)).toEqual([1, 2, 1]);
    expect(b[1]?.total.amount.toString()).toBe("1009999.01");
    expect(b[0]?.above).toBeUndefined();
    expect(b[2]?.upTo).toBeUndefined();
  });
  it("agrees with countSellersAboveSales on the top bracket", () => {
    expect(salesBrackets(sales, [money("1000000", "USD")], { interval: y2017 })[1]?.sellers).toBe(countSellersAboveSales(sales, money("1000000", "USD"), y2017));
  });
  it("rejects empty or unsorted boundaries", () => {
    expect(() => salesBrackets(sales, [])).toThrowError(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => salesBrackets(sales, [money("2", "USD"), money("1", "USD")])).toThrow(ValidationError);
  });
});

describe("sumSalesBySeller", () => {
  it("sums and sorts", () => {
    expect(sumSalesBySeller([sale("a", "2017-01-01", "1"), sale("b", "2017-01-01", "3"), sale("a", "2017-01-01", "1")]).map((r) => [r.sellerId, r.total.amount.toString()])).toEqual([
      ["b", "3"],
      ["a", "2"],
    ]);
  });
  it("rejects mixed currencies", () => {
    expect(() => sumSalesBySeller([sale("a", "2017-01-01", "1"), sale("a", "2017-01-01", "1", "EUR")])).toThrow(CurrencyMismatchError);
  });
});

describe("cohortSurvival asOf is the last observed day, inclusive (audit regression)", () => {
  it("reports the column at Apr 1 when March 31 has been observed", () => {
    const sellers = [
      createSeller({ id: "a", joinedOn: "2017-01-05" }),
      createSeller({ id: "b", joinedOn: "2017-01-09", leftOn: "2017-02-10" }),
      createSeller({ id: "c", joinedOn: "2017-01-20", leftOn: "2017-03-15" }),
    ];
    expect(cohortSurvival(sellers, { period: "month", asOf: "2017-03-31" })[0]?.active).toEqual([3, 2, 1]);
    expect(cohortSurvival(sellers, { period: "month", asOf: "2017-03-30" })[0]?.active).toEqual([3, 2]);
  });
});
