import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { toDecimalInRange, toOption, toOptions, toRecord, typeError } from "../_lib/validate.js";
import { deepFreeze } from "../_lib/freeze.js";
import type { NumericInput } from "../money/types.js";

/**
 * The tolerance rule {@link checkAprTolerance} applies: `"reg-z"` (12 CFR 1026.22(a)(2)–(3):
 * above or below), `"california"` (Cal. Code Regs. tit. 10 § 955(a): only an understatement
 * counts, plus the 2.5 % relative rule) or `"new-york"` (since 0.3.0; 23 NYCRR § 600.4(a): above
 * or below, plus the 2.5 % relative rule).
 *
 * @category TVM
 * @since 0.3.0
 */
export type AprToleranceRegime = "reg-z" | "california" | "new-york";

/**
 * The {@link checkAprTolerance} input.
 *
 * @category TVM
 * @since 0.3.0
 */
export interface CheckAprToleranceInput {
  /** The APR shown to the borrower, as a decimal (0.1025 = 10.25 %), 0 to 100. */
  readonly disclosedApr: NumericInput;
  /** The APR computed by the regulation's method ({@link aprRegZ} or {@link aprUnitedStatesRule}), as a decimal, 0 to 100. */
  readonly apr: NumericInput;
  /**
   * An irregular transaction: multiple advances, irregular payment periods or irregular payment
   * amounts, other than an irregular first period or an irregular first or final payment
   * (§ 1026.22(a)(3); § 955(a)(2)). Default `false`.
   */
  readonly irregular?: boolean;
  /** Default `"reg-z"`. */
  readonly regime?: AprToleranceRegime;
}

/**
 * The verdict of {@link checkAprTolerance}.
 *
 * @category TVM
 * @since 0.3.0
 */
export interface AprToleranceCheck {
  /** Whether the disclosed APR is considered accurate. */
  readonly accurate: boolean;
  readonly regime: AprToleranceRegime;
  readonly irregular: boolean;
  /** disclosedApr − apr, in percentage points (−0.2 = disclosed 0.2 point too low). */
  readonly differencePoints: Decimal;
  /** The allowed difference in percentage points: 0.125 or 0.25. */
  readonly tolerancePoints: Decimal;
  /**
   * California § 955(a)(3) and New York § 600.4(a)(3) only: (apr − disclosedApr) / disclosedApr ×
   * 100, the percentage difference that passes at 2.5 or less; `null` for Reg Z or a disclosed APR of 0.
   */
  readonly percentageDifference: Decimal | null;
  /** The paragraph that made the disclosure accurate, or the paragraphs it failed. */
  readonly rule: string;
}

const FN = "checkAprTolerance";
const REGIMES: readonly AprToleranceRegime[] = ["reg-z", "california", "new-york"];

