import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { largestRemainder, largestRemainderNumbers, largestRemainderShares, scaleToIntegers, type RemainderTieBreak } from "./largestRemainder.js";

const TIE_BREAKS: readonly RemainderTieBreak[] = ["earlier-index", "larger-weight"];

describe("largestRemainder", () => {
  it("floors each part and gives the leftover units to the largest remainders", () => {
    // 100 by 1:1:1 → 33 each, 1 left; remainders tie → earlier index (dinero.js distribute)
    expect(largestRemainder(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    // 100 by 1:2:3: exact 16.67, 33.33, 50 → remainders .67, .33, 0 → the first part gets the unit
    expect(largestRemainder(100n, [1n, 2n, 3n])).toEqual([17n, 33n, 50n]);
  });
  it("breaks equal remainders by the earlier part or by the larger weight, as asked", () => {
    // 2 by 1:3: exact 0.5, 1.5 → floors 0, 1, equal remainders (2 mod 4 = 6 mod 4 = 2), 1 unit left
    expect(largestRemainder(2n, [1n, 3n], "earlier-index")).toEqual([1n, 1n]);
    expect(largestRemainder(2n, [1n, 3n], "larger-weight")).toEqual([0n, 2n]);
    // equal weights fall back to the earlier part under both
    expect(largestRemainder(1n, [2n, 2n], "larger-weight")).toEqual([1n, 0n]);
  });
  it("gives nothing to a zero weight", () => {
    expect(largestRemainder(5n, [0n, 1n, 0n, 1n])).toEqual([0n, 3n, 0n, 2n]);
  });
  it("does not mutate the weights", () => {
    const w = Object.freeze([1n, 2n]);
    largestRemainder(7n, w);
    expect(w).toEqual([1n, 2n]);
  });
});

describe("largestRemainderNumbers", () => {
  it("splits plain numbers into the given buffer", () => {
    const out = [9, 9, 9];
    expect(largestRemainderNumbers(100, [1, 1, 1], "earlier-index", out)).toBe(out);
    expect(out).toEqual([34, 33, 33]);
    expect(largestRemainderNumbers(2, [1, 3], "larger-weight")).toEqual([0, 2]);
  });
  it("stays exact past 2^53 (falls back to bigints)", () => {
    // 2^53 − 1 by 1:1:1: 3002399751580330 + 1 for the first part (9007199254740991 = 3 × 3002399751580330 + 1)
    expect(largestRemainderNumbers(Number.MAX_SAFE_INTEGER, [1, 1, 1])).toEqual([3002399751580331, 3002399751580330, 3002399751580330]);
  });
});

describe("largestRemainder properties", () => {
  const weights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0));
  const units = fc.integer({ min: 0, max: 10_000_000_000 });
  test.prop([units, weights, fc.constantFrom(...TIE_BREAKS)])("parts sum to the units, stay within one unit of the exact share, and zero weights get zero", (u, w, tb) => {
    const parts = largestRemainder(BigInt(u), w.map(BigInt), tb);
    const total = w.reduce((a, b) => a + b, 0);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(BigInt(u));
    parts.forEach((p, i) => {
      const exact = new Decimal(u).times(w[i] as number).dividedBy(total);
      expect(new Decimal(p.toString()).minus(exact).abs().lessThan(1), `part ${i}`).toBe(true);
      if (w[i] === 0) expect(p).toBe(0n);
    });
  });
  test.prop([units, weights, fc.constantFrom(...TIE_BREAKS)])("the number version equals the bigint version", (u, w, tb) => {
    expect(largestRemainderNumbers(u, w, tb)).toEqual(largestRemainder(BigInt(u), w.map(BigInt), tb).map(Number));
  });
  test.prop([units, weights])("the tie-breaks differ only in which tied parts get a unit", (u, w) => {
    const a = largestRemainder(BigInt(u), w.map(BigInt), "earlier-index");
    const b = largestRemainder(BigInt(u), w.map(BigInt), "larger-weight");
    a.forEach((p, i) => expect(p - (b[i] as bigint) <= 1n && (b[i] as bigint) - p <= 1n).toBe(true));
  });
});

describe("scaleToIntegers", () => {
  it("scales Decimals to one power of ten exactly", () => {
    expect(scaleToIntegers([new Decimal("0.7"), new Decimal("0.35"), new Decimal(2)])).toEqual([70n, 35n, 200n]);
    expect(scaleToIntegers([new Decimal("1e-30"), new Decimal(1)])).toEqual([1n, 10n ** 30n]);
  });
});

describe("largestRemainderShares", () => {
  it("rounds shares to the precision so that they sum to exactly 1, larger weight first on ties", () => {
    // 1:3 at 1 place: exact 0.25, 0.75 → floors 0.2, 0.7, tied remainders → the larger value gets 0.1
    expect(largestRemainderShares([new Decimal(1), new Decimal(3)], 1).map(String)).toEqual(["0.2", "0.8"]);
    expect(
      largestRemainderShares(
        [1, 1, 1].map((x) => new Decimal(x)),
        4,
      ).map(String),
    ).toEqual(["0.3334", "0.3333", "0.3333"]);
  });
  it("gives zero shares when every value is zero", () => {
    expect(largestRemainderShares([new Decimal(0), new Decimal(0)], 6).map(String)).toEqual(["0", "0"]);
  });
});
