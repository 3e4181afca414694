import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect } from "vitest";
import { money } from "../money/money.js";
import { accumulateShare } from "./accumulateShare.js";
import { finalizeShare } from "./finalizeShare.js";
import { giniCoefficient } from "./giniCoefficient.js";
import { herfindahlHirschmanIndex } from "./herfindahlHirschmanIndex.js";
import { mergeAccumulators } from "./mergeAccumulators.js";
import { salesShare } from "./salesShare.js";
import { shareAccumulatorFromJSON } from "./shareAccumulatorFromJSON.js";
import { topShare } from "./topShare.js";
import { wilsonInterval } from "./wilsonInterval.js";
import type { Sale } from "./types.js";

const d = new Date("2017-01-01T00:00:00Z");
const saleArb = fc
  .record({ seg: fc.constantFrom("smb", "large", "other", "x"), cents: fc.integer({ min: 0, max: 10_000_000 }), units: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }) })
  .map(({ seg, cents, units }): Sale =>
    units === undefined ? { sellerId: seg, date: d, amount: money(new Decimal(cents).div(100), "USD") } : { sellerId: seg, date: d, amount: money(new Decimal(cents).div(100), "USD"), units },
  );
const bySeller = (s: Sale): string => s.sellerId;
const sumOf = (xs: readonly Decimal[]): Decimal => xs.reduce((a, b) => a.plus(b), new Decimal(0));

describe("share properties", () => {
  test.prop([fc.array(saleArb, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 12 })])("shares sum to exactly 1 when the total is positive", (sales, precision) => {
    const r = salesShare(sales, bySeller, { precision });
    const total = r.total.gmv?.amount ?? new Decimal(0);
    if (total.gt(0)) expect(sumOf(r.segments.map((s) => s.gmvShare)).toString()).toBe("1");
    expect(sumOf(r.segments.map((s) => s.unitShare)).toString()).toBe(r.total.units.gt(0) ? "1" : "0");
    expect(sumOf(r.segments.map((s) => s.salesShare)).toString()).toBe("1");
    for (const s of r.segments) expect(s.gmvShare.decimalPlaces()).toBeLessThanOrEqual(precision);
  });

  test.prop([fc.array(saleArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 8 })])("each share is within 10^-p of the exact share", (sales, p) => {
    const r = salesShare(sales, bySeller, { precision: p });
    const total = r.total.gmv?.amount ?? new Decimal(0);
    if (total.isZero()) return;
    for (const s of r.segments) expect(s.gmvShare.minus(s.gmv.amount.div(total)).abs().lte(new Decimal(10).pow(-p))).toBe(true);
  });

  test.prop([fc.array(saleArb, { maxLength: 40 }), fc.array(saleArb, { maxLength: 40 }), fc.array(saleArb, { maxLength: 40 })])("merge is associative and commutative", (a, b, c) => {
    const A = accumulateShare(a, bySeller);
    const B = accumulateShare(b, bySeller);
    const C = accumulateShare(c, bySeller);
    const abc = JSON.stringify(mergeAccumulators(mergeAccumulators(A, B), C));
    expect(JSON.stringify(mergeAccumulators(A, mergeAccumulators(B, C)))).toBe(abc);
    expect(JSON.stringify(mergeAccumulators(C, A, B))).toBe(abc);
    expect(JSON.stringify(mergeAccumulators(B, C, A))).toBe(abc);
    expect(abc).toBe(JSON.stringify(accumulateShare([...a, ...b, ...c], bySeller)));
  });

  test.prop([fc.array(saleArb, { maxLength: 60 })])("shuffled input gives the same shares", (sales) => {
    const shuffled = [...sales].reverse();
    expect(JSON.stringify(salesShare(shuffled, bySeller))).toBe(JSON.stringify(salesShare(sales, bySeller)));
  });

  test.prop([fc.array(saleArb, { maxLength: 40 })])("JSON state round-trips", (sales) => {
    const acc = accumulateShare(sales, bySeller, { precision: 4 });
    expect(JSON.stringify(finalizeShare(shareAccumulatorFromJSON(JSON.stringify(acc))))).toBe(JSON.stringify(finalizeShare(acc)));
  });

  test.prop([fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 1_000_000 })])("HHI of n equal shares is 10,000/n", (n, size) => {
    expect(herfindahlHirschmanIndex(Array<number>(n).fill(size)).toString()).toBe(new Decimal(10_000).div(n).toString());
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 50 })])("HHI is between 10,000/n and 10,000", (xs) => {
    if (xs.every((x) => x === 0)) return;
    const h = herfindahlHirschmanIndex(xs);
    const n = xs.filter((x) => x > 0).length;
    expect(h.lte(10_000)).toBe(true);
    expect(h.gte(new Decimal(10_000).div(n).minus("1e-12"))).toBe(true);
  });

  test.prop([fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 1_000_000 })])("Gini of equal values is 0", (n, v) => {
    expect(giniCoefficient(Array<number>(n).fill(v)).toString()).toBe("0");
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 50 })])("Gini is in [0, (n−1)/n] and scale-invariant", (xs) => {
    const g = giniCoefficient(xs);
    expect(g.gte(0)).toBe(true);
    expect(g.lte(new Decimal(xs.length - 1).div(xs.length).plus("1e-18"))).toBe(true);
    expect(
      giniCoefficient(xs.map((x) => x * 7))
        .minus(g)
        .abs()
        .lte("1e-18"),
    ).toBe(true);
  });

  // Non-empty with a positive total: topShare throws otherwise since #11 (empty-input policy).
  test.prop([fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 30 }).filter((xs) => xs.some((x) => x > 0)), fc.integer({ min: 0, max: 30 })])(
    "topShare is monotone in k and within [0, 1]",
    (xs, k) => {
      const a = topShare(xs, k);
      const b = topShare(xs, k + 1);
      expect(a.gte(0) && a.lte(1)).toBe(true);
      expect(b.gte(a)).toBe(true);
    },
  );

  test.prop([fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)))])("Wilson interval contains p̂ and stays in [0, 1]", ([x, n]) => {
    const ci = wilsonInterval(x, n);
    expect(ci.lower.gte(0) && ci.upper.lte(1)).toBe(true);
    expect(ci.lower.lte(ci.estimate) && ci.estimate.lte(ci.upper)).toBe(true);
  });
});
