import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError, ValidationTypeError } from "../errors.js";
import { money } from "../money/money.js";
import { salesShare } from "./salesShare.js";
import type { Sale } from "./types.js";

const d = new Date("2017-03-01T00:00:00Z");
const sale = (sellerId: string, amount: string, units?: number, currency = "USD"): Sale =>
  units === undefined ? { sellerId, date: d, amount: money(amount, currency) } : { sellerId, date: d, amount: money(amount, currency), units };
const bySeller = (s: Sale): string => s.sellerId;

describe("salesShare", () => {
  it("splits GMV, units and sale counts per segment (hand-checked)", () => {
    // smb: 60 + 40 = 100 of 200 → 0.5 GMV; units 5 of 10; 2 of 3 sales → 0.6667 at 4 places.
    const r = salesShare([sale("smb", "60", 3), sale("smb", "40", 2), sale("big", "100", 5)], bySeller, { precision: 4 });
    const smb = r.bySegment["smb"];
    expect(smb?.gmv.amount.toString()).toBe("100");
    expect(smb?.gmvShare.toString()).toBe("0.5");
    expect(smb?.unitShare.toString()).toBe("0.5");
    expect(smb?.salesShare.toString()).toBe("0.6667");
    expect(r.bySegment["big"]?.salesShare.toString()).toBe("0.3333");
    expect(r.total.gmv?.amount.toString()).toBe("200");
    expect(r.total.units.toString()).toBe("10");
    expect(r.total.sales).toBe(3);
  });

  it("rounds thirds so they sum to exactly 1 (largest remainder, ties to the first segment)", () => {
    const r = salesShare([sale("a", "1"), sale("b", "1"), sale("c", "1")], bySeller, { precision: 2 });
    expect(r.segments.map((s) => s.gmvShare.toFixed(2))).toEqual(["0.34", "0.33", "0.33"]);
    expect(r.segments.reduce((a, s) => a.plus(s.gmvShare), new Decimal(0)).toString()).toBe("1");
  });

  it("gives the extra unit to the largest remainder, not the largest value", () => {
    // 0.666.. , 0.2, 0.1333.. at 1 place: floors 6,2,1 = 9; remainders .67, 0, .33 → a gets it.
    const r = salesShare([sale("a", "10"), sale("b", "3"), sale("c", "2")], bySeller, { precision: 1 });
    expect(r.segments.map((s) => s.gmvShare.toString())).toEqual(["0.7", "0.2", "0.1"]);
  });

  it("gives a unit tied between remainders to the larger segment, then the earlier one (#10)", () => {
    // a: 1, b: 3 at 1 place: exact 0.25, 0.75 → floors 0.2, 0.7, equal remainders → b (larger) gets 0.1
    // (money's allocate would give it to the earlier part instead; both behaviours are kept)
    const r = salesShare([sale("a", "1"), sale("b", "3")], bySeller, { precision: 1 });
    expect(r.segments.map((s) => s.gmvShare.toString())).toEqual(["0.2", "0.8"]);
  });

  it("lists segments alphabetically, or in declared order with zero rows for missing ones", () => {
    expect(salesShare([sale("z", "1"), sale("a", "1")], bySeller).segments.map((s) => s.segment)).toEqual(["a", "z"]);
    const r = salesShare([sale("smb", "5")], bySeller, { segments: ["other", "smb"] });
    expect(r.segments.map((s) => [s.segment, s.gmvShare.toString()])).toEqual([
      ["other", "0"],
      ["smb", "1"],
    ]);
  });

  it("counts a sale without units as 1 unit", () => {
    const r = salesShare([sale("a", "5"), sale("b", "5", 3)], bySeller, { precision: 2 });
    expect(r.bySegment["a"]?.unitShare.toString()).toBe("0.25");
  });

  it("returns zero shares, never NaN, for empty input", () => {
    const r = salesShare([], bySeller);
    expect(r.segments).toEqual([]);
    expect(r.currency).toBeUndefined();
    expect(r.total.gmv).toBeUndefined();
    expect(r.total.sales).toBe(0);
  });

  it("returns zero shares when the total nets to zero", () => {
    const r = salesShare([sale("a", "10"), sale("a", "-10", -1)], bySeller, { segments: ["a", "b"] });
    expect(r.segments.map((s) => s.gmvShare.toString())).toEqual(["0", "0"]);
    expect(r.total.gmv?.amount.toString()).toBe("0");
  });

  describe("refunds", () => {
    const sales = [sale("a", "100", 2), sale("a", "-20", -1), sale("b", "80", 2)];
    it("nets refunds by default and does not count them as sales", () => {
      const r = salesShare(sales, bySeller, { precision: 2 });
      expect(r.bySegment["a"]?.gmv.amount.toString()).toBe("80");
      expect(r.bySegment["a"]?.gmvShare.toString()).toBe("0.5");
      expect(r.bySegment["a"]?.units.toString()).toBe("1");
      expect(r.bySegment["a"]?.sales).toBe(1);
    });
    it("drops refunds with refunds: exclude", () => {
      const r = salesShare(sales, bySeller, { precision: 2, refunds: "exclude" });
      expect(r.bySegment["a"]?.gmv.amount.toString()).toBe("100");
    });
    it("throws with refunds: reject", () => {
      expect(() => salesShare(sales, bySeller, { refunds: "reject" })).toThrow(ValidationError);
    });
    it("throws UNDEFINED_RESULT when a segment nets negative", () => {
      expect(() => salesShare([sale("a", "-5"), sale("b", "10")], bySeller)).toThrowError(expect.objectContaining({ code: "UNDEFINED_RESULT" }));
    });
  });

  describe("currencies", () => {
    it("throws CurrencyMismatchError on mixed currencies without a converter", () => {
      expect(() => salesShare([sale("a", "1"), sale("b", "1", undefined, "EUR")], bySeller)).toThrow(CurrencyMismatchError);
    });
    it("converts with options.convert (Money or plain amount)", () => {
      const convert = (m: { amount: Decimal; currency: string }) => money(m.amount.times(2), "USD");
      const r = salesShare([sale("a", "10"), sale("b", "5", undefined, "EUR")], bySeller, { currency: "USD", convert, precision: 2 });
      expect(r.bySegment["b"]?.gmv.amount.toString()).toBe("10");
      expect(r.bySegment["b"]?.gmvShare.toString()).toBe("0.5");
      const r2 = salesShare([sale("a", "10"), sale("b", "5", undefined, "EUR")], bySeller, { currency: "USD", convert: (m) => m.amount.times(2), precision: 2 });
      expect(r2.bySegment["b"]?.gmvShare.toString()).toBe("0.5");
    });
    it("rejects a converter that returns the wrong currency", () => {
      expect(() => salesShare([sale("a", "10"), sale("b", "5", undefined, "EUR")], bySeller, { currency: "USD", convert: (m) => m })).toThrow(CurrencyMismatchError);
    });
    it("uses options.currency as report currency", () => {
      expect(() => salesShare([sale("a", "1")], bySeller, { currency: "EUR" })).toThrow(CurrencyMismatchError);
    });
  });

  describe("segments", () => {
    it("throws when segmentOf returns undefined", () => {
      expect(() => salesShare([sale("a", "1")], () => undefined as unknown as string)).toThrow(ValidationTypeError);
    });
    it("throws when a sale maps to an undeclared segment", () => {
      expect(() => salesShare([sale("x", "1")], bySeller, { segments: ["a"] })).toThrowError(expect.objectContaining({ code: "UNKNOWN_OPTION" }));
    });
    it("passes the index to segmentOf", () => {
      const r = salesShare([sale("a", "1"), sale("a", "3")], (_s, i) => (i === 0 ? "first" : "rest"), { precision: 2 });
      expect(r.bySegment["rest"]?.gmvShare.toString()).toBe("0.75");
    });
  });

  it("serialises to JSON with Decimals as strings", () => {
    const json = JSON.parse(JSON.stringify(salesShare([sale("a", "1.5")], bySeller, { precision: 2 })));
    expect(json.segments[0]).toEqual({ segment: "a", gmv: { amount: "1.5", currency: "USD" }, units: "1", sales: 1, gmvShare: "1", unitShare: "1", salesShare: "1" });
  });

  it("does not mutate its input", () => {
    const sales = [sale("a", "1")];
    const copy = JSON.stringify(sales);
    salesShare(sales, bySeller);
    expect(JSON.stringify(sales)).toBe(copy);
  });
});
