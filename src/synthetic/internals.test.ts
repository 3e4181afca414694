/** Tests of the private generator helpers in src/synthetic/_lib/*.ts. */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { largestRemainderNumbers } from "../_lib/largestRemainder.js";
import { divRoundHalfEven } from "./_lib/engine.js";
import { Xoshiro128, createPermutation, hash32, mix32 } from "./_lib/random.js";
import { lognormalCappedMean, normalCdf, normalQuantile } from "./_lib/stats.js";

describe("Xoshiro128 (xoshiro128** 1.1)", () => {
  it("matches the reference algorithm from state {1, 2, 3, 4}", () => {
    // Worked by hand from https://prng.di.unimi.it/xoshiro128starstar.c:
    // out = rotl(s1 * 5, 7) * 9 → 11520, then 0, then 5927040.
    const g = new Xoshiro128(1, 2, 3, 4);
    expect([g.nextUint32(), g.nextUint32(), g.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it("is deterministic per seed and gives uniforms in (0, 1) with mean ≈ 1/2", () => {
    const a = new Xoshiro128(123);
    const b = new Xoshiro128(123);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = a.next();
      expect(x).toBe(b.next());
      if (!(x > 0 && x < 1)) throw new Error(`out of range: ${x}`);
      sum += x;
    }
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
  });

  it("hashes differ for neighbouring inputs", () => {
    expect(mix32(0)).toBe(0);
    expect(new Set([hash32(1, 0), hash32(1, 1), hash32(2, 0), hash32(1, 0, 1)]).size).toBe(4);
  });
});

describe("createPermutation", () => {
  test.prop([fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 0, max: 0xffffffff })])("is a bijection of [0, n)", (n, key) => {
    const p = createPermutation(n, key);
    const seen = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const j = p(i);
      expect(j >= 0 && j < n && Number.isInteger(j)).toBe(true);
      seen[j] = 1;
    }
    expect(seen.reduce((a, b) => a + b, 0)).toBe(n);
  });

  it("handles large domains (n = 2^24 + 3)", () => {
    const n = 2 ** 24 + 3;
    const p = createPermutation(n, 7);
    const xs = [0, 1, n - 1, n - 2, 12345].map(p);
    for (const x of xs) expect(x).toBeLessThan(n);
    expect(new Set(xs).size).toBe(5);
  });
});

describe("normal distribution helpers", () => {
  it("Φ⁻¹ matches standard quantiles (Abramowitz & Stegun, table 26.5)", () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.98)).toBeCloseTo(2.053749, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });

  test.prop([fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true })])("Φ(Φ⁻¹(p)) ≈ p", (p) => {
    expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(2e-7);
  });

  it("capped lognormal mean tends to the uncapped mean exp(μ + σ²/2)", () => {
    expect(lognormalCappedMean(0, 1, 1e12) / Math.exp(0.5)).toBeCloseTo(1, 6);
    expect(lognormalCappedMean(0, 1, 1)).toBeLessThan(1);
  });
});

/**
 * The generator's own largest-remainder routine up to 0.1.0 (floor each part, then +1 to the
 * largest remainders, ties to the lower index), kept as the oracle that the shared core
 * reproduces it: the synthetic output must stay byte-identical.
 */
function allocateInteger010(total: number, weights: readonly number[]): number[] {
  const T = BigInt(total);
  const W = weights.reduce((a, b) => a + BigInt(b), 0n);
  const out = weights.map((w) => Number((T * BigInt(w)) / W));
  const rem = weights.map((w, m) => [(T * BigInt(w)) % W, m] as const).filter(([, m]) => (weights[m] ?? 0) > 0);
  rem.sort((a, b) => (a[0] > b[0] ? -1 : a[0] < b[0] ? 1 : a[1] - b[1]));
  let left = total - out.reduce((a, b) => a + b, 0);
  for (const [, m] of rem) {
    if (left <= 0) break;
    out[m] = (out[m] ?? 0) + 1;
    left--;
  }
  return out;
}

describe("month split (shared largestRemainderNumbers, earlier-index tie-break)", () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 40 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0))])(
    "parts are non-negative, sum to the total and are 0 where the weight is 0",
    (total, weights) => {
      const out: number[] = new Array<number>(weights.length).fill(0);
      largestRemainderNumbers(total, weights, "earlier-index", out);
      expect(out.reduce((a, b) => a + b, 0)).toBe(total);
      out.forEach((x, i) => {
        expect(x).toBeGreaterThanOrEqual(0);
        if (weights[i] === 0) expect(x).toBe(0);
      });
    },
  );

  test.prop([fc.integer({ min: 0, max: 2 ** 45 }), fc.array(fc.integer({ min: 0, max: 2_000_000_000 }), { minLength: 1, maxLength: 24 }).filter((w) => w.some((x) => x > 0))])(
    "gives the generator's 0.1.0 split exactly (ties to the lower index)",
    (total, weights) => {
      expect(largestRemainderNumbers(total, weights, "earlier-index", new Array<number>(weights.length).fill(0))).toEqual(allocateInteger010(total, weights));
    },
  );

  it("splits ties to the lower index and reuses the output buffer", () => {
    const out: number[] = [9, 9, 9];
    expect(largestRemainderNumbers(2, [1, 1, 1], "earlier-index", out)).toBe(out);
    expect(out).toEqual([1, 1, 0]);
    // The default seasonality's December weight (0.125 of a year) gets 1/8 of 1,000,000 cents.
    expect(largestRemainderNumbers(1_000_000, [70_000, 65_000, 75_000, 75_000, 80_000, 80_000, 80_000, 85_000, 80_000, 85_000, 100_000, 125_000], "earlier-index")[11]).toBe(125_000);
  });

  it("splits beyond 2^53 products exactly (BigInt path)", () => {
    const out: number[] = [0, 0, 0];
    largestRemainderNumbers(10_000_000_000_007, [333_333_333, 333_333_333, 333_333_334], "earlier-index", out);
    expect(out.reduce((a, b) => a + b, 0)).toBe(10_000_000_000_007);
    expect(out).toEqual(allocateInteger010(10_000_000_000_007, [333_333_333, 333_333_333, 333_333_334]));
  });

  it("rounds half to even", () => {
    expect([divRoundHalfEven(5, 2), divRoundHalfEven(7, 2), divRoundHalfEven(7, 3), divRoundHalfEven(8, 3)]).toEqual([2, 4, 2, 3]);
  });
});
