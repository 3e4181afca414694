import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { compoundAnnualGrowthRate } from "./compoundAnnualGrowthRate.js";
import { giniCoefficient } from "./giniCoefficient.js";
import { herfindahlHirschmanIndex } from "./herfindahlHirschmanIndex.js";
import { salesShareByPeriod } from "./salesShareByPeriod.js";
import { shareAccumulatorFromJSON } from "./shareAccumulatorFromJSON.js";
import { topShare } from "./topShare.js";
import { yearOverYearChange } from "./yearOverYearChange.js";
import { createShareAccumulator } from "./createShareAccumulator.js";
import { addSale } from "./addSale.js";
import { finalizeShare } from "./finalizeShare.js";
import { mergeAccumulators } from "./mergeAccumulators.js";
import { salesShare } from "./salesShare.js";

const code = (c: string, fn: string) => expect.objectContaining({ code: c, fn });

describe("concentration measures on hostile arrays (#11)", () => {
  it("rejects holes instead of computing a wrong Gini (was 0 and a negative value)", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => giniCoefficient([, 1, 2, 3, 4] as never)).toThrowError(code("MISSING_VALUE", "giniCoefficient"));
    // eslint-disable-next-line no-sparse-arrays
    expect(() => giniCoefficient([1, , 3] as never)).toThrowError(code("MISSING_VALUE", "giniCoefficient"));
    expect(giniCoefficient([1, 2, 3, 4]).toString()).toBe("0.25");
  });
  it("fails fast on a huge sparse array (length 2 ** 32 - 1)", () => {
    const huge: number[] = [];
    huge.length = 2 ** 32 - 1;
    huge[0] = 1;
    const t = Date.now();
    for (const f of [() => giniCoefficient(huge), () => herfindahlHirschmanIndex(huge), () => topShare(huge, 1)]) expect(f).toThrowError(expect.objectContaining({ code: "MISSING_VALUE" }));
    expect(Date.now() - t).toBeLessThan(1000);
  });
  it("topShare follows the empty-input policy: EMPTY_INPUT, as HHI and Gini", () => {
    expect(() => topShare([], 1)).toThrowError(code("EMPTY_INPUT", "topShare"));
    expect(() => herfindahlHirschmanIndex([])).toThrowError(code("EMPTY_INPUT", "herfindahlHirschmanIndex"));
    expect(() => giniCoefficient([])).toThrowError(code("EMPTY_INPUT", "giniCoefficient"));
  });
  it("HHI is exact to the last digit whatever the order (a case that used to differ)", () => {
    const xs = ["0.1", "0.2", "0.3", "123456789.123456789", "1e-20", "7"];
    const a = herfindahlHirschmanIndex(xs).toString();
    expect(herfindahlHirschmanIndex([...xs].reverse()).toString()).toBe(a);
    expect(herfindahlHirschmanIndex([xs[3]!, xs[0]!, xs[5]!, xs[1]!, xs[4]!, xs[2]!]).toString()).toBe(a);
  });
  it("rejects amounts outside the amount range instead of returning NaN", () => {
    expect(() => herfindahlHirschmanIndex(["1e500", "1"])).toThrowError(code("OUT_OF_RANGE", "herfindahlHirschmanIndex"));
  });
  const decimalString = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.integer({ min: 0, max: 12 })).map(([m, s]) => (s === 0 ? m.toString() : `${m}e-${s}`));
  test.prop([fc.array(decimalString, { minLength: 1, maxLength: 40 }).filter((xs) => xs.some((x) => !/^0(e-\d+)?$/.test(x))), fc.integer()])(
    "HHI and Gini are invariant under permutation, exactly (#11)",
    (xs, seed) => {
      const shuffled = fc.sample(fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }), { seed, numRuns: 1 })[0]!;
      expect(herfindahlHirschmanIndex(shuffled).toString()).toBe(herfindahlHirschmanIndex(xs).toString());
      expect(giniCoefficient(shuffled).toString()).toBe(giniCoefficient(xs).toString());
    },
  );
});

describe("growth rates never return Infinity (#11)", () => {
  it("compoundAnnualGrowthRate rejects years outside [0.001, 10000] and out-of-range amounts", () => {
    expect(() => compoundAnnualGrowthRate(100, 121, 1e-320)).toThrowError(code("OUT_OF_RANGE", "compoundAnnualGrowthRate"));
    expect(() => compoundAnnualGrowthRate("1e-900", 121, 2)).toThrowError(code("OUT_OF_RANGE", "compoundAnnualGrowthRate"));
    expect(() => compoundAnnualGrowthRate("1e-40", "9e29", "0.001")).toThrowError(code("UNDEFINED_RESULT", "compoundAnnualGrowthRate"));
    expect(compoundAnnualGrowthRate(100, 121, 2).toString()).toBe("0.1");
  });
  it("yearOverYearChange is finite for every accepted amount", () => {
    expect(() => yearOverYearChange("1e900", "1e-900")).toThrowError(code("OUT_OF_RANGE", "yearOverYearChange"));
    expect(yearOverYearChange("1234567890123456789012345.01", "0.01").change.toFixed()).toBe("1234567890123456789012345");
  });
});

