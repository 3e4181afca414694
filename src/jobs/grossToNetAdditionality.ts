import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { rangeError, toDecimal, toOptions, toRecord } from "../_lib/validate.js";
import { finiteDecimal } from "./_lib/validate.js";
import type { NumericInput } from "../money/types.js";

/**
 * The adjustments of one case (the intervention, or the reference case) in
 * {@link grossToNetAdditionality}: shares from 0 to 1, and the multiplier ≥ 1.
 *
 * @category Jobs
 * @since 0.2.0
 */
export interface AdditionalityAdjustments {
  /** Gross effect of the case (e.g. gross jobs), ≥ 0. */
  readonly gross: NumericInput;
  /** Leakage L: share of the effect that benefits those outside the target area or group (0–1). */
  readonly leakage: NumericInput;
  /** Displacement Dp: share of the effect offset by reductions elsewhere in the target area (0–1). */
  readonly displacement: NumericInput;
  /** Substitution S: share of the effect from firms substituting one activity for another to take up the support (0–1). */
  readonly substitution: NumericInput;
  /** Economic multiplier M (supply-chain and income effects), ≥ 1; 1 = none. */
  readonly multiplier: NumericInput;
}

/**
 * The {@link grossToNetAdditionality} function options: the intervention's adjustments, and the
 * reference case (deadweight) either as its own adjustments or as a `deadweight` share.
 *
 * @category Jobs
 * @since 0.2.0
 */
export interface GrossToNetAdditionalityOptions extends AdditionalityAdjustments {
  /**
   * Deadweight as a share (0–1) of the intervention's gross effect that would have happened
   * anyway; the reference case then has the same leakage, displacement, substitution and
   * multiplier. Give this or `referenceCase`, not both (default: no deadweight).
   */
  readonly deadweight?: NumericInput;
  /** The reference case (what happens without the intervention) with its own gross effect and adjustments. */
  readonly referenceCase?: AdditionalityAdjustments;
}

/**
 * One step of the gross-to-net calculation in a {@link GrossToNetAdditionality}: the running
 * value after applying `factor`.
 *
 * @category Jobs
 * @since 0.2.0
 */
export interface AdditionalityStep {
  readonly adjustment: "gross" | "leakage" | "displacement" | "substitution" | "multiplier";
  /** The factor applied: (1 − share) for a share, M for the multiplier, 1 for the gross step. */
  readonly factor: Decimal;
  /** The value after this step. */
  readonly value: Decimal;
}

/**
 * The result of {@link grossToNetAdditionality}.
 *
 * @category Jobs
 * @since 0.2.0
 */
export interface GrossToNetAdditionality {
  /** Net additional effect: intervention net − reference-case net. */
  readonly net: Decimal;
  /** The intervention's net effect before deadweight, step by step. */
  readonly intervention: readonly AdditionalityStep[];
  /** The reference case's net effect (deadweight), step by step. */
  readonly referenceCase: readonly AdditionalityStep[];
  /** net ÷ gross (the gross-to-net ratio; 0 when gross is 0). */
  readonly ratio: Decimal;
}

const FN = "grossToNetAdditionality";
const KEYS = ["gross", "leakage", "displacement", "substitution", "multiplier"] as const;

function share(value: unknown, arg: string): Decimal {
  const d = toDecimal(value, FN, arg);
  if (d.lessThan(0) || d.greaterThan(1)) rangeError(FN, arg, ErrorCode.OUT_OF_RANGE, "must be a share from 0 to 1", value, "a number ≥ 0 and ≤ 1 (0.25 = 25 %)");
  return d;
}

function steps(o: Readonly<Record<string, unknown>>, base: string): AdditionalityStep[] {
  const gross = toDecimal(o["gross"], FN, `${base}gross`);
  if (gross.isNegative() && !gross.isZero()) rangeError(FN, `${base}gross`, ErrorCode.OUT_OF_RANGE, "must be ≥ 0", o["gross"], "a gross effect ≥ 0");
  const m = toDecimal(o["multiplier"], FN, `${base}multiplier`);
  if (m.lessThan(1) || m.greaterThan(100)) rangeError(FN, `${base}multiplier`, ErrorCode.OUT_OF_RANGE, "must be from 1 to 100", o["multiplier"], "a multiplier ≥ 1 (1 = no multiplier effect) and ≤ 100");
  const out: AdditionalityStep[] = [Object.freeze({ adjustment: "gross" as const, factor: new Decimal(1), value: gross })];
  let v = gross;
  for (const k of ["leakage", "displacement", "substitution"] as const) {
    const f = new Decimal(1).minus(share(o[k], `${base}${k}`));
    v = finiteDecimal(v.times(f), FN, `${base}${k}`);
    out.push(Object.freeze({ adjustment: k, factor: f, value: v }));
  }
  v = finiteDecimal(v.times(m), FN, `${base}multiplier`);
  out.push(Object.freeze({ adjustment: "multiplier" as const, factor: m, value: v }));
  return out;
}

