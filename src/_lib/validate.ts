/**
 * Internal validation helpers shared by every module. Never exported from the package.
 *
 * Each helper takes the public function name (`fn`) and the argument name or path (`arg`) so
 * that the thrown error's message reads `"<fn>: <arg> must be …, received … (allowed: …)"`.
 *
 * One path per kind of input (#11): numbers and amounts ({@link toDecimal}, {@link toAmount},
 * bounded so that exact arithmetic stays small), arrays ({@link toArray}: holes and unreadable
 * elements rejected, a plain copy returned), option objects ({@link toOptions}: `null` and
 * unknown keys rejected, each key read once), and one message builder ({@link describeValue})
 * that never throws, whatever it is given.
 */
import { Decimal } from "./decimal.js";
import { ConvergenceError, CurrencyMismatchError, ErrorCode, MarketplaceEconomicsError, ValidationError, ValidationTypeError, isMarketplaceEconomicsError } from "../errors.js";
import type { NumericInput } from "../money/types.js";
/** Longest quoted string in a message. */
const MAX_SHOWN = 40;

function shorten(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
}

/** Whether `value` is a genuine `Date` (its internal slot, not its prototype: a Proxy of a Date is not). */
function isRealDate(value: object): value is Date {
  try {
    // Fast answer without a throw for the common case (#10/#11: the brand check below throws for
    // every non-Date, about 10 µs, once per record in a loop over records): an object literal or
    // a null-prototype object is not a Date. (A Date whose prototype was replaced by
    // Object.prototype passes as a plain object with no keys.)
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return false;
    Date.prototype.getTime.call(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Short, safe description of a received value for error messages. Never throws and never calls
 * user code that could loop: a Proxy, a getter that throws, a Symbol, a BigInt, a cyclic object,
 * a Decimal from another decimal.js copy or a duck-typed one are all described in a few words.
 */
export function describeValue(value: unknown): string {
  try {
    return describeUnsafe(value);
  } catch {
    return "a value that cannot be displayed";
  }
}

function describeUnsafe(value: unknown): string {
  switch (typeof value) {
    case "undefined":
      return "undefined";
    case "number":
      if (Number.isNaN(value)) return "NaN";
      return Object.is(value, -0) ? "-0" : String(value);
    case "string":
      return JSON.stringify(shorten(value));
    case "bigint":
      return `${shorten(value.toString())}n`;
    case "boolean":
      return String(value);
    case "symbol":
      return `a Symbol(${shorten(value.description ?? "")})`;
    case "function":
      return "a function";
    default:
      break;
  }
  if (value === null) return "null";
  const obj = value as object;
  if (isRealDate(obj)) {
    const t = Date.prototype.getTime.call(obj);
    return Number.isNaN(t) ? "Invalid Date" : Date.prototype.toISOString.call(obj);
  }
  const fields = decimalFields(obj);
  if (fields !== undefined) {
    if (fields === IMPOSTOR) return "an object that claims to be a Decimal but is not a decimal.js instance";
    if (fields.d === null) return `Decimal(${Number.isNaN(fields.s) ? "NaN" : fields.s < 0 ? "-Infinity" : "Infinity"})`;
    return `Decimal(${shorten(fromFields(fields).toString())})`;
  }
  if (Array.isArray(obj)) return `an array of length ${String((obj as unknown[]).length)}`;
  if (obj instanceof Date) return "a Date-like object that is not a Date (a Proxy?)";
  return "an object";
}

/** Throw a {@link ValidationError} (RangeError). */
export function rangeError(fn: string, arg: string, code: ErrorCode, must: string, received: unknown, allowed: string): never {
  throw new ValidationError(fn, code, arg, `${arg} ${must}, received ${describeValue(received)} (allowed: ${allowed})`, allowed);
}

/** Throw a {@link ValidationTypeError} (TypeError). */
export function typeError(fn: string, arg: string, code: ErrorCode, must: string, received: unknown, allowed: string): never {
  throw new ValidationTypeError(fn, code, arg, `${arg} ${must}, received ${describeValue(received)} (allowed: ${allowed})`, allowed);
}

const NUMERIC_ALLOWED = "Decimal, numeric string or finite number";
const DECIMAL_STRING = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The range of every number-like input (rates, ratios, factors, counts given as Decimals): zero or
 * a magnitude from 1e-1000 to below 1e1000 (decimal exponent from −1000 to 999). Every JS number
 * fits (5e-324 … 1.8e308); `"1e9000000000000000"` does not, because formatting or adding such a
 * value exactly would need 9e15 digits.
 */
export const NUMBER_RANGE = Object.freeze({ minExponent: -1000, maxExponent: 999, text: "zero or a magnitude from 1e-1000 to below 1e1000" });

/**
 * The range of every amount of money (README "Conventions"): magnitude below 1e30 and at most
 * 40 decimal places. Within it, additions and subtractions are exact (at most 70 significant
 * digits per amount) and never slow; it is about 1e12 times the world's yearly GDP in any currency
 * and 1e-40 of its smallest unit.
 */
export const AMOUNT_RANGE = Object.freeze({ maxExponent: 29, maxDecimalPlaces: 40, text: "an amount with magnitude below 1e30 and at most 40 decimal places" });

/** Marker for an object that claims to be a Decimal (decimal.js's own test) but is not one. */
const IMPOSTOR: unique symbol = Symbol("impostor");

interface DecimalFields {
  readonly s: number;
  readonly e: number;
  readonly d: readonly number[] | null;
}

const BASE = 1e7;
/** Most base-1e7 words a Decimal input may have (7e6 digits): a bound on the copy loop. */
const MAX_WORDS = 1e6;

function digitCount(word: number): number {
  let n = 1;
  for (let w = word; w >= 10; w /= 10) n++;
  return n;
}

/**
 * The sign, exponent and digit words of a decimal.js instance from any copy of decimal.js (any
 * `Decimal.clone()` and any other installed copy: they share the representation, not the
 * prototype), read once each and checked against decimal.js's invariants; `undefined` when the
 * value does not claim to be a Decimal, {@link IMPOSTOR} when it claims to be one (decimal.js's
 * `isDecimal` says so, or it has decimal.js's `d`/`e`/`s` fields) but is not a well-formed
 * instance. Reading a field that throws counts as an impostor.
 */
function decimalFields(value: object): DecimalFields | typeof IMPOSTOR | undefined {
  let claims: boolean;
  try {
    claims = Decimal.isDecimal(value) || ("d" in value && "e" in value && "s" in value);
  } catch {
    return IMPOSTOR;
  }
  if (!claims) return undefined;
  try {
    const proto: unknown = Object.getPrototypeOf(value);
    if (typeof proto !== "object" || proto === null) return IMPOSTOR;
    // decimal.js puts `toStringTag: "[object Decimal]"` and the methods on the prototype, and the
    // constructor on the instance (decimal.js 10 `clone`): check that shape, not a duck's fields.
    if (!Object.hasOwn(proto, "toStringTag") || (proto as { toStringTag?: unknown }).toStringTag !== "[object Decimal]") return IMPOSTOR;
    if (typeof (proto as { plus?: unknown }).plus !== "function" || typeof (proto as { toFixed?: unknown }).toFixed !== "function") return IMPOSTOR;
    const ctor: unknown = (value as { constructor?: unknown }).constructor;
    if (typeof ctor !== "function" || (ctor as { prototype?: unknown }).prototype !== proto) return IMPOSTOR;
    const v = value as { s?: unknown; e?: unknown; d?: unknown };
    const s = v.s;
    const e = v.e;
    const raw = v.d;
    if (typeof s !== "number" || typeof e !== "number") return IMPOSTOR;
    if (raw === null) {
      // ±Infinity (s = ±1) or NaN (s = NaN), e = NaN.
      return (s === 1 || s === -1 || Number.isNaN(s)) && Number.isNaN(e) ? { s, e, d: null } : IMPOSTOR;
    }
    if (s !== 1 && s !== -1) return IMPOSTOR;
    if (!Array.isArray(raw)) return IMPOSTOR;
    const n: unknown = raw.length;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > MAX_WORDS) return IMPOSTOR;
    const d: number[] = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const w: unknown = raw[i];
      if (typeof w !== "number" || !Number.isInteger(w) || w < 0 || w >= BASE) return IMPOSTOR;
      d[i] = w;
    }
    if (!Number.isInteger(e)) return IMPOSTOR;
    if (d[0] === 0) return n === 1 && e === 0 ? { s, e, d } : IMPOSTOR;
    if (d[n - 1] === 0) return IMPOSTOR;
    // e is the base-10 exponent: the word exponent times 7 plus the first word's digits minus 1.
    if ((((e - (digitCount(d[0]!) - 1)) % 7) + 7) % 7 !== 0) return IMPOSTOR;
    return { s, e, d };
  } catch {
    return IMPOSTOR;
  }
}

/** A library {@link Decimal} with the given (validated, finite) fields. */
function fromFields(f: DecimalFields): Decimal {
  const x = new Decimal(0);
  const mutable = x as unknown as { s: number; e: number; d: number[] };
  mutable.s = f.s;
  mutable.e = f.e;
  mutable.d = f.d === null ? [0] : [...f.d];
  return x;
}

/** Throw unless a finite Decimal's decimal exponent is within `[minExponent, maxExponent]`. */
function checkExponent(d: Decimal, value: unknown, fn: string, arg: string): void {
  if (d.isZero()) return;
  if (d.e < NUMBER_RANGE.minExponent || d.e > NUMBER_RANGE.maxExponent) {
    rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, "is outside the supported range", value, NUMBER_RANGE.text);
  }
}

