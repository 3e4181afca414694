/**
 * Regression tests for the last failures of the full hostile matrix (test/hostile/RESULTS.md,
 * run of 2026-12-01 22:50 UTC, issue #11), one per failure group, through the public functions.
 */
import { Decimal as UserDecimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { isMarketplaceEconomicsError } from "../../src/errors.js";
import { money } from "../../src/money/money.js";
import { accumulateShare } from "../../src/share/accumulateShare.js";
import { salesShare } from "../../src/share/salesShare.js";
import { salesShareByPeriod } from "../../src/share/salesShareByPeriod.js";
import { aprRegZ } from "../../src/tvm/aprRegZ.js";
import { nper } from "../../src/tvm/nper.js";

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return isMarketplaceEconomicsError(e) ? `${e.fn}:${e.code}` : `untyped:${String(e)}`;
  }
  return undefined;
};

describe("amounts built with the library's own decimal.js copy (#11)", () => {
  // decimal.js clones share one prototype, so `new Decimal("1e9000000000000000")` from the user's
  // copy is `instanceof` the library's Decimal: the share fast path accepted it unchecked and the
  // exact sum never ended. It is now range-checked like every other amount.
  const huge = { amount: new UserDecimal("1e9000000000000000"), currency: "USD" };
  const sales = [
    { sellerId: "a", date: new Date("2017-03-01T00:00:00.000Z"), amount: huge, units: 3 },
    { sellerId: "b", date: new Date("2017-03-01T00:00:00.000Z"), amount: money("40", "USD"), units: 2 },
  ];
  const segmentOf = (s: { sellerId: string }) => (s.sellerId === "a" ? "smb" : "other");
  it("salesShare, salesShareByPeriod and accumulateShare throw OUT_OF_RANGE at once", () => {
    expect(code(() => salesShare(sales, segmentOf, { currency: "USD" }))).toBe("salesShare:OUT_OF_RANGE");
    expect(code(() => salesShareByPeriod(sales, segmentOf, { period: "year", currency: "USD" }))).toBe("salesShareByPeriod:OUT_OF_RANGE");
    expect(code(() => accumulateShare(sales, segmentOf, { currency: "USD" }))).toBe("accumulateShare:OUT_OF_RANGE");
  });
});

describe("nper with pv = -1e308 (#11)", () => {
  it("returns the finite root, not -Infinity", () => {
    // ln(num/den) directly when num/den is far from 1 (1 + q rounded to 0 in 40 digits before).
    const n = nper("0.075", -2000, -1e308, 100000, { when: "end" });
    expect(n.isFinite()).toBe(true);
    expect(n.toFixed(6)).toBe("-9643.812420");
    // By hand: z = pmt/r = -26,666.67; n = ln((z - fv)/(pv + z)) / ln(1.075)
    // = ln(126,666.67 / 1e308) / 0.0723207 = (0.236389 - 303 ln 10) / 0.0723207 = -9,643.81.
    expect(n.toFixed(2)).toBe("-9643.81");
  });
});

describe("aprRegZ on long schedules (#11)", () => {
  const start = "1978-01-10";
  it("payments due on one day count as one term: same APR as their sum on that day", () => {
    // Appendix J (c)(1)(i): $5,000, 24 monthly payments of $230 → 9.69 %; each payment split in two.
    const one = Array.from({ length: 24 }, (_, k) => ({ date: new Date(Date.UTC(1978, 1 + k, 10)), amount: 230 }));
    const split = one.flatMap((p) => [
      { date: p.date, amount: 115 },
      { date: p.date, amount: 115 },
    ]);
    expect(aprRegZ({ amountFinanced: 5000, advanceDate: start, payments: one }).times(100).toFixed(2)).toBe("9.69");
    expect(aprRegZ({ amountFinanced: 5000, advanceDate: start, payments: split, unitPeriod: "month" }).toString()).toBe(
      aprRegZ({ amountFinanced: 5000, advanceDate: start, payments: one, unitPeriod: "month" }).toString(),
    );
  });
  it("more than 50,000 payments throw OUT_OF_RANGE before any payment is read", () => {
    const many = new Array(50_001).fill({ date: "1978-02-10", amount: 230 });
    expect(code(() => aprRegZ({ amountFinanced: 5000, advanceDate: start, payments: many }))).toBe("aprRegZ:OUT_OF_RANGE");
  });
});
