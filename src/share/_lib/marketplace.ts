/**
 * Internal implementation of the marketplace accumulator (#13): share by segment and period in
 * integer minor units, per-seller totals (kept or folded), first-sale dates, concentration
 * inputs. Every amount is an exact integer: a JS number while it is a safe integer (the hot path,
 * no allocation), a bigint beyond. Never exported from the package.
 */
import { DATE_RANGE, MS_PER_DAY, dateTimeOf, epochDay, fromEpochDay, parseDateInput, toSaleDate, utcTime } from "../../_lib/dates.js";
import { Decimal } from "../../_lib/decimal.js";
import { CurrencyMismatchError, ErrorCode } from "../../errors.js";
import { minorDigits, toCurrency } from "../../_lib/money.js";
import { toMinorFast } from "./accumulator.js";
import { checkPeriodCount, periodAdd, periodLabel, periodStart, periodsBetween, toPeriod } from "../../_lib/periods.js";
import { describeValue, rangeError, toArray, toInteger, toNonEmptyString, toOption, toOptions, typeError } from "../../_lib/validate.js";
import type { Period } from "../../time/types.js";
import type { MarketplaceAccumulator, MarketplaceAccumulatorJSON, MarketplaceSellerJSON, MarketplaceSummaryJSON, MarketplaceTotalsJSON } from "../types.js";

export type MarketplaceRefunds = "net" | "exclude" | "reject";
const REFUNDS: readonly MarketplaceRefunds[] = ["net", "exclude", "reject"];
const PERIODS: readonly Period[] = ["day", "week", "month", "quarter", "year"];
/** Most top-k size and most thresholds / bracket boundaries (bounds before any loop). */
export const MAX_TOP_K = 10_000;
export const MAX_CUTS = 1_000;
const SAFE = Number.MAX_SAFE_INTEGER;
const BIG_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Running totals of one segment in one period. */
export class Totals {
  gmv = 0;
  gmvBig = 0n;
  unitsInt = 0;
  unitsDec: Decimal | undefined = undefined;
  orders = 0;
}

/** Per-seller running state (`sellerTotals: "keep"`, and the open seller of a grouped one). */
export class SellerState {
  segment: string;
  gmv = 0;
  gmvBig = 0n;
  orders = 0;
  /** Epoch day of the first non-refund sale, or `Infinity` when none. */
  first = Infinity;
  constructor(segment: string) {
    this.segment = segment;
  }
}

/** Folded per-seller figures of one segment. */
export class Summary {
  sellers = 0;
  positive = 0;
  sum = 0n;
  sumSquares = 0n;
  above: number[];
  bracketSellers: number[];
  bracketGmv: bigint[];
  /** Largest totals, descending, at most `kMax`. */
  top: bigint[] = [];
  /** First-sale period start (epoch day) → sellers. */
  firstSales = new Map<number, number>();
  constructor(thresholds: number, brackets: number) {
    this.above = new Array<number>(thresholds).fill(0);
    this.bracketSellers = new Array<number>(brackets + 1).fill(0);
    this.bracketGmv = new Array<bigint>(brackets + 1).fill(0n);
  }
}

export interface MarketplaceSettings {
  readonly currency: string;
  readonly digits: number;
  readonly period: Period;
  readonly precision: number;
  readonly refunds: MarketplaceRefunds;
  readonly declared: readonly string[] | undefined;
  /** Epoch ms `[start, end)` or undefined. */
  readonly interval: { readonly start: number; readonly end: number } | undefined;
  readonly mode: "keep" | "grouped";
  readonly thresholds: readonly bigint[];
  readonly brackets: readonly bigint[];
  readonly topK: readonly number[];
  readonly kMax: number;
}

export class MarketplaceAccumulatorImpl implements MarketplaceAccumulator {
  readonly kind = "MarketplaceAccumulator" as const;
  readonly settings: MarketplaceSettings;
  /** Period start (epoch day) → segment → totals. */
  readonly periods = new Map<number, Map<string, Totals>>();
  /** `"keep"`: every seller. */
  readonly sellers = new Map<string, SellerState>();
  /** `"grouped"`: folded figures per segment. */
  readonly summaries = new Map<string, Summary>();
  /** `"grouped"`: the seller whose sales are being read (folded when the id changes). */
  openId: string | undefined = undefined;
  open: SellerState | undefined = undefined;
  // Cache of the last period seen: sales of one period arrive together (hot path).
  lastDayLo = 1;
  lastDayHi = 0;
  lastSegments: Map<string, Totals> | undefined = undefined;
  // The last ISO date string read and its time (rows of one day arrive together).
  lastDateText: string | undefined = undefined;
  lastDateTime = 0;

  constructor(settings: MarketplaceSettings) {
    this.settings = settings;
  }

  get currency(): string {
    return this.settings.currency;
  }

  toJSON(): MarketplaceAccumulatorJSON {
    return toStateJSON(this);
  }
}

// ---------------------------------------------------------------- options

const OPTION_KEYS = ["currency", "period", "precision", "segments", "refunds", "sellerInterval", "sellerTotals", "thresholds", "brackets", "topK"] as const;

