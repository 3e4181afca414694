/**
 * Internal Regulation Z Appendix J time measurement (unit-periods and fractions). Never exported.
 */
import { MS_PER_DAY, addMonthsToEpochDay } from "../../_lib/dates.js";

/** A unit-period: whole days (sub-year single payment), days, weeks×n, semimonth, months×n (12 = year). */
export type UnitSpec =
  { readonly kind: "day" } | { readonly kind: "days"; readonly n: number } | { readonly kind: "week"; readonly n: number } | { readonly kind: "semimonth" } | { readonly kind: "month"; readonly n: number };

const MS = MS_PER_DAY;

/** Epoch day of `later` stepped back k months (Appendix J (b)(3)(iv): month ends stay month ends, 29/30/31 clamp). */
export function stepBackMonths(laterDay: number, k: number): number {
  return addMonthsToEpochDay(laterDay, -k, "keep");
}

/** Full months measured back from `later` not passing `earlier`, and the remaining days. */
export function monthsBack(earlierDay: number, laterDay: number): { months: number; days: number } {
  const e = new Date(earlierDay * MS);
  const l = new Date(laterDay * MS);
  let k = (l.getUTCFullYear() - e.getUTCFullYear()) * 12 + (l.getUTCMonth() - e.getUTCMonth()) + 1;
  if (k < 0) k = 0;
  while (k > 0 && stepBackMonths(laterDay, k) < earlierDay) k--;
  return { months: k, days: stepBackMonths(laterDay, k) - earlierDay };
}

/** Unit-periods per year (Appendix J (b)(5)). */
export function periodsPerYear(u: UnitSpec): number {
  switch (u.kind) {
    case "day":
      return 365;
    case "days":
      return 365 / u.n;
    case "week":
      return 52 / u.n;
    case "semimonth":
      return 24;
    case "month":
      return 12 / u.n;
  }
}

/** Full unit-periods t and fraction f between the start of the term and a payment (Appendix J (b)(5)). */
export function timeIn(u: UnitSpec, start: number, day: number): { t: number; f: number } {
  const days = day - start;
  switch (u.kind) {
    case "day":
      return { t: days, f: 0 };
    case "days":
      return { t: Math.floor(days / u.n), f: (days % u.n) / u.n };
    case "week": {
      const len = 7 * u.n;
      return { t: Math.floor(days / len), f: (days % len) / len };
    }
    case "semimonth": {
      const mb = monthsBack(start, day);
      const d = 30 * mb.months + mb.days;
      return { t: Math.floor(d / 15), f: (d % 15) / 15 };
    }
    case "month": {
      const mb = monthsBack(start, day);
      if (u.n === 1) return { t: mb.months, f: mb.days / 30 };
      if (u.n === 12) {
        const years = Math.floor(mb.months / 12);
        const restMonths = mb.months - 12 * years;
        if (mb.days === 0) return { t: years, f: restMonths / 12 };
        return { t: years, f: (stepBackMonths(day, 12 * years) - start) / 365 };
      }
      const d = 30 * mb.months + mb.days;
      const len = 30 * u.n;
      return { t: Math.floor(d / len), f: (d % len) / len };
    }
  }
}

/** Approximate length in days, for ordering and averaging. */
export function approxDays(u: UnitSpec): number {
  switch (u.kind) {
    case "day":
      return 1;
    case "days":
      return u.n;
    case "week":
      return 7 * u.n;
    case "semimonth":
      return 365 / 24;
    case "month":
      return (365 / 12) * u.n;
  }
}

/** Classify one interval as a standard interval of time, or undefined (odd period). */
export function classify(from: number, to: number): UnitSpec | undefined {
  const days = to - from;
  if (days <= 0) return undefined;
  const mb = monthsBack(from, to);
  if (mb.days === 0 && mb.months >= 1 && mb.months <= 12) return { kind: "month", n: mb.months };
  if (days % 7 === 0 && days <= 364) return { kind: "week", n: days / 7 };
  if (days === 1) return { kind: "day" };
  if (days >= 13 && days <= 16) return { kind: "semimonth" };
  return undefined;
}

function key(u: UnitSpec): string {
  return u.kind === "day" || u.kind === "semimonth" ? u.kind : `${u.kind}:${u.n}`;
}

/**
 * Appendix J (b)(4): the common period (occurring more than once) that occurs most often; ties →
 * the smaller; no common period → the average period rounded to the nearest standard interval
 * (ties → the lower).
 */
export function detectUnit(start: number, days: readonly number[]): UnitSpec {
  const counts = new Map<string, { u: UnitSpec; c: number }>();
  let prev = start;
  let total = 0;
  let periods = 0;
  for (const d of days) {
    if (d > prev) {
      total += d - prev;
      periods++;
      const u = classify(prev, d);
      if (u) {
        const k = key(u);
        const e = counts.get(k);
        if (e) e.c++;
        else counts.set(k, { u, c: 1 });
      }
    }
    prev = d;
  }
  let best: { u: UnitSpec; c: number } | undefined;
  for (const e of counts.values()) {
    if (e.c < 2) continue;
    if (!best || e.c > best.c || (e.c === best.c && approxDays(e.u) < approxDays(best.u))) best = e;
  }
  if (best) return best.u;
  const avg = periods > 0 ? total / periods : 1;
  const candidates: UnitSpec[] = [{ kind: "day" }, { kind: "semimonth" }];
  for (let n = 1; n <= 52; n++) candidates.push({ kind: "week", n });
  for (let n = 1; n <= 12; n++) candidates.push({ kind: "month", n });
  candidates.sort((a, b) => approxDays(a) - approxDays(b));
  let pick = candidates[0]!;
  for (const c of candidates) {
    if (Math.abs(approxDays(c) - avg) < Math.abs(approxDays(pick) - avg)) pick = c;
  }
  return pick;
}
