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
 * **Current (NAICS 2022) figures are not bundled**, because none could be verified against a
 * stored copy of the table. The rules that set them were confirmed (title, citation and dates
 * only): SBA raised the Sector 44-45 standards effective 2022-07-14 (87 FR 35869, published
 * 2022-06-14); adopted NAICS 2022 effective 2022-10-01 (87 FR 59240, published 2022-09-29),
 * which retired 454110; added a further 13.65 % inflation increase to the monetary standards
 * recently revised in its five-year review, effective 2022-12-19 (87 FR 69118, published
 * 2022-11-17, interim final provisions), finalised
 * without change by 88 FR 46048 (published and effective 2023-07-19). The rows for the codes
 * online sellers now fall under (455110 Department Stores, 455219 All Other General Merchandise
 * Retailers, 458110 Clothing and Clothing Accessories Retailers, 449210 Electronics and
 * Appliance Retailers, 459120 Hobby, Toy, and Game Retailers, 456110 Pharmacies and Drug
 * Retailers, 444110 Home Centers, 459210 Book Retailers and News Dealers...) were not in any
 * stored excerpt, so no figure is shipped for them rather than a guessed one. (A pre-rule
 * article quotes a *proposed* $22.0 million for 449110 Furniture Retailers; proposals are not
 * standards, so it is not used.) Read the current table at
 * https://www.ecfr.gov/current/title-13/part-121 (§ 121.201) and pass the rows you need as
 * `options.sizeStandards`, each with its `source` and `effective` date.
 *
 * ## References
 * 13 CFR 121.201; Davis Steele, "Pay Attention to the NAICS 2022 Revisions" (2022) quoting
 * 454110 at $41.5 million; 87 FR 35869 (2022-06-14); 87 FR 59240 (2022-09-29); 87 FR 69118
 * (2022-11-17, effective 2022-12-19); 88 FR 46048 (2023-07-19).
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
    source: '13 CFR 121.201 (NAICS 2017 table) as quoted in Davis Steele, "Pay Attention to the NAICS 2022 Revisions" (2022)',
    supersededOn: "2022-10-01",
  } as const),
]);
