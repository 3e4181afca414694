/**
 * The library's own decimal.js constructors. Never exported from the package.
 *
 * npm installs one decimal.js copy for a whole application, and `Decimal.set()` changes that
 * copy's global settings: after a user's `Decimal.set({ precision: 6 })`, `new Decimal(1234567.89)
 * .plus(0.01)` gives 1234570. So no file of src/ uses decimal.js's constructor directly (ESLint
 * `no-restricted-imports` enforces it); they import {@link Decimal} from here:
 *
 * - {@link Decimal}: a `Decimal.clone()` with every setting written out, equal to decimal.js's
 *   defaults (20 significant digits, ROUND_HALF_UP, exponent notation below 1e-7 and from 1e21),
 *   so every result is what it was before, whatever the user sets on their copy.
 * - {@link ExactDecimal}: a clone with the maximum precision (1e9 digits), used only to add,
 *   subtract and multiply amounts (never to divide, take roots or logarithms: those would not
 *   terminate). Inputs are bounded by {@link "./validate.js".toDecimal}, so the exact results are
 *   small; {@link exactPlus} and friends hand them back as {@link Decimal}s, digits unchanged.
 *
 * Clones share decimal.js's prototype, so their instances are `instanceof` the user's `Decimal`
 * and pass the user's `Decimal.isDecimal`; and `new Decimal(x)` of any instance copies its digits
 * exactly (the constructor never rounds), which is how an input is re-wrapped so that its own
 * constructor's settings are never used.
 */
import { Decimal as DecimalJs } from "decimal.js";

/**
 * decimal.js's default settings, written out (decimal.js 10 `Decimal.set` documentation), so that
 * no setting is inherited from the shared copy.
 */
const DEFAULTS = {
  precision: 20,
  rounding: 4, // ROUND_HALF_UP
  toExpNeg: -7,
  toExpPos: 21,
  minE: -9e15,
  maxE: 9e15,
  modulo: 1, // ROUND_DOWN
  crypto: false,
} as const;

/** The library's Decimal constructor: decimal.js's default settings, private to the library. */
export const Decimal: typeof DecimalJs = /* @__PURE__ */ DecimalJs.clone({ ...DEFAULTS, defaults: true });

/** A decimal.js instance (the same type for every decimal.js constructor). */
export type Decimal = DecimalJs;

/** decimal.js's namespace types (`Decimal.Rounding`, `Decimal.Value`, …) under the private name. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace Decimal {
  export type Rounding = DecimalJs.Rounding;
  export type Modulo = DecimalJs.Modulo;
  export type Value = DecimalJs.Value;
  export type Config = DecimalJs.Config;
  export type Constructor = DecimalJs.Constructor;
  export type Instance = DecimalJs.Instance;
}

/** 1e9 significant digits, decimal.js's maximum: additions and multiplications are exact. */
export const ExactDecimal: typeof DecimalJs = /* @__PURE__ */ DecimalJs.clone({ ...DEFAULTS, precision: 1e9, defaults: true });

/** `a + b`, exactly, as a library {@link Decimal}. */
export function exactPlus(a: Decimal, b: Decimal): Decimal {
  return new Decimal(new ExactDecimal(a).plus(b));
}

/** `a − b`, exactly, as a library {@link Decimal}. */
export function exactMinus(a: Decimal, b: Decimal): Decimal {
  return new Decimal(new ExactDecimal(a).minus(b));
}

/** `a × b`, exactly, as a library {@link Decimal}. */
export function exactTimes(a: Decimal, b: Decimal): Decimal {
  return new Decimal(new ExactDecimal(a).times(b));
}

/** The exact sum of a list, as a library {@link Decimal} (`0` for an empty list). */
export function exactSum(values: readonly Decimal[]): Decimal {
  let total = new ExactDecimal(0);
  for (const v of values) total = total.plus(v);
  return new Decimal(total);
}
