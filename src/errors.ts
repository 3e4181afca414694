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
 * `instanceof ValidationError`, also across the ESM and CommonJS copies of the package (each
 * error carries a `Symbol.for` brand); {@link isMarketplaceEconomicsError} is the same test as
 * a type guard. `error.toJSON()` keeps every detail (`argument`, `expected`, `currencies`,
 * `iterations`, `lastEstimate`, `residual`).
 *
 * @module
 */

const FAMILY: unique symbol = Symbol.for("marketplace-economics/error-family");

/**
 * Stable error codes (a frozen object whose values equal their keys). New codes may be added in
 * minor releases; existing codes never change meaning.
 *
 * @category Errors
 * @since 0.1.0
 */
export const ErrorCode = /* @__PURE__ */ Object.freeze({
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
  /** Options that exclude each other were given together (e.g. a flat factor and monthly factors). */
  CONFLICTING_OPTIONS: "CONFLICTING_OPTIONS",
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
  /** An optional peer dependency a subpath needs is not installed (e.g. `@duckdb/node-api` for `marketplace-economics/duckdb`). */
  MISSING_DEPENDENCY: "MISSING_DEPENDENCY",
} as const);

/**
 * A stable error code: one of the values of {@link ErrorCode}.
 *
 * @category Errors
 * @since 0.1.0
 */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The JSON shape of any error of this library, as returned by `error.toJSON()`: `name`, `code`,
 * `fn` and `message`, plus the details of its class ({@link ValidationErrorJSON},
 * {@link CurrencyMismatchErrorJSON}, {@link ConvergenceErrorJSON}).
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

/**
 * The JSON shape of a {@link ValidationError} or {@link ValidationTypeError}.
 *
 * @category Errors
 * @since 0.2.0
 */
export interface ValidationErrorJSON extends MarketplaceEconomicsErrorJSON {
  /** Name or path of the bad argument. */
  readonly argument: string;
  /** What is allowed, in words. */
  readonly expected: string;
}

/**
 * The JSON shape of a {@link CurrencyMismatchError}.
 *
 * @category Errors
 * @since 0.2.0
 */
export interface CurrencyMismatchErrorJSON extends MarketplaceEconomicsErrorJSON {
  /** The two currencies that met. */
  readonly currencies: readonly [string, string];
}

/**
 * The JSON shape of a {@link ConvergenceError} (`lastEstimate` and `residual` only when known).
 *
 * @category Errors
 * @since 0.2.0
 */
export interface ConvergenceErrorJSON extends MarketplaceEconomicsErrorJSON, ConvergenceDetails {}

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

type Branded = { [FAMILY]?: readonly string[] };

/** Whether `value` carries the brand of `family` (set by any copy of this library). */
function inFamily(value: unknown, family: string): boolean {
  if (typeof value !== "object" || value === null) return false;
  const families = (value as Branded)[FAMILY];
  return Array.isArray(families) && families.includes(family);
}

/**
 * True when `value` is an error raised by marketplace-economics: any of its error classes, from
 * this copy of the package or another one (the ESM and CommonJS builds, two installed versions),
 * recognised by a `Symbol.for("marketplace-economics/error-family")` brand rather than by
 * prototype. Plain `Error`s and objects that only look like one (same `name`, `code`, `fn`) are not.
 *
 * @param value - anything, typically a caught exception
 * @returns `true` when `value` is a {@link MarketplaceEconomicsError} (and narrows it to one)
 *
 * @example
 * ```ts
 * import { isMarketplaceEconomicsError, money } from "marketplace-economics";
 * let caught: unknown;
 * try {
 *   money("abc", "USD");
 * } catch (e) {
 *   caught = e;
 * }
 * isMarketplaceEconomicsError(caught); //=> true
 * isMarketplaceEconomicsError(caught) ? caught.code : undefined; //=> "INVALID_NUMBER"
 * isMarketplaceEconomicsError(new RangeError("money: bad")); //=> false
 * isMarketplaceEconomicsError({ name: "ValidationError", code: "OUT_OF_RANGE", fn: "money" }); //=> false
 * ```
 *
 * @category Errors
 * @since 0.2.0
 */
export function isMarketplaceEconomicsError(value: unknown): value is MarketplaceEconomicsError {
  return inFamily(value, "MarketplaceEconomicsError");
}

/** The built-in error a class of this library extends: `Error`, `RangeError` or `TypeError`. */
type BuiltInError = new (message: string) => Error;
/** The detail fields of an error class: its JSON shape beyond `name`, `code`, `fn` and `message`. */
type DetailKey<J> = Exclude<keyof J, keyof MarketplaceEconomicsErrorJSON> & string;
type Details<J> = { readonly [K in DetailKey<J>]: J[K] | undefined };

/**
 * The body shared by every error class, written once over the built-in base it extends: the
 * message `"<fn>: <message>"`, the `name`, `code`, `fn` and detail fields, the brand (the class's
 * family and its parents' families), `instanceof` by brand (so it holds across copies of the
 * package), and `toJSON()` with the details. `name` is also the brand of the class.
 */
