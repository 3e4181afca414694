/**
 * The policy decisions of README "Conventions" (issue #11): empty input, refunds, the amount range
 * and the year range, each checked on the functions the README names, so the text cannot drift
 * from the behaviour.
 */
import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";

const usd = (a: string) => lib.money(a, "USD");
const code = (c: string, fn: string) => expect.objectContaining({ code: c, fn });

describe('README "Conventions" (#11)', () => {
  it("empty input: a count, a sum or a breakdown of nothing is its identity", () => {
    expect(lib.sum([], "USD").amount.toString()).toBe("0");
    expect(lib.countNewSellers([], { start: "2024-01-01", end: "2025-01-01" })).toBe(0);
    expect(lib.cohortsByPeriod([], "year")).toEqual([]);
    expect(lib.salesShare([], () => "a").segments).toEqual([]);
    const declared = lib.salesShare([], (): string => "a", { segments: ["a", "b"] });
    expect(declared.segments.map((s) => [s.segment, s.gmv.amount.toString(), s.gmvShare.toString()])).toEqual([
      ["a", "0", "0"],
      ["b", "0", "0"],
    ]);
  });

  it("empty input: a measure or a solver undefined on nothing throws EMPTY_INPUT", () => {
    expect(() => lib.herfindahlHirschmanIndex([])).toThrowError(code("EMPTY_INPUT", "herfindahlHirschmanIndex"));
    expect(() => lib.giniCoefficient([])).toThrowError(code("EMPTY_INPUT", "giniCoefficient"));
    expect(() => lib.topShare([], 1)).toThrowError(code("EMPTY_INPUT", "topShare"));
    expect(() => lib.wilsonInterval(0, 0)).toThrowError(code("EMPTY_INPUT", "wilsonInterval"));
    expect(() => lib.npv("0.1", [])).toThrowError(code("EMPTY_INPUT", "npv"));
    expect(() => lib.irr([])).toThrowError(code("EMPTY_INPUT", "irr"));
    expect(() => lib.xirr([])).toThrowError(code("EMPTY_INPUT", "xirr"));
    expect(() => lib.allocate(usd("1"), [])).toThrowError(code("EMPTY_INPUT", "allocate"));
  });

  it("all-zero values: HHI and topShare throw UNDEFINED_RESULT, Gini is 0", () => {
    expect(() => lib.herfindahlHirschmanIndex([0, 0])).toThrowError(code("UNDEFINED_RESULT", "herfindahlHirschmanIndex"));
    expect(() => lib.topShare([0, 0], 1)).toThrowError(code("UNDEFINED_RESULT", "topShare"));
    expect(lib.giniCoefficient([0, 0]).toString()).toBe("0");
  });

  it("refunds: net throws on a negative segment, gross reports it, exclude skips, reject throws", () => {
    const rows = [
      { sellerId: "a", date: "2024-01-01", amount: usd("100") },
      { sellerId: "b", date: "2024-01-02", amount: usd("50") },
      { sellerId: "b", date: "2024-01-03", amount: usd("-80") },
    ];
    const by = (s: { sellerId: string }) => s.sellerId;
    expect(() => lib.salesShare(rows, by)).toThrowError(code("UNDEFINED_RESULT", "salesShare"));
    const gross = lib.salesShare(rows, by, { refunds: "gross", precision: 4 });
    // Shares over gross sales 100 + 50: b = 50 / 150.
    expect([gross.bySegment["b"]?.gmvShare.toFixed(), gross.bySegment["b"]?.refunds?.amount.toFixed(), gross.bySegment["b"]?.netGmv?.amount.toFixed()]).toEqual(["0.3333", "80", "-30"]);
    const excluded = lib.salesShare(rows, by, { refunds: "exclude", precision: 4 });
    expect(excluded.bySegment["b"]?.gmv.amount.toFixed()).toBe("50");
    expect(() => lib.salesShare(rows, by, { refunds: "reject" })).toThrowError(code("OUT_OF_RANGE", "salesShare"));
  });

  it("amount range: magnitude below 1e30, at most 40 decimal places; other numbers from 1e-1000 to below 1e1000", () => {
    expect(lib.money("999999999999999999999999999999.99", "USD").amount.toFixed()).toBe("999999999999999999999999999999.99");
    expect(() => lib.money("1e30", "USD")).toThrowError(code("OUT_OF_RANGE", "money"));
    expect(() => lib.money(`0.${"0".repeat(40)}1`, "USD")).toThrowError(code("OUT_OF_RANGE", "money"));
    expect(() => lib.multiply(usd("1"), "1e1000")).toThrowError(code("OUT_OF_RANGE", "multiply"));
  });

  it("year range: 0000-01-01 to 9999-12-31, checked before any loop", () => {
    expect(lib.parseDate("9999-12-31").toISOString()).toBe("9999-12-31T00:00:00.000Z");
    expect(lib.parseDate("0000-01-01").toISOString()).toBe("0000-01-01T00:00:00.000Z");
    expect(() => lib.parseDate("+010000-01-01")).toThrowError(expect.objectContaining({ fn: "parseDate" }));
    expect(() => lib.eachPeriod("2024-01-01", new Date(8.64e15), "day")).toThrowError(code("OUT_OF_RANGE", "eachPeriod"));
  });
});

describe("issue #11 reproducers without a regression test elsewhere", () => {
  it("sparse arrays in allocate, aprRegZ and topShare throw MISSING_VALUE naming the hole (were TypeErrors)", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => lib.allocate(usd("100"), [1, , 1] as never)).toThrowError(code("MISSING_VALUE", "allocate"));
    // eslint-disable-next-line no-sparse-arrays
    expect(() => lib.aprRegZ({ amountFinanced: 5000, advanceDate: "1978-01-10", payments: [, { date: "1978-02-10", amount: 5100 }] as never })).toThrowError(/aprRegZ: input\.payments\[0\] is a hole/);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => lib.topShare([, 1, 2] as never, 1)).toThrowError(code("MISSING_VALUE", "topShare"));
  });
});
