import { Decimal } from "../_lib/decimal.js";
import { ConvergenceError, ErrorCode } from "../errors.js";
import { rangeError, toDecimalInRange, toOptions } from "../_lib/validate.js";
import { parseAnnuity } from "./_lib/annuity.js";
import { fromHp, hp } from "./_lib/decimal.js";
import { RESIDUAL_TOLERANCE, XMAX, XMIN, scanRoots } from "./_lib/solver.js";
import type { TvmOptions } from "./types.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * The {@link rate} function options.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface RateOptions extends TvmOptions {
  /** Starting point, rate per period as a decimal (> -1). Default `0.1`. When several rates solve the equation, the one nearest the guess is returned. */
  readonly guess?: NumericInput;
}

/**
 * Rate per period that makes a present value, payments and a future value consistent (Excel's
 * `RATE`, numpy-financial's `rate`).
 *
 * ## Notes
 * Solves fv + pv·(1+r)ⁿ + pmt·(1 + r·w)·((1+r)ⁿ - 1)/r = 0 for r > -1 (w = 1 for `"begin"`).
 * The equation is the NPV of the flows a₀ = pv (+ pmt when `"begin"`) at t = 0, pmt at
 * t = 1..n-1 and aₙ = fv (+ pmt when `"end"`) at t = n, whose flows at one date are netted
 * first: with q = e^(-|x|), x = ln(1 + r), and M = Σₛ₌₁ⁿ⁻¹ qˢ = q(1 - qⁿ⁻¹)/(1 - q) (the closed
 * form also for a fractional n), the solver works on h(x) = a₀ + pmt·M + aₙ·qⁿ for x ≥ 0 and
 * h(x) = aₙ + pmt·M + a₀·qⁿ for x < 0 (every discount factor ≤ 1, no overflow). For n ≥ 1 the
 * signs of (a₀, pmt, aₙ) bound the number of roots (Descartes); no sign change throws
 * `NO_SIGN_CHANGE` at once (numpy returns `NaN`, e.g. pmt and pv of the same sign: a loan repaid
 * by further withdrawals). Otherwise a grid of 4000 points over r ∈ (-1 + 2e-22, 5e21), Brent on
 * each sign change and a search inside each dip (two roots within one grid step, as
 * rate(14, -260, 1000, 3500): 10.58 % and 14.23 %); every root must pass
 * |h(x)| ≤ 1e-9 × (|a₀| + |pmt|·M + |aₙ|·qⁿ) (relative to the discounted flows) and be a rate above
 * -100 % (a value that only tends to 0 as the rate tends to -100 % or +∞ is no root); the one
 * nearest the guess is returned.
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
 * @returns the rate per period as a decimal, above -1
 * @throws {@link ConvergenceError} `NO_SIGN_CHANGE` when no rate solves the equation
 * @throws {@link ValidationError} when an argument is not a number or nper ≤ 0
 *
 * @example
 * ```ts
 * import { rate } from "marketplace-economics";
 * rate(10, 0, -3500, 10000).toFixed(10); //=> "0.1106908537"
 * rate(2, -90, 100, 0, { when: "begin" }).toFixed(6); //=> "8.000000"
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function rate(nper: NumericInput, pmt: AmountInput, pv: AmountInput, fv?: AmountInput, options?: RateOptions): Decimal {
  const fn = "rate";
  // One read of each option; null, a Date or an unknown key is a typed error (#11: null crashed).
  const o = toOptions(options, fn, "options", ["when", "guess"]);
  const a = parseAnnuity(fn, { nper, pmt, pv, fv, options: o["when"] === undefined ? undefined : { when: o["when"] } });
  const guess = o["guess"] === undefined ? 0.1 : toDecimalInRange(o["guess"], fn, "options.guess", -1, undefined, { lowerOpen: true }).toNumber();
  const n = a.n!.toNumber();
  if (!(n > 0) || !Number.isFinite(n)) rangeError(fn, "nper", ErrorCode.OUT_OF_RANGE, "must be > 0", nper, "a number of periods > 0");
  // flows netted by date, exactly: a0 at t = 0, P at t = 1..n-1, an at t = n
  const P = a.pmt!.toNumber();
  const a0 = (a.begin ? a.pv!.plus(a.pmt!) : a.pv!).toNumber();
  const an = (a.begin ? a.fv! : a.fv!.plus(a.pmt!)).toNumber();
  if (a0 === 0 && P === 0 && an === 0) throw new ConvergenceError(fn, ErrorCode.NO_SIGN_CHANGE, "pmt, pv and fv are all zero: every rate solves the equation", { iterations: 0 });
  const noRoot = (): never => {
    throw new ConvergenceError(fn, ErrorCode.NO_SIGN_CHANGE, "no rate above -100 % solves the equation (are pmt and pv of the same sign?)", { iterations: 0 });
  };
  if (n >= 1) {
    const signs = (n >= 2 ? [a0, P, an] : [a0, an]).filter((v) => v !== 0).map(Math.sign);
    if (signs.every((v) => v === signs[0])) noRoot();
  }
  // h(x) and its magnitude Σ|terms| (same reference date)
  let mag = 0;
  const h = (x: number): number => {
    const y = Math.abs(x);
    const qn = Math.exp(-n * y);
    const M = y === 0 ? n - 1 : (Math.exp(-y) * -Math.expm1(-(n - 1) * y)) / -Math.expm1(-y);
    const near = x >= 0 ? a0 : an;
    const far = x >= 0 ? an : a0;
    mag = Math.abs(near) + Math.abs(P * M) + Math.abs(far) * qn;
    return near + P * M + far * qn;
  };
  const ok = (x: number): boolean => {
    const v = h(x);
    return Number.isFinite(v) && Number.isFinite(mag) && Math.abs(v) <= RESIDUAL_TOLERANCE * mag;
  };
  const points = 4000;
  let best: Decimal | undefined;
  let bestF = 0;
  for (const x of scanRoots(h, ok, XMIN, XMAX, points)) {
    const r = rateFromX(x);
    if (r === undefined) continue;
    const rf = r.toNumber();
    if (best === undefined || Math.abs(rf - guess) < Math.abs(bestF - guess)) {
      best = r;
      bestF = rf;
    }
  }
  if (best === undefined) noRoot();
  return best!;
}

/** e^x - 1 as a Decimal above -1 (40-digit below x = -20, where the float loses 1 + r), or undefined. */
function rateFromX(x: number): Decimal | undefined {
  if (x >= -20) return new Decimal(Math.expm1(x));
  const H = hp();
  const r = fromHp(new H(x).exp().minus(1));
  return r.greaterThan(-1) ? r : undefined;
}
