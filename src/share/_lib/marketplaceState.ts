/** Internal: rebuild a marketplace accumulator from its JSON state or from warehouse aggregate rows (#13). */
import { dateTimeOf, epochDay, fromEpochDay, parseDateInput } from "../../_lib/dates.js";
import { Decimal } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import { periodStart } from "../../_lib/periods.js";
import { rangeError, toAmount, toArray, toInteger, toNonEmptyString, toRecord, typeError } from "../../_lib/validate.js";
import { createImpl, type MarketplaceAccumulatorImpl, type MarketplaceSettings, SellerState, Summary, summaryOf, Totals, toMinorBig, insertTop } from "./marketplace.js";

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A plain record of a state or a row (a Date is an object but never a record: #11). */
export function toStateRecord(value: unknown, fn: string, arg: string): Readonly<Record<string, unknown>> {
  if (isDate(value)) typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be an object (not a Date)", value, "the state written by JSON.stringify(accumulator)");
  return toRecord(value, fn, arg);
}

/**
 * Whether `value` is a genuine Date. An object literal or a null-prototype object (every row read
 * from JSON, a CSV reader or a DuckDB result) answers without the brand check, which throws for
 * every non-Date (~3–10 µs a row: 100,000 aggregate rows took ~0.5 s in that throw alone). A Date
 * whose prototype was replaced by Object.prototype passes as a record with no keys, as in
 * `describeValue`; a Proxy is never a Date, whatever its `getPrototypeOf` trap answers.
 */
function isDate(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  try {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return false;
  } catch {
    return false;
  }
  return dateTimeOf(value) !== undefined;
}

/** Cache of the last period key parsed (rows of one period arrive together). */
let lastPeriodText: string | undefined;
let lastPeriodDay = 0;
let lastPeriodKind = "";

/** Put an exact bigint into a `{ gmv, gmvBig }` pair (number part when safe). */
export function setGmv(t: { gmv: number; gmvBig: bigint }, g: bigint): void {
  if (g <= SAFE && g >= -SAFE) {
    t.gmv = Number(g);
    t.gmvBig = 0n;
  } else {
    t.gmv = 0;
    t.gmvBig = g;
  }
}

function intString(value: unknown, acc: MarketplaceAccumulatorImpl, fn: string, arg: string): bigint {
  return toMinorBig(value, acc.settings.currency, acc.settings.digits, fn, arg);
}

/** A period start day: `value` must be the first UTC day of its period. */
function periodDay(value: unknown, st: MarketplaceSettings, fn: string, arg: string): number {
  if (typeof value === "string" && value === lastPeriodText && st.period === lastPeriodKind) return lastPeriodDay;
  const day = periodDayParsed(value, st, fn, arg);
  if (typeof value === "string") {
    lastPeriodText = value;
    lastPeriodDay = day;
    lastPeriodKind = st.period;
  }
  return day;
}

function periodDayParsed(value: unknown, st: MarketplaceSettings, fn: string, arg: string): number {
  const d = parseDateInput(value, fn, arg);
  const start = periodStart(d, st.period);
  if (start.getTime() !== d.getTime()) {
    rangeError(
      fn,
      arg,
      ErrorCode.OUT_OF_RANGE,
      `must be the first day (00:00Z) of a ${st.period}`,
      value,
      `${start.toISOString().slice(0, 10)} (the start of its ${st.period}; DATE_TRUNC('${st.period}', date) in SQL)`,
    );
  }
  return epochDay(d);
}

/**
 * A count of records (`orders`) of an aggregate row: a safe integer ≥ 0 given as a number, a
 * bigint or a decimal integer string (what SQL drivers return for `SUM`/`COUNT`: node-postgres
 * and psql give `BIGINT`/`NUMERIC` as text).
 */
export function toCount(raw: unknown, fn: string, arg: string): number {
  if (typeof raw === "bigint" && raw <= SAFE && raw >= 0n) return Number(raw);
  if (typeof raw === "string" && /^(?:0|[1-9]\d{0,15})$/.test(raw) && Number(raw) <= Number.MAX_SAFE_INTEGER) return Number(raw);
  if (typeof raw === "string" && /^-?\d+$/.test(raw)) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `must be an integer from 0 to ${Number.MAX_SAFE_INTEGER}`, raw, "a count of records");
  return toInteger(raw, fn, arg, 0, Number.MAX_SAFE_INTEGER);
}