/** The exponent written in a decimal string, or 0; a huge one is reported as ±Infinity. */
function writtenExponent(text: string): number {
  const i = text.search(/e/i);
  if (i < 0) return 0;
  const digits = text.slice(i + 1);
  return digits.replace(/^[+-]/, "").length > 9 ? (digits.startsWith("-") ? -Infinity : Infinity) : Number(digits);
}

/**
 * Convert a number-like input to a library Decimal, or throw.
 * Accepts a Decimal (from any decimal.js copy: it is copied into the library's own constructor, so
 * its constructor's settings are never used), a decimal string (`"12.50"`, `"-1e3"`; surrounding
 * spaces and `_` / `,` separators are NOT accepted) or a finite number, within
 * {@link NUMBER_RANGE}. An object that claims to be a Decimal but is not a well-formed decimal.js
 * instance throws a {@link ValidationTypeError} (`INVALID_TYPE`).
 */
export function toDecimal(value: unknown, fn: string, arg: string): Decimal {
  if (value === null || value === undefined) {
    typeError(fn, arg, ErrorCode.MISSING_VALUE, "is required", value, NUMERIC_ALLOWED);
  }
  let d: Decimal;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      rangeError(fn, arg, ErrorCode.INVALID_NUMBER, "must be a finite number", value, NUMERIC_ALLOWED);
    }
    d = new Decimal(value);
  } else if (typeof value === "string") {
    if (!DECIMAL_STRING.test(value)) {
      rangeError(fn, arg, ErrorCode.INVALID_NUMBER, "must be a decimal number", value, NUMERIC_ALLOWED);
    }
    // Refuse a huge written exponent before decimal.js parses it ("1e-9000000000000000").
    if (Math.abs(writtenExponent(value)) > 1e7) {
      rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, "is outside the supported range", value, NUMBER_RANGE.text);
    }
    d = new Decimal(value);
  } else if (typeof value === "object") {
    const f = decimalFields(value);
    if (f === undefined) return typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a number", value, NUMERIC_ALLOWED);
    if (f === IMPOSTOR) {
      return typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a decimal.js Decimal, a numeric string or a number", value, NUMERIC_ALLOWED);
    }
    if (f.d === null) rangeError(fn, arg, ErrorCode.INVALID_NUMBER, "must be a finite number", value, NUMERIC_ALLOWED);
    d = fromFields(f);
  } else {
    return typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a number", value, NUMERIC_ALLOWED);
  }
  checkExponent(d, value, fn, arg);
  return d;
}

