/**
 * Jobs results are frozen plain data all the way down, and inputs are never written to (#10).
 * Inputs are deep-frozen before each call: in strict-mode ESM a write to one would throw.
 */
import { describe, expect, it } from "vitest";
import { unfrozenPaths } from "../../test/support/frozen.js";
import { money } from "../money/money.js";
import { attributeJobsToMarketplace } from "./attributeJobsToMarketplace.js";
import { directJobs } from "./directJobs.js";
import { estimateJobs } from "./estimateJobs.js";
import { inputOutputImpact } from "./inputOutputImpact.js";
import { jobsFromMultiplier } from "./jobsFromMultiplier.js";
import { leontiefInverse } from "./leontiefInverse.js";
import { receiptsPerEmployeeTable } from "./receiptsPerEmployeeTable.js";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe("jobs results are frozen all the way down", () => {
  it("directJobs, with a number, a Money and a table figure", () => {
    expect(unfrozenPaths(directJobs(1_000_000, 250_000))).toEqual([]);
    expect(unfrozenPaths(directJobs(money("1000000", "USD"), receiptsPerEmployeeTable["retail-44-45-2002"]))).toEqual([]);
  });

  it("jobsFromMultiplier, both forms", () => {
    expect(unfrozenPaths(jobsFromMultiplier(deepFreeze({ output: 2_000_000, jobsPerMillion: 12, type: "type-II" as const, directJobsPerMillion: 7, typeIJobsPerMillion: 9 })))).toEqual([]);
    expect(unfrozenPaths(jobsFromMultiplier(deepFreeze({ directJobs: 100, jobsPerDirectJob: "1.8", type: "type-I" as const })))).toEqual([]);
  });

  it("leontiefInverse returns frozen rows", () => {
    const L = leontiefInverse(
      deepFreeze([
        [0.15, 0.25],
        [0.2, 0.05],
      ]),
    );
    expect(unfrozenPaths(L)).toEqual([]);
    expect(Object.isFrozen(L[0])).toBe(true);
  });

  it("inputOutputImpact, with and without households", () => {
    const base = {
      technicalCoefficients: [
        [0.15, 0.25],
        [0.2, 0.05],
      ],
      employmentPerOutput: [10, 5],
      finalDemandChange: [100, 0],
      sectorNames: ["a", "b"],
    };
    expect(unfrozenPaths(inputOutputImpact(deepFreeze(base)))).toEqual([]);
    const closed = inputOutputImpact(deepFreeze({ ...base, households: { laborIncome: [0.3, 0.2], consumption: [0.4, 0.3] } }));
    expect(closed.householdsEndogenous).toBe(true);
    expect(unfrozenPaths(closed)).toEqual([]);
  });

  it("estimateJobs, its ranges and assumptions", () => {
    const e = estimateJobs(
      deepFreeze({
        sales: { low: money("60000000000", "USD"), central: money("80000000000", "USD"), high: money("100000000000", "USD") },
        revenuePerEmployee: { low: 175_889, central: 243_297, high: 361_795 },
        jobsPerDirectJob: { low: 1.5, central: 2.5, high: 3 },
      }),
    );
    expect(e.assumptions.length).toBeGreaterThan(0);
    expect(unfrozenPaths(e)).toEqual([]);
  });

  it("attributeJobsToMarketplace and receiptsPerEmployeeTable", () => {
    const r = attributeJobsToMarketplace(
      deepFreeze([
        { id: "a", employees: 10, marketplaceShare: "0.6" },
        { id: "b", employees: 4, marketplaceSales: money("50000", "USD"), totalSales: money("200000", "USD") },
      ]),
    );
    expect(unfrozenPaths(r)).toEqual([]);
    expect(unfrozenPaths(receiptsPerEmployeeTable)).toEqual([]);
  });
});
