import { Decimal } from "../_lib/decimal.js";
import { deepFreeze } from "../_lib/freeze.js";
import { rangeError, toDecimal, toDecimalInRange, toInteger, toOptions, toRecord } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import { bgConditionalExpected, bgProbabilityAlive, finite, ggExpectedSpend, readParams, readRfm, toModelTime } from "./_lib/bgNbd.js";
import type { BgNbdParameters, RepeatPurchaseSummary } from "./fitBgNbd.js";
import type { GammaGammaParameters } from "./fitGammaGamma.js";
import type { NumericInput } from "../money/types.js";

/**
 * A seller's repeat-purchase and spend summary, the input of {@link bgNbdLifetimeValue}.
 *
 * @category Sellers
 * @since 0.3.0
 */
export interface LifetimeValueSummary extends RepeatPurchaseSummary {
  /** m̄ₓ: average value of the repeat purchases (≥ 0; ignored when frequency is 0). */
  readonly monetaryValue: NumericInput;
}

/**
 * The {@link bgNbdLifetimeValue} function options.
 *
 * @category Sellers
 * @since 0.3.0
 */
export interface BgNbdLifetimeValueOptions {
  /** Periods of the horizon, an integer from 1 to 1,200 (e.g. 12 months). */
  readonly periods: number;
  /** Length of one period in the model's time unit, > 0 (e.g. 4.345 weeks for a month when the model was fitted in weeks). */
  readonly periodLength: number;
  /** Discount rate per period, ≥ 0 and < 10 (default 0): period k's value is divided by (1 + rate)^k. */
  readonly discountRate?: NumericInput;
  /** Share of spend the marketplace keeps (its take rate or a margin), 0 to 1 (default 1). */
  readonly margin?: NumericInput;
}

/**
 * One period of a {@link BgNbdLifetimeValueResult}.
 *
 * @category Sellers
 * @since 0.3.0
 */
export interface BgNbdLifetimeValuePeriod {
  /** Period number, 1-based. */
  readonly period: number;
  /** Expected purchases in the period (float64). */
  readonly expectedPurchases: number;
  /** Discounted value of the period: margin × spend × purchases / (1 + d)^period. */
  readonly value: Decimal;
}

/**
 * Result of {@link bgNbdLifetimeValue}.
 *
 * @category Sellers
 * @since 0.3.0
 */
export interface BgNbdLifetimeValueResult {
  /** The method, always `"bg-nbd-gamma-gamma"`. */
  readonly method: "bg-nbd-gamma-gamma";
  /** Discounted value over the horizon (Σ of the periods' values), in the currency unit of the spend. */
  readonly value: Decimal;
  /** Expected spend per purchase ({@link gammaGammaExpectedSpend}). */
  readonly expectedSpend: Decimal;
  /** Expected purchases over the whole horizon. */
  readonly expectedPurchases: number;
  /** P(alive) at the end of the observation period ({@link bgNbdProbabilityAlive}). */
  readonly probabilityAlive: number;
  /** The periods, in order. */
  readonly periods: readonly BgNbdLifetimeValuePeriod[];
}