function errorBody<J extends MarketplaceEconomicsErrorJSON>(Base: BuiltInError, name: string, parents: readonly string[], detailKeys: readonly DetailKey<J>[]) {
  const families = Object.freeze([...parents, name]);
  abstract class MarketplaceEconomicsErrorBody extends Base {
    /** Stable machine-readable code, one of {@link ErrorCode}. */
    declare readonly code: ErrorCode;
    /** Name of the public function that raised the error. */
    declare readonly fn: string;

    constructor(fn: string, code: ErrorCode, message: string, details: Details<J>) {
      super(`${fn}: ${message}`);
      Object.assign(this, { code, fn }, details, { name });
      Object.defineProperty(this, FAMILY, { value: families, enumerable: false });
    }

    /** True for errors of this class raised by any copy of the library (and for ordinary subclass instances). */
    static override [Symbol.hasInstance](value: unknown): boolean {
      const own = Object.getPrototypeOf(this) === MarketplaceEconomicsErrorBody && inFamily(value, name);
      return own || Function.prototype[Symbol.hasInstance].call(this, value);
    }

    /** A plain object with `name`, `code`, `fn`, `message` and the details of the error's class. */
    toJSON(): J {
      const out: Record<string, unknown> = { name: this.name, code: this.code, fn: this.fn, message: this.message };
      for (const k of detailKeys) {
        const v = (this as unknown as Record<string, unknown>)[k];
        if (v !== undefined) out[k] = v;
      }
      return out as J;
    }
  }
  return MarketplaceEconomicsErrorBody;
}

const BASE = "MarketplaceEconomicsError";

/**
 * Base class of every error thrown by this library.
 *
 * `instanceof MarketplaceEconomicsError` is true for every error below, even though the
 * validation errors extend the built-in `RangeError` / `TypeError` (and for errors from another
 * copy of the package); {@link isMarketplaceEconomicsError} is the same test as a type guard.
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
export class MarketplaceEconomicsError extends /* @__PURE__ */ errorBody<MarketplaceEconomicsErrorJSON>(Error, BASE, [], []) {
  static override readonly name = "MarketplaceEconomicsError";

  /**
   * @param fn - name of the public function raising the error
   * @param code - stable error code
   * @param message - text after the function name; the final message is `"<fn>: <message>"`
   */
  constructor(fn: string, code: ErrorCode, message: string) {
    super(fn, code, message, {});
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
export class ValidationError extends /* @__PURE__ */ errorBody<ValidationErrorJSON>(RangeError, "ValidationError", [BASE], ["argument", "expected"]) {
  static override readonly name = "ValidationError";
  /** Name (or path, e.g. `"flows[3].date"`) of the offending argument. */
  declare readonly argument: string;
  /** What is allowed, in words. */
  declare readonly expected: string;

  /**
   * @param fn - name of the public function raising the error
   * @param code - stable error code
   * @param argument - name or path of the bad argument
   * @param message - text after the function name
   * @param expected - what is allowed, in words
   */
  constructor(fn: string, code: ErrorCode, argument: string, message: string, expected: string) {
    super(fn, code, message, { argument, expected });
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
export class ValidationTypeError extends /* @__PURE__ */ errorBody<ValidationErrorJSON>(TypeError, "ValidationTypeError", [BASE, "ValidationError"], ["argument", "expected"]) {
  static override readonly name = "ValidationTypeError";
  /** Name (or path) of the offending argument. */
  declare readonly argument: string;
  /** What is allowed, in words. */
  declare readonly expected: string;

  /**
   * @param fn - name of the public function raising the error
   * @param code - stable error code
   * @param argument - name or path of the bad argument
   * @param message - text after the function name
   * @param expected - what is allowed, in words
   */
  constructor(fn: string, code: ErrorCode, argument: string, message: string, expected: string) {
    super(fn, code, message, { argument, expected });
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
export class CurrencyMismatchError extends /* @__PURE__ */ errorBody<CurrencyMismatchErrorJSON>(TypeError, "CurrencyMismatchError", [BASE], ["currencies"]) {
  static override readonly name = "CurrencyMismatchError";
  /** The two currencies that met. */
  declare readonly currencies: readonly [string, string];

  /**
   * @param fn - name of the public function raising the error
   * @param expected - the currency already in use
   * @param received - the other currency
   * @param hint - optional context appended to the message (where the other currency came from)
   */
  constructor(fn: string, expected: string, received: string, hint?: string) {
    const message = `cannot combine ${expected} with ${received} (allowed: amounts in one currency; convert first)${hint === undefined ? "" : `; ${hint}`}`;
    super(fn, ErrorCode.CURRENCY_MISMATCH, message, { currencies: [expected, received] });
  }
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
export class ConvergenceError extends /* @__PURE__ */ errorBody<ConvergenceErrorJSON>(Error, "ConvergenceError", [BASE], ["iterations", "lastEstimate", "residual"]) {
  static override readonly name = "ConvergenceError";
  /** Iterations performed before giving up. */
  declare readonly iterations: number;
  /** Last estimate, for diagnosis only. */
  declare readonly lastEstimate: number | undefined;
  /** Residual at the last estimate, if known. */
  declare readonly residual: number | undefined;

  /**
   * @param fn - name of the public function raising the error
   * @param code - `NO_SIGN_CHANGE`, `NOT_CONVERGED` or `MULTIPLE_ROOTS`
   * @param message - text after the function name: why the solver stopped
   * @param details - iterations, last estimate and residual
   */
  constructor(fn: string, code: ErrorCode, message: string, details: ConvergenceDetails) {
    super(fn, code, message, { iterations: details.iterations, lastEstimate: details.lastEstimate, residual: details.residual });
  }
}
