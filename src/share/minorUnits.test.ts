import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { accumulateShare } from "./accumulateShare.js";
import { addSale } from "./addSale.js";
import { addShareColumns } from "./addShareColumns.js";
import { createShareAccumulator } from "./createShareAccumulator.js";
import { finalizeShare } from "./finalizeShare.js";
import { salesShare } from "./salesShare.js";
import type { MinorUnitSale, Sale } from "./types.js";

const d = new Date("2017-03-01T00:00:00Z");
const rows: MinorUnitSale[] = [
  { sellerId: "a", date: d, amountMinor: 6000, units: 3 },
  { sellerId: "b", date: d, amountMinor: 4000n, units: 2 },
  { sellerId: "c", date: "2017-03-02", amountMinor: 10001 },
  { sellerId: "a", date: d, amountMinor: -500 },
];
const asMoney: Sale[] = [
  { sellerId: "a", date: d, amount: money("60", "USD"), units: 3 },
  { sellerId: "b", date: d, amount: money("40", "USD"), units: 2 },
  { sellerId: "c", date: "2017-03-02", amount: money("100.01", "USD") },
  { sellerId: "a", date: d, amount: money("-5", "USD") },
];
const seg = (s: { sellerId: string }) => (s.sellerId === "c" ? "large" : "smb");

describe("share accumulators in minor units (#13)", () => {
  it("amountMinor (number or bigint) gives the state of the same sales as Money", () => {
    const a = accumulateShare(rows, seg, { currency: "USD" });
    const b = accumulateShare(asMoney, seg, { currency: "USD" });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(salesShare(rows, seg, { currency: "USD" }))).toBe(JSON.stringify(salesShare(asMoney, seg, { currency: "USD" })));
    expect(finalizeShare(a).bySegment["smb"]?.gmv.amount.toFixed(2)).toBe("95.00");
  });

  it("columns give the same state as rows", () => {
    const acc = createShareAccumulator({ currency: "USD" });
    addShareColumns(acc, { segmentNames: ["smb", "large"], segment: Int32Array.of(0, 0, 1, 0), amountMinor: BigInt64Array.of(6000n, 4000n, 10001n, -500n), units: Float64Array.of(3, 2, 1, 0) });
    expect(JSON.stringify(acc)).toBe(JSON.stringify(accumulateShare(rows, seg, { currency: "USD" })));
  });

  it("columns accept an Arrow-style vector with toArray()", () => {
    const acc = createShareAccumulator({ currency: "JPY" });
    addShareColumns(acc, { segmentNames: ["x"], segment: { toArray: () => Uint8Array.of(0, 0) }, amountMinor: { toArray: () => [100, 250] } });
    expect(finalizeShare(acc).total.gmv?.amount.toString()).toBe("350");
  });

  it("a bad column row throws naming it and changes nothing", () => {
    const acc = createShareAccumulator({ currency: "USD" });
    expect(() => addShareColumns(acc, { segmentNames: ["x"], segment: [0, 0], amountMinor: [1, 1.5] })).toThrow(
      expect.objectContaining({ code: "NOT_INTEGER", message: expect.stringContaining("columns.amountMinor[1]") }),
    );
    expect(() => addShareColumns(acc, { segmentNames: ["x"], segment: [0, 1], amountMinor: [1, 1] })).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
    expect(() => addShareColumns(acc, { segmentNames: ["x"], segment: [0], amountMinor: [1, 1] })).toThrow(expect.objectContaining({ code: "DIMENSION_MISMATCH" }));
    expect(acc.sales).toBe(0);
  });

  it("a minor-unit sale needs options.currency", () => {
    expect(() => addSale(createShareAccumulator(), { sellerId: "a", date: d, amountMinor: 1 }, "smb")).toThrow(expect.objectContaining({ code: "MISSING_VALUE", fn: "addSale" }));
    expect(() => addSale(createShareAccumulator({ currency: "USD" }), { sellerId: "a", date: d, amountMinor: 1.5 }, "smb")).toThrow(expect.objectContaining({ code: "NOT_INTEGER" }));
  });

  it("addSale on a deep-frozen accumulator is a typed error (#11)", () => {
    const acc = Object.freeze(createShareAccumulator({ currency: "USD" }));
    expect(() => addSale(acc, { sellerId: "a", date: d, amount: money("1", "USD") }, "smb")).toThrow(expect.objectContaining({ name: "ValidationTypeError", code: "INVALID_TYPE", fn: "addSale" }));
  });
});
