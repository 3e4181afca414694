/* eslint-disable no-sparse-arrays -- this file tests arrays with holes on purpose (#11) */
/** Regression tests of issue #11 (hostile input) for the jobs module. */
import { describe, expect, it } from "vitest";
import { ErrorCode, isMarketplaceEconomicsError } from "../errors.js";
import { adjustReceiptsPerEmployee } from "./adjustReceiptsPerEmployee.js";
import { attributeJobsToMarketplace } from "./attributeJobsToMarketplace.js";
import { directJobs } from "./directJobs.js";
import { estimateJobs } from "./estimateJobs.js";
import { inputOutputImpact } from "./inputOutputImpact.js";
import { jobsFromMultiplier } from "./jobsFromMultiplier.js";
import { leontiefInverse } from "./leontiefInverse.js";

/** Walk a result: every number finite, every Decimal finite. */
function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "object" || value === null) return true;
  if (typeof (value as { isFinite?: unknown }).isFinite === "function") return (value as { isFinite(): boolean }).isFinite();
  return Object.values(value).every(allFinite);
}

/** Either a finite result or a typed library error named after `fn`. */
function finiteOrTyped(fn: string, call: () => unknown): void {
  let result: unknown;
  try {
    result = call();
  } catch (e) {
    expect(isMarketplaceEconomicsError(e)).toBe(true);
    expect((e as { fn: string }).fn).toBe(fn);
    return;
  }
  expect(allFinite(result)).toBe(true);
}

describe("#11: no NaN or Infinity from any jobs function", () => {
  const edge: unknown[] = [1e-320, 5e-324, 1e308, -1e308, "1e-999", "9e998", "1e-1000", 0, -0, "1e999"];
  it("directJobs, jobsFromMultiplier, estimateJobs and attributeJobsToMarketplace over edge numbers", () => {
    for (const a of edge) {
      for (const b of edge) {
        finiteOrTyped("directJobs", () => directJobs(a as never, b as never));
        finiteOrTyped("jobsFromMultiplier", () => jobsFromMultiplier({ output: a as never, jobsPerMillion: b as never, type: "type-I" }));
        finiteOrTyped("jobsFromMultiplier", () => jobsFromMultiplier({ directJobs: a as never, jobsPerDirectJob: b as never, type: "type-II" }));
        finiteOrTyped("estimateJobs", () => estimateJobs({ sales: a as never, revenuePerEmployee: b as never, jobsPerDirectJob: "9e998" }));
        finiteOrTyped("estimateJobs", () => estimateJobs({ sales: a as never, jobsPerMillion: b as never }));
        finiteOrTyped("attributeJobsToMarketplace", () => attributeJobsToMarketplace([{ employees: a as never, marketplaceSales: b as never, totalSales: "1e-999" }]));
      }
    }
  });
  it("inputOutputImpact with huge final demand is a typed error, not Infinity", () => {
    const call = () =>
      inputOutputImpact({
        technicalCoefficients: [
          [0.5, 0.4],
          [0.4, 0.5],
        ],
        employmentPerOutput: [1e300, 1],
        finalDemandChange: [1e308, 1e308],
      });
    expect(call).toThrow(expect.objectContaining({ fn: "inputOutputImpact", code: ErrorCode.OUT_OF_RANGE }));
    for (const a of edge) finiteOrTyped("inputOutputImpact", () => inputOutputImpact({ technicalCoefficients: [[a as number]], employmentPerOutput: [1e300], finalDemandChange: [1e300] }));
  });
  it("leontiefInverse of singular and near-singular matrices throws a typed error", () => {
    expect(() =>
      leontiefInverse([
        [1, 0],
        [0, 0],
      ]),
    ).toThrow(expect.objectContaining({ code: ErrorCode.SINGULAR_MATRIX }));
    expect(() =>
      leontiefInverse([
        [1e308, 1e308],
        [1e308, 1e308],
      ]),
    ).toThrow(expect.objectContaining({ fn: "leontiefInverse" }));
    for (const eps of [1e-15, 1e-16, 1e-17, 1e-300, 5e-324]) {
      finiteOrTyped("leontiefInverse", () =>
        leontiefInverse([
          [1 - eps, 0],
          [0, 0.5],
        ]),
      );
      finiteOrTyped("leontiefInverse", () =>
        leontiefInverse([
          [0.5, 0.5 - eps],
          [0.5, 0.5 - eps],
        ]),
      );
    }
  });
});

