/**
 * addMarketplaceColumns (#13, item 2): a whole columnar batch gives the same state (same JSON) as
 * the same rows added one by one with addMarketplaceSale, in every mode; a bad row changes nothing.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ValidationError, ValidationTypeError } from "../errors.js";
import { addMarketplaceColumns } from "./addMarketplaceColumns.js";
import { addMarketplaceSale } from "./addMarketplaceSale.js";
import { createMarketplaceAccumulator } from "./createMarketplaceAccumulator.js";
import { finalizeMarketplace } from "./finalizeMarketplace.js";
import type { MarketplaceAccumulator, MarketplaceAccumulatorOptions } from "./types.js";

const DAY = 86_400_000;
const D2016 = Date.UTC(2016, 0, 1) / DAY; // 16801
const SEGMENTS = ["smb", "large", "first-party"];
const base: MarketplaceAccumulatorOptions = {
  currency: "USD",
  period: "quarter",
  sellerInterval: { start: "2017-01-01", end: "2018-01-01" },
  thresholds: [1_000_000, 5_000_000],
  brackets: [100_000, 2_000_000],
  topK: [1, 3],
};

interface Row {
  seller: number;
  day: number;
  minor: number | bigint;
  units: number | undefined;
}

/** The same rows, one sale at a time (the reference). */
function rowByRow(rows: readonly Row[], options: MarketplaceAccumulatorOptions): MarketplaceAccumulator {
  const acc = createMarketplaceAccumulator(options);
  for (const r of rows) {
    const sale = { sellerId: `s${r.seller}`, date: new Date(r.day * DAY), amountMinor: r.minor, ...(r.units === undefined ? {} : { units: r.units }) };
    addMarketplaceSale(acc, sale, SEGMENTS[r.seller % 3] as string);
  }
  return acc;
}

/** The same rows as columns, in batches of `size`. */
function columnar(rows: readonly Row[], options: MarketplaceAccumulatorOptions, size: number, withUnits: boolean): MarketplaceAccumulator {
  const acc = createMarketplaceAccumulator(options);
  const sellerNames = Array.from({ length: 12 }, (_, i) => `s${i}`);
  for (let at = 0; at < rows.length; at += size) {
    const part = rows.slice(at, at + size);
    const big = part.some((r) => typeof r.minor === "bigint");
    addMarketplaceColumns(acc, {
      segmentNames: SEGMENTS,
      segment: Uint8Array.from(part.map((r) => r.seller % 3)),
      sellerNames,
      seller: Uint32Array.from(part.map((r) => r.seller)),
      day: Int32Array.from(part.map((r) => r.day)),
      amountMinor: big ? BigInt64Array.from(part.map((r) => BigInt(r.minor))) : Float64Array.from(part.map((r) => Number(r.minor))),
      ...(withUnits ? { units: Float64Array.from(part.map((r) => r.units ?? (r.minor < 0 ? 0 : 1))) } : {}),
    });
  }
  return acc;
}

const rowArb = fc.record({
  seller: fc.integer({ min: 0, max: 11 }),
  day: fc.integer({ min: D2016, max: D2016 + 3 * 365 }),
  minor: fc.oneof(fc.integer({ min: -20_000, max: 5_000_000 }), fc.bigInt({ min: -(2n ** 60n), max: 2n ** 62n })),
  units: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});

