/**
 * The float64 holdback of the integer engine (#12, src/financing/_lib/intEngine.ts) at the edge
 * of its range: the quotient by a float64 division and one correction (no float64 remainder) must
 * equal the exact rational `round(sales × num / den)` computed in BigInt, for every rounding mode,
 * up to the largest product it takes (MAX_SAFE − den) and just beyond it (the BigInt path). The
 * plain loop (no minimum window, no maturity, nothing recorded) must agree with the general loop.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../_lib/decimal.js";
import { type IntHoldbackTerms, IntRows, type RoundingConst, runHoldbackInt, toRational } from "./intEngine.js";

const MAX = Number.MAX_SAFE_INTEGER;

/** round_rm(p / den) for p ≥ 0, exactly, in BigInt (decimal.js rounding constants). */
function exact(p: bigint, den: bigint, rm: RoundingConst): bigint {
  const q = p / den;
  const r = p % den;
  if (r === 0n) return q;
  if (rm === 0 || rm === 2) return q + 1n;
  if (rm === 1 || rm === 3) return q;
  if (rm === 4) return 2n * r >= den ? q + 1n : q;
  if (rm === 5) return 2n * r > den ? q + 1n : q;
  return 2n * r > den || (2n * r === den && q % 2n === 1n) ? q + 1n : q;
}

/** The holdback of one day's sales (a total large enough never to trim it). */
function oneDay(sales: number, rate: string, rm: RoundingConst): number {
  const terms: IntHoldbackTerms = { rm, total: MAX, rate: toRational(new Decimal(rate)), minimum: null, maxTermDays: null, collectShortfall: true };
  const periods = { days: Int32Array.of(1), minor: Float64Array.of(sales), length: 1, scale: 0 };
  return runHoldbackInt(terms, 0, periods, 1, null, null).totalHoldback;
}

const rates = ["0.1", "0.07", "0.0001", "0.123456789", "0.999999999999999", "1", "0.5", "0.333333333333333"];

describe("the float64 holdback", () => {
  test.prop([fc.constantFrom(...rates), fc.constantFrom<RoundingConst>(0, 1, 2, 3, 4, 5, 6), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -3, max: 3 })], { numRuns: 3000 })(
    "equals the exact rational up to and around MAX_SAFE − den",
    (rate, rm, u, nudge) => {
      const { num, den } = toRational(new Decimal(rate));
      // Sales spread over the whole range, with extra weight right at the largest float64 product.
      const top = Math.floor((MAX - den) / num);
      const sales = Math.max(1, Math.min(MAX, top + nudge, u < 0.5 ? Math.floor(u * 2 * top) : top + nudge));
      const p = BigInt(sales) * BigInt(num);
      const want = exact(p, BigInt(den), rm);
      // Beyond 20 significant digits the BigInt path reproduces decimal.js's rounded product; below, exact.
      if (p.toString().length <= 20) expect(BigInt(oneDay(sales, rate, rm))).toBe(want);
    },
  );

  it("rounds ties as each mode says (half-even on odd and even quotients)", () => {
    expect(oneDay(25, "0.1", 6)).toBe(2);
    expect(oneDay(35, "0.1", 6)).toBe(4);
    expect(oneDay(25, "0.1", 4)).toBe(3);
    expect(oneDay(25, "0.1", 5)).toBe(2);
    expect(oneDay(21, "0.1", 0)).toBe(3);
    expect(oneDay(29, "0.1", 1)).toBe(2);
  });

  test.prop([fc.array(fc.integer({ min: -50_000, max: 2_000_000 }), { maxLength: 80 }), fc.integer({ min: 1, max: 30_000_000 }), fc.constantFrom(...rates), fc.constantFrom<RoundingConst>(0, 1, 4, 6)], {
    numRuns: 500,
  })("the plain loop (nothing recorded) gives the totals of the general one (rows recorded)", (cents, total, rate, rm) => {
    const n = cents.length;
    const periods = { days: Int32Array.from({ length: n }, (_, i) => 10 + 2 * i), minor: Float64Array.from(cents), length: n, scale: 0 };
    const terms: IntHoldbackTerms = { rm, total, rate: toRational(new Decimal(rate)), minimum: null, maxTermDays: null, collectShortfall: true };
    const plain = runHoldbackInt(terms, 9, periods, 10 + 2 * n, null, null);
    const general = runHoldbackInt(terms, 9, periods, 10 + 2 * n, new IntRows(), null);
    expect({ ...plain, rows: null }).toEqual({ ...general, rows: null });
  });
});