/** An amount in integer minor units: a safe-integer number, a bigint, an integer string or a Money of `currency` with no sub-minor digits. */
export function toMinorBig(value: unknown, currency: string, digits: number, fn: string, arg: string): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      rangeError(
        fn,
        arg,
        Number.isFinite(value) ? ErrorCode.NOT_INTEGER : ErrorCode.INVALID_NUMBER,
        "must be a safe integer number of minor units",
        value,
        "an integer from −(2^53 − 1) to 2^53 − 1, a bigint or an integer string",
      );
    }
    return BigInt(value);
  }
  if (typeof value === "string") {
    if (!/^-?\d{1,40}$/.test(value)) rangeError(fn, arg, ErrorCode.INVALID_NUMBER, "must be an integer string of minor units", value, 'an integer string such as "-1250" (at most 40 digits)');
    return BigInt(value);
  }
  if (typeof value === "object" && value !== null) {
    const m = value as { amount?: unknown; currency?: unknown };
    if (Decimal.isDecimal(m.amount) && typeof m.currency === "string") {
      if (m.currency !== currency) throw new CurrencyMismatchError(fn, currency, m.currency, `at ${arg}`);
      // Fast path: read the whole number of minor units from the Decimal's limbs (no allocation).
      const fast = toMinorFast(m.amount as Decimal, digits);
      if (fast !== undefined) return BigInt(fast);
      return decimalToMinor(m.amount as Decimal, digits, fn, arg);
    }
  }
  return typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be an amount", value, `a Money in ${currency}, or integer minor units (number, bigint or integer string)`);
}

/** A finite Decimal as an exact bigint count of minor units, or SUB_MINOR_UNIT. */
export function decimalToMinor(d: Decimal, digits: number, fn: string, arg: string): bigint {
  if (!d.isFinite()) rangeError(fn, arg, ErrorCode.INVALID_NUMBER, "must be finite", d, "a finite amount"); // Bounds first, and the value named by toString (exponent form): never a 10^15-digit toFixed (#11).
  if (d.e > 60) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, "is outside the supported amount range", d.toString(), "an amount below 10^60");
  if (d.decimalPlaces() > digits)
    rangeError(fn, arg, ErrorCode.SUB_MINOR_UNIT, `must be a whole number of minor units (${digits} decimal places)`, d.toString(), `an amount with at most ${digits} decimal places`);
  return BigInt(d.times(`1e${digits}`).toFixed(0));
}

function toCuts(value: unknown, currency: string, digits: number, fn: string, arg: string, fromState: boolean): bigint[] {
  if (value === undefined) return [];
  const list = toArray<unknown>(value, fn, arg, { maxLength: MAX_CUTS });
  const out = list.map((v, i) => {
    // A string would be ambiguous (the library reads "1000000" as an amount elsewhere): only a state's integer strings.
    if (typeof v === "string" && !fromState)
      typeError(fn, `${arg}[${i}]`, ErrorCode.INVALID_TYPE, "must be a Money or integer minor units", v, `a Money in ${currency}, or minor units as a number or bigint (not a string)`);
    return toMinorBig(v, currency, digits, fn, `${arg}[${i}]`);
  });
  out.forEach((b, i) => {
    if (i > 0 && !(b > (out[i - 1] as bigint))) rangeError(fn, `${arg}[${i}]`, ErrorCode.OUT_OF_RANGE, "must be greater than the previous value", list[i], "strictly increasing amounts");
  });
  return out;
}

function toDeclared(value: unknown, fn: string, arg: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const names = toArray<unknown>(value, fn, arg, { maxLength: 1_000_000 });
  const seen = new Set<string>();
  return names.map((s, i) => {
    const name = toNonEmptyString(s, fn, `${arg}[${i}]`);
    if (seen.has(name)) rangeError(fn, `${arg}[${i}]`, ErrorCode.DUPLICATE, "must be unique", s, "distinct segment names");
    seen.add(name);
    return name;
  });
}

function toTopK(value: unknown, fn: string, arg: string): number[] {
  if (value === undefined) return [];
  const list = toArray<unknown>(value, fn, arg, { maxLength: 100 });
  const out = list.map((k, i) => toInteger(k, fn, `${arg}[${i}]`, 1, MAX_TOP_K));
  out.forEach((k, i) => {
    if (out.indexOf(k) !== i) rangeError(fn, `${arg}[${i}]`, ErrorCode.DUPLICATE, "must be unique", k, "distinct k values");
  });
  return out;
}

export function parseMarketplaceOptions(options: unknown, fn: string, arg = "options"): MarketplaceSettings {
  const o = toOptions(options ?? null, fn, arg, OPTION_KEYS);
  if (o.currency === undefined) typeError(fn, `${arg}.currency`, ErrorCode.MISSING_VALUE, "is required (amounts are integer minor units of one currency)", undefined, 'an ISO 4217 code such as "USD"');
  const currency = toCurrency(o.currency, fn, `${arg}.currency`);
  const digits = minorDigits(currency);
  const period = o.period === undefined ? "quarter" : toPeriod(o.period, fn, `${arg}.period`);
  const precision = o.precision === undefined ? 10 : toInteger(o.precision, fn, `${arg}.precision`, 0, 20);
  const refunds = o.refunds === undefined ? "net" : toOption(o.refunds, fn, `${arg}.refunds`, REFUNDS);
  const mode = o.sellerTotals === undefined ? "keep" : toOption(o.sellerTotals, fn, `${arg}.sellerTotals`, ["keep", "grouped"] as const);
  let interval: { start: number; end: number } | undefined;
  if (o.sellerInterval !== undefined && o.sellerInterval !== null) {
    const iv = toOptions(o.sellerInterval, fn, `${arg}.sellerInterval`, ["start", "end"]);
    const start = parseDateInput(iv.start, fn, `${arg}.sellerInterval.start`).getTime();
    const end = parseDateInput(iv.end, fn, `${arg}.sellerInterval.end`).getTime();
    if (!(start < end)) rangeError(fn, `${arg}.sellerInterval.end`, ErrorCode.INVALID_DATE_ORDER, "must be after sellerInterval.start", iv.end, "an end after the start ([start, end))");
    interval = { start, end };
  }
  const topK = toTopK(o.topK, fn, `${arg}.topK`);
  return {
    currency,
    digits,
    period,
    precision,
    refunds,
    declared: toDeclared(o.segments, fn, `${arg}.segments`),
    interval,
    mode,
    thresholds: toCuts(o.thresholds, currency, digits, fn, `${arg}.thresholds`, arg === "json"),
    brackets: toCuts(o.brackets, currency, digits, fn, `${arg}.brackets`, arg === "json"),
    topK,
    kMax: topK.reduce((a, b) => Math.max(a, b), 0),
  };
}

