/**
 * Internal machinery of the seller-activity functions (#17): the per-seller state read from a
 * sales log (first and last sale day, GMV and sale count per period), its JSON form, merge, and the
 * cohort tables derived from it.
 */
import { epochDay, fromEpochDay, toSaleDate, parseDateInput } from "../../_lib/dates.js";
import { Decimal, exactPlus } from "../../_lib/decimal.js";
import { assertSameCurrency, minorDigits, minorUnitString, toCurrency, toMoney } from "../../_lib/money.js";
import { checkPeriodCount, periodLabel, periodStart, periodsBetween, toPeriod } from "../../_lib/periods.js";
import { rangeError, toArray, toInteger, toNonEmptyString, toOptions, toRecord, typeError } from "../../_lib/validate.js";
import { ErrorCode } from "../../errors.js";
import type { Period } from "../../time/types.js";

/** Most distinct sellers in one activity state. */
export const MAX_SELLERS = 50_000_000;
/** Most cohort × period cells of one derived table. */
export const MAX_CELLS = 10_000_000;
export const ACTIVITY_KIND = "seller-activity";

/** GMV of one seller in one period: integer minor units while exact and safe, else an exact Decimal. */
export interface PeriodCell {
  minor: number;
  /** Exact amount beyond `minor` (sub-minor or huge amounts), or undefined. */
  extra: Decimal | undefined;
  /** Sales with a positive amount (activity) in the period. */
  sales: number;
}

export interface SellerState {
  /** Epoch day of the first positive sale (Infinity when none yet). */
  first: number;
  /** Epoch day of the last positive sale (-Infinity when none yet). */
  last: number;
  /** Period start (epoch day) → cell. */
  cells: Map<number, PeriodCell>;
}

/** The private state behind a public SellerActivity. */
export class ActivityState {
  readonly sellers = new Map<string, SellerState>();
  records = 0;
  currency: string | undefined;
  digits = 2;
  scale = 100;
  constructor(
    readonly period: Period,
    currency: string | undefined,
  ) {
    if (currency !== undefined) this.setCurrency(currency);
  }
  /** Epoch day → start (epoch day) of its period: one lookup per sale instead of two Dates (at most 100,000 days kept). */
  private readonly keys = new Map<number, number>();
  periodKey(day: number): number {
    if (this.period === "day") return day;
    let k = this.keys.get(day);
    if (k === undefined) {
      k = epochDay(periodStart(fromEpochDay(day), this.period));
      if (this.keys.size >= 100_000) this.keys.clear(); // bounded: a log spread over centuries
      this.keys.set(day, k);
    }
    return k;
  }
  setCurrency(c: string): void {
    this.currency = c;
    this.digits = minorDigits(c);
    this.scale = 10 ** this.digits;
  }
}

const states = new WeakMap<object, ActivityState>();

/** The public handle: frozen, with `toJSON`; its state lives in a WeakMap. */
export function handleOf(state: ActivityState): object {
  const handle = {
    kind: ACTIVITY_KIND,
    currency: state.currency,
    period: state.period,
    sellers: state.sellers.size,
    records: state.records,
    toJSON: () => activityToJSON(state),
  };
  Object.freeze(handle);
  states.set(handle, state);
  return handle;
}

/** The state behind a handle, or a state rebuilt from its JSON form. */
export function toActivityState(value: unknown, fn: string, arg: string): ActivityState {
  if (typeof value === "object" && value !== null) {
    const s = states.get(value);
    if (s !== undefined) return s;
  }
  return activityFromJSON(value, fn, arg);
}

/** Parse the options of trackSellerActivity(Async). */
export function parseActivityOptions(options: unknown, fn: string): ActivityState {
  const o = toOptions(options, fn, "options", ["period", "currency"]);
  const period = toPeriod(o["period"] ?? "month", fn, "options.period");
  const currency = o["currency"] === undefined ? undefined : toCurrency(o["currency"], fn, "options.currency");
  return new ActivityState(period, currency);
}

