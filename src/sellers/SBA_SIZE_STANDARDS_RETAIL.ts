import type { SbaSizeStandard } from "./types.js";

/**
 * A small, cited table of US SBA size standards (13 CFR 121.201) for online retail, used by
 * {@link classifyEnterpriseSize} with `"US-SBA"` when the caller passes no table of their own.
 *
 * Only figures whose source could be checked are included, each with its citation and dates:
 *
 * - **454110 Electronic Shopping and Mail-Order Houses** (NAICS 2017): average annual receipts
 *   of $41.5 million. This is the figure quoted for 454110 in 2022, before SBA adopted NAICS 2022
 *   (87 FR 59240, effective 2022-10-01), which retired code 454110 and spread online retailers over
 *   the store-based codes of Sector 44-45 (e.g. a furniture e-tailer under 449110 Furniture
 *   Retailers). It applies to periods before that date, such as the 2017 figures of the
 *   Amazon 2018 report only approximately: the date from which $41.5 million applied was not
 *   verified here (SBA's inflation adjustment effective 2019-08-19, 84 FR 34261, is the likely
 *   origin), so `effective` is left out. Check the figure for your period before relying on it.
 *
 * **Current (NAICS 2022) figures are not bundled**: SBA changed the Sector 44-45 standards on
 * 2022-07-14 (87 FR 35869), 2022-10-01 (87 FR 59240) and again for inflation (87 FR 69118,
 * published 2022-11-17). Read the current table at https://www.ecfr.gov/current/title-13/part-121
 * (§ 121.201) and pass the rows you need as `options.sizeStandards`.
 *
 * ## References
 * 13 CFR 121.201; Davis Steele, "Pay Attention to the NAICS 2022 Revisions" (2022) quoting
 * 454110 at $41.5 million; 87 FR 59240 (2022-09-29).
 *
 * @example
 * ```ts
 * import { SBA_SIZE_STANDARDS_RETAIL } from "marketplace-economics";
 * SBA_SIZE_STANDARDS_RETAIL[0]?.limit; //=> "41.5"
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export const SBA_SIZE_STANDARDS_RETAIL: readonly SbaSizeStandard[] = Object.freeze([
  Object.freeze({
    naicsCode: "454110",
    title: "Electronic Shopping and Mail-Order Houses",
    measure: "receipts",
    limit: "41.5",
    source: "13 CFR 121.201 (NAICS 2017 table) as quoted in Davis Steele, \"Pay Attention to the NAICS 2022 Revisions\" (2022)",
    supersededOn: "2022-10-01",
  } as const),
]);
