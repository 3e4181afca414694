/**
 * The catalogue of bad values of the hostile harness (issue #11, item 2).
 *
 * Every value is built fresh for each case by `make(baseline)`, where `baseline` is the valid
 * value the slot holds in the function's baseline call, so structural values (a sparse copy of
 * the baseline array, a Proxy around the baseline object, a generator over it...) can be derived
 * from it. Nothing here imports vitest: the worker threads of the harness load this file.
 */
import { Decimal } from "decimal.js";

/** How a bad value is put into its slot. */
export type BadMode =
  /** The slot receives the value. */
  | "value"
  /** The slot's key is deleted from its parent (an absent option, a missing argument). */
  | "absent"
  /** The slot's key becomes an accessor whose getter throws {@link SENTINEL_MESSAGE}. */
  | "getter-throws";

/** One bad value. */
export interface BadValue {
  /** Stable, unique label, used in reports and reproducers (JavaScript-like source text). */
  readonly id: string;
  /** The family the value belongs to; failures are grouped by it. */
  readonly kind: string;
  readonly mode: BadMode;
  /** Whether the value fits the slot (structural values need an array, an object...). */
  readonly applies: (baseline: unknown) => boolean;
  /** A fresh value. */
  readonly make: (baseline: unknown) => unknown;
  /**
   * No slot of the public API may accept this value: an ok result is reported as
   * "accepted-invalid" (NaN, ±Infinity, Invalid Date, holes in arrays...).
   */
  readonly neverValid?: boolean;
}

/** The message of the error thrown by throwing getters and iterables (the caller's own error). */
export const SENTINEL_MESSAGE = "hostile-sentinel: the caller's own code threw";

/** The caller's own error, thrown by throwing getters and iterables. */
export class HostileSentinelError extends Error {
  constructor() {
    super(SENTINEL_MESSAGE);
    this.name = "HostileSentinelError";
  }
}

/** A second copy of decimal.js, as when npm installs two versions side by side. */
export const ForeignDecimal = Decimal.clone();

const always = (): boolean => true;
const isArray = (b: unknown): b is unknown[] => Array.isArray(b);
const isObject = (b: unknown): b is object => typeof b === "object" && b !== null;
const isPlainObject = (b: unknown): b is Record<string, unknown> => isObject(b) && !Array.isArray(b) && (Object.getPrototypeOf(b) === Object.prototype || Object.getPrototypeOf(b) === null);
const isMoney = (b: unknown): b is { amount: Decimal; currency: string } => isPlainObject(b) && Decimal.isDecimal(b["amount"]) && typeof b["currency"] === "string";
const isDateLike = (b: unknown): boolean => b instanceof Date || (typeof b === "string" && /^\d{4}-\d{2}-\d{2}/u.test(b));
const isIterableArg = (b: unknown): boolean => isArray(b);

/** Deep copy of a baseline value (Decimal, Date, Money, arrays, plain objects; functions shared). */
export function deepClone<T>(value: T): T {
  if (Decimal.isDecimal(value)) return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) if (i in value) out[i] = deepClone(value[i]);
    return out as T;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
    for (const k of Object.keys(value)) out[k] = deepClone(value[k]);
    return out as T;
  }
  return value;
}

/** Deep freeze in place (Decimal and Date excluded) and return the value. */
export function deepFreeze<T>(value: T): T {
  if (!isObject(value) || Decimal.isDecimal(value) || value instanceof Date || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const k of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[k]);
  return value;
}

function dateAtYear(year: number, month = 0, day = 1): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  return d;
}

function numericOf(baseline: unknown): string {
  if (Decimal.isDecimal(baseline)) return baseline.toString();
  if (typeof baseline === "number" && Number.isFinite(baseline)) return String(baseline);
  if (typeof baseline === "string" && /^-?\d+(\.\d+)?$/u.test(baseline)) return baseline;
  return "1";
}

/** An object that claims to be a Decimal (the fields decimal.js itself inspects) but is not one. */
function duckDecimal(): unknown {
  return { d: [1], e: 0, s: 1, constructor: { name: "Decimal" }, toString: () => "1", valueOf: () => 1, isFinite: () => true, toFixed: () => "1" };
}

function* generatorOf(items: readonly unknown[]): Generator<unknown> {
  for (const x of items) yield x;
}

function* throwingGenerator(items: readonly unknown[]): Generator<unknown> {
  if (items.length > 0) yield items[0];
  throw new HostileSentinelError();
}

async function* throwingAsync(items: readonly unknown[]): AsyncGenerator<unknown> {
  if (items.length > 0) yield items[0];
  await Promise.resolve();
  throw new HostileSentinelError();
}