/**
 * Throw unless a Decimal is an amount within {@link AMOUNT_RANGE} (magnitude below 1e30, at most
 * 40 decimal places). Used on every amount the library accepts ({@link toAmount}) and on the
 * results of money arithmetic, so that no Money outside the range is ever created from input.
 */
export function checkAmount(d: Decimal, fn: string, arg: string, received: unknown = d, what = "is outside the supported amount range"): Decimal {
  if (!d.isFinite()) rangeError(fn, arg, ErrorCode.INVALID_NUMBER, "must be a finite number", received, AMOUNT_RANGE.text);
  if (!d.isZero() && (d.e > AMOUNT_RANGE.maxExponent || d.decimalPlaces() > AMOUNT_RANGE.maxDecimalPlaces)) {
    rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, what, received, AMOUNT_RANGE.text);
  }
  return d;
}

/**
 * Whether a Decimal is finite and within {@link AMOUNT_RANGE}: the predicate of
 * {@link checkAmount}, for fast paths that accept a Decimal without re-validating it (a
 * `new Decimal("1e9000000000000000")` from the library's own decimal.js copy is finite, and exact
 * arithmetic on it would never end, #11).
 */
export function isAmountInRange(d: Decimal): boolean {
  return d.isFinite() && (d.isZero() || (d.e <= AMOUNT_RANGE.maxExponent && d.decimalPlaces() <= AMOUNT_RANGE.maxDecimalPlaces));
}

