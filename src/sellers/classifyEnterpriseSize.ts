import { classifyImpl } from "./_lib/classify.js";
import type { Money } from "../money/types.js";
import type { EnterpriseFacts, EnterpriseSizeResult, SbaSizeStandard, SizeStandardName } from "./types.js";

/**
 * The {@link classifyEnterpriseSize} function options.
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface ClassifyEnterpriseSizeOptions {
  /** US-SBA: the size-standard table to use (default {@link SBA_SIZE_STANDARDS_RETAIL}). */
  readonly sizeStandards?: readonly SbaSizeStandard[] | undefined;
  /** US-SBA: NAICS code, when `facts` has none. */
  readonly naicsCode?: string | undefined;
  /**
   * EU-2003/361: converts a turnover or balance-sheet total that is not in EUR to EUR (e.g. a US
   * seller's USD figures). Called once per non-EUR amount (never for EUR amounts); must return a
   * non-negative `Money` in EUR. Which rate to use (the closing rate of the accounting period,
   * an annual average...) is the caller's choice; the Recommendation does not fix one. Without
   * it, non-EUR amounts throw {@link CurrencyMismatchError}. Ignored by US-SBA.
   *
   * @since 0.1.0
   */
  readonly toEur?: ((amount: Money) => Money) | undefined;
}

/**
 * Classify an enterprise (a seller) by size under the EU SME definition or a US SBA size
 * standard, and say which facts were missing when the classification is impossible.
 *
 * ## Notes
 * **"EU-2003/361"** (Commission Recommendation 2003/361/EC, Annex Art. 2; ceilings in
 * {@link EU_SME_THRESHOLDS}): the smallest class whose staff ceiling is not reached AND whose
 * turnover OR balance-sheet ceiling is met. Amounts must be in EUR: pass `options.toEur` to
 * convert other currencies (the reason then says which facts were converted); without it
 * they throw {@link CurrencyMismatchError}. Headcount is needed; a financial fact is
 * needed only when the other one does not settle it (e.g. staff 5 and turnover €1M → micro
 * without a balance sheet; staff 5 and turnover €3M → needs the balance sheet). Linked and partner
 * enterprises (Art. 3–6) are the caller's job: pass consolidated figures.
 *
 * **"US-SBA"** (13 CFR 121.201): a business is small when its employees or average annual
 * receipts (in USD, `annualTurnover`) do not exceed the standard of its NAICS industry. The
 * answer is `"small"` or `"large"` (SBA has no micro/medium). The table defaults to
 * {@link SBA_SIZE_STANDARDS_RETAIL}; pass current rows as `options.sizeStandards`.
 *
 * When facts are missing the result has `size: undefined` and `missing` lists them — never a
 * guess.
 *
 * @param facts - headcount, turnover / receipts, balance sheet, NAICS code (a {@link Seller} works)
 * @param standard - `"EU-2003/361"` or `"US-SBA"`
 * @param options - SBA table and NAICS code; `toEur` for the EU standard
 * @returns the size class (or `undefined`), `isSme`, the missing facts and the reason
 * @throws {@link ValidationError} on an unknown standard, negative or non-integer headcount, negative
 *   amount, or a NAICS code absent from the table
 * @throws {@link CurrencyMismatchError} when EU amounts are not in EUR (and no `toEur`, or it returns
 *   another currency) or SBA receipts not in USD
 * @throws {@link ValidationTypeError} when `options.toEur` is not a function or returns a non-Money
 *
 * @example
 * ```ts
 * import { classifyEnterpriseSize, money, type Money } from "marketplace-economics";
 * classifyEnterpriseSize({ employees: 40, annualTurnover: money("12000000", "EUR"), balanceSheetTotal: money("9000000", "EUR") }, "EU-2003/361").size; //=> "small"
 * classifyEnterpriseSize({ employees: 5, annualTurnover: money("3000000", "EUR") }, "EU-2003/361").missing; //=> ["balanceSheetTotal"]
 * classifyEnterpriseSize({ naicsCode: "454110", annualTurnover: money("30000000", "USD") }, "US-SBA").size; //=> "small"
 * // a US seller under the EU definition: convert its USD turnover (illustrative rate 0.9 EUR per USD)
 * const toEur = (m: Money) => money(m.amount.times("0.9"), "EUR");
 * const us = { employees: 40, annualTurnover: money("10500000", "USD") };
 * classifyEnterpriseSize(us, "EU-2003/361", { toEur }).size; //=> "small"
 * classifyEnterpriseSize(us, "EU-2003/361", { toEur }).reason; //=> "small: staff 40 < 50 and turnover ≤ €10M (annualTurnover converted from USD with options.toEur)"
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export function classifyEnterpriseSize(facts: EnterpriseFacts, standard: SizeStandardName, options?: ClassifyEnterpriseSizeOptions): EnterpriseSizeResult {
  return classifyImpl(facts, standard, options, "classifyEnterpriseSize");
}
