/**
 * Concentration thresholds of the U.S. DOJ/FTC Merger Guidelines (December 2023), for use with
 * {@link herfindahlHirschmanIndex}.
 *
 * - `highlyConcentrated`: a market with HHI **greater than** 1,800 is highly concentrated;
 * - `significantIncrease`: a merger increasing the HHI by **more than** 100 in a highly
 *   concentrated market is presumed to substantially lessen competition;
 * - `mergedFirmShare`: the same presumption applies when the merged firm's share exceeds 30 %
 *   and the HHI increase exceeds 100.
 *
 * (The 1992/1997 Horizontal Merger Guidelines also called 1,000–1,800 "moderately concentrated"
 * and below 1,000 "unconcentrated"; those bands are given as `legacyModeratelyConcentrated` for
 * comparison, they are not part of the 2023 presumption.)
 *
 * ## References
 * U.S. Department of Justice & Federal Trade Commission, Merger Guidelines (2023), § 2.1
 * Guideline 1, https://www.justice.gov/atr/merger-guidelines/applying-merger-guidelines/guideline-1 .
 *
 * @example
 * ```ts
 * import { herfindahlHirschmanIndex, HHI_MERGER_GUIDELINES_2023 } from "marketplace-economics";
 * herfindahlHirschmanIndex([50, 30, 20]).gt(HHI_MERGER_GUIDELINES_2023.highlyConcentrated); //=> true
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export const HHI_MERGER_GUIDELINES_2023 = Object.freeze({
  highlyConcentrated: 1800,
  significantIncrease: 100,
  mergedFirmShare: "0.3",
  legacyModeratelyConcentrated: 1000,
} as const);
