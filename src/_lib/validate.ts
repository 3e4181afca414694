/**
 * Internal validation helpers shared by every module. Never exported from the package.
 *
 * Each helper takes the public function name (`fn`) and the argument name or path (`arg`) so
 * that the thrown error's message reads `"<fn>: <arg> must be …, received … (allowed: …)"`.
 */
import { Decimal } from "decimal.js";
import { ErrorCode, ValidationError, ValidationTypeError } from "../errors.js";
import type { NumericInput } from "../money/types.js";

/** Short, safe description of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    return String(value);
  }
  if (typeof value === "string") {
    const s = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(s);
  }
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (Decimal.isDecimal(value)) return `Decimal(${(value as Decimal).toString()})`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === "function") return "a function";
  if (typeof value === "object") return "an object";
  return typeof value;
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
 * Convert a number-like input to a Decimal, or throw.
 * Accepts a Decimal (any decimal.js constructor), a decimal string (`"12.50"`, `"-1e3"`, surrounding
 * spaces and `_` / `,` separators are NOT accepted) or a finite number.
 */
export function toDecimal(value: unknown, fn: string, arg: string): Decimal {
  if (value === null || value === undefined) {
    typeError(fn, arg, ErrorCode.MISSING_VALUE, "is required", value, NUMERIC_ALLOWED);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      rangeError(fn, arg, ErrorCode.INVALID_NUMBER, "must be a finite number", value, NUMERIC_ALLOWED);
    }
    return new Decimal(value);
  }
  if (typeof value === "string") {
    if (!DECIMAL_STRING.test(value)) {
      rangeError(fn, arg, ErrorCode.INVALID_NUMBER, "must be a decimal number", value, NUMERIC_ALLOWED);
    }
    return new Decimal(value);
  }
  if (Decimal.isDecimal(value)) {
    const d = value as Decimal;
    if (!d.isFinite()) {
      rangeError(fn, arg, ErrorCode.INVALID_NUMBER, "must be a finite number", value, NUMERIC_ALLOWED);
    }
    return d instanceof Decimal ? d : new Decimal((value as { toString(): string }).toString());
  }
  return typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be a number", value, NUMERIC_ALLOWED);
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
    const allowed =
      min !== undefined && max !== undefined
        ? `an integer from ${min} to ${max}`
        : min !== undefined
          ? `an integer ≥ ${min}`
          : `an integer ≤ ${String(max)}`;
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
  if (typeof value === "string" || Decimal.isDecimal(value)) {
    return toDecimal(value, fn, arg).toNumber();
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

/** An array (any iterable is NOT accepted: callers that want iterables handle them themselves). */
export function toArray<T>(value: unknown, fn: string, arg: string, options: { readonly nonEmpty?: boolean } = {}): readonly T[] {
  if (!Array.isArray(value)) typeError(fn, arg, ErrorCode.INVALID_TYPE, "must be an array", value, "an array");
  if (options.nonEmpty && value.length === 0) {
    rangeError(fn, arg, ErrorCode.EMPTY_INPUT, "must not be empty", value, "a non-empty array");
  }
  return value as readonly T[];
}

/** A plain object (for options bags and records). `undefined` → `{}` when `optional`. */
export function toRecord(value: unknown, fn: string, arg: string, optional = false): Readonly<Record<string, unknown>> {
  if (value === undefined && optional) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be an object", value, "an object");
  }
  return value as Readonly<Record<string, unknown>>;
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