/**
 * Whether a disclosed APR is accurate within the tolerance an examiner applies: Regulation Z's
 * 1/8 of a percentage point (regular) or 1/4 point (irregular transactions), or California's
 * commercial-financing tolerance, which forgives any overstatement.
 *
 * ## Notes
 * - **Regulation Z**, 12 CFR 1026.22(a)(2): accurate if "not more than ⅛ of 1 percentage point
 *   above or below" the APR determined under (a)(1); (a)(3): ¼ point "in an irregular
 *   transaction" — one with "multiple advances, irregular payment periods, or irregular payment
 *   amounts (other than an irregular first period or an irregular first or final payment)".
 *   The mortgage tolerances of (a)(4)–(5) (tied to the finance charge) are not modelled.
 * - **California**, Cal. Code Regs. tit. 10 § 955(a): accurate if (1) not more than ⅛ point
 *   *below* the APR of § 940(a), or (2) in an irregular transaction not more than ¼ point below,
 *   or (3) the percentage difference — (APR − disclosed) / disclosed × 100 — is 2.5 or less.
 *   An overstated APR therefore always passes.
 * - **New York**, 23 NYCRR § 600.4(a): accurate if (1) not more than ⅛ point "above or below"
 *   the APR of § 600.3(b), or (2) in an irregular transaction (same definition) not more than ¼
 *   point above or below, or (3) the percentage difference — the disclosed APR "subtracted from"
 *   the APR determined, "divided by rate disclosed" × 100 — is 2.5 or less (so an overstatement
 *   also passes (a)(3), the difference being negative).
 * - The comparison is exact (Decimal): a difference of exactly ⅛ point passes.
 *
 * ## Display rounding of the APR, by regime
 * - **Regulation Z** prescribes no number of decimals: "The regulation does not require that the
 *   annual percentage rate be calculated to any particular number of decimal places; rounding is
 *   permissible within the 1/8th of 1 percent tolerance. For example, an exact annual percentage
 *   rate of 14.33333% may be stated as 14.33% or as 14.3%, or even as 14 1/4%; but it could not be
 *   stated as 14.2% or 14%" (official comment 14(a)-2, written for open-end credit, whose
 *   § 1026.14(a) tolerance is the same ⅛ point). The statute, 15 U.S.C. § 1606(c), also treats a
 *   rate "rounded to the nearest one-fourth of 1 per centum" as accurate, which can never be more
 *   than ⅛ point off. No closed-end rounding rule was read. So the library shows the exact APR,
 *   and a rounded figure is checked by this function.
 * - **California**, Cal. Code Regs. tit. 10 § 901(a)(5): "The annual percentage rate shall be
 *   expressed to the nearest ten basis points. For example: "10.45%."" — the text (one decimal of
 *   a percent) is what {@link disclosure}'s `displayedApr` applies, ties rounded half up (the
 *   library's choice: the text names no tie rule); its own example shows two decimals.
 * - **New York**: no display rounding rule was found in the sections of 23 NYCRR Part 600 read
 *   (§§ 600.3, 600.4, 600.5(a)–(b)); `displayedApr` is `null` there.
 *
 * ## References
 * 12 CFR 1026.22(a)(1)–(3) (read in the Federal Reserve's FRRS copy,
 * frrsdigital.com/topic-by-locator/6-5885, and, as the then § 226.22(a), in GPO's CFR edition of
 * 2004-01-01, edocket.access.gpo.gov/cfr_2004/janqtr/12cfr226.22.htm); official comment 14(a)-2
 * to Part 1026 (consumerfinance.gov/rules-policy/regulations/1026/2024-01-01/interp-14/);
 * 15 U.S.C. § 1606(c) (old.govregs.com copy of the U.S. Code); Cal. Code Regs. tit. 10
 * § 955(a)(1)–(3) (operative 2022-12-09; regulations.justia.com copy) and § 901(a)(5)
 * (casetext.com copy); 23 NYCRR § 600.4(a)(1)–(3) (eff. 2023-02-01; read in the casetext.com copy
 * of the regulation).
 *
 * @param input - {@link CheckAprToleranceInput}: disclosed and computed APR (decimals), irregular flag, regime
 * @returns a frozen {@link AprToleranceCheck}
 * @throws {@link ValidationError} when an APR is not a number from 0 to 100, `irregular` is not a boolean, the regime is unknown, or a key is unknown
 *
 * @example
 * ```ts
 * import { checkAprTolerance } from "marketplace-economics";
 * // 9.69 % computed (Appendix J (c)(1)(i)), 9.80 % disclosed: 0.11 point above, within 1/8 point
 * checkAprTolerance({ disclosedApr: "0.098", apr: "0.0969" }).accurate; //=> true
 * checkAprTolerance({ disclosedApr: "0.0955", apr: "0.0969" }).accurate; //=> false
 * // California forgives an overstatement
 * checkAprTolerance({ disclosedApr: "0.12", apr: "0.0969", regime: "california" }).rule; //=> "Cal. Code Regs. tit. 10 § 955(a)(1)"
 * // New York: 40 % computed, 39.5 % disclosed is 0.5 point off but (40 − 39.5) / 39.5 × 100 = 1.27 ≤ 2.5
 * checkAprTolerance({ disclosedApr: "0.395", apr: "0.4", regime: "new-york" }).rule; //=> "23 NYCRR § 600.4(a)(3)"
 * // Comment 14(a)-2: an exact 14.33333 % may be stated as 14 1/4 %, not as 14.2 %
 * [checkAprTolerance({ disclosedApr: "0.1425", apr: "0.1433333" }).accurate, checkAprTolerance({ disclosedApr: "0.142", apr: "0.1433333" }).accurate]; //=> [true, false]
 * ```
 *
 * @category TVM
 * @since 0.3.0
 */
export function checkAprTolerance(input: CheckAprToleranceInput): AprToleranceCheck {
  const o = toOptions(toRecord(input, FN, "input"), FN, "input", ["disclosedApr", "apr", "irregular", "regime"]);
  const disclosed = toRate(o["disclosedApr"], "input.disclosedApr");
  const apr = toRate(o["apr"], "input.apr");
  const irregular = o["irregular"] ?? false;
  if (typeof irregular !== "boolean") typeError(FN, "input.irregular", ErrorCode.INVALID_TYPE, "must be a boolean", irregular, "true or false");
  const regime = o["regime"] === undefined ? "reg-z" : toOption(o["regime"], FN, "input.regime", REGIMES);
  const difference = disclosed.minus(apr).times(100);
  const tolerance = new Decimal(irregular ? "0.25" : "0.125");
  let accurate: boolean;
  let rule: string;
  let pct: Decimal | null = null;
  if (regime === "reg-z") {
    accurate = difference.abs().lessThanOrEqualTo(tolerance);
    rule = `12 CFR 1026.22(a)(${irregular ? 3 : 2})`;
  } else if (regime === "new-york") {
    const para = irregular ? 2 : 1;
    const withinPoints = difference.abs().lessThanOrEqualTo(tolerance);
    pct = disclosed.isZero() ? null : apr.minus(disclosed).div(disclosed).times(100);
    const withinPct = pct !== null && pct.lessThanOrEqualTo("2.5");
    accurate = withinPoints || withinPct;
    rule = withinPoints ? `23 NYCRR § 600.4(a)(${para})` : withinPct ? "23 NYCRR § 600.4(a)(3)" : `23 NYCRR § 600.4(a)(${para}), (a)(3)`;
  } else {
    const para = irregular ? 2 : 1;
    const withinPoints = difference.greaterThanOrEqualTo(tolerance.neg());
    pct = disclosed.isZero() ? null : apr.minus(disclosed).div(disclosed).times(100);
    const withinPct = pct !== null && pct.lessThanOrEqualTo("2.5");
    accurate = withinPoints || withinPct;
    rule = withinPoints ? `Cal. Code Regs. tit. 10 § 955(a)(${para})` : withinPct ? "Cal. Code Regs. tit. 10 § 955(a)(3)" : `Cal. Code Regs. tit. 10 § 955(a)(${para}), (a)(3)`;
  }
  return deepFreeze({ accurate, regime, irregular, differencePoints: difference, tolerancePoints: tolerance, percentageDifference: pct, rule });
}

function toRate(value: unknown, arg: string): Decimal {
  return toDecimalInRange(value, FN, arg, 0, 100);
}