/**
 * A seller's (or customer's) expected lifetime value over a horizon from a BG/NBD model of its
 * purchases and a Gamma-Gamma model of its spend per purchase.
 *
 * ## Notes
 * With L the period length, d the discount rate and E[Y(t) | x, tₓ, T] the BG/NBD conditional
 * expectation ({@link bgNbdConditionalExpectedPurchases}):
 * purchases_k = E[Y(kL) | …] − E[Y((k − 1)L) | …] and
 * value = Σ_{k=1..periods} margin × E(M | …) × purchases_k / (1 + d)^k,
 * the discrete-period method of lifetimes' `customer_lifetime_value` (Davidson-Pilon et al.),
 * with E(M | …) from {@link gammaGammaExpectedSpend}. It assumes spend is independent of the
 * purchase process (the Gamma-Gamma assumption). Float64 throughout; the Decimals carry 15
 * significant digits of estimates, not exact amounts.
 *
 * ## References
 * - P. S. Fader, B. G. S. Hardie, K. L. Lee (2005), "'Counting Your Customers' the Easy Way",
 *   Marketing Science 24(2), eq. 10.
 * - P. S. Fader, B. G. S. Hardie (2013), "The Gamma-Gamma Model of Monetary Value".
 * - C. Davidson-Pilon, lifetimes, `lifetimes/utils.py` `_customer_lifetime_value`.
 *
 * @param purchases - {@link BgNbdParameters} of the purchase process
 * @param spend - {@link GammaGammaParameters} of the spend (q > 1)
 * @param summary - the seller's {@link LifetimeValueSummary}, in the BG/NBD model's time unit
 * @param options - `periods`, `periodLength`, `discountRate`, `margin`
 * @returns the frozen estimate with its periods
 * @throws {@link ValidationError} when a parameter, the summary or an option is out of range, or a value is undefined (`UNDEFINED_RESULT`: a = 1, q ≤ 1)
 * @throws {@link ValidationTypeError} when an argument has the wrong type
 *
 * @example
 * ```ts
 * import { bgNbdLifetimeValue } from "marketplace-economics";
 * const purchases = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // CDNOW, weeks
 * const spend = { p: 6.25, q: 3.74, gamma: 15.44 };
 * const ltv = bgNbdLifetimeValue(purchases, spend, { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: "22.35" }, { periods: 12, periodLength: 4.345, discountRate: "0.01" });
 * ltv.expectedSpend.toFixed(2); //=> "24.66"
 * ltv.value.toFixed(2); //=> "36.29"
 * ltv.periods.length; //=> 12
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export function bgNbdLifetimeValue(purchases: BgNbdParameters, spend: GammaGammaParameters, summary: LifetimeValueSummary, options: BgNbdLifetimeValueOptions): BgNbdLifetimeValueResult {
  const fn = "bgNbdLifetimeValue";
  const p = readParams(purchases, fn, "purchases", ["r", "alpha", "a", "b"], "BG/NBD");
  const g = readParams(spend, fn, "spend", ["p", "q", "gamma"], "Gamma-Gamma");
  if (!(g.q > 1)) rangeError(fn, "spend.q", ErrorCode.UNDEFINED_RESULT, "must be > 1 for the mean spend to exist", g.q, "q > 1");
  if (p.a === 1) rangeError(fn, "purchases.a", ErrorCode.UNDEFINED_RESULT, "must not be exactly 1 (the BG/NBD expectation divides by a − 1)", p.a, "a ≠ 1");
  const s = readRfm(summary, fn, "summary", false);
  const rec = toRecord(summary, fn, "summary");
  const md = toDecimal(rec["monetaryValue"], fn, "summary.monetaryValue");
  const m = md.toNumber();
  if (md.isNegative() || (s.x > 0 && !(m > 0)) || m > 1e15)
    rangeError(
      fn,
      "summary.monetaryValue",
      ErrorCode.OUT_OF_RANGE,
      s.x > 0 ? "must be > 0 and ≤ 1e15 when frequency > 0" : "must be ≥ 0 and ≤ 1e15",
      rec["monetaryValue"],
      "the average value of the seller's repeat purchases",
    );
  const o = toOptions(toRecord(options, fn, "options"), fn, "options", ["periods", "periodLength", "discountRate", "margin"]);
  const periods = toInteger(o["periods"], fn, "options.periods", 1, 1200);
  const length = toModelTime(o["periodLength"], fn, "options.periodLength");
  if (!(length > 0) || periods * length > 1e9)
    rangeError(fn, "options.periodLength", ErrorCode.OUT_OF_RANGE, "must be > 0 with periods × periodLength ≤ 1e9", o["periodLength"], "a period length > 0 in the model's time unit");
  const d = o["discountRate"] === undefined ? 0 : toDecimalInRange(o["discountRate"], fn, "options.discountRate", 0, 10, { upperOpen: true }).toNumber();
  const margin = o["margin"] === undefined ? 1 : toDecimalInRange(o["margin"], fn, "options.margin", 0, 1).toNumber();
  const perPurchase = ggExpectedSpend(g, s.x, s.x === 0 ? 0 : m);
  const rows: BgNbdLifetimeValuePeriod[] = [];
  let previous = 0;
  let total = 0;
  for (let k = 1; k <= periods; k++) {
    const cum = finite(bgConditionalExpected(p, s.x, s.tx, s.T, k * length), fn, "conditional expected purchases");
    const n = Math.max(0, cum - previous);
    previous = cum;
    const v = (margin * perPurchase * n) / Math.pow(1 + d, k);
    total += v;
    rows.push({ period: k, expectedPurchases: n, value: new Decimal(v.toPrecision(15)) });
  }
  return deepFreeze({
    method: "bg-nbd-gamma-gamma" as const,
    value: new Decimal(total.toPrecision(15)),
    expectedSpend: new Decimal(perPurchase.toPrecision(15)),
    expectedPurchases: previous,
    probabilityAlive: bgProbabilityAlive(p, s.x, s.tx, s.T),
    periods: rows,
  });
}
