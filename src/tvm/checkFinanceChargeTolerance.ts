import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { rangeError, toAmount, toRecord, toOptions, typeError } from "../_lib/validate.js";
import { deepFreeze } from "../_lib/freeze.js";
import type { NumericInput } from "../money/types.js";

/**
 * The {@link checkFinanceChargeTolerance} input: dollar amounts.
 *
 * @category TVM
 * @since 0.3.0
 */
export interface CheckFinanceChargeToleranceInput {
  /** The finance charge shown to the borrower, in dollars, ≥ 0. */
  readonly disclosedFinanceCharge: NumericInput;
  /** The finance charge required to be disclosed (the exact one), in dollars, ≥ 0. */
  readonly financeCharge: NumericInput;
  /** The amount financed, in dollars, > 0: it picks the $5 or $10 tolerance of § 1026.18(d)(2). */
  readonly amountFinanced: NumericInput;
  /** A transaction secured by real property or a dwelling (§ 1026.18(d)(1)). Default `false`. */
  readonly securedByRealProperty?: boolean;
}

/**
 * The verdict of {@link checkFinanceChargeTolerance}.
 *
 * @category TVM
 * @since 0.3.0
 */
export interface FinanceChargeToleranceCheck {
  /** Whether the disclosed finance charge is treated as accurate. */
  readonly accurate: boolean;
  /** disclosed − exact, in dollars (−3 = disclosed $3 too low). */
  readonly difference: Decimal;
  /** How far below the exact figure the disclosure may be, in dollars (100, 10 or 5). */
  readonly toleranceBelow: Decimal;
  /** How far above it may be, in dollars, or `null` when any overstatement is accurate (§ 1026.18(d)(1)(ii)). */
  readonly toleranceAbove: Decimal | null;
  /** The paragraph applied: `"12 CFR 1026.18(d)(1)(i)"`, `"(d)(1)(ii)"` or `"(d)(2)"`. */
  readonly rule: string;
  /**
   * Whether the tolerance applied was read in a primary text (the statute the paragraph implements,
   * or the CFPB's official commentary): `true` for (d)(1), `false` for (d)(2) (see the notes and
   * `source`). The wording of § 1026.18(d) itself was not read for either paragraph.
   */
  readonly verified: boolean;
  /** What the tolerance applied was read in, with its address (see the notes). */
  readonly source: string;
}

const FN = "checkFinanceChargeTolerance";
const KEYS = ["disclosedFinanceCharge", "financeCharge", "amountFinanced", "securedByRealProperty"] as const;
const SOURCE_D1 =
  "15 U.S.C. § 1605(f)(1) (copy: github.com/codexstanford/markdonw-chunck-of-the-usa-code/blob/73178bc737924b58117a148b8c910692532a6084/chuncks/title-15/chunck-3629.md); official comments 17(c)(2)(ii)-1, 22(a)(4)-1 to 12 CFR Part 1026 (FR doc. 2013-28210, github.com/cfpb/regulations-xml/blob/f00f32f40fed9ad7848ff63da483af876a70095e/notice/1026/2013-28210.xml); the wording of § 1026.18(d)(1) itself not read";
const SOURCE_D2 = "not read in a primary source: the $5 / $10 amounts from bankersonline.com/articles/103514, the $1,000 split from bankersonline.com/qa/reg-z-errors-disclosures (both secondary)";

