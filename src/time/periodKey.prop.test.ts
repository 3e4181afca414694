import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { createSeller } from "../sellers/createSeller.js";
import { cohortsByPeriod } from "../sellers/cohortsByPeriod.js";
import { money } from "../money/money.js";
import { salesShareByPeriod } from "../share/salesShareByPeriod.js";
import { MS_PER_DAY as DAY } from "../_lib/dates.js";
import { periodKey } from "./periodKey.js";
import { startOfPeriod } from "./startOfPeriod.js";
import type { Period } from "./types.js";

// The supported range of period keys: 0000-01-01 … 9999-12-31 (ISO 0000-W01 starts on Monday
// 0000-01-03, because 0000-01-01 is a Saturday of ISO week 52 of year -1).
const FIRST_DAY = Date.parse("0000-01-01T00:00:00Z") / DAY;
const FIRST_ISO_WEEK_DAY = Date.parse("0000-01-03T00:00:00Z") / DAY;
const LAST_DAY = Date.parse("9999-12-31T00:00:00Z") / DAY;
const PERIODS: readonly Period[] = ["day", "week", "month", "quarter", "year"];
const dayIn = (min: number, max: number) => fc.integer({ min, max }).map((n) => new Date(n * DAY));
const anyDay = dayIn(FIRST_DAY, LAST_DAY);
const keyDay = (p: Period) => dayIn(p === "week" ? FIRST_ISO_WEEK_DAY : FIRST_DAY, LAST_DAY);
const period = fc.constantFrom(...PERIODS);

describe("period keys (#10)", () => {
  for (const p of PERIODS) {
    test.prop([keyDay(p), keyDay(p)])(`a <= b implies periodKey(a) <= periodKey(b) as strings ("${p}")`, (x, y) => {
      const [a, b] = x.getTime() <= y.getTime() ? [x, y] : [y, x];
      const ka = periodKey(a, p);
      const kb = periodKey(b, p);
      expect(ka <= kb, `${a.toISOString()} ${ka} vs ${b.toISOString()} ${kb}`).toBe(true);
      // and equal keys exactly when both days are in the same period
      expect(ka === kb).toBe(startOfPeriod(a, p).getTime() === startOfPeriod(b, p).getTime());
    });
  }

  test.prop([period, anyDay])("periodKey, salesShareByPeriod and cohortsByPeriod give the same label", (p, d) => {
    fc.pre(p !== "week" || d.getTime() >= FIRST_ISO_WEEK_DAY * DAY);
    const key = periodKey(d, p);
    const [row] = salesShareByPeriod([{ sellerId: "a", date: d, amount: money("1", "USD") }], (s) => s.sellerId, { period: p });
    const [cohort] = cohortsByPeriod([createSeller({ id: "a", joinedOn: d })], p);
    expect(row?.period).toBe(key);
    expect(cohort?.cohort).toBe(key);
  });

  it('labels the year 999 with 4 digits in every function (regression: periodKey said "999-03")', () => {
    const d = "0999-03-15";
    expect(periodKey(d, "month")).toBe("0999-03");
    expect(periodKey(d, "day")).toBe("0999-03-15");
    expect(periodKey(d, "quarter")).toBe("0999-Q1");
    expect(periodKey(d, "year")).toBe("0999");
    expect(periodKey(d, "week")).toBe("0999-W11");
    expect(salesShareByPeriod([{ sellerId: "a", date: d, amount: money("1", "USD") }], (s) => s.sellerId, { period: "month" })[0]?.period).toBe("0999-03");
    expect(cohortsByPeriod([createSeller({ id: "a", joinedOn: d })], "month")[0]?.cohort).toBe("0999-03");
    // sorts before 1000 as a string, as it does as a date
    expect(periodKey(d, "month") < periodKey("1000-01-01", "month")).toBe(true);
  });

  it("keeps the years 0–99 (regression: they were read as 1900–1999)", () => {
    expect(periodKey("0050-03-15", "month")).toBe("0050-03");
    expect(periodKey(new Date("0050-03-15T12:00:00Z"), "year")).toBe("0050");
    const [row] = salesShareByPeriod([{ sellerId: "a", date: "0050-03-15", amount: money("1", "USD") }], (s) => s.sellerId, { period: "month" });
    expect(row?.start.toISOString()).toBe("0050-03-01T00:00:00.000Z");
    expect(row?.end.toISOString()).toBe("0050-04-01T00:00:00.000Z");
    expect(cohortsByPeriod([createSeller({ id: "a", joinedOn: "0050-03-15" })], "quarter")[0]?.start.toISOString()).toBe("0050-01-01T00:00:00.000Z");
  });

  it("throws OUT_OF_RANGE for a key year outside 0000–9999 instead of a label that sorts wrongly", () => {
    const late = new Date("+010000-01-05T00:00:00Z");
    const early = new Date("-000001-06-01T00:00:00Z");
    expect(() => periodKey(late, "month")).toThrowErrorMatchingInlineSnapshot(
      // Since #11 the date is refused where it is read (the library's supported date range), before any key is computed.
      `[ValidationError: periodKey: date must fall in the years 0000–9999, received +010000-01-05T00:00:00.000Z (allowed: dates from 0000-01-01 to 9999-12-31 (UTC))]`,
    );
    expect(() => periodKey(early, "year")).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE", fn: "periodKey" }));
    // 0000-01-01 is in ISO week 52 of year -1; 9999-12-31 (a Friday) is still 9999-W52
    expect(() => periodKey("0000-01-01", "week")).toThrow(/ISO week-numbering year is -1/);
    expect(periodKey("0000-01-01", "month")).toBe("0000-01");
    expect(periodKey("9999-12-31", "week")).toBe("9999-W52");
    expect(() => salesShareByPeriod([{ sellerId: "a", date: late, amount: money("1", "USD") }], (s) => s.sellerId, { period: "year" })).toThrow(
      expect.objectContaining({ code: "OUT_OF_RANGE", fn: "salesShareByPeriod" }),
    );
    expect(() => createSeller({ id: "a", joinedOn: early })).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE", fn: "createSeller" }));
    expect(() => cohortsByPeriod([{ id: "a", joinedOn: early }], "day")).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE", fn: "cohortsByPeriod" }));
  });
});
