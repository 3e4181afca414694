import type { Decimal } from "decimal.js";
import { describe, expectTypeOf, it } from "vitest";
import { money } from "../money/money.js";
import { accumulateShareAsync } from "./accumulateShareAsync.js";
import { addSale } from "./addSale.js";
import { createShareAccumulator } from "./createShareAccumulator.js";
import { finalizeShare } from "./finalizeShare.js";
import { herfindahlHirschmanIndex } from "./herfindahlHirschmanIndex.js";
import { salesShare } from "./salesShare.js";
import { salesShareByPeriod } from "./salesShareByPeriod.js";
import type { Sale, SalesShareResult, SegmentShare, ShareAccumulator, ShareAccumulatorJSON } from "./types.js";
import { wilsonInterval } from "./wilsonInterval.js";

const sales: Sale[] = [{ sellerId: "a", date: new Date(), amount: money("1", "USD") }];

describe("share types", () => {
  it("infers the segment union from segmentOf", () => {
    const r = salesShare(sales, (s) => (s.sellerId === "a" ? "smb" : "other"));
    expectTypeOf(r).toEqualTypeOf<SalesShareResult<"smb" | "other">>();
    expectTypeOf(r.bySegment.smb).toEqualTypeOf<SegmentShare<"smb" | "other"> | undefined>();
    expectTypeOf(r.segments[0]?.gmvShare).toEqualTypeOf<Decimal | undefined>();
    // @ts-expect-error not a segment of this result
    void r.bySegment.enterprise;
  });
  it("declared segments must match segmentOf's names", () => {
    salesShare(sales, (): "smb" | "other" => "smb", { segments: ["smb", "other"] });
    // @ts-expect-error "large" is not a segment name
    salesShare(sales, (): "smb" | "other" => "smb", { segments: ["large"] });
  });
  it("the accumulator is read-only from outside and serialises to its JSON shape", () => {
    const acc = createShareAccumulator();
    expectTypeOf(addSale(acc, sales[0] as Sale, "x")).toEqualTypeOf<ShareAccumulator>();
    expectTypeOf(acc.toJSON()).toEqualTypeOf<ShareAccumulatorJSON>();
    // @ts-expect-error sales is readonly
    acc.sales = 3;
    expectTypeOf(finalizeShare<"x">(acc).bySegment.x).toEqualTypeOf<SegmentShare<"x"> | undefined>();
  });
  it("async adapter returns a promise", () => {
    expectTypeOf(accumulateShareAsync(sales, () => "x")).toEqualTypeOf<Promise<ShareAccumulator>>();
  });
  it("period must be a known name", () => {
    // @ts-expect-error "decade" is not a period
    salesShareByPeriod(sales, () => "x", { period: "decade" });
  });
  it("statistics return Decimals", () => {
    expectTypeOf(herfindahlHirschmanIndex([1, "2", money("3", "USD")])).toEqualTypeOf<Decimal>();
    expectTypeOf(wilsonInterval(1, 2).lower).toEqualTypeOf<Decimal>();
    // @ts-expect-error a boolean is not a size
    herfindahlHirschmanIndex([true]);
  });
  it("a Sale needs Money, not a number", () => {
    // @ts-expect-error amount must be Money
    const bad: Sale = { sellerId: "a", date: new Date(), amount: 5 };
    void bad;
  });
});

describe("segmentOf sees the caller's own row type", () => {
  it("infers the row type from the sales", () => {
    interface Row extends Sale {
      readonly channel: "marketplace" | "web";
    }
    const rows: Row[] = [];
    salesShare(rows, (r) => {
      expectTypeOf(r).toEqualTypeOf<Row>();
      return r.channel;
    });
  });
});