function cellOf(s: SellerState, key: number): PeriodCell {
  let c = s.cells.get(key);
  if (c === undefined) {
    c = { minor: 0, extra: undefined, sales: 0 };
    s.cells.set(key, c);
  }
  return c;
}

/** 2^52: a running sum of whole minor units below it is exact in a number. */
const EXACT_LIMIT = 4_503_599_627_370_496;

function addToCell(c: PeriodCell, amount: Decimal, digits: number): void {
  // Whole minor units read from the amount's digits (no Decimal arithmetic); up to 15 digits is below 2^52.
  const str = minorUnitString(amount, digits);
  if (str !== undefined && str.length <= 15) {
    const m = Number(str);
    if (Math.abs(c.minor + m) < EXACT_LIMIT) {
      c.minor += m;
      return;
    }
  }
  c.extra = c.extra === undefined ? amount : exactPlus(c.extra, amount);
}

/** The exact amount of a cell, in major units. */
export function cellAmount(c: PeriodCell, scale: number): Decimal {
  const base = new Decimal(c.minor).div(scale); // exact: an integer over a power of ten
  return c.extra === undefined ? base : exactPlus(base, c.extra);
}

/** Read one sale into the state (validated field by field, each field read once). */
export function addSaleRecord(state: ActivityState, value: unknown, fn: string, arg: string): void {
  if (typeof value !== "object" || value === null) typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a sale", value, "a Sale { sellerId, date, amount }");
  let sellerId: unknown;
  let date: unknown;
  let amount: unknown;
  try {
    sellerId = (value as Record<string, unknown>)["sellerId"];
    date = (value as Record<string, unknown>)["date"];
    amount = (value as Record<string, unknown>)["amount"];
  } catch {
    typeError(fn, arg, ErrorCode.INVALID_TYPE, "could not be read (its getter threw)", undefined, "a Sale { sellerId, date, amount }");
  }
  const id = toNonEmptyString(sellerId, fn, `${arg}.sellerId`);
  const day = epochDay(toSaleDate(date, fn, `${arg}.date`));
  const m = toMoney(amount, fn, `${arg}.amount`);
  if (state.currency === undefined) state.setCurrency(m.currency);
  else assertSameCurrency(fn, state.currency, m.currency);
  let s = state.sellers.get(id);
  if (s === undefined) {
    if (state.sellers.size >= MAX_SELLERS)
      rangeError(fn, `${arg}.sellerId`, ErrorCode.OUT_OF_RANGE, `gives more than ${MAX_SELLERS} distinct sellers`, id, `at most ${MAX_SELLERS} sellers per state (shard the log and merge)`);
    s = { first: Infinity, last: -Infinity, cells: new Map() };
    state.sellers.set(id, s);
  }
  const c = cellOf(s, state.periodKey(day));
  if (!m.amount.isZero()) addToCell(c, m.amount, state.digits);
  if (m.amount.greaterThan(0)) {
    c.sales += 1;
    if (day < s.first) s.first = day;
    if (day > s.last) s.last = day;
  }
  state.records += 1;
}

/** Merge `from` into `into` (same period and currency, checked by the caller). */
export function mergeInto(into: ActivityState, from: ActivityState, fn: string, arg: string): void {
  into.records += from.records;
  for (const [id, s] of from.sellers) {
    let t = into.sellers.get(id);
    if (t === undefined) {
      if (into.sellers.size >= MAX_SELLERS) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `gives more than ${MAX_SELLERS} distinct sellers`, id, `at most ${MAX_SELLERS} sellers per state`);
      t = { first: Infinity, last: -Infinity, cells: new Map() };
      into.sellers.set(id, t);
    }
    if (s.first < t.first) t.first = s.first;
    if (s.last > t.last) t.last = s.last;
    for (const [k, c] of s.cells) {
      const d = cellOf(t, k);
      d.sales += c.sales;
      if (Number.isSafeInteger(d.minor + c.minor)) d.minor += c.minor;
      else d.extra = d.extra === undefined ? new Decimal(c.minor).div(into.scale) : exactPlus(d.extra, new Decimal(c.minor).div(into.scale));
      if (c.extra !== undefined) d.extra = d.extra === undefined ? c.extra : exactPlus(d.extra, c.extra);
    }
  }
}

