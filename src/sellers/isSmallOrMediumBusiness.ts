import { classifyImpl } from "./_lib/classify.js";
import type { ClassifyEnterpriseSizeOptions } from "./classifyEnterpriseSize.js";
import type { EnterpriseFacts, SizeStandardName } from "./types.js";

/**
 * Whether an enterprise is a small or medium-sized business (an SME / SMB) under a size
 * standard: `true`, `false`, or `undefined` when the facts given cannot decide.
 *
 * EU: micro, small and medium are SMEs. US-SBA: "small" under the NAICS size standard. See
 * {@link classifyEnterpriseSize} for the rules and for why a fact is missing.
 *
 * @param facts - headcount, turnover / receipts, balance sheet, NAICS code
 * @param standard - `"EU-2003/361"` (default) or `"US-SBA"`
 * @param options - SBA table and NAICS code; `toEur` to convert non-EUR amounts for the EU standard
 * @returns `true`, `false`, or `undefined` when facts are missing
 * @throws {@link ValidationError} as {@link classifyEnterpriseSize}
 * @throws {@link CurrencyMismatchError} as {@link classifyEnterpriseSize}
 *
 * @example
 * ```ts
 * import { isSmallOrMediumBusiness, money } from "marketplace-economics";
 * isSmallOrMediumBusiness({ employees: 120, annualTurnover: money("45000000", "EUR") }); //=> true
 * isSmallOrMediumBusiness({ employees: 300 }); //=> false
 * isSmallOrMediumBusiness({ employees: 120 }); //=> undefined
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export function isSmallOrMediumBusiness(facts: EnterpriseFacts, standard: SizeStandardName = "EU-2003/361", options?: ClassifyEnterpriseSizeOptions): boolean | undefined {
  return classifyImpl(facts, standard, options, "isSmallOrMediumBusiness").isSme;
}
