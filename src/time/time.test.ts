import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { ValidationError, ValidationTypeError } from "../errors.js";
import { addPeriods } from "./addPeriods.js";
import { daysBetween } from "./daysBetween.js";
import { eachPeriod } from "./eachPeriod.js";
import { endOfPeriod } from "./endOfPeriod.js";
import { parseDate } from "./parseDate.js";
import { periodKey } from "./periodKey.js";
import { startOfPeriod } from "./startOfPeriod.js";
import { yearFraction } from "./yearFraction.js";

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("yearFraction", () => {
  it("ACT/ACT-ISDA: ISDA's own example, 2003-11-01 to 2004-05-01 = 61/365 + 121/366", () => {
    // ISDA, "EMU and Market Conventions: Recent Developments" (1998), Actual/Actual (ISDA) example:
    // 61/365 + 121/366 = 0.16712328767 + 0.33060109290 = 0.49772438057
    expect(yearFraction("2003-11-01", "2004-05-01", "ACT/ACT-ISDA").toFixed(11)).toBe("0.49772438057");
  });
  it("ACT/365F and ACT/360 count actual days (2024 is a leap year: 182 days to July 1)", () => {
    expect(yearFraction("2024-01-01", "2024-07-01", "ACT/365F").toString()).toBe("0.49863013698630136986"); // 182/365
    expect(yearFraction("2024-01-01", "2024-07-01", "ACT/360").toString()).toBe("0.50555555555555555556"); // 182/360
    expect(yearFraction("2024-01-01", "2025-01-01", "ACT/365F").toString()).toBe("1.0027397260273972603"); // 366/365
  });
  it("30/360 Bond Basis vs 30E/360 differ only when the end is the 31st and the start is not 30/31", () => {
    // ISDA 2006 § 4.16(f)/(g) by hand: 2024-01-15 → 2024-03-31: (f) D2 stays 31: 30·2 + 16 = 76 days; (g) D2 → 30: 75 days
    expect(yearFraction("2024-01-15", "2024-03-31", "30/360").equals(new Decimal(76).dividedBy(360))).toBe(true);
    expect(yearFraction("2024-01-15", "2024-03-31", "30E/360").equals(new Decimal(75).dividedBy(360))).toBe(true);
    // start on the 31st: both adjust D1 → 30 then D2 31 → 30: 2024-01-31 → 2024-03-31 = 60 days
    expect(yearFraction("2024-01-31", "2024-03-31", "30/360").equals(new Decimal(60).dividedBy(360))).toBe(true);
    expect(yearFraction("2024-01-31", "2024-03-31", "30E/360").equals(new Decimal(60).dividedBy(360))).toBe(true);
    // February end is not adjusted by either: 2024-02-29 → 2024-03-31: (f) D1 = 29 so D2 stays 31 → 32 days; (g) 31 days
    expect(yearFraction("2024-02-29", "2024-03-31", "30/360").equals(new Decimal(32).dividedBy(360))).toBe(true);
    expect(yearFraction("2024-02-29", "2024-03-31", "30E/360").equals(new Decimal(31).dividedBy(360))).toBe(true);
  });
  it("is antisymmetric and zero on the same day", () => {
    expect(yearFraction("2024-03-01", "2023-03-01", "ACT/365F").toString()).toBe("-1.0027397260273972603");
    expect(yearFraction("2024-03-01", "2024-03-01", "ACT/ACT-ISDA").isZero()).toBe(true);
  });
  it("spans several years under ACT/ACT-ISDA", () => {
    // 2023-07-01 → 2025-07-01: 184/365 + 1 (2024) + 181/365
    expect(yearFraction("2023-07-01", "2025-07-01", "ACT/ACT-ISDA").toFixed(12)).toBe("2.000000000000");
  });
  it("throws for an unknown convention or invalid date", () => {
    expect(() => yearFraction("2024-01-01", "2024-02-01", "ACT/365" as never)).toThrow(/convention must be one of/);
    expect(() => yearFraction("2024-02-30", "2024-03-01", "ACT/360")).toThrow(/real calendar date/);
  });
});

