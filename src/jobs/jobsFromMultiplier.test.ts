import { describe, expect, it } from "vitest";
import { ErrorCode, ValidationError, ValidationTypeError } from "../errors.js";
import { jobsFromMultiplier } from "./jobsFromMultiplier.js";

const s = (d: { toString(): string } | null) => (d === null ? null : d.toString());

describe("jobsFromMultiplier", () => {
  it("applies a final-demand multiplier per $1 million (hand-checked)", () => {
    // $2.5M × 14.2 jobs / $1M = 35.5 jobs
    const r = jobsFromMultiplier({ output: 2_500_000, jobsPerMillion: "14.2", type: "type-II" });
    expect(s(r.total)).toBe("35.5");
    expect([r.direct, r.indirect, r.induced, r.indirectAndInduced]).toEqual([null, null, null, null]);
    expect(r.method).toBe("final-demand");
  });

  it("splits Type I into direct and indirect, with induced 0", () => {
    // $1M × 9 = 9 total; direct 1M × 6 = 6; indirect 3
    const r = jobsFromMultiplier({ output: 1_000_000, jobsPerMillion: 9, type: "type-I", directJobsPerMillion: 6 });
    expect([s(r.total), s(r.direct), s(r.indirect), s(r.induced)]).toEqual(["9", "6", "3", "0"]);
  });

  it("splits Type II into direct, indirect and induced", () => {
    // $2M: total 24, Type I 18, direct 14 → indirect 4, induced 6
    const r = jobsFromMultiplier({ output: 2_000_000, jobsPerMillion: 12, type: "type-II", directJobsPerMillion: 7, typeIJobsPerMillion: 9 });
    expect([s(r.total), s(r.direct), s(r.indirect), s(r.induced), s(r.indirectAndInduced)]).toEqual(["24", "14", "4", "6", "10"]);
  });

  it("reports induced without direct when only the Type I multiplier is given", () => {
    const r = jobsFromMultiplier({ output: 1_000_000, jobsPerMillion: 12, type: "type-II", typeIJobsPerMillion: 9 });
    expect([s(r.direct), s(r.indirect), s(r.induced)]).toEqual([null, null, "3"]);
  });

  it("applies a direct-effect multiplier (jobs per direct job)", () => {
    // BEA-style reading: a direct-effect multiplier of 2.3051 means each direct job supports 1.3051 more.
    const r = jobsFromMultiplier({ directJobs: 1000, jobsPerDirectJob: "2.3051", type: "type-II", typeIJobsPerDirectJob: "1.6" });
    expect([s(r.total), s(r.direct), s(r.indirect), s(r.induced)]).toEqual(["2305.1", "1000", "600", "705.1"]);
    expect(r.method).toBe("direct-effect");
  });

  it("accepts Money output", () => {
    const r = jobsFromMultiplier({ output: { amount: "500000", currency: "USD" } as never, jobsPerMillion: 10, type: "type-I" });
    expect(s(r.total)).toBe("5");
  });

  describe("edge cases", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as ValidationError).code;
      }
      return "no error";
    };
    it("throws when the multipliers break Type II ≥ Type I ≥ direct", () => {
      expect(code(() => jobsFromMultiplier({ output: 1, jobsPerMillion: 5, type: "type-I", directJobsPerMillion: 6 }))).toBe(ErrorCode.OUT_OF_RANGE);
      expect(code(() => jobsFromMultiplier({ output: 1, jobsPerMillion: 5, type: "type-II", typeIJobsPerMillion: 6 }))).toBe(ErrorCode.OUT_OF_RANGE);
      expect(code(() => jobsFromMultiplier({ output: 1, jobsPerMillion: 9, type: "type-II", typeIJobsPerMillion: 6, directJobsPerMillion: 7 }))).toBe(ErrorCode.OUT_OF_RANGE);
      expect(code(() => jobsFromMultiplier({ directJobs: 1, jobsPerDirectJob: 2, type: "type-II", typeIJobsPerDirectJob: 3 }))).toBe(ErrorCode.OUT_OF_RANGE);
    });
    it("throws for a direct-effect multiplier below 1, negative output and an unknown type", () => {
      expect(code(() => jobsFromMultiplier({ directJobs: 1, jobsPerDirectJob: "0.9", type: "type-I" }))).toBe(ErrorCode.OUT_OF_RANGE);
      expect(code(() => jobsFromMultiplier({ output: -1, jobsPerMillion: 1, type: "type-I" }))).toBe(ErrorCode.OUT_OF_RANGE);
      expect(code(() => jobsFromMultiplier({ output: 1, jobsPerMillion: 1, type: "type-III" as never }))).toBe(ErrorCode.UNKNOWN_OPTION);
      expect(code(() => jobsFromMultiplier({ output: 1, jobsPerMillion: 2, type: "type-I", typeIJobsPerMillion: 1 } as never))).toBe(ErrorCode.CONFLICTING_OPTIONS);
      expect(code(() => jobsFromMultiplier({ directJobs: 1, jobsPerDirectJob: 2, type: "type-I", typeIJobsPerDirectJob: 1 } as never))).toBe(ErrorCode.CONFLICTING_OPTIONS);
    });
    it("throws a type error when options are missing", () => {
      expect(() => jobsFromMultiplier(undefined as never)).toThrow(ValidationTypeError);
      expect(() => jobsFromMultiplier({ type: "type-I" } as never)).toThrow(ValidationTypeError);
    });
  });
});

describe("jobsFromMultiplier with both forms (audit regression)", () => {
  it("throws instead of silently ignoring the final-demand inputs", () => {
    expect(() => jobsFromMultiplier({ directJobs: 100, jobsPerDirectJob: 2, output: 5e6, jobsPerMillion: 3, type: "type-I" } as never)).toThrowError(
      expect.objectContaining({ code: "CONFLICTING_OPTIONS", message: expect.stringMatching(/^jobsFromMultiplier: options mixes the final-demand form \(output, jobsPerMillion\) with the direct-effect form/) }),
    );
  });
});