describe("shareAccumulatorFromJSON rejects tampered state (#11)", () => {
  const acc = createShareAccumulator({ refunds: "reject" });
  addSale(acc, { sellerId: "a", date: "2024-01-01", amount: money("10", "USD") }, "x");
  addSale(acc, { sellerId: "b", date: "2024-01-02", amount: money("5", "USD") }, "y");
  const good = JSON.parse(JSON.stringify(acc)) as Record<string, unknown> & { totals: Record<string, { gmv: string; units: string; sales: number }> };
  const tamper = (f: (s: typeof good) => void) => {
    const s = structuredClone(good);
    f(s);
    return () => shareAccumulatorFromJSON(s as never);
  };
  it("accepts the untampered state", () => {
    expect(JSON.stringify(shareAccumulatorFromJSON(good as never))).toBe(JSON.stringify(acc));
  });
  it("rejects a record count that disagrees with the totals", () => {
    expect(tamper((s) => (s["sales"] = 7))).toThrowError(code("OUT_OF_RANGE", "shareAccumulatorFromJSON"));
    expect(tamper((s) => (s.totals["x"]!.sales = 0))).toThrowError(code("OUT_OF_RANGE", "shareAccumulatorFromJSON"));
  });
  it("rejects counts of 1e308 or above 2^53", () => {
    expect(tamper((s) => (s.totals["x"]!.sales = 1e308))).toThrowError(code("OUT_OF_RANGE", "shareAccumulatorFromJSON"));
    expect(tamper((s) => (s["sales"] = 2 ** 53 + 2))).toThrowError(code("OUT_OF_RANGE", "shareAccumulatorFromJSON"));
  });
  it("rejects a negative GMV under refunds: reject, and an empty segment name", () => {
    expect(tamper((s) => (s.totals["x"]!.gmv = "-10"))).toThrowError(code("OUT_OF_RANGE", "shareAccumulatorFromJSON"));
    expect(tamper((s) => (s.totals[""] = { gmv: "0", units: "0", sales: 0 }))).toThrowError(code("OUT_OF_RANGE", "shareAccumulatorFromJSON"));
  });
  it("rejects a huge-exponent amount string at once (it used to hang)", () => {
    const t = Date.now();
    expect(tamper((s) => (s.totals["x"]!.gmv = "1e9000000000000000"))).toThrowError(code("OUT_OF_RANGE", "shareAccumulatorFromJSON"));
    expect(tamper((s) => (s.totals["x"]!.gmv = "1e40"))).toThrowError(code("OUT_OF_RANGE", "shareAccumulatorFromJSON"));
    expect(Date.now() - t).toBeLessThan(1000);
  });
  test.prop([fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 8 }), fc.constantFrom("net", "exclude", "reject"), fc.integer({ min: -20, max: 20 })])(
    "every accepted state has counts consistent with its totals",
    (salesX, salesY, recorded, refunds, gmvX) => {
      const state = {
        version: 1,
        currency: "USD",
        precision: 10,
        refunds,
        segments: null,
        sales: recorded,
        totals: { x: { gmv: String(gmvX), units: String(salesX), sales: salesX }, y: { gmv: String(salesY), units: String(salesY), sales: salesY } },
      };
      let accepted = true;
      try {
        shareAccumulatorFromJSON(state as never);
      } catch {
        accepted = false;
      }
      if (!accepted) return;
      const refundOnly = (salesX === 0 && gmvX !== 0 ? 1 : 0) + 0;
      expect(recorded).toBeGreaterThanOrEqual(salesX + salesY + refundOnly);
      if (refunds !== "net") {
        expect(recorded).toBe(salesX + salesY);
        expect(gmvX).toBeGreaterThanOrEqual(0);
        if (salesX === 0) expect(gmvX).toBe(0);
      }
    },
  );
});

