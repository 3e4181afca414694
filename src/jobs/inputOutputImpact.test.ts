import { describe, expect, it } from "vitest";
import { ErrorCode, ValidationError } from "../errors.js";
import { inputOutputImpact } from "./inputOutputImpact.js";

// Miller & Blair (2009), 2nd ed., ch. 2: A = [[.15, .25], [.20, .05]]; §2.5 closes the model with
// households: labour-income row [.30, .25], consumption column [.05, .40], corner .05.
const A = [
  [0.15, 0.25],
  [0.2, 0.05],
];
const households = { laborIncome: [0.3, 0.25], consumption: [0.05, 0.4], householdToHousehold: 0.05 };

describe("inputOutputImpact", () => {
  it("splits the open-model output of M&B's f = [600, 1500] into direct and indirect", () => {
    // x = [1247.52, 1841.58] (M&B §2.3.1); direct = f, indirect = x − f.
    const r = inputOutputImpact({ technicalCoefficients: A, employmentPerOutput: [1, 1], finalDemandChange: [600, 1500] });
    expect(r.sectors.map((s) => s.output.total.toFixed(2))).toEqual(["1247.52", "1841.58"]);
    expect(r.sectors.map((s) => s.output.direct)).toEqual([600, 1500]);
    expect(r.sectors[0]?.output.indirect).toBeCloseTo(945 / 0.7575 - 600, 9);
    expect(r.output.induced).toBe(0);
    expect(r.householdsEndogenous).toBe(false);
    expect(r.householdIncome).toBeNull();
  });

  it("turns output into jobs with employment coefficients (hand-checked)", () => {
    // e = [10, 5] jobs per unit; f = [100, 0]: L f = [125.41, 26.40]
    // direct jobs = 10 × 100 = 1000; indirect = 10 × 25.41 + 5 × 26.40 = 386.14
    const r = inputOutputImpact({ technicalCoefficients: A, employmentPerOutput: [10, 5], finalDemandChange: [100, 0], sectorNames: ["goods", "services"] });
    expect(r.jobs.direct).toBe(1000);
    expect(r.jobs.indirect.toFixed(2)).toBe("386.14");
    expect(r.sectors.map((s) => s.name)).toEqual(["goods", "services"]);
    expect(r.jobs.total).toBeCloseTo(r.jobs.direct + r.jobs.indirect, 9);
  });

  it("adds induced effects when households are closed into the model (M&B §2.5)", () => {
    // Closed inverse (3 decimals) [[1.365, .425, .251], [.527, 1.348, .595], [.570, .489, 1.289]]:
    // x̄₁ = 1.365·600 + .425·1500 ≈ 1456.94, x̄₂ ≈ 2338.51, household income ≈ 1075.48.
    const r = inputOutputImpact({ technicalCoefficients: A, employmentPerOutput: [1, 1], finalDemandChange: [600, 1500], households });
    expect(r.sectors.map((s) => s.output.total.toFixed(2))).toEqual(["1456.94", "2338.51"]);
    expect(r.sectors.map((s) => s.output.induced.toFixed(2))).toEqual(["209.42", "496.92"]);
    expect(r.householdIncome?.toFixed(2)).toBe("1075.48");
    expect(r.householdsEndogenous).toBe(true);
  });

  it("handles a decrease in final demand (negative change)", () => {
    const r = inputOutputImpact({ technicalCoefficients: A, employmentPerOutput: [1, 1], finalDemandChange: [-600, -1500] });
    expect(r.sectors.map((s) => s.output.total.toFixed(2))).toEqual(["-1247.52", "-1841.58"]);
  });

  it("returns frozen, JSON-serialisable results", () => {
    const r = inputOutputImpact({ technicalCoefficients: A, employmentPerOutput: [1, 1], finalDemandChange: [1, 1], households });
    expect(Object.isFrozen(r) && Object.isFrozen(r.sectors) && Object.isFrozen(r.sectors[0]?.jobs)).toBe(true);
    expect(JSON.parse(JSON.stringify(r)).sectors[0].index).toBe(0);
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
    it("throws DIMENSION_MISMATCH for vectors of the wrong length", () => {
      expect(code(() => inputOutputImpact({ technicalCoefficients: A, employmentPerOutput: [1], finalDemandChange: [1, 1] }))).toBe(ErrorCode.DIMENSION_MISMATCH);
      expect(code(() => inputOutputImpact({ technicalCoefficients: A, employmentPerOutput: [1, 1], finalDemandChange: [1, 1, 1] }))).toBe(ErrorCode.DIMENSION_MISMATCH);
      expect(code(() => inputOutputImpact({ technicalCoefficients: A, employmentPerOutput: [1, 1], finalDemandChange: [1, 1], households: { laborIncome: [0.1], consumption: [0.1, 0.1] } }))).toBe(
        ErrorCode.DIMENSION_MISMATCH,
      );
      expect(code(() => inputOutputImpact({ technicalCoefficients: A, employmentPerOutput: [1, 1], finalDemandChange: [1, 1], sectorNames: ["a"] }))).toBe(ErrorCode.DIMENSION_MISMATCH);
    });
    it("throws NOT_PRODUCTIVE when the household row pushes a column sum to 1", () => {
      expect(code(() => inputOutputImpact({ technicalCoefficients: A, employmentPerOutput: [1, 1], finalDemandChange: [1, 1], households: { laborIncome: [0.65, 0.1], consumption: [0.1, 0.1] } }))).toBe(
        ErrorCode.NOT_PRODUCTIVE,
      );
    });
    it("throws OUT_OF_RANGE for negative employment coefficients", () => {
      const e = (() => {
        try {
          inputOutputImpact({ technicalCoefficients: A, employmentPerOutput: [1, -1], finalDemandChange: [1, 1] });
        } catch (err) {
          return err as ValidationError;
        }
        throw new Error("no error");
      })();
      expect(e.code).toBe(ErrorCode.OUT_OF_RANGE);
      expect(e.argument).toBe("employmentPerOutput[1]");
    });
  });
});
