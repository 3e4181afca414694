import { describe, expect, it } from "vitest";
import { ErrorCode, ValidationError, ValidationTypeError } from "../errors.js";
import { adjustReceiptsPerEmployee } from "./adjustReceiptsPerEmployee.js";
import { directJobs } from "./directJobs.js";
import { estimateJobs } from "./estimateJobs.js";
import { receiptsPerEmployeeTable } from "./receiptsPerEmployeeTable.js";

// US BLS CPI-U, US city average, all items, 1982-84 = 100, annual averages (series CUUR0000SA0):
// 1997 160.5, 2002 179.9, 2017 245.120 (checked against the copy of the BLS table at
// statinvestor.com/data/30997, which prints '97 160.5, '02 179.9, '17 245.12).
const CPI_U = { name: "CPI-U, US city average, all items, annual average (1982-84 = 100)", source: "US BLS, series CUUR0000SA0", values: { 1997: "160.5", 2002: "179.9", 2017: "245.12" } };

const fail = (f: () => unknown): { name: string; code: string; fn: string } => {
  try {
    f();
  } catch (e) {
    const err = e as ValidationError;
    return { name: err.constructor.name, code: err.code, fn: err.fn };
  }
  return { name: "none", code: "none", fn: "none" };
};

describe("adjustReceiptsPerEmployee", () => {
  it("restates the 1997 NAICS 454 figure in 2017 dollars with CPI-U", () => {
    // 243,297 × 245.12 / 160.5 = 371,569.848…
    const r = adjustReceiptsPerEmployee(receiptsPerEmployeeTable["nonstore-454-1997"], { deflator: CPI_U, toYear: 2017 });
    expect(r.id).toBe("nonstore-454-1997@2017");
    expect(r.fromYear).toBe(1997);
    expect(r.toYear).toBe(2017);
    expect(r.currency).toBe("USD");
    expect(r.original.toString()).toBe("243297");
    expect((r.receiptsPerEmployee as { amount: { toFixed(n: number): string } }).amount.toFixed(3)).toBe("371569.848");
    expect(r.factor.toFixed(9)).toBe("1.527227414");
    expect(r.deflator.source).toBe("US BLS, series CUUR0000SA0");
    expect(r.deflator.fromIndex.toString()).toBe("160.5");
    expect(r.deflator.toIndex.toString()).toBe("245.12");
    expect(r.figureSource).toContain("1997 Economic Census");
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.deflator)).toBe(true);
  });

  it("restates the 2002 retail figure (208,663 × 245.12 / 179.9 = 284,310.59)", () => {
    const r = adjustReceiptsPerEmployee(receiptsPerEmployeeTable["retail-44-45-2002"], { deflator: CPI_U, toYear: 2017 });
    expect((r.receiptsPerEmployee as { amount: { toFixed(n: number): string } }).amount.toFixed(2)).toBe("284310.59");
  });

  it("takes a plain figure with fromYear, and deflates backwards", () => {
    const r = adjustReceiptsPerEmployee({ receiptsPerEmployee: 245_120 }, { deflator: CPI_U, fromYear: 2017, toYear: 1997 });
    expect(r.receiptsPerEmployee.toString()).toBe("160500");
    expect(r.id).toBeNull();
    expect(r.currency).toBeNull();
    expect(r.figureSource).toBeNull();
  });

  it("is the identity for the same year, and does not mutate its inputs", () => {
    const values = { 2017: 245.12 };
    const fig = { receiptsPerEmployee: "300000", year: 2017, id: "mine" };
    const r = adjustReceiptsPerEmployee(fig, { deflator: { name: "x", source: "y", values }, toYear: 2017 });
    expect(r.receiptsPerEmployee.toString()).toBe("300000");
    expect(r.id).toBe("mine@2017");
    expect(fig).toEqual({ receiptsPerEmployee: "300000", year: 2017, id: "mine" });
    expect(values).toEqual({ 2017: 245.12 });
  });

  it("feeds directJobs and estimateJobs, which report its id", () => {
    const r = adjustReceiptsPerEmployee(receiptsPerEmployeeTable["nonstore-454-1997"], { deflator: CPI_U, toYear: 2017 });
    const d = directJobs(1_000_000_000, r);
    expect(d.source).toBe("nonstore-454-1997@2017");
    // 1e9 / 371,569.848… = 2,691.28…
    expect(d.jobs.toFixed(2)).toBe("2691.28");
    const e = estimateJobs({ sales: 1_000_000_000, revenuePerEmployee: r });
    expect(e.central.toFixed(2)).toBe("2691.28");
    expect(e.assumptions.find((a) => a.name === "revenuePerEmployee")?.sources).toEqual({ low: "nonstore-454-1997@2017", central: "nonstore-454-1997@2017", high: "nonstore-454-1997@2017" });
  });

  it("serialises to JSON", () => {
    const json = JSON.parse(JSON.stringify(adjustReceiptsPerEmployee(receiptsPerEmployeeTable["retail-44-45-1997"], { deflator: CPI_U, toYear: 2017 })));
    expect(json.receiptsPerEmployee.currency).toBe("USD");
    expect(json.deflator.toIndex).toBe("245.12");
    expect(json.fromYear).toBe(1997);
  });

  describe("edge cases", () => {
    const entry = receiptsPerEmployeeTable["retail-44-45-1997"];
    it("throws when a year has no index level", () => {
      expect(fail(() => adjustReceiptsPerEmployee(entry, { deflator: CPI_U, toYear: 2018 }))).toEqual({ name: "ValidationError", code: ErrorCode.OUT_OF_RANGE, fn: "adjustReceiptsPerEmployee" });
      expect(() => adjustReceiptsPerEmployee(entry, { deflator: CPI_U, toYear: 2018 })).toThrow(/has no index level for 2018/);
    });
    it("throws on a non-positive or non-numeric index level", () => {
      expect(fail(() => adjustReceiptsPerEmployee(entry, { deflator: { ...CPI_U, values: { 1997: 0, 2017: 245 } }, toYear: 2017 })).code).toBe(ErrorCode.OUT_OF_RANGE);
      expect(fail(() => adjustReceiptsPerEmployee(entry, { deflator: { ...CPI_U, values: { 1997: Number.NaN, 2017: 245 } }, toYear: 2017 })).code).toBe(ErrorCode.INVALID_NUMBER);
    });
    it("throws on a key that is not a year, and on a fractional year", () => {
      expect(fail(() => adjustReceiptsPerEmployee(entry, { deflator: { ...CPI_U, values: { ...CPI_U.values, "2017Q1": 1 } as never }, toYear: 2017 })).code).toBe(ErrorCode.OUT_OF_RANGE);
      expect(fail(() => adjustReceiptsPerEmployee(entry, { deflator: CPI_U, toYear: 2017.5 })).code).toBe(ErrorCode.NOT_INTEGER);
    });
    it("throws when fromYear conflicts with the figure's year, or is missing", () => {
      expect(fail(() => adjustReceiptsPerEmployee(entry, { deflator: CPI_U, toYear: 2017, fromYear: 2002 })).code).toBe(ErrorCode.CONFLICTING_OPTIONS);
      expect(fail(() => adjustReceiptsPerEmployee({ receiptsPerEmployee: 1 }, { deflator: CPI_U, toYear: 2017 }))).toEqual({
        name: "ValidationTypeError",
        code: ErrorCode.MISSING_VALUE,
        fn: "adjustReceiptsPerEmployee",
      });
    });
    it("requires the deflator's name and source", () => {
      expect(fail(() => adjustReceiptsPerEmployee(entry, { deflator: { values: CPI_U.values } as never, toYear: 2017 })).name).toBe("ValidationTypeError");
      expect(fail(() => adjustReceiptsPerEmployee(entry, { deflator: { ...CPI_U, source: " " }, toYear: 2017 })).code).toBe(ErrorCode.OUT_OF_RANGE);
    });
    it("throws on a non-positive amount and on unknown option keys", () => {
      expect(fail(() => adjustReceiptsPerEmployee({ receiptsPerEmployee: 0, year: 1997 }, { deflator: CPI_U, toYear: 2017 })).code).toBe(ErrorCode.OUT_OF_RANGE);
      expect(fail(() => adjustReceiptsPerEmployee(entry, { deflator: CPI_U, toYear: 2017, toyear: 1 } as never)).code).toBe(ErrorCode.UNKNOWN_OPTION);
      expect(fail(() => adjustReceiptsPerEmployee(null as never, { deflator: CPI_U, toYear: 2017 }))).toEqual({ name: "ValidationTypeError", code: ErrorCode.MISSING_VALUE, fn: "adjustReceiptsPerEmployee" });
      expect(ValidationTypeError).toBeDefined();
    });
  });
});