/**
 * Net additional effect of an intervention from its gross effect (jobs, output, …), with every
 * adjustment explicit: leakage, displacement, substitution, the economic multiplier, and
 * deadweight as the reference case subtracted.
 *
 * ## Notes
 * The additionality formula of the English Partnerships *Additionality Guide* (3rd ed., 2008,
 * ch. 5 "Calculating additionality"; the same structure in the Homes and Communities Agency's 4th
 * ed., 2014, ch. 4–5):
 *
 *   AI = [GI × (1 − L) × (1 − Dp) × (1 − S) × M] − [GI* × (1 − L*) × (1 − Dp*) × (1 − S*) × M*]
 *
 * where the starred terms are the reference case (what would happen anyway: deadweight). With a
 * `deadweight` share d instead of a reference case, GI* = d × GI with the intervention's L, Dp, S
 * and M, so AI = GI × (1 − L)(1 − Dp)(1 − S)(1 − d) × M: the multiplicative form often quoted.
 * Exact decimal arithmetic; the result can be negative when the reference case exceeds the
 * intervention. The net is at most M × GI.
 *
 * ## References
 * English Partnerships, *Additionality Guide: A standard approach to assessing the additional
 * impact of interventions*, Method Statement, 3rd ed. (October 2008), ch. 4 (leakage § 4.2,
 * displacement § 4.3, substitution § 4.4, multiplier § 4.5) and ch. 5; Homes and Communities
 * Agency, *Additionality Guide*, 4th ed. (2014), same chapters; HM Treasury, *The Green Book*
 * (additionality). The 2014 formula text itself was not read here, only its table of contents.
 *
 * @param options - {@link GrossToNetAdditionalityOptions}: gross effect, shares (0–1), multiplier (≥ 1), deadweight share or reference case
 * @returns net additional effect, each case step by step, and net ÷ gross
 * @throws {@link ValidationError} when a share is outside 0–1, the gross effect is negative, a multiplier is outside 1–100, both `deadweight` and `referenceCase` are given (`CONFLICTING_OPTIONS`), or a key is unknown
 * @throws {@link ValidationTypeError} when a value is not a number
 *
 * @example
 * ```ts
 * import { grossToNetAdditionality } from "marketplace-economics";
 * const r = grossToNetAdditionality({ gross: 1000, leakage: "0.1", displacement: "0.25", substitution: 0, multiplier: "1.5", deadweight: "0.2" });
 * r.net.toString(); //=> "810"
 * r.intervention.map((s) => s.value.toString()); //=> ["1000", "900", "675", "675", "1012.5"]
 * r.referenceCase.at(-1)?.value.toString(); //=> "202.5"
 * ```
 *
 * @category Jobs
 * @since 0.2.0
 */
export function grossToNetAdditionality(options: GrossToNetAdditionalityOptions): GrossToNetAdditionality {
  const o = toOptions(toRecord(options, FN, "options"), FN, "options", [...KEYS, "deadweight", "referenceCase"]);
  if (o["deadweight"] !== undefined && o["referenceCase"] !== undefined) {
    rangeError(FN, "options", ErrorCode.CONFLICTING_OPTIONS, "gives both deadweight and referenceCase", "deadweight, referenceCase", "a deadweight share or a reference case, not both");
  }
  const intervention = steps(o, "");
  let reference: AdditionalityStep[];
  if (o["referenceCase"] !== undefined) {
    reference = steps(toOptions(toRecord(o["referenceCase"], FN, "referenceCase"), FN, "referenceCase", KEYS), "referenceCase.");
  } else {
    const d = o["deadweight"] === undefined ? new Decimal(0) : share(o["deadweight"], "deadweight");
    reference = steps({ ...o, gross: (intervention[0] as AdditionalityStep).value.times(d) }, "");
  }
  const gross = (intervention[0] as AdditionalityStep).value;
  const net = (intervention.at(-1) as AdditionalityStep).value.minus((reference.at(-1) as AdditionalityStep).value);
  return Object.freeze({
    net,
    intervention: Object.freeze(intervention),
    referenceCase: Object.freeze(reference),
    ratio: gross.isZero() ? new Decimal(0) : net.div(gross),
  });
}
