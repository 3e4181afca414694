import { describe, expect, it } from "vitest";
import { inputOutputMultipliers } from "./inputOutputMultipliers.js";
import { ValidationError } from "../errors.js";

// Miller & Blair's two-sector example as reproduced in W. Li, "Multipliers in Input-Output Model",
// MIT OpenCourseWare 11.481J (Spring 2009), lecture 19a ("Source: Miller and Blair (1985)"):
// A = [[.15, .25], [.20, .05]], (I - A)^-1 = [[1.254, .330], [.264, 1.122]], simple output
// multipliers 1.518 and 1.452; closed with households, A = [[.15, .25, .05], [.20, .05, .40],
// [.30, .25, .05]], inverse [[1.365, .425, .251], [.527, 1.348, .595], [.570, .489, 1.289]],
// total output multipliers (household row included) 1.365 + .527 + .570 = 2.462 and 2.262.
const A = [
  [0.15, 0.25],
  [0.2, 0.05],
];
const households = { laborIncome: [0.3, 0.25], consumption: [0.05, 0.4], householdToHousehold: 0.05 };

describe("inputOutputMultipliers", () => {
  it("gives Miller & Blair's simple output multipliers 1.518 and 1.452", () => {
    const m = inputOutputMultipliers({ technicalCoefficients: A });
    expect(m.sectors.map((s) => s.outputTypeI.toFixed(3))).toEqual(["1.518", "1.452"]);
    expect(m.sectors.map((s) => s.outputTypeII)).toEqual([null, null]);
    expect(m.sectors.map((s) => s.employmentTypeI)).toEqual([null, null]);
  });

  it("gives the total output multipliers 2.462 and 2.262 with households (1.892 and 1.773 over the two sectors only)", () => {
    const m = inputOutputMultipliers({ technicalCoefficients: A, households, sectorNames: ["agriculture", "manufacturing"] });
    expect(m.sectors.map((s) => s.outputTypeIIWithHouseholds?.toFixed(3))).toEqual(["2.462", "2.262"]);
    // 1.365 + .527 and .425 + 1.348 from the published inverse
    expect(m.sectors.map((s) => s.outputTypeII?.toFixed(3))).toEqual(["1.892", "1.773"]);
    expect(m.sectors.map((s) => s.name)).toEqual(["agriculture", "manufacturing"]);
  });

  it("computes employment multipliers from the same inverses (jobs per unit of demand and per direct job)", () => {
    // e = [10, 5] jobs per unit of output: Type I jobs per unit of demand for sector 1 =
    // 10 × 1.254 + 5 × .264 = 13.86 (published inverse, 3 decimals); per direct job 13.86 / 10.
    const m = inputOutputMultipliers({ technicalCoefficients: A, employmentPerOutput: [10, 5], households });
    const [s1, s2] = m.sectors;
    expect(s1!.jobsPerUnitTypeI!.toFixed(2)).toBe("13.86");
    expect(s1!.employmentTypeI!.toFixed(3)).toBe("1.386");
    // sector 2: 10 × .330 + 5 × 1.122 = 8.91; per direct job 8.91 / 5 = 1.782
    expect(s2!.jobsPerUnitTypeI!.toFixed(2)).toBe("8.91");
    expect(s2!.employmentTypeI!.toFixed(3)).toBe("1.782");
    // Type II with the closed inverse: 10 × 1.365 + 5 × .527 = 16.285 (published, 3 decimals)
    expect(Math.abs(s1!.jobsPerUnitTypeII! - 16.285)).toBeLessThan(0.01);
    expect(s1!.employmentTypeII!).toBeGreaterThan(s1!.employmentTypeI!);
  });

  it("gives null employment multipliers for a sector without direct jobs", () => {
    const m = inputOutputMultipliers({ technicalCoefficients: A, employmentPerOutput: [0, 5] });
    expect(m.sectors[0]!.employmentTypeI).toBeNull();
    expect(m.sectors[0]!.jobsPerUnitTypeI!.toFixed(2)).toBe((5 * 0.264).toFixed(2));
  });

  it("returns a frozen result", () => {
    const m = inputOutputMultipliers({ technicalCoefficients: A });
    expect(Object.isFrozen(m) && Object.isFrozen(m.sectors) && Object.isFrozen(m.sectors[0])).toBe(true);
  });

  describe("edge cases", () => {
    it("throws on a negative coefficient, a wrong-length vector and an unknown key", () => {
      expect(() => inputOutputMultipliers({ technicalCoefficients: [[-0.1]] })).toThrow(ValidationError);
      expect(() => inputOutputMultipliers({ technicalCoefficients: A, employmentPerOutput: [1] })).toThrow(/inputOutputMultipliers: employmentPerOutput/);
      expect(() => inputOutputMultipliers({ technicalCoefficients: A, household: households } as never)).toThrow(/did you mean "households"/);
    });
    it("throws NOT_PRODUCTIVE for a column summing to 1", () => {
      expect(() =>
        inputOutputMultipliers({
          technicalCoefficients: [
            [0.5, 0.5],
            [0.5, 0.1],
          ],
        }),
      ).toThrow(expect.objectContaining({ code: "NOT_PRODUCTIVE", fn: "inputOutputMultipliers" }));
    });
  });
});