function declaredCheck(st: MarketplaceSettings, segment: string, fn: string, arg: string): void {
  if (st.declared !== undefined && !st.declared.includes(segment)) rangeError(fn, arg, ErrorCode.UNKNOWN_OPTION, "must be a declared segment", segment, st.declared.map((x) => JSON.stringify(x)).join(", "));
}

/** Add one segment × period aggregate (validated) into `acc`. */
export function addPeriodRow(acc: MarketplaceAccumulatorImpl, row: unknown, fn: string, at: string, dayKey?: number, segmentKey?: string, gmvKey = "gmvMinor"): void {
  const st = acc.settings;
  const r = toStateRecord(row, fn, at);
  const segment = segmentKey ?? toNonEmptyString(r["segment"], fn, `${at}.segment`);
  declaredCheck(st, segment, fn, `${at}.segment`);
  const day = dayKey ?? periodDay(r["period"], st, fn, `${at}.period`);
  const gmv = intString(r[gmvKey], acc, fn, `${at}.${gmvKey}`);
  const rawUnits = r["units"];
  const intUnits = typeof rawUnits === "number" && Number.isSafeInteger(rawUnits) ? rawUnits : undefined;
  const units = intUnits !== undefined ? undefined : typeof rawUnits === "bigint" ? new Decimal(rawUnits.toString()) : toAmount(rawUnits, fn, `${at}.units`);
  const orders = toCount(r["orders"], fn, `${at}.orders`);
  if (st.refunds !== "net") {
    if (gmv < 0n) rangeError(fn, `${at}.${gmvKey}`, ErrorCode.OUT_OF_RANGE, `must be ≥ 0 under refunds: ${JSON.stringify(st.refunds)} (no refund is ever added)`, gmv.toString(), "a GMV ≥ 0");
    if (orders === 0 && (gmv !== 0n || (units === undefined ? intUnits !== 0 : !units.isZero())))
      rangeError(fn, `${at}.orders`, ErrorCode.OUT_OF_RANGE, "must be ≥ 1 when GMV or units are not 0", orders, "the count of the sales that made the totals");
  }
  let segs = acc.periods.get(day);
  if (segs === undefined) {
    segs = new Map();
    acc.periods.set(day, segs);
  }
  let t = segs.get(segment);
  if (t === undefined) {
    t = new Totals();
    segs.set(segment, t);
  }
  setGmv(t, t.gmvBig + BigInt(t.gmv) + gmv);
  const sum = intUnits === undefined || t.unitsDec !== undefined ? NaN : t.unitsInt + intUnits;
  if (Number.isSafeInteger(sum)) {
    t.unitsInt = sum;
  } else {
    setUnits(t, (t.unitsDec ?? new Decimal(0)).plus(t.unitsInt).plus(units ?? (intUnits as number)));
  }
  t.orders += orders;
  if (t.orders > Number.MAX_SAFE_INTEGER) rangeError(fn, `${at}.orders`, ErrorCode.OUT_OF_RANGE, "makes a count exceed 2^53 − 1", orders, "counts whose sum is a safe integer");
  acc.lastSegments = undefined;
}

function setUnits(t: Totals, u: Decimal): void {
  if (u.isInteger() && u.abs().lte(Number.MAX_SAFE_INTEGER)) {
    t.unitsInt = u.toNumber();
    t.unitsDec = undefined;
  } else {
    t.unitsInt = 0;
    t.unitsDec = u;
  }
}

