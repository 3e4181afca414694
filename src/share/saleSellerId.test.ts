/**
 * #11 (found by the hostile harness, test/hostile/): a sale's `sellerId` is a string when given.
 * The share arithmetic does not read it, so it was never checked and `sellerId: NaN` passed;
 * now a non-string id is a typed error naming the row, on the fast path and the general path,
 * and a sale without an id is still counted.
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { ErrorCode, ValidationTypeError } from "../errors.js";
import { money } from "../money/money.js";
import { salesShare } from "./salesShare.js";

const d = new Date("2017-03-01");
const base = () => [
  { sellerId: "smb-1", date: d, amount: money("60", "USD"), units: 3 },
  { sellerId: "smb-2", date: d, amount: money("40", "USD"), units: 2 },
  { sellerId: "brand", date: d, amount: money("100", "USD"), units: 5 },
];
const seg = (s: { sellerId?: unknown }): "smb" | "other" => (typeof s.sellerId === "string" && s.sellerId.startsWith("smb") ? "smb" : "other");

describe("salesShare: sellerId (#11)", () => {
  it.each([
    [0, Number.NEGATIVE_INFINITY, ErrorCode.INVALID_TYPE],
    [0, new Decimal(Number.NaN), ErrorCode.INVALID_TYPE],
    [2, 42, ErrorCode.INVALID_TYPE], // a later row goes through the fast path
    [2, null, ErrorCode.MISSING_VALUE],
  ])("sales[%i].sellerId = %s throws %s naming the row", (i, id, code) => {
    const sales: Record<string, unknown>[] = base();
    sales[i] = { ...sales[i], sellerId: id };
    let err: unknown;
    try {
      salesShare(sales as never, seg as never, { precision: 4 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationTypeError);
    expect((err as ValidationTypeError).code).toBe(code);
    expect((err as ValidationTypeError).argument).toBe(`sales[${i}].sellerId`);
    expect((err as ValidationTypeError).fn).toBe("salesShare");
  });

  it("a sale without a sellerId is still counted (the shares do not depend on ids)", () => {
    const sales: Record<string, unknown>[] = base();
    const { sellerId: _id, ...rest } = sales[2] as Record<string, unknown>;
    sales[2] = rest;
    const r = salesShare(sales as never, seg as never, { precision: 4 });
    expect(r.bySegment["smb"]?.gmvShare.toFixed(4)).toBe("0.5000");
    expect(r.total.sales).toBe(3);
  });
});
