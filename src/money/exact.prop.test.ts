/**
 * Exactness properties (#11): add and subtract agree with BigInt arithmetic on big
 * integers-with-cents, and multiply rounds the exact product once (compared with exact rational
 * rounding in BigInt), over 10,000 cases each.
 */
import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { describe, expect } from "vitest";
import { add } from "./add.js";
import { money } from "./money.js";
import { multiply } from "./multiply.js";
import { subtract } from "./subtract.js";
import { toMinorUnits } from "./toMinorUnits.js";

/** Cents below 1e31 (amounts below 1e29), as a plain decimal string of dollars. */
const cents = fc.bigInt({ min: -(10n ** 31n) + 1n, max: 10n ** 31n - 1n });
const dollars = (c: bigint): string => {
  const sign = c < 0n ? "-" : "";
  const a = (c < 0n ? -c : c).toString().padStart(3, "0");
  return `${sign}${a.slice(0, -2)}.${a.slice(-2)}`;
};

/** Round n/d (d > 0) to an integer, half away from zero. */
function roundHalfUp(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return neg ? -q : q;
}

describe("exact money arithmetic", () => {
  test.prop([cents, cents], { numRuns: 10_000 })("add and subtract equal BigInt arithmetic on cents", (a, b) => {
    const x = money(dollars(a), "USD");
    const y = money(dollars(b), "USD");
    expect(toMinorUnits(add(x, y))).toBe(a + b);
    expect(toMinorUnits(subtract(x, y))).toBe(a - b);
  });

  test.prop([fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 })], { numRuns: 10_000 })(
    "multiply by a 20-digit ratio rounds the exact product once (half-up)",
    (c, p, q) => {
      const ratio = new Decimal(p).div(q); // 20 significant digits, as a user's Decimal would have
      // Exact rational value of the ratio's digits: r = R / 10^k.
      const k = Math.max(0, ratio.decimalPlaces());
      const R = BigInt(ratio.times(new Decimal(10).pow(k)).toFixed(0));
      const expected = roundHalfUp(c * R, 10n ** BigInt(k)); // cents × ratio, in cents
      expect(toMinorUnits(multiply(money(dollars(c), "USD"), ratio, "half-up"))).toBe(expected);
    },
  );
});
