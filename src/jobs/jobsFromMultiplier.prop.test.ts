import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { jobsFromMultiplier } from "./jobsFromMultiplier.js";

// three non-negative multipliers sorted: direct ≤ Type I ≤ Type II (in hundredths of a job per $1M)
const multipliers = fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 })).map((t) => t.sort((a, b) => a - b).map((v) => v / 100));

describe("jobsFromMultiplier properties", () => {
  test.prop([fc.integer({ min: 0, max: 1e12 }), multipliers])("Type II ≥ Type I ≥ direct, and the parts add up", (output, [d, t1, t2]) => {
    const r2 = jobsFromMultiplier({ output, jobsPerMillion: t2 as number, type: "type-II", typeIJobsPerMillion: t1 as number, directJobsPerMillion: d as number });
    const r1 = jobsFromMultiplier({ output, jobsPerMillion: t1 as number, type: "type-I", directJobsPerMillion: d as number });
    expect(r2.total.greaterThanOrEqualTo(r1.total)).toBe(true);
    expect(r1.total.greaterThanOrEqualTo(r1.direct ?? 0)).toBe(true);
    expect(
      r2.direct
        ?.plus(r2.indirect ?? 0)
        .plus(r2.induced ?? 0)
        .equals(r2.total),
    ).toBe(true);
    expect(r2.indirect?.equals(r1.indirect ?? -1)).toBe(true);
    expect([r2.direct, r2.indirect, r2.induced].every((v) => v !== null && !v.isNegative())).toBe(true);
  });

  test.prop([fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 5000 })])("jobs scale linearly with output", (output, k, m) => {
    const one = jobsFromMultiplier({ output, jobsPerMillion: m / 100, type: "type-II" }).total;
    const scaled = jobsFromMultiplier({ output: output * k, jobsPerMillion: m / 100, type: "type-II" }).total;
    expect(scaled.equals(one.times(k))).toBe(true);
  });
});