describe("#11: holes, non-square matrices, options", () => {
  it("matrices and vectors with holes throw MISSING_VALUE naming the cell", () => {
    expect(() =>
      leontiefInverse([
        [0.1, ,],
        [0.1, 0.1],
      ] as never),
    ).toThrow(expect.objectContaining({ code: ErrorCode.MISSING_VALUE, fn: "leontiefInverse" }));

    expect(() => leontiefInverse([, [0.1]] as never)).toThrow(expect.objectContaining({ code: ErrorCode.MISSING_VALUE }));

    expect(() =>
      inputOutputImpact({
        technicalCoefficients: [
          [0.1, 0.1],
          [0.1, 0.1],
        ],
        employmentPerOutput: [1, ,] as never,
        finalDemandChange: [1, 1],
      }),
    ).toThrow(expect.objectContaining({ code: ErrorCode.MISSING_VALUE }));

    expect(() => attributeJobsToMarketplace([, { employees: 1, marketplaceShare: 1 }] as never)).toThrow(expect.objectContaining({ code: ErrorCode.MISSING_VALUE, argument: "sellers[0]" }));
  });
  it("non-square matrices throw DIMENSION_MISMATCH", () => {
    expect(() => leontiefInverse([[0.1, 0.2]])).toThrow(expect.objectContaining({ code: ErrorCode.DIMENSION_MISMATCH }));
    expect(() => leontiefInverse([[0.1], [0.2]] as never)).toThrow(expect.objectContaining({ code: ErrorCode.DIMENSION_MISMATCH }));
  });
  it("more than 1,000 sectors are rejected before any elimination", () => {
    const big = Array.from({ length: 1001 }, () => [0]);
    expect(() => leontiefInverse(big)).toThrow(expect.objectContaining({ code: ErrorCode.OUT_OF_RANGE }));
  });
  it.each([
    ["leontiefInverse", () => leontiefInverse([[0.1]], { tolerence: 1e-9 } as never)],
    ["inputOutputImpact", () => inputOutputImpact({ technicalCoefficients: [[0.1]], employmentPerOutput: [1], finalDemandChange: [1], household: {} } as never)],
    ["jobsFromMultiplier", () => jobsFromMultiplier({ output: 1, jobsPerMillion: 1, type: "type-I", directJobPerMillion: 1 } as never)],
    ["estimateJobs", () => estimateJobs({ sales: 1, revenuePerEmployee: 1, shares: 1 } as never)],
    ["estimateJobs", () => estimateJobs({ sales: { low: 1, central: 2, high: 3, mid: 2 }, revenuePerEmployee: 1 } as never)],
    ["attributeJobsToMarketplace", () => attributeJobsToMarketplace([{ employees: 1, marketplaceShare: 1, share: 1 }] as never)],
  ])("%s: an unknown key throws UNKNOWN_OPTION", (fn, call) => {
    expect(call).toThrow(expect.objectContaining({ fn, code: ErrorCode.UNKNOWN_OPTION }));
  });
  it.each([
    ["leontiefInverse", () => leontiefInverse([[0.1]], null as never)],
    ["inputOutputImpact", () => inputOutputImpact(null as never)],
    ["jobsFromMultiplier", () => jobsFromMultiplier(null as never)],
    ["estimateJobs", () => estimateJobs(null as never)],
  ])("%s: null options throw a typed error", (fn, call) => {
    expect(call).toThrow(expect.objectContaining({ fn }));
  });
  it("a share written as a percentage gets a hint", () => {
    expect(() => estimateJobs({ sales: 1, share: 35, revenuePerEmployee: 1 })).toThrow(/write 0\.35 for 35 %/);
    expect(() => attributeJobsToMarketplace([{ employees: 1, marketplaceShare: 40 }])).toThrow(/write 0\.4 for 40 %/);
  });
});

describe("#11: published tables are frozen all the way down", () => {
  it("receiptsPerEmployeeTable's Decimals cannot be changed by a caller", async () => {
    const { receiptsPerEmployeeTable } = await import("./receiptsPerEmployeeTable.js");
    const d = receiptsPerEmployeeTable["retail-44-45-2002"].receiptsPerEmployee.amount;
    expect(() => {
      (d as unknown as { s: number }).s = -1;
    }).toThrow(TypeError);
    // US Census Bureau, 2002 Economic Census: sales per employee $208,663
    expect(receiptsPerEmployeeTable["retail-44-45-2002"].receiptsPerEmployee.amount.toString()).toBe("208663");
  });
});

describe("#11: a figure's id is a non-empty string or absent (full hostile run on 3be9480)", () => {
  const cpiU = { name: "CPI-U", source: "US BLS, series CUUR0000SA0", values: { 1997: "160.5", 2017: "245.12" } };
  const figure = (id: unknown) => ({ receiptsPerEmployee: 243_297, year: 1997, id }) as never;
  it("rejects a NaN, Infinity, Decimal NaN or Invalid Date id (was silently dropped: id null)", () => {
    for (const id of [Number.NaN, Infinity, -Infinity, 1.5, {}, new Date(Number.NaN), ""]) {
      let caught: unknown;
      try {
        adjustReceiptsPerEmployee(figure(id), { deflator: cpiU, toYear: 2017 });
      } catch (e) {
        caught = e;
      }
      expect(isMarketplaceEconomicsError(caught), String(id)).toBe(true);
      expect((caught as { fn: string }).fn).toBe("adjustReceiptsPerEmployee");
      expect((caught as { code: string }).code).toBe(id === "" ? ErrorCode.OUT_OF_RANGE : ErrorCode.INVALID_TYPE);
      expect((caught as Error).message).toMatch(/^adjustReceiptsPerEmployee: figure\.id must /);
    }
    // The same reader serves directJobs and estimateJobs.
    expect(() => directJobs(1_000_000, figure(Number.NaN))).toThrow(/^directJobs: revenuePerEmployee\.id must be a string/);
  });
  it("still takes a string id, null and no id", () => {
    expect(adjustReceiptsPerEmployee(figure("mine"), { deflator: cpiU, toYear: 2017 }).id).toBe("mine@2017");
    expect(adjustReceiptsPerEmployee(figure(null), { deflator: cpiU, toYear: 2017 }).id).toBeNull();
    expect(adjustReceiptsPerEmployee(figure(undefined), { deflator: cpiU, toYear: 2017 }).id).toBeNull();
    // A result of adjustReceiptsPerEmployee (id null for an id-less figure) is a valid figure.
    const adjusted = adjustReceiptsPerEmployee(figure(undefined), { deflator: cpiU, toYear: 2017 });
    expect(directJobs(1_000_000, adjusted).source).toBeNull();
  });
});
