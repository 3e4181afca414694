import { Decimal } from "../_lib/decimal.js";
import { rangeError, toDecimal, toInteger, toRecord, typeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import { MAX_FREQUENCY, ggExpectedSpend, readParams } from "./_lib/bgNbd.js";
import type { GammaGammaParameters, SpendSummary } from "./fitGammaGamma.js";

/**
 * Expected average value of a seller's (or customer's) future purchases given its past ones,
 * under a Gamma-Gamma model: a weighted mean of the population mean and the seller's own average.
 *
 * ## Notes
 * E(M | p, q, γ, m̄ₓ, x) = p (γ + x m̄ₓ) / (p x + q − 1)
 * = (q − 1)/(p x + q − 1) · p γ/(q − 1) + p x/(p x + q − 1) · m̄ₓ (Fader & Hardie 2013, eq. 6):
 * with x = 0 it is the population mean p γ / (q − 1). Defined only for q > 1. Computed in
 * float64 and returned as a Decimal of that double's 15 significant digits: an estimate, not an
 * exact amount (round it to the currency's minor unit for display).
 *
 * The tests check the first ten CDNOW customers against Hardie's spreadsheet values for
 * p = 6.25, q = 3.74, γ = 15.44 as quoted by lifetimes' `test_conditional_expected_average_profit`
 * (e.g. 24.65 for x = 2, m̄ₓ = 22.35; the rounded published parameters give 24.66, the fitted ones
 * 24.6586).
 *
 * ## References
 * P. S. Fader, B. G. S. Hardie (2013), "The Gamma-Gamma Model of Monetary Value",
 * http://brucehardie.com/notes/025/, eq. 6.
 *
 * @param params - {@link GammaGammaParameters} (a {@link GammaGammaFit} or published values `{ p, q, gamma }`), q > 1
 * @param summary - the seller's {@link SpendSummary} (`frequency` x ≥ 0, `monetaryValue` m̄ₓ, ignored when x = 0)
 * @returns the expected spend per purchase, in the currency unit of the data
 * @throws {@link ValidationError} when a parameter is not > 0, q ≤ 1 (`UNDEFINED_RESULT`), the frequency is not an integer ≥ 0 or the monetary value is negative (or not > 0 with x > 0)
 * @throws {@link ValidationTypeError} when an argument is not an object or a value has the wrong type
 *
 * @example
 * ```ts
 * import { gammaGammaExpectedSpend } from "marketplace-economics";
 * const cdnow = { p: 6.25, q: 3.74, gamma: 15.44 };
 * gammaGammaExpectedSpend(cdnow, { frequency: 2, monetaryValue: "22.35" }).toFixed(2); //=> "24.66"
 * gammaGammaExpectedSpend(cdnow, { frequency: 0, monetaryValue: 0 }).toFixed(2); //=> "35.22"
 * ```
 *
 * @category Sellers
 * @since 0.3.0
 */
export function gammaGammaExpectedSpend(params: GammaGammaParameters, summary: SpendSummary): Decimal {
  const fn = "gammaGammaExpectedSpend";
  const g = readParams(params, fn, "params", ["p", "q", "gamma"], "Gamma-Gamma");
  if (!(g.q > 1)) rangeError(fn, "params.q", ErrorCode.UNDEFINED_RESULT, "must be > 1 for the mean spend to exist", g.q, "q > 1");
  const r = toRecord(summary, fn, "summary");
  let frequency: unknown;
  let monetaryValue: unknown;
  try {
    frequency = r["frequency"];
    monetaryValue = r["monetaryValue"];
  } catch {
    typeError(fn, "summary", ErrorCode.INVALID_TYPE, "could not be read (its getter threw)", undefined, "a summary { frequency, monetaryValue }");
  }
  const x = toInteger(frequency, fn, "summary.frequency", 0, MAX_FREQUENCY);
  const d = toDecimal(monetaryValue, fn, "summary.monetaryValue");
  const m = d.toNumber();
  if (d.isNegative() || (x > 0 && !(m > 0)) || m > 1e15)
    rangeError(
      fn,
      "summary.monetaryValue",
      ErrorCode.OUT_OF_RANGE,
      x > 0 ? "must be > 0 and ≤ 1e15 when frequency > 0" : "must be ≥ 0 and ≤ 1e15",
      monetaryValue,
      "the average value of the seller's repeat purchases",
    );
  return new Decimal(ggExpectedSpend(g, x, x === 0 ? 0 : m).toPrecision(15));
}
