import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect } from "vitest";
import { directJobs } from "./directJobs.js";
import { estimateJobs } from "./estimateJobs.js";

const cents = fc.bigInt({ min: 0n, max: 10n ** 15n });
const positiveCents = fc.bigInt({ min: 1n, max: 10n ** 9n });
const toAmount = (c: bigint) => new Decimal(c.toString()).div(100);

describe("directJobs properties", () => {
  test.prop([cents, positiveCents, fc.integer({ min: 0, max: 1000 })])("jobs scale linearly with sales", (s, r, k) => {
    const one = directJobs(toAmount(s), toAmount(r)).jobs;
    const scaled = directJobs(toAmount(s).times(k), toAmount(r)).jobs;
    expect(scaled.minus(one.times(k)).abs().lessThanOrEqualTo(one.times(k).abs().times("1e-18").plus("1e-18"))).toBe(true);
  });

  test.prop([cents, positiveCents])("jobs × revenue per employee gives back the sales", (s, r) => {
    const res = directJobs(toAmount(s), toAmount(r));
    expect(res.jobs.times(res.revenuePerEmployee).minus(res.sales).abs().lessThanOrEqualTo(res.sales.times("1e-18").plus("1e-15"))).toBe(true);
  });
});

const pos = fc.integer({ min: 1, max: 1_000_000 });
const rangeOf = (arb: fc.Arbitrary<number>) =>
  fc
    .tuple(arb, arb, arb)
    .map((t) => t.sort((a, b) => a - b))
    .map(([low, central, high]) => ({ low, central, high }));

describe("estimateJobs properties", () => {
  test.prop([rangeOf(pos), rangeOf(pos), rangeOf(fc.integer({ min: 1, max: 5 }))])("low ≤ central ≤ high, and the low and high bound every one-at-a-time value", (sales, rpe, k) => {
    const e = estimateJobs({ sales, revenuePerEmployee: rpe, jobsPerDirectJob: k });
    expect(e.low.lessThanOrEqualTo(e.central) && e.central.lessThanOrEqualTo(e.high)).toBe(true);
    for (const a of e.assumptions) {
      expect(a.jobsWhenLow.greaterThanOrEqualTo(e.low) && a.jobsWhenHigh.lessThanOrEqualTo(e.high)).toBe(true);
      expect(a.jobsWhenLow.lessThanOrEqualTo(a.jobsWhenHigh)).toBe(true);
    }
  });
});
