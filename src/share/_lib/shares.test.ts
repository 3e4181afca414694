import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { largestRemainderShares } from "../../_lib/largestRemainder.js";
import { sharesBySelection, selectFirst } from "./shares.js";

describe("sharesBySelection", () => {
  it("gives the shares of the sorting largest remainder on a worked case", () => {
    // three equal thirds at 4 places: the tie goes to the earlier segment (larger weight equal)
    expect(
      sharesBySelection(
        [1, 1, 1].map((x) => new Decimal(x)),
        4,
      ).map(String),
    ).toEqual(["0.3334", "0.3333", "0.3333"]);
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 0, max: 6 })])("equals largestRemainderShares (the sorting implementation)", (ws, p) => {
    const values = ws.map((w) => new Decimal(w).div(7).toDecimalPlaces(3));
    expect(sharesBySelection(values, p).map(String)).toEqual(largestRemainderShares(values, p).map(String));
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 100 }), fc.nat()])("selectFirst puts the k smallest first", (xs, kk) => {
    const a = xs.map((_, i) => i);
    const k = kk % (xs.length + 1);
    selectFirst(a, k, (i, j) => (xs[i] as number) < (xs[j] as number) || ((xs[i] as number) === (xs[j] as number) && i < j));
    const want = xs
      .map((x, i) => [x, i] as const)
      .sort((u, v) => u[0] - v[0] || u[1] - v[1])
      .slice(0, k)
      .map((u) => u[1])
      .sort((u, v) => u - v);
    expect(a.slice(0, k).sort((u, v) => u - v)).toEqual(want);
  });
});
