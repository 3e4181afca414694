import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { fromMinorUnits } from "../money/fromMinorUnits.js";
import { churnByInactivity } from "./churnByInactivity.js";
import { cohortGmvRetention } from "./cohortGmvRetention.js";
import { kaplanMeier } from "./kaplanMeier.js";
import { mergeSellerActivity } from "./mergeSellerActivity.js";
import { mergeSurvivalTallies } from "./mergeSurvivalTallies.js";
import { tallySurvival } from "./tallySurvival.js";
import { trackSellerActivity } from "./trackSellerActivity.js";

const obsArb = fc.array(fc.record({ time: fc.integer({ min: 0, max: 60 }), event: fc.boolean() }), { maxLength: 80 });
const intervalsArb = fc.constantFrom("log-log" as const, "log" as const, "plain" as const);
const salesArb = fc.array(fc.record({ seller: fc.integer({ min: 0, max: 12 }), day: fc.integer({ min: 0, max: 400 }), cents: fc.integer({ min: -5_000, max: 1_000_000 }) }), { maxLength: 120 });
const toSales = (rows: readonly { seller: number; day: number; cents: number }[]) =>
  rows.map((r) => ({ sellerId: `s${r.seller}`, date: new Date(Date.UTC(2024, 0, 1 + r.day)), amount: fromMinorUnits(r.cents, "USD") }));

describe("kaplanMeier properties", () => {
  test.prop([obsArb, intervalsArb])("survival is non-increasing and within [0, 1], and lower ≤ S ≤ upper within [0, 1]", (obs, intervals) => {
    const rows = kaplanMeier(obs, { intervals }).rows;
    let prev = 1;
    for (const r of rows) {
      const s = r.survival.toNumber();
      expect(s).toBeLessThanOrEqual(prev);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(r.lower.lessThanOrEqualTo(r.survival) && r.survival.lessThanOrEqualTo(r.upper)).toBe(true);
      expect(r.lower.greaterThanOrEqualTo(0) && r.upper.lessThanOrEqualTo(1)).toBe(true);
      expect(r.standardError.greaterThanOrEqualTo(0)).toBe(true);
      prev = s;
    }
  });

  test.prop([obsArb])("the at-risk count starts at n and falls by the events and censorings of each row", (obs) => {
    const rows = kaplanMeier(obs).rows;
    let n = obs.length;
    for (const r of rows) {
      expect(r.atRisk).toBe(n);
      n -= r.events + r.censored;
    }
    expect(n).toBe(0);
  });

  test.prop([obsArb, obsArb, obsArb])("merging tallies is order-independent and equals tallying the pooled observations", (a, b, c) => {
    const [ta, tb, tc] = [tallySurvival(a), tallySurvival(b), tallySurvival(c)];
    const pooled = tallySurvival([...a, ...b, ...c]);
    expect(mergeSurvivalTallies(ta, tb, tc)).toEqual(pooled);
    expect(mergeSurvivalTallies(tc, mergeSurvivalTallies(tb, ta))).toEqual(pooled);
  });
});

describe("seller activity properties", () => {
  test.prop([salesArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1000 })])("any split into shards merges, in any order, to the state of the whole log", (rows, k, seed) => {
    const sales = toSales(rows);
    const shards: (typeof sales)[] = Array.from({ length: k }, () => []);
    sales.forEach((s, i) => (shards[(i * 7 + seed) % k] as typeof sales).push(s));
    const whole = JSON.stringify(trackSellerActivity(sales, { currency: "USD" }));
    const parts = shards.map((s) => trackSellerActivity(s, { currency: "USD" }));
    expect(JSON.stringify(mergeSellerActivity(...parts))).toBe(whole);
    expect(JSON.stringify(mergeSellerActivity(...[...parts].reverse()))).toBe(JSON.stringify(mergeSellerActivity(...parts)));
  });

  test.prop([salesArb, fc.integer({ min: 1, max: 120 })])("churned + active = sellers, and the survival tally has one observation per seller", (rows, n) => {
    const c = churnByInactivity(trackSellerActivity(toSales(rows), { currency: "USD" }), { inactivityDays: n, asOf: "2025-03-01" });
    expect(c.churned + c.active).toBe(c.sellers);
    expect(c.survival.events.reduce((x, y) => x + y, 0)).toBe(c.churned);
    expect(c.survival.censored.reduce((x, y) => x + y, 0)).toBe(c.active);
  });

  test.prop([salesArb])("the cohort triangle holds every sale of every seller with a sale (exact cents)", (rows) => {
    const sales = toSales(rows);
    const r = cohortGmvRetention(trackSellerActivity(sales, { currency: "USD" }));
    const withSale = new Set(sales.filter((s) => s.amount.amount.greaterThan(0)).map((s) => s.sellerId));
    const expected = rows.filter((x) => withSale.has(`s${x.seller}`)).reduce((t, x) => t + x.cents, 0);
    const got = r.cohorts.flatMap((c) => c.gmv).reduce((t, m) => t + Math.round(m.amount.toNumber() * 100), 0);
    expect(got).toBe(expected);
    expect(r.cohorts.reduce((t, c) => t + c.sellers, 0)).toBe(withSale.size);
  });
});