describe("parseDate", () => {
  it("reads date-only strings as UTC calendar days and rejects impossible days", () => {
    expect(parseDate("2024-02-29").toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(() => parseDate("2023-02-29")).toThrow(ValidationError);
    expect(() => parseDate("2023-13-01")).toThrow(/real calendar date/);
  });
  it("reads date-times with offsets as instants and without offset as UTC", () => {
    expect(parseDate("2024-02-29T23:30:00-05:00").toISOString()).toBe("2024-03-01T04:30:00.000Z");
    expect(parseDate("2024-02-29T10:00").toISOString()).toBe("2024-02-29T10:00:00.000Z");
  });
  it("rejects loose formats, Invalid Date and non-dates", () => {
    for (const bad of ["March 7", "7/3/2024", "", "2024-1-1", "2024-01-01T25:00:00Z"]) expect(() => parseDate(bad), bad).toThrow(ValidationError);
    expect(() => parseDate(new Date(Number.NaN))).toThrowErrorMatchingInlineSnapshot(
      `[ValidationError: parseDate: value must be a valid date, received Invalid Date (allowed: a valid Date or an ISO 8601 string such as "2024-03-31" or "2024-03-31T12:00:00Z")]`,
    );
    expect(() => parseDate(null as never)).toThrow(ValidationTypeError);
    expect(() => parseDate(1_700_000_000_000 as never)).toThrow(ValidationTypeError);
  });
  it("does not mutate or share the original Date", () => {
    const d = new Date("2024-01-01T00:00:00Z");
    const p = parseDate(d);
    p.setUTCFullYear(2000);
    expect(d.toISOString()).toBe("2024-01-01T00:00:00.000Z");
  });
});

describe("periods", () => {
  it("starts and ends periods in UTC", () => {
    expect(iso(startOfPeriod("2024-05-17", "day"))).toBe("2024-05-17");
    expect(iso(startOfPeriod("2024-05-17", "week"))).toBe("2024-05-13");
    expect(iso(startOfPeriod("2024-05-17", "week", { weekStartsOn: 0 }))).toBe("2024-05-12");
    expect(iso(startOfPeriod("2024-05-17", "month"))).toBe("2024-05-01");
    expect(iso(startOfPeriod("2024-05-17", "quarter"))).toBe("2024-04-01");
    expect(iso(startOfPeriod("2024-05-17", "year"))).toBe("2024-01-01");
    expect(endOfPeriod("2024-02-10", "month").toISOString()).toBe("2024-02-29T23:59:59.999Z");
    expect(endOfPeriod("2024-11-10", "quarter").toISOString()).toBe("2024-12-31T23:59:59.999Z");
    expect(startOfPeriod(new Date("2024-05-17T23:59:59Z"), "day").toISOString()).toBe("2024-05-17T00:00:00.000Z");
  });
  it("lists each period overlapping an interval", () => {
    expect(eachPeriod("2024-01-15", "2024-03-01", "month").map(iso)).toEqual(["2024-01-01", "2024-02-01", "2024-03-01"]);
    expect(eachPeriod("2023-11-15", "2024-02-01", "quarter").map(iso)).toEqual(["2023-10-01", "2024-01-01"]);
    expect(eachPeriod("2024-01-01", "2024-12-31", "day")).toHaveLength(366);
    expect(() => eachPeriod("2024-02-01", "2024-01-01", "month")).toThrow(/must not be before start/);
  });
  it("returns a frozen array (#10)", () => {
    const starts = eachPeriod("2024-01-15", "2024-03-01", "month");
    expect(Object.isFrozen(starts)).toBe(true);
    expect(() => (starts as Date[]).push(new Date(0))).toThrow(TypeError);
  });
  it("adds periods with month-end clamping", () => {
    expect(iso(addPeriods("2024-01-31", 1, "month"))).toBe("2024-02-29");
    expect(iso(addPeriods("2024-02-29", 1, "year"))).toBe("2025-02-28");
    expect(iso(addPeriods("2024-01-01", -1, "quarter"))).toBe("2023-10-01");
    expect(iso(addPeriods("2024-03-09", 2, "day"))).toBe("2024-03-11");
    expect(() => addPeriods("2024-01-01", 1.5, "day")).toThrow(/must be an integer/);
  });
  it("labels periods with sortable keys (ISO week-numbering years)", () => {
    expect(periodKey("2024-05-17", "year")).toBe("2024");
    expect(periodKey("2024-05-17", "quarter")).toBe("2024-Q2");
    expect(periodKey("2024-05-17", "month")).toBe("2024-05");
    expect(periodKey("2024-05-17", "day")).toBe("2024-05-17");
    expect(periodKey("2021-01-03", "week")).toBe("2020-W53");
    expect(periodKey("2024-12-30", "week")).toBe("2025-W01");
    expect(() => periodKey("2024-01-01", "fortnight" as never)).toThrow(/period must be one of/);
  });
  it("counts whole days regardless of daylight saving", () => {
    expect(daysBetween("2024-03-09", "2024-03-11")).toBe(2);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2025-01-01", "2024-01-01")).toBe(-366);
  });
});

describe("years 0–99 (#10)", () => {
  it("are not read as 1900–1999 (regression)", () => {
    expect(parseDate("0050-03-15").toISOString()).toBe("0050-03-15T00:00:00.000Z");
    expect(iso(startOfPeriod("0050-03-15", "month"))).toBe("0050-03-01");
    expect(iso(startOfPeriod(new Date("0050-03-15T18:00:00Z"), "day"))).toBe("0050-03-15");
    expect(iso(addPeriods("0099-12-31", 1, "day"))).toBe("0100-01-01");
    expect(iso(addPeriods("0099-01-31", 1, "month"))).toBe("0099-02-28");
    expect(daysBetween("0050-01-01", "0051-01-01")).toBe(365);
    // ACT/ACT-ISDA across the year 50 → 51 boundary: 0050-07-01 → 0051-07-01 = 184/365 + 181/365
    expect(yearFraction("0050-07-01", "0051-07-01", "ACT/ACT-ISDA").toFixed(12)).toBe("1.000000000000");
  });
});

describe("parseDate messages (new-user review)", () => {
  it("quotes the whole date-time string when its calendar date is impossible", () => {
    expect(() => parseDate("2024-02-30T10:00:00Z")).toThrow(/received "2024-02-30T10:00:00Z"/);
  });
});