describe("addMarketplaceColumns", () => {
  test.prop([fc.array(rowArb, { maxLength: 120 }), fc.integer({ min: 1, max: 50 }), fc.constantFrom("net", "exclude")], { numRuns: 150 })(
    "gives the same state as the rows added one by one (any batch size, keep mode)",
    (rows, size, refunds) => {
      const options = { ...base, refunds } as MarketplaceAccumulatorOptions;
      const withUnits = rows.some((r) => r.units !== undefined); // else no units column: the defaults
      expect(JSON.parse(JSON.stringify(columnar(rows, options, size, withUnits)))).toEqual(JSON.parse(JSON.stringify(rowByRow(rows, options))));
    },
  );

  test.prop([fc.array(rowArb, { maxLength: 120 }), fc.integer({ min: 1, max: 50 })], { numRuns: 100 })("gives the same state as row by row in grouped mode (rows sorted by seller)", (rows, size) => {
    const sorted = [...rows].sort((a, b) => a.seller - b.seller);
    const options: MarketplaceAccumulatorOptions = { ...base, sellerTotals: "grouped" };
    expect(
      JSON.parse(
        JSON.stringify(
          columnar(
            sorted,
            options,
            size,
            sorted.some((r) => r.units !== undefined),
          ),
        ),
      ),
    ).toEqual(JSON.parse(JSON.stringify(rowByRow(sorted, options))));
  });

  it("the example: SMB share of GMV and the per-quarter split", () => {
    const acc = createMarketplaceAccumulator({ currency: "USD", period: "quarter" });
    addMarketplaceColumns(acc, {
      segmentNames: ["smb", "large"],
      segment: Uint8Array.of(0, 1, 0),
      sellerNames: ["a", "b", "c"],
      seller: Uint32Array.of(0, 1, 2),
      day: Int32Array.of(17169, 17170, 17260),
      amountMinor: Float64Array.of(2500, 5000, 2500),
    });
    const f = finalizeMarketplace(acc);
    expect(f.share.bySegment["smb"]?.gmv.amount.toFixed(2)).toBe("50.00");
    expect(f.share.bySegment["smb"]?.gmvShare.toFixed(2)).toBe("0.50");
    expect(f.byPeriod.map((p) => [p.period, p.share.bySegment["smb"]?.gmv.amount.toFixed(2)])).toEqual([
      ["2017-Q1", "25.00"],
      ["2017-Q2", "25.00"],
    ]);
    expect(f.sellers.sellers).toBe(3);
  });

  it("accepts Arrow-style vectors (toArray) and plain arrays", () => {
    const vec = <T>(xs: T) => ({ toArray: () => xs });
    const a = createMarketplaceAccumulator({ currency: "USD" });
    addMarketplaceColumns(a, { segmentNames: ["smb"], segment: vec(Int8Array.of(0, 0)), sellerNames: ["x"], seller: [0, 0], day: vec(Int32Array.of(17169, 17170)), amountMinor: [100, 250], units: [2, 3] });
    const b = createMarketplaceAccumulator({ currency: "USD" });
    addMarketplaceSale(b, { sellerId: "x", date: "2017-01-03", amountMinor: 100, units: 2 }, "smb");
    addMarketplaceSale(b, { sellerId: "x", date: "2017-01-04", amountMinor: 250, units: 3 }, "smb");
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  describe("a bad row throws a typed error naming it and changes nothing", () => {
    const good = () => ({
      segmentNames: ["smb", "large"],
      segment: [0, 1, 0] as number[],
      sellerNames: ["a", "b"],
      seller: [0, 1, 0] as number[],
      day: [17169, 17170, 17171] as number[],
      amountMinor: [100, 200, 300] as number[],
    });
    const cases: [string, (c: ReturnType<typeof good>) => unknown, string, unknown][] = [
      ["a segment code out of range", (c) => (c.segment[2] = 2), "columns.segment[2]", ValidationError],
      ["a seller code that is not an integer", (c) => (c.seller[2] = 0.5), "columns.seller[2]", ValidationError],
      ["a fractional day", (c) => (c.day[2] = 17171.5), "columns.day[2]", ValidationError],
      ["a day past 9999-12-31", (c) => (c.day[2] = 3_000_000), "columns.day[2]", ValidationError],
      ["a non-integer amount", (c) => (c.amountMinor[2] = 1.5), "columns.amountMinor[2]", ValidationError],
      ["NaN as an amount", (c) => (c.amountMinor[2] = Number.NaN), "columns.amountMinor[2]", ValidationError],
      ["a string amount", (c) => (c.amountMinor[2] = "3" as never), "columns.amountMinor[2]", ValidationTypeError],
      ["a seller in two segments within the batch", (c) => (c.segment[2] = 1), "segment of columns[2]", ValidationError],
      ["columns of different lengths", (c) => c.day.pop(), "columns", ValidationError],
      ["an empty seller id", (c) => (c.sellerNames[1] = ""), "columns.sellerNames[1]", ValidationError],
    ];
    for (const [label, spoil, path, type] of cases) {
      it(label, () => {
        const acc = createMarketplaceAccumulator({ currency: "USD", period: "month" });
        addMarketplaceSale(acc, { sellerId: "z", date: "2017-01-01", amountMinor: 5 }, "smb");
        const before = JSON.stringify(acc);
        const c = good();
        spoil(c);
        let err: unknown;
        try {
          addMarketplaceColumns(acc, c);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(type as never);
        expect((err as Error).message.startsWith(`addMarketplaceColumns: ${path}`), (err as Error).message).toBe(true);
        expect(JSON.stringify(acc)).toBe(before);
      });
    }
    it("a seller whose segment differs from the accumulator's", () => {
      const acc = createMarketplaceAccumulator({ currency: "USD" });
      addMarketplaceSale(acc, { sellerId: "b", date: "2017-01-01", amountMinor: 5 }, "smb");
      const before = JSON.stringify(acc);
      expect(() => addMarketplaceColumns(acc, good())).toThrow(/^addMarketplaceColumns: segment of columns\[1\]/);
      expect(JSON.stringify(acc)).toBe(before);
    });
    it("an undeclared segment and a rejected refund", () => {
      const declared = createMarketplaceAccumulator({ currency: "USD", segments: ["smb"] });
      expect(() => addMarketplaceColumns(declared, good())).toThrow(ValidationError);
      expect(JSON.stringify(declared)).toBe(JSON.stringify(createMarketplaceAccumulator({ currency: "USD", segments: ["smb"] })));
      const reject = createMarketplaceAccumulator({ currency: "USD", refunds: "reject" });
      const c = good();
      c.amountMinor[2] = -1;
      expect(() => addMarketplaceColumns(reject, c)).toThrow(/^addMarketplaceColumns: columns\.amountMinor\[2\]/);
    });
    it("a frozen accumulator and a non-accumulator", () => {
      expect(() => addMarketplaceColumns(Object.freeze(createMarketplaceAccumulator({ currency: "USD" })), good())).toThrow(ValidationTypeError);
      expect(() => addMarketplaceColumns({} as never, good())).toThrow(ValidationTypeError);
      expect(() => addMarketplaceColumns(createMarketplaceAccumulator({ currency: "USD" }), { ...good(), day: 5 as never })).toThrow(ValidationTypeError);
    });
  });
});