describe("salesShareByPeriod bounds its loop before it starts (#11)", () => {
  it("rejects a sale in year 275760 and a span of more than 100,000 periods at once", () => {
    const t = Date.now();
    const base = { sellerId: "a", amount: money("1", "USD") };
    expect(() =>
      salesShareByPeriod(
        [
          { ...base, date: "2024-01-01" },
          { ...base, date: new Date(8.64e15) },
        ],
        (s) => s.sellerId,
        { period: "day" },
      ),
    ).toThrowError(code("OUT_OF_RANGE", "salesShareByPeriod"));
    expect(() =>
      salesShareByPeriod(
        [
          { ...base, date: "0001-01-01" },
          { ...base, date: "9000-01-01" },
        ],
        (s) => s.sellerId,
        { period: "day" },
      ),
    ).toThrowError(code("OUT_OF_RANGE", "salesShareByPeriod"));
    expect(Date.now() - t).toBeLessThan(2000);
  });
  it("names a Proxy-wrapped Date as a typed error", () => {
    const proxied = new Proxy(new Date("2024-01-01"), {});
    expect(() => salesShareByPeriod([{ sellerId: "a", date: proxied, amount: money("1", "USD") }], (s) => s.sellerId, { period: "day" })).toThrowError(code("INVALID_TYPE", "salesShareByPeriod"));
  });
});

describe('refunds: "gross" (#11)', () => {
  const sales = [
    { sellerId: "a", date: "2024-01-01", amount: money("100", "USD") },
    { sellerId: "b", date: "2024-01-02", amount: money("50", "USD") },
    { sellerId: "b", date: "2024-01-03", amount: money("-80", "USD") },
  ];
  it("computes shares over gross sales and reports each segment's refunds (net would throw)", () => {
    expect(() => salesShare(sales, (s) => s.sellerId)).toThrowError(code("UNDEFINED_RESULT", "salesShare"));
    const r = salesShare(sales, (s) => s.sellerId, { refunds: "gross", precision: 4 });
    const b = r.bySegment["b"]!;
    expect(b.gmv.amount.toFixed()).toBe("50");
    expect(b.refunds?.amount.toFixed()).toBe("80");
    expect(b.netGmv?.amount.toFixed()).toBe("-30");
    expect(b.gmvShare.toFixed()).toBe("0.3333");
    expect(r.bySegment["a"]!.gmvShare.toFixed()).toBe("0.6667");
    expect(r.bySegment["a"]!.refunds?.amount.toFixed()).toBe("0");
    expect(b.sales).toBe(1);
  });
  it("round-trips through JSON and merges", () => {
    const acc = createShareAccumulator({ refunds: "gross" });
    for (const s of sales) addSale(acc, s, s.sellerId);
    const back = shareAccumulatorFromJSON(JSON.parse(JSON.stringify(acc)) as never);
    expect(JSON.stringify(finalizeShare(back))).toBe(JSON.stringify(finalizeShare(acc)));
    const other = createShareAccumulator({ refunds: "gross" });
    addSale(other, { sellerId: "b", date: "2024-02-01", amount: money("-5", "USD") }, "b");
    expect(finalizeShare(mergeAccumulators(acc, other)).bySegment["b"]?.refunds?.amount.toFixed()).toBe("85");
  });
});

describe("currency mismatch in a stream names the row (#11)", () => {
  it("says which index, date and seller", () => {
    const rows = [
      { sellerId: "a", date: "2024-01-01", amount: money("1", "USD") },
      { sellerId: "b", date: "2024-01-02", amount: money("1", "EUR") },
    ];
    expect(() => salesShare(rows, (s) => s.sellerId)).toThrow(/sales\[1\] \(date 2024-01-02, sellerId "b"\)/);
  });
});

describe("options objects (#11)", () => {
  it("rejects null and unknown keys with the allowed keys listed", () => {
    expect(() => salesShare([], () => "x", null as never)).toThrowError(code("INVALID_TYPE", "salesShare"));
    expect(() => salesShare([], () => "x", { refund: "net" } as never)).toThrow(/unknown key "refund" \(allowed keys: .*"refunds"/);
  });
});

describe("shareAccumulatorFromJSON options and totals (#11)", () => {
  it("rejects a Date as totals or as options", () => {
    const state = { version: 1, currency: "USD", precision: 4, refunds: "net", segments: null, sales: 0, totals: {} };
    expect(() => shareAccumulatorFromJSON({ ...state, totals: new Date(Number.NaN) } as never)).toThrowError(code("INVALID_TYPE", "shareAccumulatorFromJSON"));
    expect(() => shareAccumulatorFromJSON(state as never, new Date(Number.NaN) as never)).toThrowError(code("INVALID_TYPE", "shareAccumulatorFromJSON"));
  });
});

describe("wilsonInterval follows the empty-input policy (#11)", () => {
  it("throws EMPTY_INPUT for zero trials", async () => {
    const { wilsonInterval } = await import("./wilsonInterval.js");
    expect(() => wilsonInterval(0, 0)).toThrowError(code("EMPTY_INPUT", "wilsonInterval"));
  });
});
