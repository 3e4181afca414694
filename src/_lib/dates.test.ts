import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { MS_PER_DAY, addMonthsToEpochDay, addMonthsUtc, daysBetweenUtc, daysInMonthUtc, epochDay, fromEpochDay, utcDay, utcTime } from "./dates.js";

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("utcTime", () => {
  it("keeps the years 0–99 (Date.UTC reads them as 1900–1999)", () => {
    expect(new Date(utcTime(50, 2, 15)).toISOString()).toBe("0050-03-15T00:00:00.000Z");
    expect(new Date(utcTime(0, 0, 1)).toISOString()).toBe("0000-01-01T00:00:00.000Z");
    expect(utcTime(2024, 1, 29)).toBe(Date.UTC(2024, 1, 29));
  });
  it("rolls months and days over", () => {
    expect(iso(new Date(utcTime(99, 12, 1)))).toBe("0100-01-01");
    expect(iso(new Date(utcTime(2024, 2, 0)))).toBe("2024-02-29");
    expect(new Date(utcTime(-1, 0, 1)).toISOString()).toBe("-000001-01-01T00:00:00.000Z");
  });
});

describe("daysInMonthUtc", () => {
  it("knows leap years, including the century rules", () => {
    expect([2023, 2024, 1900, 2000, 0].map((y) => daysInMonthUtc(y, 1))).toEqual([28, 29, 28, 29, 29]);
    expect(daysInMonthUtc(2024, 11)).toBe(31);
  });
});

describe("addMonthsUtc", () => {
  it("clamps the day of month to the target month's end", () => {
    expect(iso(addMonthsUtc(day("2024-01-31"), 1))).toBe("2024-02-29");
    expect(iso(addMonthsUtc(day("2023-01-31"), 1))).toBe("2023-02-28");
    expect(iso(addMonthsUtc(day("2024-03-31"), -1))).toBe("2024-02-29");
    expect(iso(addMonthsUtc(day("2024-02-29"), 12))).toBe("2025-02-28");
    expect(iso(addMonthsUtc(day("2024-05-17"), -17))).toBe("2022-12-17");
  });
  it('keeps month ends with monthEnd "keep" (Regulation Z Appendix J (b)(3)(iv))', () => {
    // App. J (b)(3)(iv): "if the later date is the last day of a month, the earlier date is the last day of the month"
    expect(iso(addMonthsUtc(day("2024-02-29"), -1, "keep"))).toBe("2024-01-31");
    expect(iso(addMonthsUtc(day("2024-04-30"), 1, "keep"))).toBe("2024-05-31");
    expect(iso(addMonthsUtc(day("2024-04-29"), 1, "keep"))).toBe("2024-05-29");
    expect(iso(addMonthsUtc(day("2024-03-31"), -1, "keep"))).toBe("2024-02-29");
  });
  it("drops the time of day and does not mutate its argument", () => {
    const d = new Date("2024-01-31T18:30:00Z");
    expect(addMonthsUtc(d, 1).toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(d.toISOString()).toBe("2024-01-31T18:30:00.000Z");
  });
  test.prop([fc.integer({ min: -700_000, max: 2_900_000 }), fc.integer({ min: -1200, max: 1200 })])("is what the day-number version returns", (n, k) => {
    expect(addMonthsToEpochDay(n, k)).toBe(epochDay(addMonthsUtc(fromEpochDay(n), k)));
    expect(addMonthsToEpochDay(n, k, "keep")).toBe(epochDay(addMonthsUtc(fromEpochDay(n), k, "keep")));
  });
});

describe("day numbers", () => {
  it("count whole UTC days, before 1970 too", () => {
    expect(epochDay(day("1970-01-02"))).toBe(1);
    expect(epochDay(new Date("1969-12-31T23:59:59Z"))).toBe(-1);
    expect(iso(fromEpochDay(-1))).toBe("1969-12-31");
    expect(utcDay(new Date("1969-12-31T23:59:59Z")).toISOString()).toBe("1969-12-31T00:00:00.000Z");
    expect(daysBetweenUtc(new Date("2024-03-09T23:00:00Z"), new Date("2024-03-11T01:00:00Z"))).toBe(2);
    expect(MS_PER_DAY).toBe(24 * 60 * 60 * 1000);
  });
});
