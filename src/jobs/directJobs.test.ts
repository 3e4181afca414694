import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { makeMoney } from "../_lib/money.js";
import { CurrencyMismatchError, ErrorCode, ValidationError } from "../errors.js";
import { directJobs } from "./directJobs.js";
import { receiptsPerEmployeeTable } from "./receiptsPerEmployeeTable.js";

const usd = (a: string) => makeMoney(new Decimal(a), "USD");

describe("directJobs", () => {
  it("divides sales by revenue per employee (hand-checked)", () => {
    // 1,000,000 / 250,000 = 4 exactly.
    const r = directJobs(1_000_000, 250_000);
    expect(r.jobs.toString()).toBe("4");
    expect(r.currency).toBeNull();
    expect(r.source).toBeNull();
  });

  it("keeps the jobs unrounded", () => {
    // 1,000,000 / 300,000 = 3.333… (20 significant digits, decimal.js default precision)
    expect(directJobs("1000000", "300000").jobs.toString()).toBe("3.3333333333333333333");
  });

  it("uses a table entry and records its id (2002 retail: $208,663 per employee)", () => {
    const r = directJobs(usd("208663000"), receiptsPerEmployeeTable["retail-44-45-2002"]);
    expect(r.jobs.toString()).toBe("1000");
    expect(r.currency).toBe("USD");
    expect(r.source).toBe("retail-44-45-2002");
  });

  it("accepts a caller's own figure shaped like a table entry", () => {
    const r = directJobs(500_000, { receiptsPerEmployee: usd("125000") });
    expect(r.jobs.toString()).toBe("4");
    expect(r.source).toBeNull();
  });

  it("gives zero jobs for zero sales", () => {
    expect(directJobs(0, 100).jobs.toString()).toBe("0");
  });

  it("serialises to JSON with Decimal strings", () => {
    expect(JSON.parse(JSON.stringify(directJobs(usd("1000"), usd("250"))))).toEqual({
      jobs: "4",
      sales: "1000",
      revenuePerEmployee: "250",
      currency: "USD",
      source: null,
    });
  });

  it("returns a frozen object", () => {
    expect(Object.isFrozen(directJobs(1, 1))).toBe(true);
  });

  describe("edge cases", () => {
    it("throws OUT_OF_RANGE for negative sales", () => {
      expect(() => directJobs(-1, 100)).toThrowErrorMatchingInlineSnapshot(`[ValidationError: directJobs: sales must be ≥ 0, received -1 (allowed: a number ≥ 0)]`);
    });
    it("throws OUT_OF_RANGE for zero or negative revenue per employee", () => {
      for (const bad of [0, -5, "0"]) {
        try {
          directJobs(100, bad);
          expect.unreachable();
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
          expect((e as ValidationError).code).toBe(ErrorCode.OUT_OF_RANGE);
        }
      }
    });
    it("throws CurrencyMismatchError for Money in two currencies", () => {
      expect(() => directJobs(makeMoney(new Decimal(1), "EUR"), receiptsPerEmployeeTable["retail-44-45-1997"])).toThrow(CurrencyMismatchError);
    });
  });
});
