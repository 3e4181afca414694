/**
 * Reading a sales series into integer columns for the integer engine (#12): day numbers in an
 * Int32Array, amounts in minor units in a Float64Array. The fast path takes the common shapes
 * (frozen Money with a UTC-midnight Date, `{ day | date, minor }`, typed-array columns) without
 * creating a single Decimal; anything else (an ISO string date, a Money from another decimal.js
 * copy, a bad row) goes through engine.ts `readSeries`, which validates with the typed errors
 * and whose Decimal amounts are then converted (or, when they do not fit, the run falls back to
 * the Decimal engine). Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import { rangeError, typeError } from "../../_lib/validate.js";
import { decimalToScaled, type IntSeries } from "./intEngine.js";
import { MAX_FINANCING_DAY as MAX_DAY_IMPORT, MAX_SERIES_ROWS, MIN_FINANCING_DAY as MIN_DAY_IMPORT } from "./validate.js";

// Local copies of the bounds used in the hot loops (an imported binding may be a getter under a
// CJS transform, read on every iteration).
const MIN_FINANCING_DAY = MIN_DAY_IMPORT;
const MAX_FINANCING_DAY = MAX_DAY_IMPORT;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

const DAY_MS = 86_400_000;

/** Whether a value is a `{ days, minor }` columns object (not an array, not iterable). */
export function isColumns(value: unknown): value is { readonly days: unknown; readonly minor: unknown } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  try {
    return typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function" && "days" in value && "minor" in value;
  } catch {
    return false;
  }
}

/**
 * A series input as an array: arrays and columns as they are; a sync iterable (not a string)
 * copied, at most `MAX_SERIES_ROWS` items (checked while iterating, so an endless generator ends
 * with a typed error). Anything else is returned as is for the validators to reject.
 */
export function materializeSeries(value: unknown, fn: string, arg: string): unknown {
  if (Array.isArray(value) || typeof value !== "object" || value === null || isColumns(value)) return value;
  let it: unknown;
  try {
    it = (value as { [Symbol.iterator]?: unknown })[Symbol.iterator];
  } catch {
    return value;
  }
  if (typeof it !== "function") return value;
  const out: unknown[] = [];
  try {
    for (const item of value as Iterable<unknown>) {
      if (out.length >= MAX_SERIES_ROWS) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `must have at most ${MAX_SERIES_ROWS} elements`, value, `a series of at most ${MAX_SERIES_ROWS} sales`);
      out.push(item);
    }
  } catch (err) {
    if (err instanceof Error && (err as { fn?: unknown }).fn === fn) throw err;
    typeError(fn, arg, ErrorCode.INVALID_TYPE, "could not be iterated (its iterator threw)", undefined, "an array, an iterable of sales or { days, minor } columns");
  }
  return out;
}

/**
 * Validate typed-array (or plain array) columns `{ days, minor }`: the same length (at most
 * `MAX_SERIES_ROWS`), integer day numbers in the years 0000–9999, ascending, and integer minor
 * units (safe integers; a bigint beyond 2^53 is accepted and makes the run use Decimal).
 * Returns the day numbers and the amounts as numbers or bigints.
 */
export function readColumns(value: { readonly days: unknown; readonly minor: unknown }, fn: string, arg: string): { days: ArrayLike<number>; minor: ArrayLike<number | bigint>; length: number } {
  return readColumnsInto(value, fn, arg, null).columns;
}

/**
 * {@link readColumns}, copying into integer columns in the same pass (same-day entries summed)
 * when `buf` is given: `int` is `null` when a bigint or a sum is not a safe integer.
 */