/**
 * Whether a disclosed finance charge of closed-end credit is treated as accurate under
 * Regulation Z's finance-charge tolerance, 12 CFR 1026.18(d).
 *
 * ## Notes
 * - **(d)(1) mortgage loans** (`securedByRealProperty: true`, a transaction secured by real
 *   property or a dwelling): accurate if the disclosed finance charge (i) is understated by no
 *   more than $100, or (ii) is greater than the amount required to be disclosed.
 * - **(d)(2) other credit**: accurate if it is not more than $5 above or below the amount
 *   required to be disclosed when the amount financed is $1,000 or less, $10 when it is more.
 * - The comparison is exact (Decimal): a difference of exactly the tolerance passes.
 * - **Sources** (read December 2026 in stored copies). The wording of § 1026.18(d) itself could not
 *   be read in any primary copy: eCFR, govinfo, law.cornell.edu and the CFPB's Regulation Z pages
 *   were searched; the copies found (GPO's 2004 and 2006 CFR editions of the then § 226.18, the
 *   CFPB's § 1026.18 page) could be read only up to paragraph (c).
 *   - (d)(1), **verified** (`verified: true`): the statute it implements, 15 U.S.C. § 1605(f)(1)
 *     ("shall be treated as being accurate … if the amount disclosed as the finance charge (A)
 *     does not vary from the actual finance charge by more than $100; or (B) is greater than the
 *     amount required to be disclosed"), read in a verbatim copy of the U.S. Code
 *     (github.com/codexstanford/markdonw-chunck-of-the-usa-code, chuncks/title-15/chunck-3629.md);
 *     and the official commentary as the CFPB published it (Federal Register doc. 2013-28210, in
 *     the CFPB's eRegulations source github.com/cfpb/regulations-xml, notice/1026/2013-28210.xml):
 *     comment 17(c)(2)(ii)-1 ("the $100 tolerance of § 1026.18(d)(1)"; a $90 fee omitted "is
 *     within the tolerance in § 1026.18(d)(1)") and comment 22(a)(4)-1 (a $75 fee omitted: "the
 *     understated finance charge is considered accurate under § 1026.18(d)(1)").
 *   - (d)(2), **not verified** (`verified: false`): the $5 / $10 tolerances are as a compliance
 *     article describes them (BankersOnline, "Tolerances: Some New Safety Zones",
 *     bankersonline.com/articles/103514, on the then § 226.18(d)), and the $1,000
 *     amount-financed split as a BankersOnline answer states it ("$5 if the amount financed is
 *     $1,000 or less and $10 if the amount financed is greater than $1,000", "Reg Z: Errors In
 *     Disclosures", 2001, bankersonline.com/qa/reg-z-errors-disclosures). The only primary
 *     text read on (d)(2), comment 17(f)-1.i.C (same notice), treats a $35 increase in the finance
 *     charge of a transaction not secured by real property as needing redisclosure ("See
 *     § 1026.18(d)(2)"), which both amounts agree with.
 * - The commercial-financing laws of California and New York set APR tolerances
 *   ({@link checkAprTolerance}: § 955(a), § 600.4(a)); no finance-charge tolerance was found in
 *   the sections read.
 *
 * ## References
 * 12 CFR 1026.18(d)(1)–(2) (wording not read); 15 U.S.C. § 1605(f)(1); official comments
 * 17(c)(2)(ii)-1, 17(f)-1.i.C and 22(a)(4)-1 to Part 1026 (Federal Register doc. 2013-28210,
 * 2013-12-31); bankersonline.com/articles/103514 and bankersonline.com/qa/reg-z-errors-disclosures
 * (secondary).
 *
 * @param input - {@link CheckFinanceChargeToleranceInput}: disclosed and exact finance charge, amount financed (dollars), secured flag
 * @returns a frozen {@link FinanceChargeToleranceCheck}
 * @throws {@link ValidationError} when an amount is not a finite number, a finance charge is negative, the amount financed is not positive, or a key is unknown
 * @throws {@link ValidationTypeError} when `securedByRealProperty` is not a boolean or `input` is not an object
 *
 * @example
 * ```ts
 * import { checkFinanceChargeTolerance } from "marketplace-economics";
 * // $1,034.23 required on $11,760 financed: $1,026 disclosed is $8.23 too low, within $10
 * checkFinanceChargeTolerance({ disclosedFinanceCharge: "1026", financeCharge: "1034.23", amountFinanced: "11760" }).accurate; //=> true
 * checkFinanceChargeTolerance({ disclosedFinanceCharge: "1020", financeCharge: "1034.23", amountFinanced: "11760" }).rule; //=> "12 CFR 1026.18(d)(2)"
 * // Secured by a dwelling: any overstatement is accurate
 * checkFinanceChargeTolerance({ disclosedFinanceCharge: "1500", financeCharge: "1034.23", amountFinanced: "11760", securedByRealProperty: true }).rule; //=> "12 CFR 1026.18(d)(1)(ii)"
 * ```
 *
 * @category TVM
 * @since 0.3.0
 */
export function checkFinanceChargeTolerance(input: CheckFinanceChargeToleranceInput): FinanceChargeToleranceCheck {
  const o = toOptions(toRecord(input, FN, "input"), FN, "input", KEYS);
  const disclosed = nonNegative(o["disclosedFinanceCharge"], "input.disclosedFinanceCharge");
  const exact = nonNegative(o["financeCharge"], "input.financeCharge");
  const financed = toAmount(o["amountFinanced"], FN, "input.amountFinanced");
  if (!financed.greaterThan(0)) rangeError(FN, "input.amountFinanced", ErrorCode.OUT_OF_RANGE, "must be > 0", o["amountFinanced"], "an amount financed > 0");
  const secured = o["securedByRealProperty"] ?? false;
  if (typeof secured !== "boolean") typeError(FN, "input.securedByRealProperty", ErrorCode.INVALID_TYPE, "must be a boolean", secured, "true or false");
  const difference = disclosed.minus(exact);
  let accurate: boolean;
  let below: Decimal;
  let above: Decimal | null;
  let rule: string;
  if (secured) {
    below = new Decimal(100);
    above = null;
    accurate = difference.greaterThanOrEqualTo(below.neg());
    rule = difference.greaterThan(0) ? "12 CFR 1026.18(d)(1)(ii)" : "12 CFR 1026.18(d)(1)(i)";
  } else {
    below = new Decimal(financed.lessThanOrEqualTo(1000) ? 5 : 10);
    above = below;
    accurate = difference.abs().lessThanOrEqualTo(below);
    rule = "12 CFR 1026.18(d)(2)";
  }
  return deepFreeze({ accurate, difference, toleranceBelow: below, toleranceAbove: above, rule, verified: secured, source: secured ? SOURCE_D1 : SOURCE_D2 });
}

function nonNegative(value: unknown, arg: string): Decimal {
  const d = toAmount(value, FN, arg);
  if (d.isNegative() && !d.isZero()) rangeError(FN, arg, ErrorCode.OUT_OF_RANGE, "must be ≥ 0", value, "an amount ≥ 0");
  return d;
}