export function createImpl(settings: MarketplaceSettings): MarketplaceAccumulatorImpl {
  return new MarketplaceAccumulatorImpl(settings);
}

export function asMarketplace(value: unknown, fn: string, arg = "accumulator"): MarketplaceAccumulatorImpl {
  if (!(value instanceof MarketplaceAccumulatorImpl)) {
    typeError(
      fn,
      arg,
      value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE,
      "must be a marketplace accumulator",
      value,
      "the result of createMarketplaceAccumulator, marketplaceAccumulatorFromJSON or marketplaceAccumulatorFromAggregates",
    );
  }
  return value;
}

/** Throw a typed error when an accumulator (or its parts) has been frozen: it is updated in place (#11). */
export function assertWritable(acc: MarketplaceAccumulatorImpl, fn: string): void {
  if (Object.isFrozen(acc) || Object.isFrozen(acc.periods) || Object.isFrozen(acc.sellers)) {
    typeError(fn, "accumulator", ErrorCode.INVALID_TYPE, "must not be frozen (it is updated in place)", acc, "a live accumulator (merge into a new one with mergeMarketplaceAccumulators to keep a frozen copy)");
  }
}

// ---------------------------------------------------------------- adding

/** Totals of `segment` in the period containing epoch day `day` (created on first use). */
function totalsAt(acc: MarketplaceAccumulatorImpl, day: number, segment: string, fn: string, base: string, index: number): Totals {
  let segs = acc.lastSegments;
  if (segs === undefined || day < acc.lastDayLo || day >= acc.lastDayHi) {
    const p = acc.settings.period;
    const startDate = periodStart(fromEpochDay(day), p);
    const lo = epochDay(startDate);
    const hi = epochDay(periodAdd(startDate, 1, p));
    segs = acc.periods.get(lo);
    if (segs === undefined) {
      // A key of 0000–9999 (a period key past 9999-12-31 would not print): checked once per period.
      periodLabel(startDate, p, fn, `${argName(base, index)}.date`);
      segs = new Map();
      acc.periods.set(lo, segs);
    }
    acc.lastDayLo = lo;
    acc.lastDayHi = hi;
    acc.lastSegments = segs;
  }
  let t = segs.get(segment);
  if (t === undefined) {
    const declared = acc.settings.declared;
    if (declared !== undefined && !declared.includes(segment)) {
      rangeError(fn, `segment of ${argName(base, index)}`, ErrorCode.UNKNOWN_OPTION, "must be one of options.segments", segment, declared.map((x) => JSON.stringify(x)).join(", "));
    }
    t = new Totals();
    segs.set(segment, t);
  }
  return t;
}

function addGmv(t: { gmv: number; gmvBig: bigint }, minor: number, big: bigint | undefined): void {
  if (big !== undefined) {
    t.gmvBig += big;
    return;
  }
  const g = t.gmv + minor;
  if (g <= SAFE && g >= -SAFE) t.gmv = g;
  else {
    t.gmvBig += BigInt(t.gmv) + BigInt(minor);
    t.gmv = 0;
  }
}

function addUnits(t: Totals, units: number): void {
  if (Number.isInteger(units)) {
    const u = t.unitsInt + units;
    if (Number.isSafeInteger(u)) {
      t.unitsInt = u;
      return;
    }
  }
  t.unitsDec = (t.unitsDec ?? new Decimal(0)).plus(units);
}