/** An amount of money as a library Decimal: {@link toDecimal}, then {@link checkAmount}. */
export function toAmount(value: unknown, fn: string, arg: string): Decimal {
  return checkAmount(toDecimal(value, fn, arg), fn, arg, value);
}

/** A strictly positive Decimal (> 0). */
export function toPositiveDecimal(value: unknown, fn: string, arg: string): Decimal {
  const d = toDecimal(value, fn, arg);
  if (!d.greaterThan(0)) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, "must be > 0", value, "a number > 0");
  return d;
}

/**
 * A Decimal in a range. `lower`/`upper` are inclusive unless `open` says otherwise.
 * Example: `toDecimalInRange(v, fn, "holdbackRate", 0, 1, { lowerOpen: true, upperOpen: true })` → 0 < v < 1.
 */
export function toDecimalInRange(
  value: unknown,
  fn: string,
  arg: string,
  lower: NumericInput | undefined,
  upper: NumericInput | undefined,
  open: { readonly lowerOpen?: boolean; readonly upperOpen?: boolean } = {},
): Decimal {
  const d = toDecimal(value, fn, arg);
  const lo = lower === undefined ? undefined : new Decimal(lower);
  const hi = upper === undefined ? undefined : new Decimal(upper);
  const okLo = lo === undefined || (open.lowerOpen ? d.greaterThan(lo) : d.greaterThanOrEqualTo(lo));
  const okHi = hi === undefined || (open.upperOpen ? d.lessThan(hi) : d.lessThanOrEqualTo(hi));
  if (!okLo || !okHi) {
    const parts: string[] = [];
    if (lo !== undefined) parts.push(`${open.lowerOpen ? ">" : "≥"} ${lo.toString()}`);
    if (hi !== undefined) parts.push(`${open.upperOpen ? "<" : "≤"} ${hi.toString()}`);
    const allowed = `a number ${parts.join(" and ")}`;
    rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `must be ${parts.join(" and ")}`, value, allowed);
  }
  return d;
}