const iso = (day: number): string => fromEpochDay(day).toISOString().slice(0, 10);

/** The JSON form of a state: sellers sorted by id, periods ascending, amounts as exact strings. */
export function activityToJSON(state: ActivityState): object {
  const ids = [...state.sellers.keys()].sort();
  const sellers = ids.map((id) => {
    const s = state.sellers.get(id) as SellerState;
    const keys = [...s.cells.keys()].sort((a, b) => a - b);
    return [
      id,
      Number.isFinite(s.first) ? iso(s.first) : null,
      Number.isFinite(s.last) ? iso(s.last) : null,
      keys.map((k) => [iso(k), cellAmount(s.cells.get(k) as PeriodCell, state.scale).toFixed(), (s.cells.get(k) as PeriodCell).sales]),
    ];
  });
  return { kind: ACTIVITY_KIND, currency: state.currency ?? null, period: state.period, records: state.records, sellers };
}

function activityFromJSON(value: unknown, fn: string, arg: string): ActivityState {
  const r = toRecord(value, fn, arg);
  if (r["kind"] !== ACTIVITY_KIND) {
    typeError(
      fn,
      `${arg}.kind`,
      ErrorCode.INVALID_TYPE,
      `must be a seller activity (kind "${ACTIVITY_KIND}")`,
      r["kind"],
      "the result of trackSellerActivity, trackSellerActivityAsync or mergeSellerActivity, or its JSON form",
    );
  }
  const period = toPeriod(r["period"], fn, `${arg}.period`);
  const currency = r["currency"] === null ? undefined : toCurrency(r["currency"], fn, `${arg}.currency`);
  const state = new ActivityState(period, currency);
  state.records = toInteger(r["records"], fn, `${arg}.records`, 0, Number.MAX_SAFE_INTEGER);
  const list = toArray<unknown>(r["sellers"], fn, `${arg}.sellers`, { maxLength: MAX_SELLERS });
  list.forEach((row, i) => {
    const at = `${arg}.sellers[${i}]`;
    const a = toArray<unknown>(row, fn, at);
    const id = toNonEmptyString(a[0], fn, `${at}[0]`);
    if (state.sellers.has(id)) rangeError(fn, `${at}[0]`, ErrorCode.DUPLICATE, "is a duplicate seller id", id, "each seller once");
    const day = (v: unknown, where: string): number => (v === null ? NaN : epochDay(parseDateInput(v, fn, where)));
    const first = day(a[1], `${at}[1]`);
    const last = day(a[2], `${at}[2]`);
    const s: SellerState = { first: Number.isNaN(first) ? Infinity : first, last: Number.isNaN(last) ? -Infinity : last, cells: new Map() };
    const cells = toArray<unknown>(a[3], fn, `${at}[3]`, { maxLength: 1_000_000 });
    cells.forEach((cell, j) => {
      const c = toArray<unknown>(cell, fn, `${at}[3][${j}]`);
      const k = day(c[0], `${at}[3][${j}][0]`);
      const amount = toMoney({ amount: c[1], currency: state.currency ?? "XXX" }, fn, `${at}[3][${j}][1]`).amount;
      const sales = toInteger(c[2], fn, `${at}[3][${j}][2]`, 0, Number.MAX_SAFE_INTEGER);
      const pc = cellOf(s, k);
      addToCell(pc, amount, state.digits);
      pc.sales += sales;
    });
    state.sellers.set(id, s);
  });
  return state;
}

/** A cohort row built from a state: sellers of the cohort, per-period GMV (exact) and active sellers. */
export interface CohortRow {
  readonly start: Date;
  readonly label: string;
  readonly sellers: number;
  readonly gmv: Decimal[];
  readonly active: number[];
}

