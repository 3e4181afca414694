import { describe, expectTypeOf, it } from "vitest";
import { cohortsByPeriod } from "../sellers/cohortsByPeriod.js";
import type { SalesShareByPeriodOptions } from "../share/salesShareByPeriod.js";
import { eachPeriod } from "./eachPeriod.js";
import { periodKey } from "./periodKey.js";
import type { DateInput, Period } from "./types.js";

describe("time types", () => {
  it("eachPeriod returns a readonly Date[] (#10)", () => {
    const starts = eachPeriod("2024-01-01", "2024-03-01", "month");
    expectTypeOf(starts).toEqualTypeOf<readonly Date[]>();
    // @ts-expect-error the result is readonly
    starts.push(new Date());
  });
  it("one Period word and one DateInput across time, share and sellers (#10)", () => {
    expectTypeOf<SalesShareByPeriodOptions["period"]>().toEqualTypeOf<Period>();
    expectTypeOf<Parameters<typeof cohortsByPeriod>[1]>().toEqualTypeOf<Period>();
    expectTypeOf<Parameters<typeof periodKey>[0]>().toEqualTypeOf<DateInput>();
    // @ts-expect-error the financing words of 0.1.0 are not periods
    periodKey("2024-01-01", "monthly");
  });
});
