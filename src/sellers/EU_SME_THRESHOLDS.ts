/**
 * Ceilings of the EU SME definition, Commission Recommendation 2003/361/EC, Annex, Article 2
 * (amounts in EUR). An enterprise is in a class when its staff headcount is **below** `staff`
 * AND its annual turnover does not exceed `turnover` OR its balance-sheet total does not exceed
 * `balanceSheet`.
 *
 * | class  | staff (AWU) | turnover     | balance sheet |
 * |--------|-------------|--------------|---------------|
 * | micro  | < 10        | ≤ €2 million | ≤ €2 million  |
 * | small  | < 50        | ≤ €10 million| ≤ €10 million |
 * | medium | < 250       | ≤ €50 million| ≤ €43 million |
 *
 * ## References
 * Commission Recommendation of 6 May 2003 concerning the definition of micro, small and
 * medium-sized enterprises (2003/361/EC), OJ L 124, 20.5.2003, p. 36, Annex Art. 2.
 *
 * @example
 * ```ts
 * import { EU_SME_THRESHOLDS } from "marketplace-economics";
 * EU_SME_THRESHOLDS.medium.balanceSheet; //=> "43000000"
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export const EU_SME_THRESHOLDS = Object.freeze({
  micro: Object.freeze({ staff: 10, turnover: "2000000", balanceSheet: "2000000" }),
  small: Object.freeze({ staff: 50, turnover: "10000000", balanceSheet: "10000000" }),
  medium: Object.freeze({ staff: 250, turnover: "50000000", balanceSheet: "43000000" }),
} as const);
