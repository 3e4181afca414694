/**
 * Error classes thrown by marketplace-economics.
 *
 * Every error carries a stable machine-readable {@link MarketplaceEconomicsError.code | code}
 * and the name of the public function that raised it ({@link MarketplaceEconomicsError.fn | fn}).
 * Messages always start with that function name, then say what was received and what is allowed:
 *
 * ```text
 * money: amount must be a finite number, received NaN (allowed: Decimal, numeric string or finite number)
 * ```
 *
 * Bad arguments are also standard JavaScript errors: {@link ValidationError} is a `RangeError`
 * (a value outside the allowed domain) and {@link ValidationTypeError} a `TypeError` (a value
 * of the wrong kind); {@link CurrencyMismatchError} is a `TypeError`. All of them are
 * `instanceof MarketplaceEconomicsError`, and both validation classes are
 * `instanceof ValidationError`.
 *
 * @module
 */

const FAMILY: unique symbol = Symbol.for("marketplace-economics/error-family");

/**
 * Stable error codes. New codes may be added in minor releases; existing codes never change
 * meaning.
 *
 * @category Errors
 * @since 0.1.0
 */
export const ErrorCode = {
  /** A value of the wrong kind (e.g. an object where a number was expected). */
  INVALID_TYPE: "INVALID_TYPE",
  /** NaN, ±Infinity, or a string that is not a decimal number. */
  INVALID_NUMBER: "INVALID_NUMBER",
  /** A number outside the allowed range (negative where non-negative is required, etc.). */
  OUT_OF_RANGE: "OUT_OF_RANGE",
  /** A value that must be an integer was not. */
  NOT_INTEGER: "NOT_INTEGER",
  /** A required value was `null` or `undefined`. */
  MISSING_VALUE: "MISSING_VALUE",
  /** An Invalid Date, or a string that is not an ISO 8601 date. */
  INVALID_DATE: "INVALID_DATE",
  /** Dates that must be sorted, unique or in a given order were not. */
  INVALID_DATE_ORDER: "INVALID_DATE_ORDER",
  /** A currency code that is not an ISO 4217 code known to `Intl`. */
  UNKNOWN_CURRENCY: "UNKNOWN_CURRENCY",
  /** Two amounts in different currencies were combined. */
  CURRENCY_MISMATCH: "CURRENCY_MISMATCH",
  /** An amount has more decimal places than its currency's minor unit allows. */
  SUB_MINOR_UNIT: "SUB_MINOR_UNIT",
  /** A collection that must not be empty was empty. */
  EMPTY_INPUT: "EMPTY_INPUT",
  /** A value that must be unique (an id, a date) appeared twice. */
  DUPLICATE: "DUPLICATE",
  /** An option or enumerated value that is not one of the allowed names. */
  UNKNOWN_OPTION: "UNKNOWN_OPTION",
  /** Arrays or matrices whose sizes do not match. */
  DIMENSION_MISMATCH: "DIMENSION_MISMATCH",
  /** A matrix that cannot be inverted. */
  SINGULAR_MATRIX: "SINGULAR_MATRIX",
  /** An input-output coefficient matrix that is not productive (a column sum ≥ 1, or a negative inverse). */
  NOT_PRODUCTIVE: "NOT_PRODUCTIVE",
  /** A root finder found no sign change, so no root exists in the searched range. */
  NO_SIGN_CHANGE: "NO_SIGN_CHANGE",
  /** A root finder stopped without reaching its tolerance. */
  NOT_CONVERGED: "NOT_CONVERGED",
  /** Several roots exist and the caller asked for a unique one. */
  MULTIPLE_ROOTS: "MULTIPLE_ROOTS",
  /** The inputs are well formed but the requested figure does not exist for them. */
  UNDEFINED_RESULT: "UNDEFINED_RESULT",
} as const;

/**
 * A stable error code: one of the values of {@link ErrorCode}.
 *
 * @category Errors
 * @since 0.1.0
 */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The JSON shape of any error of this library, as returned by `error.toJSON()`.
 *
 * @category Errors
 * @since 0.1.0
 */
export interface MarketplaceEconomicsErrorJSON {
  readonly name: string;
  readonly code: ErrorCode;
  readonly fn: string;
  readonly message: string;
}

type Branded = { [FAMILY]?: readonly string[] };

function brand(target: object, families: readonly string[]): void {
  Object.defineProperty(target, FAMILY, { value: families, enumerable: false });
}

function inFamily(value: unknown, family: string): boolean {
  if (typeof value !== "object" || value === null) return false;
  const families = (value as Branded)[FAMILY];
  return Array.isArray(families) && families.includes(family);
}

function hasInstance(ctor: abstract new (...args: never[]) => unknown, family: string, value: unknown): boolean {
  return inFamily(value, family) || Function.prototype[Symbol.hasInstance].call(ctor, value);
}