export function readColumnsInto(
  value: { readonly days: unknown; readonly minor: unknown },
  fn: string,
  arg: string,
  buf: SeriesBuffer | null,
): { columns: { days: ArrayLike<number>; minor: ArrayLike<number | bigint>; length: number }; int: IntSeries | null } {
  let days: unknown;
  let minor: unknown;
  try {
    days = value.days;
    minor = value.minor;
  } catch {
    return typeError(fn, arg, ErrorCode.INVALID_TYPE, "could not be read (a getter threw)", undefined, "{ days: Int32Array, minor: Float64Array | BigInt64Array }");
  }
  const isList = (x: unknown): x is ArrayLike<unknown> => Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
  if (!isList(days))
    typeError(fn, `${arg}.days`, days == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be an Int32Array or an array of day numbers", days, "an Int32Array (days since 1970-01-01)");
  if (!isList(minor))
    typeError(fn, `${arg}.minor`, minor == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a Float64Array, a BigInt64Array or an array of integers", minor, "integer minor units per day");
  const n = days.length;
  if (n > MAX_SERIES_ROWS) rangeError(fn, `${arg}.days`, ErrorCode.OUT_OF_RANGE, `must have at most ${MAX_SERIES_ROWS} elements`, n, `at most ${MAX_SERIES_ROWS} days`);
  if (minor.length !== n) rangeError(fn, `${arg}.minor`, ErrorCode.OUT_OF_RANGE, `must have as many entries as ${arg}.days (${n})`, minor.length, `${n} entries`);
  let prev = -Infinity;
  if (buf) buf.ensure(n);
  const od = buf ? buf.days : null;
  const om = buf ? buf.minor : null;
  let k = 0;
  let safe = buf !== null;
  for (let i = 0; i < n; i++) {
    const d = days[i];
    if (typeof d !== "number" || !Number.isInteger(d))
      typeError(fn, `${arg}.days[${i}]`, d === undefined ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be an integer day number", d, "days since 1970-01-01");
    if (d < MIN_FINANCING_DAY || d > MAX_FINANCING_DAY)
      rangeError(fn, `${arg}.days[${i}]`, ErrorCode.OUT_OF_RANGE, "must be a date in the years 0000 to 9999", d, `a day number from ${MIN_FINANCING_DAY} to ${MAX_FINANCING_DAY}`);
    if (d < prev) rangeError(fn, `${arg}.days[${i}]`, ErrorCode.INVALID_DATE_ORDER, "must not be before the previous day", d, "days in ascending order (several entries on one day are summed)");
    const same = d === prev;
    prev = d;
    const m = minor[i];
    let v: number;
    if (typeof m === "bigint") {
      if (m > BigInt(MAX_SAFE) || m < -BigInt(MAX_SAFE)) {
        safe = false;
        continue;
      }
      v = Number(m);
    } else {
      if (typeof m !== "number")
        typeError(fn, `${arg}.minor[${i}]`, m === undefined ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be an integer number of minor units", m, "a safe integer or a bigint");
      if (!Number.isSafeInteger(m))
        rangeError(
          fn,
          `${arg}.minor[${i}]`,
          Number.isFinite(m) ? ErrorCode.OUT_OF_RANGE : ErrorCode.INVALID_NUMBER,
          "must be an integer number of minor units (a safe integer; a bigint beyond 2^53)",
          m,
          "a safe integer or a bigint",
        );
      v = m;
    }
    if (!safe) continue;
    if (same) {
      const sum = om![k - 1]! + v;
      if (!(sum <= MAX_SAFE && sum >= -MAX_SAFE)) safe = false;
      om![k - 1] = sum;
    } else {
      od![k] = d;
      om![k] = v;
      k++;
    }
  }
  const columns = { days: days as ArrayLike<number>, minor: minor as ArrayLike<number | bigint>, length: n };
  return { columns, int: safe ? { days: od!, minor: om!, length: k, scale: 0 } : null };
}

/**
 * The common case of {@link readColumnsInto}, in one monomorphic pass: an `Int32Array` of
 * ascending day numbers (no day twice) in the years 0000–9999 and a `Float64Array` of safe
 * integers (exactly those classes, so no subclass getter or Proxy runs). Copied into `buf`, so
 * a later change to the caller's arrays cannot reach a result.
 * `null` for anything else (another array type, a repeated day, a bad value): the caller then
 * runs {@link readColumnsInto}, which validates with the typed errors.
 */
export function readTypedColumnsFast(value: { readonly days: unknown; readonly minor: unknown }, buf: SeriesBuffer): IntSeries | null {
  let days: unknown;
  let minor: unknown;
  try {
    days = value.days;
    minor = value.minor;
  } catch {
    return null;
  }
  if (!(days instanceof Int32Array) || !(minor instanceof Float64Array) || Object.getPrototypeOf(days) !== Int32Array.prototype || Object.getPrototypeOf(minor) !== Float64Array.prototype) return null;
  const n = days.length;
  if (minor.length !== n || n > MAX_SERIES_ROWS) return null;
  let prev = MIN_FINANCING_DAY - 1;
  const copy = buf.copy && n <= SNAPSHOT_PLAIN_MAX ? new Array<number>(n) : null;
  let ramp = true;
  const first = n > 0 ? days[0]! : 0;
  for (let i = 0; i < n; i++) {
    const d = days[i]!;
    const m = minor[i]!;
    // Math.floor, not `m % 1`: a float64 remainder is a call into C (~8 ns a row, 5x this loop).
    if (d <= prev || d > MAX_FINANCING_DAY || !(m <= MAX_SAFE && m >= -MAX_SAFE) || Math.floor(m) !== m) return null;
    prev = d;
    if (copy !== null) {
      copy[i] = m;
      if (d !== first + i) ramp = false;
    }
  }
  buf.ensure(n);
  buf.days.set(days);
  buf.minor.set(minor);
  return copy === null ? { days: buf.days, minor: buf.minor, length: n, scale: 0 } : { days: buf.days, minor: buf.minor, length: n, scale: 0, copy: { minor: copy, ramp } };
}

const EMPTY_DAYS = new Int32Array(0);
const EMPTY_MINOR = new Float64Array(0);
const SLAB_BYTES = 1 << 14;
let slab = new ArrayBuffer(0);
let slabUsed = 0;

/**
 * Columns for `n` days as views into a shared 16 KB slab (as Node's Buffer pool), a buffer of
 * their own when larger than a quarter of it. A typed array's own backing store per one-off run
 * cost more than the run itself (external memory the garbage collector tracks one by one); the
 * price is that a result kept alive keeps its slab (at most 16 KB) alive.
 */
function slabColumns(n: number): { days: Int32Array; minor: Float64Array } {
  const bytes = Math.ceil((n * 12) / 8) * 8;
  if (bytes > SLAB_BYTES >> 2) return { days: new Int32Array(n), minor: new Float64Array(n) };
  if (slabUsed + bytes > slab.byteLength) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const at = slabUsed;
  slabUsed += bytes;
  return { minor: new Float64Array(slab, at, n), days: new Int32Array(slab, at + n * 8, n) };
}

/**
 * Growable column buffers, reusable across the series of one call (a portfolio reads one seller
 * at a time). A `pooled` buffer is for one read: its columns come from the shared slab.
 */
export class SeriesBuffer {
  days: Int32Array = EMPTY_DAYS;
  minor: Float64Array = EMPTY_MINOR;
  /**
   * Whether the fast readers also write the amounts into a plain array of their own
   * ({@link IntSeries.copy}), for a result's {@link SeriesSnapshot}: one pass over the input
   * instead of a read and a second copy (set by the caller for one run, then reset).
   */
  copy = false;
  constructor(readonly pooled = false) {}
  /** Room for `n` days: exactly `n` for a one-off buffer, doubling for a reused one. */
  ensure(n: number): void {
    if (n <= this.days.length) return;
    if (this.pooled) {
      ({ days: this.days, minor: this.minor } = slabColumns(n));
      return;
    }
    let k = Math.max(this.days.length, 1);
    while (k < n) k *= 2;
    if (this.days.length === 0) k = n;
    this.days = new Int32Array(k);
    this.minor = new Float64Array(k);
  }
}

/** Largest series kept in plain arrays by {@link snapshotSeries} (above it, typed arrays of its own). */
const SNAPSHOT_PLAIN_MAX = 8192;

/**
 * A private copy of a series, for a later rerun of the engine (a result's rows, built when first
 * read): {@link SeriesSnapshot.series} returns fresh typed columns. A short series is kept in a
 * plain array (ordinary heap memory: a typed array of its own, or a view into a slab, cost a
 * one-off run more than the run itself, as external memory the garbage collector tracks one by
 * one), and its days only when they are not consecutive (`first, first + 1, …` is kept as `first`).
 */
export class SeriesSnapshot {
  private readonly n: number;
  private readonly scale: number;
  private readonly first: number;
  /** Amounts (plain array, or typed for a long series). */
  private readonly minor: ArrayLike<number>;
  /** Days, `null` when consecutive from `first`. */
  private readonly days: ArrayLike<number> | null;
  constructor(s: IntSeries) {
    const n = s.length;
    const sd = s.days;
    const sm = s.minor;
    this.n = n;
    this.scale = s.scale;
    this.first = n > 0 ? sd[0]! : 0;
    if (n > SNAPSHOT_PLAIN_MAX) {
      this.minor = sm.slice(0, n);
      this.days = sd.slice(0, n);
      return;
    }
    const first = this.first;
    // The reader's own copy when it made one (the amounts of this very series, not aggregated).
    const c = s.copy;
    let minor: number[];
    let ramp = true;
    if (c !== undefined && c.minor.length === n) {
      minor = c.minor;
      ramp = c.ramp;
    } else {
      minor = new Array<number>(n);
      for (let i = 0; i < n; i++) {
        minor[i] = sm[i]!;
        if (sd[i] !== first + i) ramp = false;
      }
    }
    this.minor = minor;
    let days: number[] | null = null;
    if (!ramp) {
      days = new Array<number>(n);
      for (let i = 0; i < n; i++) days[i] = sd[i]!;
    }
    this.days = days;
  }
  /** The series as fresh typed columns. */
  series(): IntSeries {
    const n = this.n;
    const d = new Int32Array(n);
    if (this.days === null) for (let i = 0; i < n; i++) d[i] = this.first + i;
    else d.set(this.days);
    const m = new Float64Array(n);
    m.set(this.minor);
    return { days: d, minor: m, length: n, scale: this.scale };
  }
}

/**
 * The column buffer of one run's integer series, reused from run to run: the series read into it
 * lives only during the run (a result keeps a {@link snapshotSeries} copy). `null` while a run
 * holds it (a getter of the input calling back into the library gets a buffer of its own).
 */
let scratch: SeriesBuffer | null = new SeriesBuffer();

/** Take the shared run buffer, or a fresh one while it is in use (give it back with {@link releaseScratch}). */
export function takeScratch(): SeriesBuffer {
  const b = scratch;
  if (b === null) return new SeriesBuffer(true);
  scratch = null;
  return b;
}

/** Give back a buffer from {@link takeScratch} (a fresh one is dropped; a large one shrinks back). */
export function releaseScratch(b: SeriesBuffer): void {
  if (b.pooled) return;
  if (b.days.length > SNAPSHOT_PLAIN_MAX) {
    b.days = EMPTY_DAYS;
    b.minor = EMPTY_MINOR;
  }
  scratch = b;
}

/**
 * The fast path: integer columns of a series already given as an array (or columns), in minor
 * units of `digits`, or `null` when any row needs the validating Decimal reader (a row it does
 * not recognise, a date that is not a UTC-midnight Date, a Money not built by this library's
 * Decimal, sub-minor digits, an unsafe sum). Never throws for a row: the slow path does.
 */
export function readIntSeriesFast(list: unknown, currency: string, digits: number, buf?: SeriesBuffer): IntSeries | null {
  try {
    if (isColumns(list)) return null; // validated by readColumns on the caller's side
    if (!Array.isArray(list)) return null;
    const n = list.length;
    if (n > MAX_SERIES_ROWS) return null;
    const b = buf ?? new SeriesBuffer();
    b.ensure(n);
    const days = b.days;
    const minor = b.minor;
    const copy = b.copy && n <= SNAPSHOT_PLAIN_MAX ? new Array<number>(n) : null;
    let ramp = true;
    let first = 0;
    let k = 0;
    let prev = -Infinity;
    for (let i = 0; i < n; i++) {
      const item = list[i] as { date?: unknown; amount?: unknown; minor?: unknown; day?: unknown } | undefined;
      if (typeof item !== "object" || item === null) return null;
      let day: number;
      let m: number;
      const a = item.amount;
      if (a !== undefined) {
        const dt = item.date;
        if (!(dt instanceof Date)) return null;
        const t = Date.prototype.getTime.call(dt);
        if (t % DAY_MS !== 0) return null;
        day = t / DAY_MS;
        if (typeof a !== "object" || a === null) return null;
        const am = (a as { amount?: unknown }).amount;
        if (!(am instanceof Decimal) || (a as { currency?: unknown }).currency !== currency || !Object.isFrozen(a)) return null;
        m = decimalToScaled(am, digits);
        if (m !== m) return null;
      } else {
        const mm = item.minor;
        if (typeof mm !== "number" || !Number.isSafeInteger(mm)) return null;
        m = mm;
        const dd = item.day;
        if (dd !== undefined) {
          if (typeof dd !== "number" || !Number.isInteger(dd) || item.date !== undefined) return null;
          day = dd;
        } else {
          const dt = item.date;
          if (!(dt instanceof Date)) return null;
          const t = Date.prototype.getTime.call(dt);
          if (t % DAY_MS !== 0) return null;
          day = t / DAY_MS;
        }
      }
      if (!(day >= MIN_FINANCING_DAY && day <= MAX_FINANCING_DAY) || day < prev) return null;
      if (day === prev) {
        const s = minor[k - 1]! + m;
        if (!(s <= MAX_SAFE && s >= -MAX_SAFE)) return null;
        minor[k - 1] = s;
        if (copy !== null) copy[k - 1] = s;
      } else {
        days[k] = day;
        minor[k] = m;
        if (copy !== null) {
          if (k === 0) first = day;
          else if (day !== first + k) ramp = false;
          copy[k] = m;
        }
        k++;
      }
      prev = day;
    }
    if (copy === null) return { days, minor, length: k, scale: 0 };
    if (k < n) copy.length = k;
    return { days, minor, length: k, scale: 0, copy: { minor: copy, ramp } };
  } catch {
    return null;
  }
}

/** Integer columns of validated columns (same-day entries summed), or `null` when an amount or a sum is not a safe integer. */
export function columnsToInt(c: { days: ArrayLike<number>; minor: ArrayLike<number | bigint>; length: number }, buf?: SeriesBuffer): IntSeries | null {
  const n = c.length;
  const b = buf ?? new SeriesBuffer();
  b.ensure(n);
  const days = b.days;
  const minor = b.minor;
  let k = 0;
  let prev = -Infinity;
  for (let i = 0; i < n; i++) {
    const day = c.days[i]!;
    let m = c.minor[i]!;
    if (typeof m === "bigint") {
      if (m > BigInt(MAX_SAFE) || m < -BigInt(MAX_SAFE)) return null;
      m = Number(m);
    }
    if (day === prev) {
      const s = minor[k - 1]! + m;
      if (!(s <= MAX_SAFE && s >= -MAX_SAFE)) return null;
      minor[k - 1] = s;
    } else {
      days[k] = day;
      minor[k] = m;
      k++;
    }
    prev = day;
  }
  return { days, minor, length: k, scale: 0 };
}

/**
 * Integer columns of a validated Decimal series, at the smallest scale (0 to 7 − digits extra
 * digits) at which every amount is an integer, or `null` when none fits a safe integer.
 */
export function decimalSeriesToInt(days: readonly number[], amounts: readonly Decimal[], digits: number): IntSeries | null {
  const n = days.length;
  for (let x = 0; digits + x <= 7; x++) {
    const minor = new Float64Array(n);
    let ok = true;
    for (let i = 0; i < n; i++) {
      const m = decimalToScaled(amounts[i]!, digits + x);
      if (m !== m) {
        ok = false;
        break;
      }
      minor[i] = m;
    }
    if (ok) return { days: Int32Array.from(days), minor, length: n, scale: x };
  }
  return null;
}