/** A JS number that must be a finite integer within optional bounds (counts, sizes, seeds, days). */
export function toInteger(value: unknown, fn: string, arg: string, min?: number, max?: number): number {
  if (value === null || value === undefined) {
    typeError(fn, arg, ErrorCode.MISSING_VALUE, "is required", value, "an integer");
  }
  if (typeof value !== "number") typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a number", value, "an integer");
  if (!Number.isFinite(value)) rangeError(fn, arg, ErrorCode.INVALID_NUMBER, "must be a finite integer", value, "an integer");
  if (!Number.isInteger(value)) rangeError(fn, arg, ErrorCode.NOT_INTEGER, "must be an integer", value, "an integer");
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const allowed = min !== undefined && max !== undefined ? `an integer from ${min} to ${max}` : min !== undefined ? `an integer ≥ ${min}` : `an integer ≤ ${String(max)}`;
    rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `must be ${allowed}`, value, allowed);
  }
  return value;
}

/** A JS number that must be finite (for float-domain inputs such as matrix coefficients). */
export function toFiniteNumber(value: unknown, fn: string, arg: string): number {
  if (value === null || value === undefined) {
    typeError(fn, arg, ErrorCode.MISSING_VALUE, "is required", value, "a finite number");
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) rangeError(fn, arg, ErrorCode.INVALID_NUMBER, "must be a finite number", value, "a finite number");
    return value;
  }
  if (typeof value === "string" || typeof value === "object") {
    const n = toDecimal(value, fn, arg).toNumber();
    if (!Number.isFinite(n)) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, "must be within the range of a JS number", value, "a finite number (magnitude below 1.8e308)");
    return n;
  }
  return typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a number", value, "a finite number");
}

/**
 * Option names a release renamed: each old name with its new name, and the version that renamed
 * them. An old name is still rejected, but the error says what to write instead.
 */
export interface RenamedOptions<T extends string> {
  /** Version that renamed them, e.g. `"0.2.0"`. */
  readonly since: string;
  /** Old name → new name. */
  readonly names: Readonly<Record<string, T>>;
}

/**
 * One of a fixed set of string options. With `renamed`, an old name throws a
 * {@link ValidationError} (`UNKNOWN_OPTION`) whose message names its replacement:
 * `options.granularity must be one of the names listed, received "daily" (renamed to "day" in
 * 0.2.0; allowed: "day", "week", "month")`.
 */
export function toOption<T extends string>(value: unknown, fn: string, arg: string, allowed: readonly T[], renamed?: RenamedOptions<T>): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    const list = allowed.map((a) => JSON.stringify(a)).join(", ");
    if (typeof value !== "string") typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be one of the names listed", value, list);
    if (renamed !== undefined && Object.hasOwn(renamed.names, value)) {
      const now = renamed.names[value]!;
      throw new ValidationError(
        fn,
        ErrorCode.UNKNOWN_OPTION,
        arg,
        `${arg} must be one of the names listed, received ${describeValue(value)} (renamed to ${JSON.stringify(now)} in ${renamed.since}; allowed: ${list})`,
        list,
      );
    }
    rangeError(fn, arg, ErrorCode.UNKNOWN_OPTION, "must be one of the names listed", value, list);
  }
  return value as T;
}

/**
 * An array, as a plain copy (any iterable is NOT accepted: callers that want iterables handle them
 * themselves). Every index is read once: a hole (`[, 1]`, `new Array(3)`) throws a
 * {@link ValidationTypeError} (`MISSING_VALUE`) naming `arg[i]`, and an element whose getter
 * throws (or a Proxy whose trap throws) throws a typed error instead of the getter's error. The
 * copy is what the caller works on, so a Proxy cannot change the array after the check.
 */
export function toArray<T>(value: unknown, fn: string, arg: string, options: { readonly nonEmpty?: boolean; readonly maxLength?: number } = {}): readonly T[] {
  const list = value as readonly unknown[];
  const n = toArrayLength(value, fn, arg, options);
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = arrayElement(list, i, fn, arg) as T;
  return out;
}

/**
 * The checks of {@link toArray} without the copy, for a loop that reads each element exactly
 * once itself (with {@link arrayElement}): `value` must be an array whose length can be read and
 * is within the bounds. Returns the length.
 */