/** Add one seller aggregate `{ sellerId, segment, gmv, orders, firstSale }` into a kept-sellers accumulator. */
export function addSellerRow(
  acc: MarketplaceAccumulatorImpl,
  id: string,
  segment: string,
  gmvRaw: unknown,
  ordersRaw: unknown,
  firstRaw: unknown,
  fn: string,
  at: string,
  names: { gmv: string; orders: string; first: string; segment: string },
): void {
  const st = acc.settings;
  declaredCheck(st, segment, fn, `${at}${names.segment}`);
  const gmv = intString(gmvRaw, acc, fn, `${at}${names.gmv}`);
  const orders = toCount(ordersRaw, fn, `${at}${names.orders}`);
  if (st.refunds !== "net" && gmv < 0n) rangeError(fn, `${at}${names.gmv}`, ErrorCode.OUT_OF_RANGE, `must be ≥ 0 under refunds: ${JSON.stringify(st.refunds)}`, gmv.toString(), "a GMV ≥ 0");
  const first = firstRaw === null || firstRaw === undefined ? Infinity : epochDay(parseDateInput(firstRaw, fn, `${at}${names.first}`));
  let s = acc.sellers.get(id);
  if (s === undefined) {
    s = new SellerState(segment);
    acc.sellers.set(id, s);
  } else if (s.segment !== segment) {
    rangeError(
      fn,
      `${at}${names.segment}`,
      ErrorCode.CONFLICTING_OPTIONS,
      `must be the segment of seller ${JSON.stringify(id)}'s other rows (${JSON.stringify(s.segment)}): a seller belongs to one segment`,
      segment,
      JSON.stringify(s.segment),
    );
  }
  setGmv(s, s.gmvBig + BigInt(s.gmv) + gmv);
  s.orders += orders;
  if (first < s.first) s.first = first;
}

