import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError, ValidationTypeError } from "../errors.js";
import { money } from "../money/money.js";
import { accumulateShare } from "./accumulateShare.js";
import { accumulateShareAsync } from "./accumulateShareAsync.js";
import { addSale } from "./addSale.js";
import { createShareAccumulator } from "./createShareAccumulator.js";
import { finalizeShare } from "./finalizeShare.js";
import { mergeAccumulators } from "./mergeAccumulators.js";
import { salesShare } from "./salesShare.js";
import { shareAccumulatorFromJSON } from "./shareAccumulatorFromJSON.js";
import type { Sale } from "./types.js";

const d = new Date("2017-03-01T00:00:00Z");
const sale = (sellerId: string, amount: string, currency = "USD", units?: number): Sale =>
  units === undefined ? { sellerId, date: d, amount: money(amount, currency) } : { sellerId, date: d, amount: money(amount, currency), units };
const sales = [sale("a", "10"), sale("b", "20", "USD", 3), sale("a", "5.55"), sale("c", "-1"), sale("c", "7")];

describe("share accumulator", () => {
  it("gives the same result as salesShare", () => {
    const acc = createShareAccumulator({ precision: 6 });
    for (const s of sales) addSale(acc, s, s.sellerId);
    expect(JSON.stringify(finalizeShare(acc))).toBe(JSON.stringify(salesShare(sales, (s) => s.sellerId, { precision: 6 })));
  });

  it("round-trips through JSON", () => {
    const acc = accumulateShare(sales, (s) => s.sellerId, { precision: 3 });
    const json = JSON.stringify(acc);
    const back = shareAccumulatorFromJSON(json);
    expect(JSON.stringify(back)).toBe(json);
    expect(JSON.stringify(finalizeShare(back))).toBe(JSON.stringify(finalizeShare(acc)));
    expect(JSON.parse(json)).toEqual({
      version: 1,
      currency: "USD",
      precision: 3,
      refunds: "net",
      segments: null,
      sales: 5,
      totals: { a: { gmv: "15.55", units: "2", sales: 2 }, b: { gmv: "20", units: "3", sales: 1 }, c: { gmv: "6", units: "1", sales: 1 } },
    });
  });

  it("merges shards without mutating them", () => {
    const a = accumulateShare(sales.slice(0, 2), (s) => s.sellerId);
    const b = accumulateShare(sales.slice(2), (s) => s.sellerId);
    const before = JSON.stringify(a);
    const m = mergeAccumulators(a, b);
    expect(JSON.stringify(a)).toBe(before);
    expect(JSON.stringify(m)).toBe(JSON.stringify(accumulateShare(sales, (s) => s.sellerId)));
  });

  it("merges an empty accumulator with any currency", () => {
    const e = createShareAccumulator();
    const b = accumulateShare([sale("a", "1", "EUR")], (s) => s.sellerId);
    expect(mergeAccumulators(e, b).currency).toBe("EUR");
  });

  it("refuses to merge different currencies or settings", () => {
    const u = accumulateShare([sale("a", "1")], (s) => s.sellerId);
    const e = accumulateShare([sale("a", "1", "EUR")], (s) => s.sellerId);
    expect(() => mergeAccumulators(u, e)).toThrow(CurrencyMismatchError);
    expect(() => mergeAccumulators(u, createShareAccumulator({ precision: 2 }))).toThrow(ValidationError);
    expect(() => mergeAccumulators()).toThrowError(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });

  it("adapts async iterables", async () => {
    async function* gen() {
      for (const s of sales) yield s;
    }
    const acc = await accumulateShareAsync(gen(), (s) => s.sellerId);
    expect(JSON.stringify(acc)).toBe(JSON.stringify(accumulateShare(sales, (s) => s.sellerId)));
    await expect(accumulateShareAsync(42 as never, (s) => s.sellerId)).rejects.toThrow(ValidationTypeError);
  });

  it("adapts generators and Sets", () => {
    function* gen() {
      yield* sales;
    }
    expect(JSON.stringify(accumulateShare(gen(), (s) => s.sellerId))).toBe(JSON.stringify(accumulateShare(new Set(sales), (s) => s.sellerId)));
  });

  describe("edge cases", () => {
    it("rejects a plain object posing as an accumulator", () => {
      expect(() => addSale({ kind: "ShareAccumulator" } as never, sales[0] as Sale, "a")).toThrow(ValidationTypeError);
    });
    it("rejects an Invalid Date", () => {
      expect(() => addSale(createShareAccumulator(), { ...sale("a", "1"), date: new Date("nope") }, "a")).toThrowError(expect.objectContaining({ code: "INVALID_DATE" }));
    });
    it("rejects non-finite units", () => {
      expect(() => addSale(createShareAccumulator(), sale("a", "1", "USD", Number.NaN), "a")).toThrowError(expect.objectContaining({ code: "INVALID_NUMBER" }));
    });
    it("rejects an empty segment name", () => {
      expect(() => addSale(createShareAccumulator(), sale("a", "1"), "")).toThrow(ValidationError);
    });
    it("rejects a corrupted JSON state", () => {
      const good = JSON.parse(JSON.stringify(accumulateShare(sales, (s) => s.sellerId)));
      expect(() => shareAccumulatorFromJSON({ ...good, version: 2 })).toThrow(ValidationError);
      expect(() => shareAccumulatorFromJSON({ ...good, totals: { a: { gmv: "abc", units: "1", sales: 1 } } })).toThrowError(expect.objectContaining({ code: "INVALID_NUMBER" }));
      expect(() => shareAccumulatorFromJSON({ ...good, totals: { a: { gmv: "1", units: "1", sales: -1 } } })).toThrow(ValidationError);
      expect(() => shareAccumulatorFromJSON("{not json")).toThrow(ValidationError);
    });
    it("keeps units exact beyond 2^53", () => {
      const acc = createShareAccumulator();
      addSale(acc, sale("a", "1", "USD", Number.MAX_SAFE_INTEGER), "a");
      addSale(acc, sale("a", "1", "USD", Number.MAX_SAFE_INTEGER), "a");
      expect(finalizeShare(acc).bySegment["a"]?.units.toFixed()).toBe("18014398509481982");
    });
    it("keeps fractional units exact", () => {
      const acc = createShareAccumulator();
      addSale(acc, sale("a", "1", "USD", 0.1), "a");
      addSale(acc, sale("a", "1", "USD", 0.2), "a");
      expect(finalizeShare(acc).bySegment["a"]?.units.toString()).toBe("0.3");
    });
  });
});
