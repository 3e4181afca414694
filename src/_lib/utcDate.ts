/**
 * A `Date` whose calendar getters and setters work in UTC, so that date-fns (which works in the
 * process's local time) does its calendar arithmetic on UTC days. It is the technique of
 * `@date-fns/utc`'s `UTCDate`, kept internal to avoid a third runtime dependency: date-fns v4
 * builds every intermediate date through `Symbol.for("constructDateFrom")`, so results stay
 * `UtcDate`s. Unlike mirroring UTC days into local dates, nothing here can hit a local day that
 * does not exist (Pacific/Apia skipped 2011-12-30). Never exported from the package.
 *
 * The library's calendar arithmetic (./periods.ts, ./dates.ts) runs date-fns on `UtcDate`s.
 * Only construct one from an epoch-millisecond number or a `Date`: the `(year, month, day)`
 * constructor form is `Date`'s, in local time.
 */
export class UtcDate extends Date {
  [Symbol.for("constructDateFrom")](value: Date | number | string): UtcDate {
    return new UtcDate(value instanceof Date ? value.getTime() : value);
  }
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getDay(): number {
    return this.getUTCDay();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return 0;
  }
  override setFullYear(year: number, month?: number, date?: number): number {
    return month === undefined ? this.setUTCFullYear(year) : date === undefined ? this.setUTCFullYear(year, month) : this.setUTCFullYear(year, month, date);
  }
  override setMonth(month: number, date?: number): number {
    return date === undefined ? this.setUTCMonth(month) : this.setUTCMonth(month, date);
  }
  override setDate(date: number): number {
    return this.setUTCDate(date);
  }
  override setHours(hours: number, min?: number, sec?: number, ms?: number): number {
    if (min === undefined) return this.setUTCHours(hours);
    if (sec === undefined) return this.setUTCHours(hours, min);
    return ms === undefined ? this.setUTCHours(hours, min, sec) : this.setUTCHours(hours, min, sec, ms);
  }
  override setMinutes(min: number, sec?: number, ms?: number): number {
    if (sec === undefined) return this.setUTCMinutes(min);
    return ms === undefined ? this.setUTCMinutes(min, sec) : this.setUTCMinutes(min, sec, ms);
  }
  override setSeconds(sec: number, ms?: number): number {
    return ms === undefined ? this.setUTCSeconds(sec) : this.setUTCSeconds(sec, ms);
  }
  override setMilliseconds(ms: number): number {
    return this.setUTCMilliseconds(ms);
  }
}

/** A plain `Date` (at the same instant) from a date-fns result computed on a {@link UtcDate}. */
export function plainDate(d: Date): Date {
  return new Date(d.getTime());
}
