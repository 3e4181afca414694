/**
 * Internal helpers for the annuity functions (pmt, pv, fv, nper, rate). Never exported.
 */
import type { Decimal } from "decimal.js";
import { ErrorCode } from "../../errors.js";
import { rangeError, toDecimal, toDecimalInRange, toOption, toOptions } from "../../_lib/validate.js";
import { parseAmount } from "./flows.js";
import { assertSameCurrency } from "../../_lib/money.js";
import { growthMinusOne, hp, ln1p, toHp } from "./decimal.js";

/**
 * Largest |nper·ln(1 + rate)| the annuity formulas accept: (1 + rate)^nper within 10^(±10^15), far
 * inside decimal.js's exponent range (9e15), so no intermediate overflows to Infinity and no
 * result is NaN (#11: `pmt(0.0075, 1e20, 125000)` was NaN).
 */
const MAX_LOG_GROWTH = "2.302585092994045684017991454684364207601e15"; // ln(10) × 1e15

/** Parsed inputs, as 40-digit Decimals. */
export interface AnnuityArgs {
  readonly r: Decimal | undefined;
  readonly n: Decimal | undefined;
  readonly pmt: Decimal | undefined;
  readonly pv: Decimal | undefined;
  readonly fv: Decimal | undefined;
  readonly begin: boolean;
}

type Spec = { readonly rate?: unknown; readonly nper?: unknown; readonly pmt?: unknown; readonly pv?: unknown; readonly fv?: unknown; readonly options?: unknown };

/**
 * A cheap sufficient test for |n × ln(1 + r)| ≤ {@link MAX_LOG_GROWTH}, so the 40-digit logarithm
 * is computed only near the limit: with 1 + r = m × 10^e (1 ≤ m < 10, `e` the Decimal's exponent),
 * ln(1 + r) = ln m + e·ln 10 lies in [e·ln 10, (e + 1)·ln 10), so |ln(1 + r)| ≤ (|e| + 1)·ln 10
 * (also for the series branch of `ln1p`, |r| < 1e-5, where |ln(1 + r)| < 2e-5). The float product
 * below is compared with 2e15, well under 2.30e15, so its rounding cannot matter.
 */
function growthSurelyInRange(r: Decimal, n: Decimal): boolean {
  const e = r.plus(1).e;
  return Math.abs(n.toNumber()) * (Math.abs(e) + 1) * 2.3026 < 2e15;
}

/** Validate the annuity arguments present in `spec` (missing `fv` = 0). */
export function parseAnnuity(fn: string, spec: Spec): AnnuityArgs {
  let currency: string | undefined;
  const amount = (v: unknown, arg: string): Decimal => {
    const a = parseAmount(v, fn, arg, true);
    if (a.currency !== undefined) {
      if (currency === undefined) currency = a.currency;
      else assertSameCurrency(fn, currency, a.currency);
    }
    return toHp(a.dec ?? a.num);
  };
  const r = "rate" in spec ? toHp(toDecimalInRange(spec.rate, fn, "rate", -1, undefined, { lowerOpen: true })) : undefined;
  const n = "nper" in spec ? toHp(toDecimal(spec.nper, fn, "nper")) : undefined;
  const pmt = "pmt" in spec ? amount(spec.pmt, "pmt") : undefined;
  const pv = "pv" in spec ? amount(spec.pv, "pv") : undefined;
  const fv = spec.fv === undefined ? toHp(0) : amount(spec.fv, "fv");
  const o = toOptions(spec.options, fn, "options", ["when"]);
  const when = o["when"] === undefined ? "end" : toOption(o["when"], fn, "options.when", ["end", "begin"] as const);
  if (r !== undefined && n !== undefined && !r.isZero() && !growthSurelyInRange(r, n) && ln1p(r).times(n).abs().greaterThan(new (hp())(MAX_LOG_GROWTH))) {
    rangeError(fn, "nper", ErrorCode.OUT_OF_RANGE, "is too large for this rate: (1 + rate)^nper must be between 10^(-10^15) and 10^(10^15)", spec.nper, "nper with |nper × ln(1 + rate)| ≤ 2.3e15");
  }
  return { r, n, pmt, pv, fv, begin: when === "begin" };
}

/**
 * pmt = -(fv + pv·(1+r)ⁿ) · r / ((1 + r·w) · ((1+r)ⁿ - 1)), w = 1 for "begin"; r = 0: -(fv + pv)/n.
 * 40 digits, not rounded (the one implementation behind pmt, ipmt, ppmt, cumipmt, cumprinc).
 */
export function pmtHp(r: Decimal, n: Decimal, pv: Decimal, fv: Decimal, begin: boolean): Decimal {
  if (r.isZero()) return fv.plus(pv).neg().div(n);
  const gm1 = growthMinusOne(r, n);
  const w = begin ? r.plus(1) : r.minus(r).plus(1);
  return fv
    .plus(pv.times(gm1.plus(1)))
    .neg()
    .times(r)
    .div(w.times(gm1));
}

/**
 * fv = -(pv·(1+r)ⁿ + pmt·(1 + r·w)·((1+r)ⁿ - 1)/r); r = 0: -(pv + pmt·n). 40 digits, not rounded
 * (the one implementation behind fv, ipmt, ppmt, cumipmt, cumprinc).
 */
export function fvHp(r: Decimal, n: Decimal, pmt: Decimal, pv: Decimal, begin: boolean): Decimal {
  if (r.isZero()) return pv.plus(pmt.times(n)).neg();
  const gm1 = growthMinusOne(r, n);
  const w = begin ? r.plus(1) : r.minus(r).plus(1);
  return pv.times(gm1.plus(1)).plus(pmt.times(w).times(gm1).div(r)).neg();
}

/**
 * Interest part of payment `per` (numpy-financial's `ipmt`): r · fv(r, per - 1, pmt, pv), divided
 * by 1 + r when payments fall at the beginning; 0 for the first payment at the beginning.
 */
export function ipmtHp(r: Decimal, per: number, n: Decimal, pv: Decimal, fv: Decimal, begin: boolean): Decimal {
  const p = pmtHp(r, n, pv, fv, begin);
  if (begin && per === 1) return r.minus(r);
  const i = fvHp(r, r.minus(r).plus(per - 1), p, pv, begin).times(r);
  return begin ? i.div(r.plus(1)) : i;
}

/**
 * Σ of the principal parts of payments start..end: with Fₖ = fv(r, k, pmt, pv), each principal part
 * is Fₖ₋₁ - Fₖ ("end"), or (Fₖ₋₁ - Fₖ)/(1 + r) for k > 1 and the whole payment for k = 1
 * ("begin"), so the sum telescopes: F_{s-1} - F_e (closed form, O(1) whatever the range). `payment`:
 * the payment pmt(r, n, pv) when the caller has it already (cumipmt), so it is not computed twice.
 */
export function cumprincHp(r: Decimal, n: Decimal, pv: Decimal, start: number, end: number, begin: boolean, payment?: Decimal): Decimal {
  const zero = r.minus(r);
  const p = payment ?? pmtHp(r, n, pv, zero, begin);
  const F = (k: number): Decimal => fvHp(r, zero.plus(k), p, pv, begin);
  if (!begin) return F(start - 1).minus(F(end));
  let sum = zero;
  let s = start;
  if (s === 1) {
    sum = p;
    s = 2;
  }
  if (s <= end)
    sum = sum.plus(
      F(s - 1)
        .minus(F(end))
        .div(r.plus(1)),
    );
  return sum;
}
