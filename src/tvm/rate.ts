import { Decimal } from "decimal.js";
import { ConvergenceError, ErrorCode } from "../errors.js";
import { rangeError, toDecimalInRange, toRecord } from "../_lib/validate.js";
import { parseAnnuity } from "./_lib/annuity.js";
import { XMAX, XMIN, brent } from "./_lib/solver.js";
import type { TvmAmount, TvmOptions } from "./types.js";

/**
 * The {@link rate} function options.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface RateOptions extends TvmOptions {
  /** Starting point, rate per period as a decimal (> -1). Default `0.1`. When several rates solve the equation, the one nearest the guess is returned. */
  readonly guess?: Decimal | string | number;
}

/**
 * Rate per period that makes a present value, payments and a future value consistent (Excel's
 * `RATE`, numpy-financial's `rate`).
 *
 * ## Notes
 * Solves fv + pv·(1+r)ⁿ + pmt·(1 + r·w)·((1+r)ⁿ - 1)/r = 0 for r > -1 (w = 1 for `"begin"`),
 * in x = ln(1 + r), float64: a grid of 2000 points over r ∈ (-1 + 2e-22, 5e21), Brent on each
 * sign change, and the root nearest the guess is returned after checking
 * |residual| ≤ 1e-6 × (|pv| + |fv| + |pmt|·n) (the residual is scaled by (1+r)⁻ⁿ for r > 0).
 * Where numpy returns `NaN` (e.g. pmt and pv with the same sign: a loan repaid by further
 * withdrawals) this function throws `ConvergenceError` `NO_SIGN_CHANGE`.
 *
 * ## References
 * numpy-financial `rate` (`test_rate`: rate(10, 0, -3500, 10000) = 0.1107, Decimal
 * 0.1106908537142689284704528100; `test_rate_with_infeasible_solution`); Excel `RATE` documentation.
 *
 * @param nper - number of periods (> 0)
 * @param pmt - payment per period
 * @param pv - present value
 * @param fv - future value, default 0
 * @param options - {@link RateOptions}
 * @returns the rate per period as a decimal
 * @throws {ConvergenceError} `NO_SIGN_CHANGE` when no rate solves the equation
 * @throws {ValidationError} when an argument is not a number or nper ≤ 0
 *
 * @example
 * ```ts
 * import { rate } from "marketplace-economics";
 * rate(10, 0, -3500, 10000).toFixed(10); //=> "0.1106908537"
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function rate(nper: Decimal | string | number, pmt: TvmAmount, pv: TvmAmount, fv?: TvmAmount, options?: RateOptions): Decimal {
  const fn = "rate";
  const a = parseAnnuity(fn, { nper, pmt, pv, fv, options: options === undefined ? undefined : { when: (options as { when?: unknown }).when } });
  const o = toRecord(options, fn, "options", true);
  const guess = o["guess"] === undefined ? 0.1 : toDecimalInRange(o["guess"], fn, "options.guess", -1, undefined, { lowerOpen: true }).toNumber();
  const n = a.n!.toNumber();
  if (!(n > 0) || !Number.isFinite(n)) rangeError(fn, "nper", ErrorCode.OUT_OF_RANGE, "must be > 0", nper, "a number of periods > 0");
  const P = a.pmt!.toNumber();
  const V = a.pv!.toNumber();
  const F = a.fv!.toNumber();
  const w = a.begin ? 1 : 0;
  const scale = Math.abs(P) * n + Math.abs(V) + Math.abs(F);
  if (scale === 0) throw new ConvergenceError(fn, ErrorCode.NO_SIGN_CHANGE, "pmt, pv and fv are all zero: every rate solves the equation", { iterations: 0 });
  // G(x) = residual, divided by (1+r)^n when r > 0 so it never overflows.
  const G = (x: number): number => {
    const r = Math.expm1(x);
    const annuity = x === 0 ? n : Math.expm1(n * x) / r; // ((1+r)^n - 1)/r
    if (x > 0) {
      const e = Math.exp(-n * x);
      const ann = x === 0 ? n : -Math.expm1(-n * x) / r; // ((1+r)^n - 1)/r / (1+r)^n
      return F * e + V + P * (1 + r * w) * ann;
    }
    return F + V * Math.exp(n * x) + P * (1 + r * w) * annuity;
  };
  const points = 2000;
  let best: number | undefined;
  let xPrev = XMIN;
  let fPrev = G(XMIN);
  for (let j = 1; j <= points; j++) {
    const x = XMIN + ((XMAX - XMIN) * j) / points;
    const f = G(x);
    let root: number | undefined;
    if (f === 0) root = x;
    else if (fPrev !== 0 && Number.isFinite(f) && Number.isFinite(fPrev) && (f > 0) !== (fPrev > 0)) root = brent(G, xPrev, x, fPrev, f);
    if (root !== undefined && Math.abs(G(root)) <= 1e-6 * scale) {
      const r = Math.expm1(root);
      if (best === undefined || Math.abs(r - guess) < Math.abs(best - guess)) best = r;
    }
    xPrev = x;
    fPrev = f;
  }
  if (best === undefined) {
    throw new ConvergenceError(fn, ErrorCode.NO_SIGN_CHANGE, "no rate above -100 % solves the equation (are pmt and pv of the same sign?)", { iterations: points });
  }
  return new Decimal(best);
}
