import { describe, expect, it } from "vitest";
import { addPeriods } from "./addPeriods.js";
import { eachPeriod } from "./eachPeriod.js";
import { endOfPeriod } from "./endOfPeriod.js";
import { startOfPeriod } from "./startOfPeriod.js";

const code = (c: string, fn: string) => expect.objectContaining({ code: c, fn });

describe("time on hostile input (#11)", () => {
  it("addPeriods never returns an Invalid Date", () => {
    expect(() => addPeriods("2024-01-31", 1e308, "month")).toThrowError(code("OUT_OF_RANGE", "addPeriods"));
    expect(() => addPeriods("2024-01-31", 2 ** 53 + 2, "month")).toThrowError(code("OUT_OF_RANGE", "addPeriods"));
    expect(() => addPeriods("9999-12-01", 1, "month")).toThrowError(code("OUT_OF_RANGE", "addPeriods"));
    expect(addPeriods("2024-01-31", 1, "month").toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });
  it("dates outside 0000–9999 and Proxy-wrapped Dates are typed errors", () => {
    expect(() => endOfPeriod(new Date(8.64e15), "month")).toThrowError(code("OUT_OF_RANGE", "endOfPeriod"));
    expect(() => startOfPeriod(new Proxy(new Date("2024-01-01"), {}), "month")).toThrowError(code("INVALID_TYPE", "startOfPeriod"));
    expect(endOfPeriod("9999-12-31", "year").toISOString()).toBe("9999-12-31T23:59:59.999Z");
  });
  it("eachPeriod from 2024 to year 275760 throws at once; its output is at most 100,000 periods", () => {
    const t = Date.now();
    expect(() => eachPeriod("2024-01-01", new Date(8.64e15), "day")).toThrowError(code("OUT_OF_RANGE", "eachPeriod"));
    expect(() => eachPeriod("2024-01-01", "2400-01-01", "day")).toThrowError(code("OUT_OF_RANGE", "eachPeriod"));
    expect(eachPeriod("2024-01-01", "2297-10-15", "day")).toHaveLength(100_000);
    expect(Date.now() - t).toBeLessThan(3000);
  });
  it("options: null and unknown keys are typed errors", () => {
    expect(() => startOfPeriod("2024-01-01", "week", null as never)).toThrowError(code("INVALID_TYPE", "startOfPeriod"));
    expect(() => eachPeriod("2024-01-01", "2024-02-01", "week", { weekStart: 1 } as never)).toThrow(/unknown key "weekStart" \(allowed keys: "weekStartsOn"\)/);
  });
});
