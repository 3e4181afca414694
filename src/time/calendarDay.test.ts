import { describe, expect, it } from "vitest";
import { ValidationError, ValidationTypeError } from "../errors.js";
import { calendarDay } from "./calendarDay.js";
import { daysBetween } from "./daysBetween.js";
import { parseDate } from "./parseDate.js";

describe("calendarDay", () => {
  it("builds the UTC calendar day at 00:00Z, months counted from 1", () => {
    expect(calendarDay(2017, 1, 1).toISOString()).toBe("2017-01-01T00:00:00.000Z");
    expect(calendarDay(2024, 12, 31).toISOString()).toBe("2024-12-31T00:00:00.000Z");
    expect(calendarDay(2024, 2, 29).getTime()).toBe(Date.UTC(2024, 1, 29));
  });
  it("equals the ISO date string parsed by parseDate", () => {
    expect(calendarDay(2023, 3, 26).getTime()).toBe(parseDate("2023-03-26").getTime());
  });
  it("does not depend on the process time zone (the new Date(2017, 0, 1) pitfall, #16)", () => {
    // new Date(2017, 0, 1) is local midnight; in TZ=Europe/Berlin it is 2016-12-31T23:00:00Z.
    // calendarDay is built from UTC fields only, so it is the same instant in every zone.
    const local = new Date(2017, 0, 1);
    expect(local.getTime() - calendarDay(2017, 1, 1).getTime()).toBe(local.getTimezoneOffset() * 60_000);
    expect(calendarDay(2017, 1, 1).getUTCHours()).toBe(0);
  });
  it("keeps the years 0–99 (Date.UTC reads them as 1900–1999)", () => {
    expect(calendarDay(50, 1, 1).toISOString()).toBe("0050-01-01T00:00:00.000Z");
    expect(calendarDay(0, 1, 1).toISOString()).toBe("0000-01-01T00:00:00.000Z");
    expect(calendarDay(9999, 12, 31).toISOString()).toBe("9999-12-31T00:00:00.000Z");
  });
  it("returns a new Date each call (mutating one does not change the next)", () => {
    const a = calendarDay(2024, 1, 1);
    a.setUTCFullYear(2000);
    expect(calendarDay(2024, 1, 1).toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(daysBetween(calendarDay(2024, 1, 1), calendarDay(2025, 1, 1))).toBe(366);
  });
  describe("edge cases", () => {
    it("throws instead of rolling over an impossible day", () => {
      expect(() => calendarDay(2023, 2, 29)).toThrowError(ValidationError);
      expect(() => calendarDay(2023, 2, 29)).toThrowError(/^calendarDay: day must be an integer from 1 to 28/);
      expect(() => calendarDay(2024, 4, 31)).toThrowError(/from 1 to 30/);
      expect(() => calendarDay(2024, 1, 0)).toThrowError(ValidationError);
    });
    it("throws on a month outside 1–12 (a 0-based month 0 is caught)", () => {
      expect(() => calendarDay(2017, 0, 1)).toThrowError(/^calendarDay: month must be an integer from 1 to 12/);
      expect(() => calendarDay(2017, 13, 1)).toThrowError(ValidationError);
    });
    it("throws on a year outside 0–9999", () => {
      expect(() => calendarDay(10000, 1, 1)).toThrowError(/year must be an integer from 0 to 9999/);
      expect(() => calendarDay(-1, 1, 1)).toThrowError(ValidationError);
    });
    it("throws typed errors with code and fn for non-integers and wrong kinds", () => {
      expect(() => calendarDay(2024, 1.5, 1)).toThrowError(expect.objectContaining({ code: "NOT_INTEGER", fn: "calendarDay" }));
      expect(() => calendarDay(Number.NaN, 1, 1)).toThrowError(expect.objectContaining({ code: "INVALID_NUMBER" }));
      expect(() => calendarDay("2024" as unknown as number, 1, 1)).toThrowError(ValidationTypeError);
      expect(() => (calendarDay as (...a: unknown[]) => Date)(2024, 1)).toThrowError(expect.objectContaining({ code: "MISSING_VALUE" }));
    });
  });
});