async function* asyncOf(items: readonly unknown[]): AsyncGenerator<unknown> {
  for (const x of items) yield x;
}

const v = (id: string, kind: string, make: (b: unknown) => unknown, neverValid = false, applies: (b: unknown) => boolean = always): BadValue => ({
  id,
  kind,
  mode: "value",
  applies,
  make,
  neverValid,
});

/** The catalogue. */
export const BAD_VALUES: readonly BadValue[] = [
  // non-finite and extreme numbers
  v("NaN", "non-finite number", () => Number.NaN, true),
  v("Infinity", "non-finite number", () => Number.POSITIVE_INFINITY, true),
  v("-Infinity", "non-finite number", () => Number.NEGATIVE_INFINITY, true),
  v("-0", "signed zero", () => -0),
  v("1e308", "extreme number", () => 1e308),
  v("-1e308", "extreme number", () => -1e308),
  v("1e-320", "extreme number", () => 1e-320),
  v("2 ** 53 + 2", "unsafe integer", () => 2 ** 53 + 2),
  v("1e9", "huge count", () => 1e9),
  v("1.5", "fraction", () => 1.5),
  v("-1", "negative", () => -1),
  // strings
  v('"1e9000000000000000"', "huge-exponent string", () => "1e9000000000000000"),
  v('"-1e9000000000000000"', "huge-exponent string", () => "-1e9000000000000000"),
  v('"1e-9000000000000000"', "huge-exponent string", () => "1e-9000000000000000"),
  v('""', "malformed string", () => ""),
  v('" 12 "', "malformed string", () => " 12 "),
  v('"1,000.50"', "malformed string", () => "1,000.50"),
  v('"abc"', "malformed string", () => "abc"),
  v('"NaN"', "malformed string", () => "NaN"),
  v('"Infinity"', "malformed string", () => "Infinity"),
  v('"0x10"', "malformed string", () => "0x10"),
  // nullish, wrong kinds
  v("null", "nullish", () => null),
  v("undefined", "nullish", () => undefined),
  { id: "<absent>", kind: "nullish", mode: "absent", applies: always, make: () => undefined },
  v("{}", "wrong kind", () => ({})),
  v("[]", "wrong kind", () => []),
  v("true", "wrong kind", () => true),
  v("10n", "wrong kind", () => 10n),
  v('Symbol("x")', "wrong kind", () => Symbol("x")),
  v("() => 1", "wrong kind", () => () => 1),
  v("Object.create(null)", "wrong kind", () => Object.create(null) as unknown),
  // decimals
  v("new Decimal(NaN)", "non-finite Decimal", () => new Decimal(Number.NaN), true),
  v("new Decimal(Infinity)", "non-finite Decimal", () => new Decimal(Number.POSITIVE_INFINITY), true),
  v('new Decimal("1e9000000000000000")', "huge-exponent Decimal", () => new Decimal("1e9000000000000000")),
  v('new Decimal("1e-9000000000000000")', "huge-exponent Decimal", () => new Decimal("1e-9000000000000000")),
  v("<Decimal from another decimal.js copy>", "foreign Decimal", (b) => new ForeignDecimal(numericOf(b))),
  v("<duck-typed Decimal>", "foreign Decimal", () => duckDecimal()),
  // dates
  v("new Date(NaN)", "invalid date", () => new Date(Number.NaN), true),
  v("<Date in year 0>", "extreme date", () => dateAtYear(0)),
  v("new Date(8.64e15) /* +275760-09-13 */", "extreme date", () => new Date(8.64e15)),
  v("new Date(-8.64e15) /* -271821-04-20 */", "extreme date", () => new Date(-8.64e15)),
  v('"0000-01-01"', "extreme date", () => "0000-01-01"),
  v('"+275760-09-13"', "extreme date", () => "+275760-09-13"),
  v('"-271821-04-20"', "extreme date", () => "-271821-04-20"),
  v('"2024-02-30"', "malformed date", () => "2024-02-30"),
  v('"2024-01-01T00:00:00+25:00"', "malformed date", () => "2024-01-01T00:00:00+25:00"),
  v(
    "<Proxy-wrapped Date>",
    "proxy",
    (b) => new Proxy(b instanceof Date ? new Date(b.getTime()) : new Date(Date.UTC(2024, 0, 1)), {}),
    false,
    (b) => isDateLike(b),
  ),
  // currencies and money
  v('"XYZ"', "unknown currency", () => "XYZ"),
  v('"usd"', "unknown currency", () => "usd"),
  v('"EUR"', "mixed currency", () => "EUR"),
  v('{ amount: new Decimal(1), currency: "EUR" }', "mixed currency", () => ({ amount: new Decimal(1), currency: "EUR" }), false, isMoney),
  v('{ amount: new Decimal(1), currency: "XYZ" }', "unknown currency", () => ({ amount: new Decimal(1), currency: "XYZ" }), false, isMoney),
  v('{ amount: new Decimal(NaN), currency: "USD" }', "non-finite Decimal", () => ({ amount: new Decimal(Number.NaN), currency: "USD" }), true, isMoney),
  v(
    '{ amount: new Decimal("1e9000000000000000"), currency: <same> }',
    "huge-exponent Decimal",
    (b) => ({ amount: new Decimal("1e9000000000000000"), currency: (b as { currency: string }).currency }),
    false,
    isMoney,
  ),
  v(
    '{ amount: new Decimal("1e-9000000000000000"), currency: <same> }',
    "huge-exponent Decimal",
    (b) => ({ amount: new Decimal("1e-9000000000000000"), currency: (b as { currency: string }).currency }),
    false,
    isMoney,
  ),
  v(
    "{ amount: <foreign Decimal>, currency: <same> }",
    "foreign Decimal",
    (b) => ({ amount: new ForeignDecimal((b as { amount: Decimal }).amount.toString()), currency: (b as { currency: string }).currency }),
    false,
    isMoney,
  ),
  v("{ amount: 5, currency: <same> } /* number amount */", "wrong kind", (b) => ({ amount: 5, currency: (b as { currency: string }).currency }), false, isMoney),
  v("<Money with an extra key>", "unknown key", (b) => ({ ...(b as object), extra: 1 }), false, isMoney),
  // structural values derived from the baseline
  v(
    "[, ...baseline] /* hole at 0 */",
    "sparse array",
    (b) => {
      const a = deepClone(b as unknown[]);
      const out = new Array<unknown>(a.length + 1);
      for (let i = 0; i < a.length; i++) out[i + 1] = a[i];
      return out;
    },
    true,
    isArray,
  ),
  v(
    "[...baseline, <hole>, ...baseline]",
    "sparse array",
    (b) => {
      const a = deepClone(b as unknown[]);
      const out = new Array<unknown>(2 * a.length + 1);
      for (let i = 0; i < a.length; i++) {
        out[i] = a[i];
        out[a.length + 1 + i] = deepClone(a[i]);
      }
      return out;
    },
    true,
    (b) => isArray(b) && b.length > 0,
  ),
  v("[...baseline, undefined]", "undefined element", (b) => [...deepClone(b as unknown[]), undefined], false, isArray),
  v(
    "<array of length 2 ** 32 - 1, one element>",
    "huge sparse array",
    (b) => {
      const out = new Array<unknown>(2 ** 32 - 1);
      out[0] = deepClone((b as unknown[])[0]);
      return out;
    },
    true,
    (b) => isArray(b) && b.length > 0,
  ),
  v(
    "<100,000 copies of baseline[0]>",
    "huge input",
    (b) => new Array<unknown>(100_000).fill(deepClone((b as unknown[])[0])),
    false,
    (b) => isArray(b) && b.length > 0,
  ),
  v(
    "<array-like { length, 0: ... }>",
    "array-like",
    (b) => {
      const a = b as unknown[];
      const out: Record<string, unknown> = { length: a.length };
      a.forEach((x, i) => (out[String(i)] = deepClone(x)));
      return out;
    },
    false,
    isArray,
  ),
  v("<deep-frozen baseline>", "frozen input", (b) => deepFreeze(deepClone(b)), false, isObject),
  v(
    "<transparent Proxy of baseline>",
    "proxy",
    (b) => new Proxy(deepClone(b) as object, {}),
    false,
    (b) => isObject(b) && !(b instanceof Date) && !Decimal.isDecimal(b),
  ),
  v("<generator over baseline>", "iterable", (b) => generatorOf(deepClone(b as unknown[])), false, isIterableArg),
  v("<generator throwing after one item>", "throwing iterable", (b) => throwingGenerator(deepClone(b as unknown[])), false, isIterableArg),
  v("<async generator over baseline>", "async iterable", (b) => asyncOf(deepClone(b as unknown[])), false, isIterableArg),
  v("<async generator throwing after one item>", "throwing iterable", (b) => throwingAsync(deepClone(b as unknown[])), false, isIterableArg),
  { id: "<getter that throws>", kind: "throwing getter", mode: "getter-throws", applies: always, make: () => undefined },
];

/** The catalogue by id. */
export const BAD_VALUES_BY_ID: ReadonlyMap<string, BadValue> = new Map(BAD_VALUES.map((b) => [b.id, b]));