export function toArrayLength(value: unknown, fn: string, arg: string, options: { readonly nonEmpty?: boolean; readonly maxLength?: number } = {}): number {
  let isArray: boolean;
  try {
    isArray = Array.isArray(value);
  } catch {
    isArray = false;
  }
  if (!isArray) typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be an array", value, "an array");
  const list = value as readonly unknown[];
  let n: number;
  try {
    n = list.length;
  } catch {
    return typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a readable array", value, "an array whose elements can be read");
  }
  if (options.nonEmpty && n === 0) {
    rangeError(fn, arg, ErrorCode.EMPTY_INPUT, "must not be empty", value, "a non-empty array");
  }
  if (options.maxLength !== undefined && n > options.maxLength) {
    rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `must have at most ${options.maxLength} elements`, value, `an array of at most ${options.maxLength} elements`);
  }
  return n;
}

/**
 * Element `i` of an array checked by {@link toArrayLength}, read once: a hole throws
 * `MISSING_VALUE`, a getter or Proxy trap that throws a typed `INVALID_TYPE`.
 */
export function arrayElement(list: readonly unknown[], i: number, fn: string, arg: string): unknown {
  let present: boolean;
  let item: unknown;
  try {
    // A defined element is present (`i in list` would say so too: it also looks up the
    // prototype chain); only an undefined one needs the membership test that tells a hole from
    // an explicit undefined (#15: the test on every element was a large part of xirr's time).
    item = list[i];
    present = item !== undefined || i in list;
  } catch {
    return typeError(fn, `${arg}[${i}]`, ErrorCode.INVALID_TYPE, "could not be read (its getter threw)", undefined, "an array of plain values");
  }
  if (!present) {
    typeError(fn, `${arg}[${i}]`, ErrorCode.MISSING_VALUE, "is a hole in a sparse array", undefined, "an array without holes (every index from 0 to length - 1 set)");
  }
  return item;
}

