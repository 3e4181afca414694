import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { addSale } from "./addSale.js";
import { createShareAccumulator } from "./createShareAccumulator.js";
import { finalizeShare } from "./finalizeShare.js";
import { salesShare } from "./salesShare.js";
import { shareAccumulatorFromJSON } from "./shareAccumulatorFromJSON.js";

// Audit regression: a segment named "__proto__" was dropped from the JSON state and from
// bySegment (assignment to obj["__proto__"] sets the prototype), changing shares silently.
describe("a segment named __proto__", () => {
  const sale = (usd: string) => ({ sellerId: "s", date: "2024-01-01", amount: money(usd, "USD") });
  it("survives a JSON round trip of the accumulator", () => {
    const acc = createShareAccumulator({ precision: 2 });
    addSale(acc, sale("5"), "__proto__");
    addSale(acc, sale("5"), "x");
    const back = finalizeShare(shareAccumulatorFromJSON(JSON.parse(JSON.stringify(acc))));
    expect(back.total.gmv?.amount.toString()).toBe("10");
    expect(back.segments.map((s) => [s.segment, s.gmvShare.toString()])).toEqual([
      ["__proto__", "0.5"],
      ["x", "0.5"],
    ]);
  });
  it("is an own key of bySegment", () => {
    const r = salesShare([sale("5"), sale("5")], (_s, i) => (i === 0 ? "__proto__" : "x"), { precision: 2 });
    expect(Object.keys(r.bySegment)).toEqual(["__proto__", "x"]);
    expect(Object.getOwnPropertyDescriptor(r.bySegment, "__proto__")?.value.gmvShare.toString()).toBe("0.5");
  });
});

describe("shareAccumulatorFromJSON rejects inconsistent state (audit regression)", () => {
  const state = { version: 1, currency: "USD", precision: 2, refunds: "net", segments: null, totals: { a: { gmv: "1", units: "1", sales: 1 }, b: { gmv: "1", units: "1", sales: 1 } }, sales: 2 };
  it("accepts the consistent state", () => {
    expect(finalizeShare(shareAccumulatorFromJSON(state as never)).total.sales).toBe(2);
  });
  it("rejects fewer records than the segments' sales", () => {
    expect(() => shareAccumulatorFromJSON({ ...state, sales: 0 } as never)).toThrow(/json\.sales must be at least the sum of the segments' sales counts \(2\)/);
  });
  it("rejects duplicate declared segments", () => {
    expect(() => shareAccumulatorFromJSON({ ...state, segments: ["a", "a", "b"] } as never)).toThrow(/json\.segments\[1\] must be unique/);
  });
});