/** Restore the state's parts (settings already parsed into `acc`). */
export function restoreState(acc: MarketplaceAccumulatorImpl, o: Readonly<Record<string, unknown>>, fn: string): void {
  const st = acc.settings;
  const periods = toStateRecord(o["periods"], fn, "json.periods");
  for (const [key, segsRaw] of Object.entries(periods)) {
    const at = `json.periods[${JSON.stringify(key)}]`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) rangeError(fn, at, ErrorCode.INVALID_DATE, "must be keyed by an ISO day (YYYY-MM-DD)", key, "the first day of a period");
    const day = periodDay(key, st, fn, at);
    for (const [seg, row] of Object.entries(toStateRecord(segsRaw, fn, at))) {
      toNonEmptyString(seg, fn, `${at} (a segment name)`);
      addPeriodRow(acc, row, fn, `${at}[${JSON.stringify(seg)}]`, day, seg, "gmv");
    }
  }
  const sellers = toArray<unknown>(o["sellers"], fn, "json.sellers");
  const summaries = toStateRecord(o["summaries"], fn, "json.summaries");
  if (st.mode === "grouped" && sellers.length > 0) rangeError(fn, "json.sellers", ErrorCode.CONFLICTING_OPTIONS, 'must be empty when sellerTotals is "grouped"', sellers.length, "[]");
  if (st.mode === "keep" && Object.keys(summaries).length > 0) rangeError(fn, "json.summaries", ErrorCode.CONFLICTING_OPTIONS, 'must be empty when sellerTotals is "keep"', summaries, "{}");
  sellers.forEach((raw, i) => {
    const at = `json.sellers[${i}]`;
    const t = toArray<unknown>(raw, fn, at);
    if (t.length !== 5) rangeError(fn, at, ErrorCode.DIMENSION_MISMATCH, "must be [sellerId, segment, gmv, orders, firstSale]", t.length, "5 entries");
    const id = toNonEmptyString(t[0], fn, `${at}[0]`);
    if (acc.sellers.has(id)) rangeError(fn, `${at}[0]`, ErrorCode.DUPLICATE, "must be unique", id, "one entry per seller");
    const segment = toNonEmptyString(t[1], fn, `${at}[1]`);
    if (typeof t[2] !== "string") typeError(fn, `${at}[2]`, ErrorCode.INVALID_TYPE, "must be an integer string", t[2], 'minor units as a string such as "1250"');
    if (t[4] !== null && typeof t[4] !== "string") typeError(fn, `${at}[4]`, ErrorCode.INVALID_TYPE, "must be an ISO day or null", t[4], '"YYYY-MM-DD" or null');
    addSellerRow(acc, id, segment, t[2], t[3], t[4], fn, at, { segment: "[1]", gmv: "[2]", orders: "[3]", first: "[4]" });
  });
  for (const [seg, raw] of Object.entries(summaries)) {
    const at = `json.summaries[${JSON.stringify(seg)}]`;
    toNonEmptyString(seg, fn, `${at} (a segment name)`);
    declaredCheck(st, seg, fn, at);
    const r = toStateRecord(raw, fn, at);
    const s: Summary = summaryOf(acc.summaries, seg, st);
    s.sellers = toInteger(r["sellers"], fn, `${at}.sellers`, 0, Number.MAX_SAFE_INTEGER);
    s.positive = toInteger(r["positive"], fn, `${at}.positive`, 0, s.sellers);
    s.sum = intString(r["sum"], acc, fn, `${at}.sum`);
    s.sumSquares = intString(r["sumSquares"], acc, fn, `${at}.sumSquares`);
    if (s.sum < 0n || s.sumSquares < 0n || (s.positive === 0) !== (s.sum === 0n))
      rangeError(fn, `${at}.sum`, ErrorCode.OUT_OF_RANGE, "must be ≥ 0, and 0 exactly when no seller is positive", r["sum"], "the state written by JSON.stringify(accumulator)");
    const above = toArray<unknown>(r["above"], fn, `${at}.above`);
    if (above.length !== st.thresholds.length) rangeError(fn, `${at}.above`, ErrorCode.DIMENSION_MISMATCH, "must have one count per threshold", above.length, String(st.thresholds.length));
    s.above = above.map((v, j) => toInteger(v, fn, `${at}.above[${j}]`, 0, s.sellers));
    const bs = toArray<unknown>(r["bracketSellers"], fn, `${at}.bracketSellers`);
    const bg = toArray<unknown>(r["bracketGmv"], fn, `${at}.bracketGmv`);
    if (bs.length !== st.brackets.length + 1 || bg.length !== st.brackets.length + 1)
      rangeError(fn, `${at}.bracketSellers`, ErrorCode.DIMENSION_MISMATCH, "must have one entry per bracket", bs.length, String(st.brackets.length + 1));
    s.bracketSellers = bs.map((v, j) => toInteger(v, fn, `${at}.bracketSellers[${j}]`, 0, s.sellers));
    s.bracketGmv = bg.map((v, j) => intString(v, acc, fn, `${at}.bracketGmv[${j}]`));
    const top = toArray<unknown>(r["top"], fn, `${at}.top`, { maxLength: st.kMax });
    s.top = [];
    top.forEach((v, j) => {
      const g = intString(v, acc, fn, `${at}.top[${j}]`);
      if (g <= 0n || (j > 0 && g > (s.top[j - 1] as bigint))) rangeError(fn, `${at}.top[${j}]`, ErrorCode.OUT_OF_RANGE, "must be positive and descending", v, "the state written by JSON.stringify(accumulator)");
      insertTop(s.top, g, st.kMax);
    });
    for (const [key, n] of Object.entries(toStateRecord(r["firstSales"], fn, `${at}.firstSales`))) {
      const day = periodDay(key, st, fn, `${at}.firstSales[${JSON.stringify(key)}]`);
      s.firstSales.set(day, (s.firstSales.get(day) ?? 0) + toInteger(n, fn, `${at}.firstSales[${JSON.stringify(key)}]`, 0, Number.MAX_SAFE_INTEGER));
    }
  }
}

export { createImpl, fromEpochDay };