function toJSONOf(e: Error & { code: ErrorCode; fn: string }): MarketplaceEconomicsErrorJSON {
  return { name: e.name, code: e.code, fn: e.fn, message: e.message };
}

/**
 * Base class of every error thrown by this library.
 *
 * `instanceof MarketplaceEconomicsError` is true for every error below, even though the
 * validation errors extend the built-in `RangeError` / `TypeError`.
 *
 * @example
 * ```ts
 * import { money, MarketplaceEconomicsError } from "marketplace-economics";
 * try {
 *   money("abc", "USD");
 * } catch (e) {
 *   e instanceof MarketplaceEconomicsError; //=> true
 *   (e as MarketplaceEconomicsError).code; //=> "INVALID_NUMBER"
 * }
 * ```
 *
 * @category Errors
 * @since 0.1.0
 */
export class MarketplaceEconomicsError extends Error {
  /** Stable machine-readable code, one of {@link ErrorCode}. */
  readonly code: ErrorCode;
  /** Name of the public function that raised the error. */
  readonly fn: string;

  /**
   * @param fn - name of the public function raising the error
   * @param code - stable error code
   * @param message - text after the function name; the final message is `"<fn>: <message>"`
   */
  constructor(fn: string, code: ErrorCode, message: string) {
    super(`${fn}: ${message}`);
    this.name = "MarketplaceEconomicsError";
    this.code = code;
    this.fn = fn;
    brand(this, ["MarketplaceEconomicsError"]);
  }

  /** True for every error raised by this library. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasInstance(this, this === MarketplaceEconomicsError ? "MarketplaceEconomicsError" : this.name, value);
  }

  /** A plain object with `name`, `code`, `fn` and `message`. */
  toJSON(): MarketplaceEconomicsErrorJSON {
    return toJSONOf(this);
  }
}

/**
 * A bad argument: a value outside the allowed domain (negative where non-negative is required,
 * NaN, an Invalid Date...). It is a `RangeError`. {@link ValidationTypeError} (wrong kind of
 * value) is also `instanceof ValidationError`.
 *
 * @example
 * ```ts
 * import { money, ValidationError } from "marketplace-economics";
 * try {
 *   money(Number.NaN, "USD");
 * } catch (e) {
 *   e instanceof ValidationError; //=> true
 *   e instanceof RangeError; //=> true
 *   (e as ValidationError).argument; //=> "amount"
 * }
 * ```
 *
 * @category Errors
 * @since 0.1.0
 */
export class ValidationError extends RangeError {
  /** Stable machine-readable code, one of {@link ErrorCode}. */
  readonly code: ErrorCode;
  /** Name of the public function that raised the error. */
  readonly fn: string;
  /** Name (or path, e.g. `"flows[3].date"`) of the offending argument. */
  readonly argument: string;
  /** What is allowed, in words. */
  readonly expected: string;

  /**
   * @param fn - name of the public function raising the error
   * @param code - stable error code
   * @param argument - name or path of the bad argument
   * @param message - text after the function name
   * @param expected - what is allowed, in words
   */
  constructor(fn: string, code: ErrorCode, argument: string, message: string, expected: string) {
    super(`${fn}: ${message}`);
    this.name = "ValidationError";
    this.code = code;
    this.fn = fn;
    this.argument = argument;
    this.expected = expected;
    brand(this, ["MarketplaceEconomicsError", "ValidationError"]);
  }

  /** True for {@link ValidationError} and {@link ValidationTypeError}. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasInstance(this, this === ValidationError ? "ValidationError" : this.name, value);
  }

  /** A plain object with `name`, `code`, `fn` and `message`. */
  toJSON(): MarketplaceEconomicsErrorJSON {
    return toJSONOf(this);
  }
}

/**
 * A bad argument of the wrong kind (an object where a number was expected, a missing required
 * value). It is a `TypeError`, and also `instanceof ValidationError`.
 *
 * @example
 * ```ts
 * import { money, ValidationError, ValidationTypeError } from "marketplace-economics";
 * try {
 *   money({} as never, "USD");
 * } catch (e) {
 *   e instanceof ValidationTypeError; //=> true
 *   e instanceof ValidationError; //=> true
 *   e instanceof TypeError; //=> true
 * }
 * ```
 *
 * @category Errors
 * @since 0.1.0
 */
export class ValidationTypeError extends TypeError {
  /** Stable machine-readable code, one of {@link ErrorCode}. */
  readonly code: ErrorCode;
  /** Name of the public function that raised the error. */
  readonly fn: string;
  /** Name (or path) of the offending argument. */
  readonly argument: string;
  /** What is allowed, in words. */
  readonly expected: string;

  /**
   * @param fn - name of the public function raising the error
   * @param code - stable error code
   * @param argument - name or path of the bad argument
   * @param message - text after the function name
   * @param expected - what is allowed, in words
   */
  constructor(fn: string, code: ErrorCode, argument: string, message: string, expected: string) {
    super(`${fn}: ${message}`);
    this.name = "ValidationTypeError";
    this.code = code;
    this.fn = fn;
    this.argument = argument;
    this.expected = expected;
    brand(this, ["MarketplaceEconomicsError", "ValidationError", "ValidationTypeError"]);
  }