function isPlainRecord(value: unknown): value is object {
  try {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** A plain object (for records such as a Money or a seller). `undefined` → `{}` when `optional`. */
export function toRecord(value: unknown, fn: string, arg: string, optional = false): Readonly<Record<string, unknown>> {
  if (value === undefined && optional) return {};
  if (!isPlainRecord(value)) {
    typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be an object", value, "an object");
  }
  return value as Readonly<Record<string, unknown>>;
}

/** The closest allowed key to `key` (at most 2 edits, or a case-insensitive match), for a hint. */
function closest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const a of allowed) {
    if (a.toLowerCase() === key.toLowerCase()) return a;
    const d = editDistance(key, a, bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = a;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it reaches `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit || a.length > 64 || b.length > 64) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= limit) return limit;
    prev = cur;
  }
  return Math.min(prev[b.length]!, limit);
}

/**
 * An options object, read once into a frozen plain copy that holds only the allowed keys that
 * are set (a key whose value is `undefined` is absent). The one path for option bags (#11):
 * - `undefined` (the argument omitted) → `{}`; `null`, an array, a string… → {@link ValidationTypeError}
 *   (`INVALID_TYPE`) saying an object or `undefined` is expected;
 * - an own enumerable key that is not in `allowed` → {@link ValidationError} (`UNKNOWN_OPTION`)
 *   listing the allowed keys, with a "did you mean" hint for a near miss, or the new name when
 *   `renamed` maps it (`{ names: { granularity: "period" }, since: "0.2.0" }`);
 * - a getter that throws, or a Proxy trap that throws → a typed error naming the key.
 *
 * @example
 * ```typescript
 * const o = toOptions(options, "xirr", "options", ["guess", "maxIterations"]);
 * const guess = o.guess === undefined ? 0.1 : toFiniteNumber(o.guess, "xirr", "options.guess");
 * ```
 */
export function toOptions<K extends string>(value: unknown, fn: string, arg: string, allowed: readonly K[], renamed?: RenamedOptions<string>): Readonly<Partial<Record<K, unknown>>> {
  if (value === undefined) return Object.freeze({});
  // The allowed keys, for a message: built only when an error is thrown (this runs once per record in record loops).
  const keyList = (): string => (allowed.length === 0 ? "no options" : allowed.map((a) => JSON.stringify(a)).join(", "));
  if (!isPlainRecord(value) || isRealDate(value)) {
    typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be an options object or undefined", value, `an object with the keys ${keyList()}, or undefined`);
  }
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a readable options object (its keys could not be listed)", value, `an object with the keys ${keyList()}`);
  }
  for (const key of keys) {
    if ((allowed as readonly string[]).includes(key)) continue;
    const list = keyList();
    const shown = JSON.stringify(shorten(key));
    let hint = "";
    if (renamed !== undefined && Object.hasOwn(renamed.names, key)) hint = `; renamed to ${JSON.stringify(renamed.names[key])} in ${renamed.since}`;
    else {
      const near = closest(key, allowed);
      if (near !== undefined) hint = `; did you mean ${JSON.stringify(near)}?`;
    }
    throw new ValidationError(fn, ErrorCode.UNKNOWN_OPTION, `${arg}.${key}`, `${arg} has an unknown key ${shown} (allowed keys: ${list}${hint})`, list);
  }
  const out: Partial<Record<K, unknown>> = {};
  for (const key of allowed) {
    let v: unknown;
    try {
      v = (value as Record<string, unknown>)[key];
    } catch {
      return typeError(fn, `${arg}.${key}`, ErrorCode.INVALID_TYPE, "could not be read (its getter threw)", undefined, "a plain value");
    }
    if (v !== undefined) out[key] = v;
  }
  return Object.freeze(out);
}

/** A non-empty string (ids, segment names). */
export function toNonEmptyString(value: unknown, fn: string, arg: string): string {
  if (typeof value !== "string") {
    typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a string", value, "a non-empty string");
  }
  if (value.trim().length === 0) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, "must not be empty", value, "a non-empty string");
  return value;
}

/** A function argument. */
export function toFunction<F extends (...args: never[]) => unknown>(value: unknown, fn: string, arg: string): F {
  if (typeof value !== "function") {
    typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a function", value, "a function");
  }
  return value as F;
}

/**
 * A library error raised by another public function that `fn` calls, re-raised under `fn`, the
 * function the user called (#11: an error's `fn` and message prefix always name it). Same class,
 * code and details; the argument path is mapped by `rename` (the inner function's
 * `"mapping.columns.date"` is the caller's `"options.columns.date"`) and the original error is
 * the `cause`. Anything else (the caller's own error from a callback, an iterable or a getter,
 * or an error already under `fn`) is returned unchanged: `throw reraiseAs(e, fn)`.
 */
export function reraiseAs(e: unknown, fn: string, rename?: (argument: string) => string): unknown {
  if (!isMarketplaceEconomicsError(e) || e.fn === fn) return e;
  let rest = e.message.startsWith(`${e.fn}: `) ? e.message.slice(e.fn.length + 2) : e.message;
  let out: MarketplaceEconomicsError;
  if (e instanceof ValidationError) {
    const argument = rename === undefined ? e.argument : rename(e.argument);
    if (argument !== e.argument && rest.startsWith(e.argument)) rest = `${argument}${rest.slice(e.argument.length)}`;
    out = e instanceof TypeError ? new ValidationTypeError(fn, e.code, argument, rest, e.expected) : new ValidationError(fn, e.code, argument, rest, e.expected);
  } else if (e instanceof CurrencyMismatchError) {
    out = new CurrencyMismatchError(fn, e.currencies[0], e.currencies[1]);
    Object.defineProperty(out, "message", { value: `${fn}: ${rest}`, writable: true, configurable: true, enumerable: false });
  } else if (e instanceof ConvergenceError) {
    out = new ConvergenceError(fn, e.code, rest, {
      iterations: e.iterations,
      ...(e.lastEstimate === undefined ? {} : { lastEstimate: e.lastEstimate }),
      ...(e.residual === undefined ? {} : { residual: e.residual }),
    });
  } else {
    out = new MarketplaceEconomicsError(fn, e.code, rest);
  }
  Object.defineProperty(out, "cause", { value: e, writable: true, configurable: true, enumerable: false });
  return out;
}