/** Read a row's amount: a number of minor units (fast), a bigint beyond 2^53, or a Money. Sets `bigOut[0]`. */
const bigSlot: (bigint | undefined)[] = [undefined];
function rowMinor(acc: MarketplaceAccumulatorImpl, sale: { amountMinor?: unknown; amount?: unknown }, fn: string, at: string): number {
  bigSlot[0] = undefined;
  const raw = sale.amountMinor;
  if (typeof raw === "number" && raw <= SAFE && raw >= -SAFE && Number.isInteger(raw)) return raw;
  let big: bigint;
  if (raw !== undefined) {
    if (sale.amount !== undefined) rangeError(fn, at, ErrorCode.CONFLICTING_OPTIONS, "must have either amount or amountMinor, not both", sale, "a sale with one of amount (Money) or amountMinor (minor units)");
    if (typeof raw !== "number" && typeof raw !== "bigint")
      typeError(fn, `${at}.amountMinor`, raw === null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a number or a bigint", raw, "integer minor units (a safe-integer number or a bigint)");
    big = toMinorBig(raw, acc.settings.currency, acc.settings.digits, fn, `${at}.amountMinor`);
  } else {
    const m = sale.amount as { amount?: unknown; currency?: unknown } | undefined;
    if (typeof m === "object" && m !== null && m.currency === acc.settings.currency && Decimal.isDecimal(m.amount)) {
      const fast = toMinorFast(m.amount as Decimal, acc.settings.digits);
      if (fast !== undefined) return fast;
    }
    if (m === undefined) typeError(fn, `${at}.amount`, ErrorCode.MISSING_VALUE, "is required (or amountMinor)", m, `a Money in ${acc.settings.currency}, or amountMinor in its minor units`);
    big = toMinorBig(m, acc.settings.currency, acc.settings.digits, fn, `${at}.amount`);
  }
  if (big <= BigInt(SAFE) && big >= -BigInt(SAFE)) return Number(big);
  bigSlot[0] = big;
  return big < 0n ? -1 : 1;
}

export function argName(base: string, index: number): string {
  return index < 0 ? base : `${base}[${index}]`;
}

/**
 * Add one sale record (a {@link AnySale}) to `segment`: `base`/`index` name it in errors
 * (`sales[3]`). Validates everything and changes nothing on error. Hot path: a non-negative
 * safe-integer `amountMinor` (a number, or a bigint within 2^53), a genuine Date (or the same ISO string as the previous row), no or
 * finite units: no allocation.
 */
export function addMarketplaceRow(acc: MarketplaceAccumulatorImpl, sale: unknown, segment: string, fn: string, base: string, index: number): void {
  if (typeof sale === "object" && sale !== null) {
    const s = sale as { sellerId?: unknown; date?: unknown; amount?: unknown; amountMinor?: unknown; units?: unknown };
    const id = s.sellerId;
    // A bigint in the safe range (what DuckDB and SQL drivers hand out for BIGINT) takes the hot path as its number.
    const given = s.amountMinor;
    const raw = typeof given === "bigint" && given >= 0n && given <= BIG_SAFE ? Number(given) : given;
    if (typeof id === "string" && id.length > 0 && typeof raw === "number" && raw >= 0 && raw <= SAFE && Number.isInteger(raw) && s.amount === undefined) {
      const d = s.date;
      let t: number | undefined;
      if (typeof d === "string") t = d === acc.lastDateText ? acc.lastDateTime : undefined;
      else t = dateTimeOf(d);
      if (t !== undefined && t >= DATE_RANGE.minTime && t <= DATE_RANGE.maxTime) {
        const u = s.units;
        const units = u === undefined ? 1 : typeof u === "number" && Number.isFinite(u) ? u : NaN;
        if (units === units) {
          addChecked(acc, id, Math.floor(t / MS_PER_DAY), t, raw, undefined, units, segment, fn, base, index);
          return;
        }
      }
    }
  }
  addRowGeneral(acc, sale, segment, fn, base, index);
}

function addRowGeneral(acc: MarketplaceAccumulatorImpl, sale: unknown, segment: string, fn: string, base: string, index: number): void {
  const at = argName(base, index);
  if (typeof sale !== "object" || sale === null)
    typeError(fn, at, sale == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a sale", sale, "an object { sellerId, date, amount | amountMinor, units? }");
  const s = sale as { sellerId?: unknown; date?: unknown; amount?: unknown; amountMinor?: unknown; units?: unknown };
  const id = s.sellerId;
  if (typeof id !== "string" || id.length === 0) typeError(fn, `${at}.sellerId`, id == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a non-empty string", id, "a seller id string");
  const rawDate = s.date;
  let t = dateTimeOf(rawDate);
  if (t === undefined || !(t >= DATE_RANGE.minTime && t <= DATE_RANGE.maxTime)) t = toSaleDate(rawDate, fn, `${at}.date`).getTime();
  const minor = rowMinor(acc, s, fn, at);
  const big = bigSlot[0];
  const u = s.units;
  const refund = minor < 0;
  let units = refund ? 0 : 1;
  if (u !== undefined) {
    if (typeof u !== "number") typeError(fn, `${at}.units`, u === null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a number", u, "a finite number or undefined");
    if (!Number.isFinite(u)) rangeError(fn, `${at}.units`, ErrorCode.INVALID_NUMBER, "must be a finite number", u, "a finite number or undefined");
    units = u;
  }
  addChecked(acc, id, Math.floor(t / MS_PER_DAY), t, minor, big, units, segment, fn, base, index);
  if (typeof rawDate === "string") {
    acc.lastDateText = rawDate;
    acc.lastDateTime = t;
  }
}

/** Add a validated record: `minor` (or `big` beyond 2^53, then `minor` is its sign), `units`, at epoch ms `t` (day `day`). */
export function addChecked(
  acc: MarketplaceAccumulatorImpl,
  id: string,
  day: number,
  t: number,
  minor: number,
  big: bigint | undefined,
  units: number,
  segment: string,
  fn: string,
  base: string,
  index: number,
): void {
  const st = acc.settings;
  const refund = minor < 0;
  if (refund) {
    if (st.refunds === "exclude") return;
    if (st.refunds === "reject") rangeError(fn, `${argName(base, index)}.amount`, ErrorCode.OUT_OF_RANGE, 'must be ≥ 0 (refunds: "reject")', big ?? minor, 'an amount ≥ 0, or options.refunds "net" / "exclude"');
  }
  if (typeof segment !== "string" || segment.length === 0) toNonEmptyString(segment, fn, `segment of ${argName(base, index)}`);
  // Every check before any change: the seller's segment, then the period (its key) and segment.
  const known = st.mode === "grouped" ? (acc.openId === id ? acc.open : undefined) : acc.sellers.get(id);
  if (known === undefined) checkDeclared(acc, segment, fn, argName(base, index));
  else if (known.segment !== segment) segmentConflict(fn, argName(base, index), id, known.segment, segment);
  const tot = totalsAt(acc, day, segment, fn, base, index);
  const seller = known ?? sellerFor(acc, id, segment);
  addGmv(tot, minor, big);
  addUnits(tot, units);
  if (!refund) tot.orders += 1;
  if (!refund && day < seller.first) seller.first = day;
  const iv = st.interval;
  if (iv === undefined || (t >= iv.start && t < iv.end)) {
    addGmv(seller, minor, big);
    if (!refund) seller.orders += 1;
  }
}

/** The seller's state (created, or for a grouped accumulator the previous seller folded). */
function sellerFor(acc: MarketplaceAccumulatorImpl, id: string, segment: string): SellerState {
  if (acc.settings.mode === "grouped") {
    const open = acc.open;
    if (open !== undefined && acc.openId === id) return open;
    if (open !== undefined) foldSeller(summaryOf(acc.summaries, open.segment, acc.settings), open, acc.settings);
    const s = new SellerState(segment);
    acc.open = s;
    acc.openId = id;
    return s;
  }
  let s = acc.sellers.get(id);
  if (s === undefined) {
    s = new SellerState(segment);
    acc.sellers.set(id, s);
  }
  return s;
}

function checkDeclared(acc: MarketplaceAccumulatorImpl, segment: string, fn: string, at: string): void {
  const declared = acc.settings.declared;
  if (declared !== undefined && !declared.includes(segment)) {
    rangeError(fn, `segment of ${at}`, ErrorCode.UNKNOWN_OPTION, "must be one of options.segments", segment, declared.map((x) => JSON.stringify(x)).join(", "));
  }
}

function segmentConflict(fn: string, at: string, id: string, was: string, now: string): never {
  return rangeError(
    fn,
    `segment of ${at}`,
    ErrorCode.CONFLICTING_OPTIONS,
    `must be the segment of seller ${describeValue(id)}'s other sales (${JSON.stringify(was)}): a seller belongs to one segment`,
    now,
    `${JSON.stringify(was)} (for a share by product line, use createShareAccumulator)`,
  );
}

// ---------------------------------------------------------------- folding per-seller totals

export function summaryOf(map: Map<string, Summary>, segment: string, st: MarketplaceSettings): Summary {
  let s = map.get(segment);
  if (s === undefined) {
    s = new Summary(st.thresholds.length, st.brackets.length);
    map.set(segment, s);
  }
  return s;
}

export function sellerGmv(s: { gmv: number; gmvBig: bigint }): bigint {
  return s.gmvBig === 0n ? BigInt(s.gmv) : s.gmvBig + BigInt(s.gmv);
}

/** Fold one seller's totals into its segment's figures. */
export function foldSeller(sum: Summary, s: SellerState, st: MarketplaceSettings): void {
  if (s.first !== Infinity) {
    const p = epochDay(periodStart(fromEpochDay(s.first), st.period));
    sum.firstSales.set(p, (sum.firstSales.get(p) ?? 0) + 1);
  }
  const g = sellerGmv(s);
  // Active in the seller interval: an order there, or a refund there that left a non-zero total.
  if (s.orders === 0 && g === 0n) return;
  sum.sellers += 1;
  const th = st.thresholds;
  for (let j = 0; j < th.length; j++) if (g > (th[j] as bigint)) sum.above[j] = (sum.above[j] as number) + 1;
  const bs = st.brackets;
  let lo = 0;
  let hi = bs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (g <= (bs[mid] as bigint)) hi = mid;
    else lo = mid + 1;
  }
  sum.bracketSellers[lo] = (sum.bracketSellers[lo] as number) + 1;
  sum.bracketGmv[lo] = (sum.bracketGmv[lo] as bigint) + g;
  if (g > 0n) {
    sum.positive += 1;
    sum.sum += g;
    sum.sumSquares += g * g;
    insertTop(sum.top, g, st.kMax);
  }
}

/** Insert `g` into the descending list `top` kept at most `k` long. */
export function insertTop(top: bigint[], g: bigint, k: number): void {
  if (k === 0) return;
  if (top.length === k && g <= (top[k - 1] as bigint)) return;
  let lo = 0;
  let hi = top.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((top[mid] as bigint) >= g) lo = mid + 1;
    else hi = mid;
  }
  top.splice(lo, 0, g);
  if (top.length > k) top.pop();
}

/** Add summary `b` into `a` (shards of a grouped accumulator partition the sellers). */
export function mergeSummary(a: Summary, b: Summary, kMax: number): void {
  a.sellers += b.sellers;
  a.positive += b.positive;
  a.sum += b.sum;
  a.sumSquares += b.sumSquares;
  for (let j = 0; j < b.above.length; j++) a.above[j] = (a.above[j] as number) + (b.above[j] as number);
  for (let j = 0; j < b.bracketSellers.length; j++) {
    a.bracketSellers[j] = (a.bracketSellers[j] as number) + (b.bracketSellers[j] as number);
    a.bracketGmv[j] = (a.bracketGmv[j] as bigint) + (b.bracketGmv[j] as bigint);
  }
  for (const g of b.top) insertTop(a.top, g, kMax);
  for (const [p, n] of b.firstSales) a.firstSales.set(p, (a.firstSales.get(p) ?? 0) + n);
}

// ---------------------------------------------------------------- merge

export function sameSettings(a: MarketplaceSettings, b: MarketplaceSettings, fn: string, arg: string): void {
  const diff = (what: string, x: unknown, y: unknown): never => rangeError(fn, `${arg}.${what}`, ErrorCode.CONFLICTING_OPTIONS, "must equal the first accumulator's", y, JSON.stringify(x));
  if (a.currency !== b.currency) throw new CurrencyMismatchError(fn, a.currency, b.currency, `at ${arg}`);
  if (a.period !== b.period) diff("period", a.period, b.period);
  if (a.precision !== b.precision) diff("precision", a.precision, b.precision);
  if (a.refunds !== b.refunds) diff("refunds", a.refunds, b.refunds);
  if (a.mode !== b.mode) diff("sellerTotals", a.mode, b.mode);
  if ((a.declared ?? null)?.join("\u0000") !== (b.declared ?? null)?.join("\u0000")) diff("segments", a.declared ?? null, b.declared ?? null);
  if (a.interval?.start !== b.interval?.start || a.interval?.end !== b.interval?.end) diff("sellerInterval", intervalJSON(a), intervalJSON(b));
  if (a.thresholds.join() !== b.thresholds.join()) diff("thresholds", a.thresholds.map(String), b.thresholds.map(String));
  if (a.brackets.join() !== b.brackets.join()) diff("brackets", a.brackets.map(String), b.brackets.map(String));
  if (a.topK.join() !== b.topK.join()) diff("topK", a.topK, b.topK);
}

function addTotals(o: Totals, t: Totals): void {
  addGmv(o, t.gmv, undefined);
  if (t.gmvBig !== 0n) o.gmvBig += t.gmvBig;
  const u = o.unitsInt + t.unitsInt;
  if (Number.isSafeInteger(u)) o.unitsInt = u;
  else o.unitsDec = (o.unitsDec ?? new Decimal(0)).plus(t.unitsInt);
  if (t.unitsDec !== undefined) o.unitsDec = (o.unitsDec ?? new Decimal(0)).plus(t.unitsDec);
  o.orders += t.orders;
}

/** Add `src` into `out` (same settings, checked by the caller). `out` is new or owned by the caller. */
export function mergeInto(out: MarketplaceAccumulatorImpl, src: MarketplaceAccumulatorImpl): void {
  for (const [p, segs] of src.periods) {
    let o = out.periods.get(p);
    if (o === undefined) {
      o = new Map();
      out.periods.set(p, o);
    }
    for (const [seg, t] of segs) {
      let ot = o.get(seg);
      if (ot === undefined) {
        ot = new Totals();
        o.set(seg, ot);
      }
      addTotals(ot, t);
    }
  }
  out.lastSegments = undefined;
  const st = out.settings;
  if (st.mode === "keep") {
    for (const [id, s] of src.sellers) {
      let o = out.sellers.get(id);
      if (o === undefined) {
        o = new SellerState(s.segment);
        out.sellers.set(id, o);
      } else if (o.segment !== s.segment) {
        rangeError(
          "mergeMarketplaceAccumulators",
          "accumulators",
          ErrorCode.CONFLICTING_OPTIONS,
          `must agree on each seller's segment (seller ${describeValue(id)} is ${JSON.stringify(o.segment)} in one and ${JSON.stringify(s.segment)} in another)`,
          id,
          "shards that map every seller to one segment",
        );
      }
      addGmv(o, s.gmv, undefined);
      if (s.gmvBig !== 0n) o.gmvBig += s.gmvBig;
      o.orders += s.orders;
      if (s.first < o.first) o.first = s.first;
    }
  } else {
    for (const [seg, s] of src.summaries) mergeSummary(summaryOf(out.summaries, seg, st), s, st.kMax);
    if (src.open !== undefined) foldSeller(summaryOf(out.summaries, src.open.segment, st), src.open, st);
  }
}

/** A grouped accumulator with its open seller folded (a copy; `acc` is not changed). */
export function closedSummaries(acc: MarketplaceAccumulatorImpl): Map<string, Summary> {
  const st = acc.settings;
  const out = new Map<string, Summary>();
  for (const [seg, s] of acc.summaries) mergeSummary(summaryOf(out, seg, st), s, st.kMax);
  if (acc.open !== undefined) foldSeller(summaryOf(out, acc.open.segment, st), acc.open, st);
  return out;
}

// ---------------------------------------------------------------- JSON

const isoDay = (day: number): string => fromEpochDay(day).toISOString().slice(0, 10);

function intervalJSON(st: MarketplaceSettings): { start: string; end: string } | null {
  return st.interval === undefined ? null : { start: new Date(st.interval.start).toISOString(), end: new Date(st.interval.end).toISOString() };
}

export function totalsJSON(t: Totals): MarketplaceTotalsJSON {
  const units = t.unitsDec === undefined ? String(t.unitsInt) : t.unitsDec.plus(t.unitsInt).toFixed();
  return { gmv: sellerGmv(t).toString(), units, orders: t.orders };
}

function define(o: Record<string, unknown>, k: string, v: unknown): void {
  // defineProperty, not assignment: a segment may be named "__proto__".
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function summaryJSON(s: Summary): MarketplaceSummaryJSON {
  const firstSales: Record<string, number> = {};
  for (const p of [...s.firstSales.keys()].sort((a, b) => a - b)) define(firstSales, isoDay(p), s.firstSales.get(p));
  return {
    sellers: s.sellers,
    positive: s.positive,
    sum: s.sum.toString(),
    sumSquares: s.sumSquares.toString(),
    above: [...s.above],
    bracketSellers: [...s.bracketSellers],
    bracketGmv: s.bracketGmv.map(String),
    top: s.top.map(String),
    firstSales,
  };
}

function toStateJSON(acc: MarketplaceAccumulatorImpl): MarketplaceAccumulatorJSON {
  const st = acc.settings;
  const periods: Record<string, Record<string, MarketplaceTotalsJSON>> = {};
  for (const p of [...acc.periods.keys()].sort((a, b) => a - b)) {
    const segs = acc.periods.get(p) as Map<string, Totals>;
    const o: Record<string, MarketplaceTotalsJSON> = {};
    for (const k of [...segs.keys()].sort(byKey)) define(o, k, totalsJSON(segs.get(k) as Totals));
    define(periods, isoDay(p), o);
  }
  const sellers: MarketplaceSellerJSON[] = [];
  if (st.mode === "keep") {
    for (const id of [...acc.sellers.keys()].sort(byKey)) {
      const s = acc.sellers.get(id) as SellerState;
      sellers.push([id, s.segment, sellerGmv(s).toString(), s.orders, s.first === Infinity ? null : isoDay(s.first)]);
    }
  }
  const summaries: Record<string, MarketplaceSummaryJSON> = {};
  if (st.mode === "grouped") {
    const closed = closedSummaries(acc);
    for (const k of [...closed.keys()].sort(byKey)) define(summaries, k, summaryJSON(closed.get(k) as Summary));
  }
  return {
    kind: "MarketplaceAccumulator",
    version: 1,
    currency: st.currency,
    period: st.period,
    precision: st.precision,
    refunds: st.refunds,
    segments: st.declared ? [...st.declared] : null,
    sellerInterval: intervalJSON(st),
    sellerTotals: st.mode,
    thresholds: st.thresholds.map(String),
    brackets: st.brackets.map(String),
    topK: [...st.topK],
    periods,
    sellers,
    summaries,
  };
}

/** `options` of a state (the settings part), for parseMarketplaceOptions. */
export function settingsFromState(o: Readonly<Record<string, unknown>>, fn: string): MarketplaceSettings {
  if (o["kind"] !== "MarketplaceAccumulator") rangeError(fn, "json.kind", ErrorCode.INVALID_TYPE, 'must be "MarketplaceAccumulator"', o["kind"], "the output of JSON.stringify(marketplaceAccumulator)");
  if (o["version"] !== 1) rangeError(fn, "json.version", ErrorCode.UNKNOWN_OPTION, "must be a known format version (1)", o["version"], "1");
  if (!PERIODS.includes(o["period"] as Period)) toPeriod(o["period"], fn, "json.period");
  return parseMarketplaceOptions(
    {
      currency: o["currency"],
      period: o["period"],
      precision: o["precision"],
      refunds: o["refunds"],
      segments: o["segments"] ?? undefined,
      sellerInterval: o["sellerInterval"] ?? undefined,
      sellerTotals: o["sellerTotals"],
      thresholds: o["thresholds"],
      brackets: o["brackets"],
      topK: o["topK"],
    },
    fn,
    "json",
  );
}

// ---------------------------------------------------------------- period rows for finalize

/** Every period start (epoch day) from the first to the last with totals, then the end of the last (so `length` is periods + 1; empty when none), bounded. */
export function periodRange(days: Iterable<number>, period: Period, fn: string, arg: string): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const d of days) {
    if (d < min) min = d;
    if (d > max) max = d;
  }
  if (min === Infinity) return [];
  const first = fromEpochDay(min);
  const n = periodsBetween(first, fromEpochDay(max), period);
  checkPeriodCount(n + 1, period, fn, arg, fromEpochDay(max));
  // n + 2 starts: the last one is the end of the last period.
  return periodStarts(min, n + 2, period);
}

/** `count` consecutive period starts (epoch days) from the period start `firstDay`, by arithmetic (no Date per period). */
export function periodStarts(firstDay: number, count: number, period: Period): number[] {
  const out = new Array<number>(count);
  if (period === "day" || period === "week") {
    const step = period === "day" ? 1 : 7;
    for (let k = 0; k < count; k++) out[k] = firstDay + k * step;
    return out;
  }
  const first = fromEpochDay(firstDay);
  const y = first.getUTCFullYear();
  const m = first.getUTCMonth();
  const step = period === "month" ? 1 : period === "quarter" ? 3 : 12;
  for (let k = 0; k < count; k++) out[k] = Math.floor(utcTime(y, m + k * step, 1) / MS_PER_DAY);
  return out;
}

export { isoDay };

// ---------------------------------------------------------------- columnar batches (#13, item 2)

/** Validated columns of a marketplace batch. */
export interface MarketplaceBatch {
  readonly segmentNames: readonly string[];
  readonly sellerNames: readonly string[];
  readonly segment: ArrayLike<number | bigint>;
  readonly seller: ArrayLike<number | bigint>;
  readonly day: ArrayLike<number | bigint>;
  readonly amountMinor: ArrayLike<number | bigint>;
  readonly units: ArrayLike<number | bigint> | undefined;
}

/**
 * Add a whole batch, atomically: pass 1 checks every row against the rules of
 * {@link addMarketplaceRow} (codes, amounts, units, days and their period keys, refunds, declared
 * segments, one segment per seller within the batch and against the accumulator) without
 * changing anything; pass 2 adds the rows in order through `addChecked`, which then cannot throw.
 */
export function addMarketplaceBatch(acc: MarketplaceAccumulatorImpl, b: MarketplaceBatch, fn: string): void {
  const st = acc.settings;
  const n = b.segment.length;
  const ks = b.segmentNames.length;
  const kv = b.sellerNames.length;
  const sellerSeg = new Int32Array(kv).fill(-1);
  const checkedPeriods = new Set<number>();
  let lastLo = 1;
  let lastHi = 0;
  const minDay = Math.ceil(DATE_RANGE.minTime / MS_PER_DAY);
  const maxDay = Math.floor(DATE_RANGE.maxTime / MS_PER_DAY);
  const code = (col: ArrayLike<number | bigint>, i: number, k: number, name: string, dict: string): number => {
    const c = col[i];
    if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c >= k)
      rangeError(fn, `columns.${name}[${i}]`, ErrorCode.OUT_OF_RANGE, `must be an index of columns.${dict}`, c, k === 0 ? `a non-empty columns.${dict}` : `an integer from 0 to ${k - 1}`);
    return c;
  };
  for (let i = 0; i < n; i++) {
    const sg = code(b.segment, i, ks, "segment", "segmentNames");
    const sv = code(b.seller, i, kv, "seller", "sellerNames");
    const d = b.day[i];
    if (typeof d !== "number" || !Number.isInteger(d)) rangeError(fn, `columns.day[${i}]`, ErrorCode.NOT_INTEGER, "must be an integer day number (days since 1970-01-01)", d, "an integer, e.g. an Int32Array");
    if (d < minDay || d > maxDay) rangeError(fn, `columns.day[${i}]`, ErrorCode.OUT_OF_RANGE, "is outside the supported dates", d, `a day from ${minDay} to ${maxDay} (${DATE_RANGE.text})`);
    const a = b.amountMinor[i];
    let neg: boolean;
    if (typeof a === "number") {
      if (!Number.isSafeInteger(a))
        rangeError(fn, `columns.amountMinor[${i}]`, Number.isFinite(a) ? ErrorCode.NOT_INTEGER : ErrorCode.INVALID_NUMBER, "must be a safe integer number of minor units", a, "an integer, or a BigInt64Array");
      neg = a < 0;
    } else if (typeof a === "bigint") {
      if (a > 10n ** 60n || a < -(10n ** 60n)) rangeError(fn, `columns.amountMinor[${i}]`, ErrorCode.OUT_OF_RANGE, "is outside the supported amount range", a, "minor units below 10^60 in magnitude");
      neg = a < 0n;
    } else {
      return typeError(fn, `columns.amountMinor[${i}]`, ErrorCode.INVALID_TYPE, "must be a number or a bigint", a, "integer minor units");
    }
    if (b.units !== undefined) {
      const u = b.units[i];
      if (typeof u !== "number" || !Number.isFinite(u)) rangeError(fn, `columns.units[${i}]`, ErrorCode.INVALID_NUMBER, "must be a finite number", u, "a finite number");
    }
    if (neg) {
      if (st.refunds === "exclude") continue;
      if (st.refunds === "reject") rangeError(fn, `columns.amountMinor[${i}]`, ErrorCode.OUT_OF_RANGE, 'must be ≥ 0 (refunds: "reject")', a, 'an amount ≥ 0, or options.refunds "net" / "exclude"');
    }
    const segName = b.segmentNames[sg] as string;
    const was = sellerSeg[sv] as number;
    if (was === -1) {
      const id = b.sellerNames[sv] as string;
      const known = st.mode === "grouped" ? (acc.openId === id ? acc.open : undefined) : acc.sellers.get(id);
      if (known === undefined) checkDeclared(acc, segName, fn, `columns[${i}]`);
      else if (known.segment !== segName) segmentConflict(fn, `columns[${i}]`, id, known.segment, segName);
      sellerSeg[sv] = sg;
    } else if (was !== sg && b.segmentNames[was] !== segName) {
      segmentConflict(fn, `columns[${i}]`, b.sellerNames[sv] as string, b.segmentNames[was] as string, segName);
    }
    if (d < lastLo || d >= lastHi) {
      const startDate = periodStart(fromEpochDay(d), st.period);
      lastLo = epochDay(startDate);
      lastHi = epochDay(periodAdd(startDate, 1, st.period));
      if (!checkedPeriods.has(lastLo)) {
        if (!acc.periods.has(lastLo)) periodLabel(startDate, st.period, fn, `columns.day[${i}]`);
        checkedPeriods.add(lastLo);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const a = b.amountMinor[i] as number | bigint;
    const d = b.day[i] as number;
    // As the row path (rowMinor): a bigint within ±(2^53 − 1) is added as a number.
    const small = typeof a === "number" || (a <= BIG_SAFE && a >= -BIG_SAFE);
    const minor = small ? Number(a) : a < 0n ? -1 : 1;
    const big = small ? undefined : (a as bigint);
    const units = b.units === undefined ? (minor < 0 ? 0 : 1) : (b.units[i] as number);
    addChecked(acc, b.sellerNames[b.seller[i] as number] as string, d, d * MS_PER_DAY, minor, big, units, b.segmentNames[b.segment[i] as number] as string, fn, "columns", i);
  }
}