/**
 * The last day a state knows of (or undefined when it has no record): the last sale day, or the
 * first day of the latest period with a record (a refund after the last sale), whichever is later.
 */
export function lastSaleDay(state: ActivityState): number | undefined {
  let last = -Infinity;
  for (const s of state.sellers.values()) {
    if (s.last > last) last = s.last;
    for (const k of s.cells.keys()) if (k > last) last = k;
  }
  return Number.isFinite(last) ? last : undefined;
}

/**
 * Cohort table: cohort = the period of a seller's first positive sale; column k = the k-th period
 * from the cohort period, for periods starting on or before `asOfDay`. Amounts recorded in a period
 * before the cohort period (a refund before the first sale) are folded into column 0.
 */
export function cohortTable(state: ActivityState, asOfDay: number, fn: string): CohortRow[] {
  const p = state.period;
  const asOfStart = state.period === "day" ? asOfDay : epochDay(periodStart(fromEpochDay(asOfDay), p));
  const groups = new Map<number, SellerState[]>();
  for (const s of state.sellers.values()) {
    if (!Number.isFinite(s.first) || s.first > asOfDay) continue;
    const k = p === "day" ? s.first : epochDay(periodStart(fromEpochDay(s.first), p));
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  const starts = [...groups.keys()].sort((a, b) => a - b);
  if (starts.length === 0) return [];
  const first = fromEpochDay(starts[0] as number);
  const end = fromEpochDay(asOfStart);
  const columns = periodsBetween(first, end, p) + 1;
  checkPeriodCount(columns, p, fn, "options.asOf", end);
  if (starts.length * columns > MAX_CELLS) {
    rangeError(fn, "options.asOf", ErrorCode.OUT_OF_RANGE, `gives a table of more than ${MAX_CELLS} cohort × period cells`, end, "a shorter span or a longer period");
  }
  const rows: CohortRow[] = [];
  for (const k of starts) {
    const start = fromEpochDay(k);
    const width = periodsBetween(start, end, p) + 1;
    const gmv = Array.from({ length: width }, () => new Decimal(0));
    const active = new Array<number>(width).fill(0);
    const minor = new Array<number>(width).fill(0);
    for (const s of groups.get(k) as SellerState[]) {
      for (const [ck, c] of s.cells) {
        if (ck > asOfStart) continue;
        let col = ck <= k ? 0 : periodsBetween(start, fromEpochDay(ck), p);
        if (col < 0) col = 0;
        if (Number.isSafeInteger((minor[col] as number) + c.minor)) minor[col] = (minor[col] as number) + c.minor;
        else gmv[col] = exactPlus(gmv[col] as Decimal, new Decimal(c.minor).div(state.scale));
        if (c.extra !== undefined) gmv[col] = exactPlus(gmv[col] as Decimal, c.extra);
        if (c.sales > 0 && ck >= k) active[col] = (active[col] as number) + 1;
      }
    }
    for (let i = 0; i < width; i++) gmv[i] = exactPlus(gmv[i] as Decimal, new Decimal(minor[i] as number).div(state.scale));
    rows.push({ start, label: periodLabel(start, p, fn, "sales"), sellers: (groups.get(k) as SellerState[]).length, gmv, active });
  }
  return rows;
}

/** The `asOf` day of a derived table: the option, else the last sale day; never before the last sale. */
export function toAsOfDay(state: ActivityState, value: unknown, fn: string, arg: string, required: boolean): number | undefined {
  const last = lastSaleDay(state);
  if (value === undefined) {
    if (required) typeError(fn, arg, ErrorCode.MISSING_VALUE, "is required", value, "a date (Date or ISO string) on or after the last sale");
    return last;
  }
  const d = epochDay(parseDateInput(value, fn, arg));
  if (last !== undefined && d < last) {
    rangeError(fn, arg, ErrorCode.INVALID_DATE_ORDER, `must not be before the last sale tracked (${iso(last)})`, value, "a date on or after the last sale or refund tracked (track only the sales up to asOf)");
  }
  return d;
}
