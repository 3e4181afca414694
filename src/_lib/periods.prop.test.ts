import { fc, test } from "@fast-check/vitest";
import { addMonths } from "date-fns/addMonths";
import { differenceInCalendarMonths } from "date-fns/differenceInCalendarMonths";
import { differenceInCalendarQuarters } from "date-fns/differenceInCalendarQuarters";
import { differenceInCalendarYears } from "date-fns/differenceInCalendarYears";
import { getDaysInMonth } from "date-fns/getDaysInMonth";
import { getQuarter } from "date-fns/getQuarter";
import { isLastDayOfMonth } from "date-fns/isLastDayOfMonth";
import { lastDayOfMonth } from "date-fns/lastDayOfMonth";
import { getISOWeek } from "date-fns/getISOWeek";
import { getISOWeekYear } from "date-fns/getISOWeekYear";
import { startOfMonth } from "date-fns/startOfMonth";
import { startOfQuarter } from "date-fns/startOfQuarter";
import { startOfWeek } from "date-fns/startOfWeek";
import { startOfYear } from "date-fns/startOfYear";
import { describe, expect } from "vitest";
import type { Period } from "../time/types.js";
import { MS_PER_DAY, addMonthsUtc, civilFromDays, daysFromCivil, daysInMonthUtc, utcTime } from "./dates.js";
import { DayCache, PERIODS, eachPeriodStart, isoWeek, periodAdd, periodLabel, periodStart, periodsBetween, type WeekStartsOn } from "./periods.js";
import { UtcDate } from "./utcDate.js";

// The supported range of period keys: 0000-01-01 … 9999-12-31 (ISO 0000-W01 starts on Monday
// 0000-01-03, because 0000-01-01 is a Saturday of ISO week 52 of year -1).
const FIRST_DAY = utcTime(0, 0, 1) / MS_PER_DAY;
const FIRST_ISO_WEEK_DAY = utcTime(0, 0, 3) / MS_PER_DAY;
const LAST_DAY = utcTime(9999, 11, 31) / MS_PER_DAY;
const dayIn = (min: number, max: number) => fc.integer({ min, max }).map((n) => new Date(n * MS_PER_DAY));
const anyDay = dayIn(FIRST_DAY, LAST_DAY);
const keyDay = (p: Period) => dayIn(p === "week" ? FIRST_ISO_WEEK_DAY : FIRST_DAY, LAST_DAY);
const period = fc.constantFrom(...PERIODS);
const weekStart = fc.constantFrom<WeekStartsOn>(0, 1, 2, 3, 4, 5, 6);
const u = (d: Date) => new UtcDate(d.getTime());

describe("periodLabel", () => {
  for (const p of PERIODS) {
    test.prop([keyDay(p), keyDay(p)])(`a <= b implies periodLabel(a) <= periodLabel(b) as strings ("${p}")`, (x, y) => {
      const [a, b] = x.getTime() <= y.getTime() ? [x, y] : [y, x];
      const ka = periodLabel(a, p, "t", "d");
      const kb = periodLabel(b, p, "t", "d");
      expect(ka <= kb, `${a.toISOString()} ${ka} vs ${b.toISOString()} ${kb}`).toBe(true);
      expect(ka === kb).toBe(periodStart(a, p).getTime() === periodStart(b, p).getTime());
    });
  }
});

