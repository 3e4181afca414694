import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { inputOutputImpact } from "./inputOutputImpact.js";
import { leontiefInverse } from "./leontiefInverse.js";

/** A random productive matrix: non-negative entries with every column sum ≤ maxColumnSum < 1. */
function productive(n: number, maxColumnSum: number) {
  return fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }).chain((raw) =>
    fc.double({ min: 0, max: maxColumnSum, noNaN: true }).map((target) => {
      const a = raw.map((r) => [...r]);
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += a[i]?.[j] as number;
        for (let i = 0; i < n; i++) (a[i] as number[])[j] = s > 0 ? ((a[i]?.[j] as number) / s) * target : 0;
      }
      return a;
    }),
  );
}

const sized = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(fc.constant(n), productive(n, 0.95)));

describe("leontiefInverse properties", () => {
  test.prop([sized])("L · (I − A) ≈ I and L ≥ 0 with diag(L) ≥ 1", ([n, a]) => {
    const l = leontiefInverse(a);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += (l[i]?.[k] as number) * ((k === j ? 1 : 0) - (a[k]?.[j] as number));
        expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-9);
        expect(l[i]?.[j]).toBeGreaterThanOrEqual(0);
      }
      expect(l[i]?.[i]).toBeGreaterThanOrEqual(1 - 1e-12);
    }
  });

  test.prop([
    fc
      .integer({ min: 1, max: 6 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          productive(n + 1, 0.9),
          fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
          fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: n, maxLength: n }),
        ),
      ),
  ])("with final demand ≥ 0: Type II total ≥ Type I total ≥ direct, per sector", ([n, closed, e, f]) => {
    const a = closed.slice(0, n).map((r) => r.slice(0, n));
    const households = { laborIncome: (closed[n] as number[]).slice(0, n), consumption: closed.slice(0, n).map((r) => r[n] as number), householdToHousehold: closed[n]?.[n] as number };
    const r = inputOutputImpact({ technicalCoefficients: a, employmentPerOutput: e, finalDemandChange: f, households });
    for (const s of r.sectors) {
      const tol = 1e-9 * (1 + s.jobs.total);
      expect(s.jobs.direct + s.jobs.indirect).toBeGreaterThanOrEqual(s.jobs.direct - tol);
      expect(s.jobs.total).toBeGreaterThanOrEqual(s.jobs.direct + s.jobs.indirect - tol);
    }
  });

  test.prop([sized, fc.integer({ min: 0, max: 1000 })])("output scales linearly with final demand", ([n, a], k) => {
    const f = Array.from({ length: n }, (_, i) => i + 1);
    const one = inputOutputImpact({ technicalCoefficients: a, employmentPerOutput: f, finalDemandChange: f });
    const scaled = inputOutputImpact({ technicalCoefficients: a, employmentPerOutput: f, finalDemandChange: f.map((v) => v * k) });
    expect(Math.abs(scaled.jobs.total - k * one.jobs.total)).toBeLessThanOrEqual(1e-9 * (1 + k * one.jobs.total));
  });
});
