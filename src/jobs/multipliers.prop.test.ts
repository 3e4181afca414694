import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { grossToNetAdditionality } from "./grossToNetAdditionality.js";
import { inputOutputMultipliers } from "./inputOutputMultipliers.js";

/** A productive economy: n×n non-negative coefficients with every column sum below 1. */
const productive = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }).chain((raw) =>
    fc.double({ min: 0.05, max: 0.95, noNaN: true }).map((target) => {
      // scale each column to sum to `target` × its share, so every column sum is < 1
      const a = raw.map((row) => row.slice());
      for (let j = 0; j < n; j++) {
        const s = raw.reduce((acc, row) => acc + row[j]!, 0);
        for (let i = 0; i < n; i++) a[i]![j] = s === 0 ? 0 : (raw[i]![j]! / s) * target * 0.9;
      }
      return a;
    }),
  ),
);

describe("input-output multipliers (Miller & Blair 2009, ch. 6)", () => {
  test.prop([productive, fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true })])(
    "Type I output multipliers are >= 1 and Type II >= Type I for a productive economy with households",
    (a, labor, consume) => {
      const n = a.length;
      // households: labour row and consumption column small enough to keep the closed model productive
      const households = { laborIncome: Array.from({ length: n }, () => labor * 0.05), consumption: Array.from({ length: n }, () => (consume * 0.5) / n) };
      const m = inputOutputMultipliers({ technicalCoefficients: a, employmentPerOutput: Array.from({ length: n }, (_, i) => i + 1), households });
      for (const s of m.sectors) {
        expect(s.outputTypeI).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(s.outputTypeII!).toBeGreaterThanOrEqual(s.outputTypeI - 1e-12);
        expect(s.outputTypeIIWithHouseholds!).toBeGreaterThanOrEqual(s.outputTypeII! - 1e-12);
        expect(s.employmentTypeI!).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(s.employmentTypeII!).toBeGreaterThanOrEqual(s.employmentTypeI! - 1e-12);
      }
    },
  );
});

const shareArb = fc.integer({ min: 0, max: 1000 }).map((k) => (k / 1000).toString());
describe("gross-to-net additionality", () => {
  test.prop([fc.integer({ min: 0, max: 1_000_000 }), shareArb, shareArb, shareArb, shareArb, fc.integer({ min: 100, max: 300 }).map((k) => (k / 100).toString())])(
    "net / gross lies in [0, multiplier] and equals the product of the factors (deadweight as a share)",
    (gross, leakage, displacement, substitution, deadweight, multiplier) => {
      const r = grossToNetAdditionality({ gross, leakage, displacement, substitution, deadweight, multiplier });
      if (gross === 0) {
        expect(r.net.isZero()).toBe(true);
        return;
      }
      expect(r.ratio.greaterThanOrEqualTo(0)).toBe(true);
      expect(r.ratio.lessThanOrEqualTo(multiplier)).toBe(true);
      const product = [leakage, displacement, substitution, deadweight].reduce((p, s) => p * (1 - Number(s)), Number(multiplier));
      expect(Math.abs(r.ratio.toNumber() - product)).toBeLessThan(1e-12);
    },
  );
});