describe("period arithmetic agrees with date-fns run in UTC", () => {
  const dateFnsStart = (d: Date, p: Period, ws: WeekStartsOn): number => {
    switch (p) {
      case "day":
        return d.getTime();
      case "week":
        return startOfWeek(u(d), { weekStartsOn: ws }).getTime();
      case "month":
        return startOfMonth(u(d)).getTime();
      case "quarter":
        return startOfQuarter(u(d)).getTime();
      case "year":
        return startOfYear(u(d)).getTime();
    }
  };
  test.prop([period, anyDay, weekStart])("periodStart = date-fns startOfWeek/Month/Quarter/Year", (p, d, ws) => {
    expect(periodStart(d, p, ws).getTime()).toBe(dateFnsStart(d, p, ws));
  });
  test.prop([anyDay, fc.integer({ min: -240, max: 240 })])("addMonthsUtc = date-fns addMonths (month-end clamping)", (d, n) => {
    const expected = addMonths(u(d), n).getTime();
    fc.pre(expected >= FIRST_DAY * MS_PER_DAY && expected <= LAST_DAY * MS_PER_DAY);
    expect(addMonthsUtc(d, n).getTime()).toBe(expected);
    expect(periodAdd(d, n, "month").getTime()).toBe(expected);
  });
  // #10: the day arithmetic that replaced these date-fns functions gives their answers on every day of 0000–9999.
  test.prop([anyDay, fc.integer({ min: -1200, max: 1200 })])('addMonthsUtc(…, "keep") = date-fns lastDayOfMonth(addMonths) on month ends, addMonths elsewhere', (d, n) => {
    const moved = addMonths(u(d), n);
    const expected = (isLastDayOfMonth(u(d)) ? lastDayOfMonth(moved) : moved).getTime();
    fc.pre(expected >= FIRST_DAY * MS_PER_DAY && expected <= LAST_DAY * MS_PER_DAY);
    expect(addMonthsUtc(d, n, "keep").getTime()).toBe(expected);
  });
  test.prop([anyDay])("civilFromDays = the UTC fields of the day, daysFromCivil inverts it, daysInMonthUtc = date-fns getDaysInMonth", (d) => {
    const day = d.getTime() / MS_PER_DAY;
    const c = civilFromDays(day);
    expect([c.year, c.month, c.day]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
    expect(daysFromCivil(c.year, c.month, c.day)).toBe(day);
    expect(daysInMonthUtc(c.year, c.month - 1)).toBe(getDaysInMonth(u(d)));
    expect(Math.floor((c.month - 1) / 3) + 1).toBe(getQuarter(u(d)));
  });
  test.prop([anyDay, anyDay])("periodsBetween = date-fns differenceInCalendarMonths/Quarters/Years", (a, b) => {
    expect(periodsBetween(a, b, "month")).toBe(differenceInCalendarMonths(u(b), u(a)));
    expect(periodsBetween(a, b, "quarter")).toBe(differenceInCalendarQuarters(u(b), u(a)));
    expect(periodsBetween(a, b, "year")).toBe(differenceInCalendarYears(u(b), u(a)));
  });
  test.prop([anyDay])("isoWeek = date-fns getISOWeekYear/getISOWeek", (d) => {
    expect(isoWeek(d)).toEqual({ year: getISOWeekYear(u(d)), week: getISOWeek(u(d)) });
  });
  test.prop([period, anyDay, fc.integer({ min: 0, max: 400 })])("periodsBetween inverts periodAdd on period starts", (p, d, n) => {
    const a = periodStart(d, p);
    const b = periodAdd(a, n, p);
    fc.pre(b.getTime() <= LAST_DAY * MS_PER_DAY);
    expect(periodsBetween(a, b, p)).toBe(n);
    expect(periodStart(b, p).getTime()).toBe(b.getTime());
    const all = eachPeriodStart(a, b, p);
    expect(all).toHaveLength(n + 1);
    expect(all[n]?.getTime()).toBe(b.getTime());
  });
  test.prop([period, anyDay])("labels depend only on the period start", (p, d) => {
    fc.pre(p !== "week" || d.getTime() >= FIRST_ISO_WEEK_DAY * MS_PER_DAY);
    expect(periodLabel(d, p, "t", "d")).toBe(periodLabel(periodStart(d, p), p, "t", "d"));
  });
});

describe("the per-day memo (DayCache)", () => {
  // Days 4,096 apart share a slot: alternating between them must recompute, never return the other's value.
  test.prop([period, anyDay, fc.integer({ min: 1, max: 40 })])("colliding days get their own start and key", (p, d, k) => {
    const other = new Date(d.getTime() + k * 4096 * MS_PER_DAY);
    fc.pre(other.getTime() <= LAST_DAY * MS_PER_DAY && (p !== "week" || d.getTime() >= FIRST_ISO_WEEK_DAY * MS_PER_DAY));
    for (const x of [d, other, d, other]) {
      expect(periodStart(x, p).getTime()).toBe(dateFnsStartPlain(x, p));
      expect(periodLabel(x, p, "t", "d")).toBe(periodLabel(new Date(x.getTime() + 0), p, "t", "d"));
    }
    expect(new DayCache((n) => n * 2).get(5)).toBe(10);
  });
});

function dateFnsStartPlain(d: Date, p: Period): number {
  const x = u(d);
  return p === "day"
    ? d.getTime()
    : p === "week"
      ? startOfWeek(x, { weekStartsOn: 1 }).getTime()
      : p === "month"
        ? startOfMonth(x).getTime()
        : p === "quarter"
          ? startOfQuarter(x).getTime()
          : startOfYear(x).getTime();
}