  /** True for {@link ValidationTypeError} instances. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasInstance(this, this.name, value);
  }

  /** A plain object with `name`, `code`, `fn` and `message`. */
  toJSON(): MarketplaceEconomicsErrorJSON {
    return toJSONOf(this);
  }
}

/**
 * Amounts in two different currencies were combined. It is a `TypeError` with code
 * `CURRENCY_MISMATCH`.
 *
 * @example
 * ```ts
 * import { add, money, CurrencyMismatchError } from "marketplace-economics";
 * try {
 *   add(money("1", "USD"), money("1", "EUR"));
 * } catch (e) {
 *   e instanceof CurrencyMismatchError; //=> true
 *   (e as CurrencyMismatchError).currencies; //=> ["USD", "EUR"]
 * }
 * ```
 *
 * @category Errors
 * @since 0.1.0
 */
export class CurrencyMismatchError extends TypeError {
  /** Always `"CURRENCY_MISMATCH"`. */
  readonly code: ErrorCode;
  /** Name of the public function that raised the error. */
  readonly fn: string;
  /** The two currencies that met. */
  readonly currencies: readonly [string, string];

  /**
   * @param fn - name of the public function raising the error
   * @param expected - the currency already in use
   * @param received - the other currency
   * @param hint - optional context appended to the message (where the other currency came from)
   */
  constructor(fn: string, expected: string, received: string, hint?: string) {
    super(`${fn}: cannot combine ${expected} with ${received} (allowed: amounts in one currency; convert first)${hint === undefined ? "" : `; ${hint}`}`);
    this.name = "CurrencyMismatchError";
    this.code = ErrorCode.CURRENCY_MISMATCH;
    this.fn = fn;
    this.currencies = [expected, received];
    brand(this, ["MarketplaceEconomicsError", "CurrencyMismatchError"]);
  }

  /** True for {@link CurrencyMismatchError} instances. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasInstance(this, this.name, value);
  }

  /** A plain object with `name`, `code`, `fn` and `message`. */
  toJSON(): MarketplaceEconomicsErrorJSON {
    return toJSONOf(this);
  }
}

/**
 * Details carried by a {@link ConvergenceError}.
 *
 * @category Errors
 * @since 0.1.0
 */
export interface ConvergenceDetails {
  /** Iterations performed before giving up. */
  readonly iterations: number;
  /** Last estimate of the root, if any (float, for diagnosis only, never a result). */
  readonly lastEstimate?: number;
  /** Residual (function value) at the last estimate, if known. */
  readonly residual?: number;
}

/**
 * An iterative solver gave up. Codes: `NO_SIGN_CHANGE` (no root exists in the searched range),
 * `NOT_CONVERGED` (iteration limit reached), `MULTIPLE_ROOTS` (a unique root was required).
 * The last estimate is kept for diagnosis; it is never returned as a result.
 *
 * @example
 * ```ts
 * import { ConvergenceError, ErrorCode } from "marketplace-economics";
 * const e = new ConvergenceError("xirr", ErrorCode.NO_SIGN_CHANGE, "all cash flows are positive", { iterations: 0 });
 * e.message; //=> "xirr: all cash flows are positive"
 * e.iterations; //=> 0
 * ```
 *
 * @category Errors
 * @since 0.1.0
 */
export class ConvergenceError extends Error {
  /** `NO_SIGN_CHANGE`, `NOT_CONVERGED` or `MULTIPLE_ROOTS`. */
  readonly code: ErrorCode;
  /** Name of the public function that raised the error. */
  readonly fn: string;
  /** Iterations performed before giving up. */
  readonly iterations: number;
  /** Last estimate, for diagnosis only. */
  readonly lastEstimate: number | undefined;
  /** Residual at the last estimate, if known. */
  readonly residual: number | undefined;

  /**
   * @param fn - name of the public function raising the error
   * @param code - `NO_SIGN_CHANGE`, `NOT_CONVERGED` or `MULTIPLE_ROOTS`
   * @param message - text after the function name: why the solver stopped
   * @param details - iterations, last estimate and residual
   */
  constructor(fn: string, code: ErrorCode, message: string, details: ConvergenceDetails) {
    super(`${fn}: ${message}`);
    this.name = "ConvergenceError";
    this.code = code;
    this.fn = fn;
    this.iterations = details.iterations;
    this.lastEstimate = details.lastEstimate;
    this.residual = details.residual;
    brand(this, ["MarketplaceEconomicsError", "ConvergenceError"]);
  }

  /** True for {@link ConvergenceError} instances. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasInstance(this, this.name, value);
  }

  /** A plain object with `name`, `code`, `fn` and `message`. */
  toJSON(): MarketplaceEconomicsErrorJSON {
    return toJSONOf(this);
  }
}
