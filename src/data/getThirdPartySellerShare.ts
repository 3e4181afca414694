import type { Decimal } from "decimal.js";
import { ErrorCode } from "../errors.js";
import { rangeError, toInteger } from "../_lib/validate.js";
import { thirdPartySellerShareOfGms } from "./thirdPartySellerShareOfGms.js";

const FN = "getThirdPartySellerShare";

/**
 * The published third-party seller share of Amazon's physical gross merchandise sales for a
 * year, from {@link thirdPartySellerShareOfGms}.
 *
 * No interpolation or extrapolation: only the published years 1999–2018 are answered.
 *
 * @param year - calendar year, an integer from 1999 to 2018
 * @returns the share as a decimal fraction (0.56 = 56 %)
 * @throws {@link ValidationTypeError} when `year` is not a number
 * @throws {@link ValidationError} when `year` is not an integer (`NOT_INTEGER`), not finite
 *   (`INVALID_NUMBER`) or outside 1999–2018 (`OUT_OF_RANGE`)
 *
 * @example
 * ```ts
 * import { getThirdPartySellerShare } from "marketplace-economics";
 * getThirdPartySellerShare(2017).toString(); //=> "0.56"
 * getThirdPartySellerShare(1999).toNumber(); //=> 0.03
 * ```
 *
 * @category Data
 * @since 0.1.0
 */
export function getThirdPartySellerShare(year: number): Decimal {
  const y = toInteger(year, FN, "year");
  const point = thirdPartySellerShareOfGms.find((p) => p.year === y);
  if (point === undefined) {
    const first = thirdPartySellerShareOfGms[0]?.year ?? 1999;
    const last = thirdPartySellerShareOfGms.at(-1)?.year ?? 2018;
    return rangeError(FN, "year", ErrorCode.OUT_OF_RANGE, `must be a published year`, year, `an integer from ${first} to ${last}`);
  }
  return point.share;
}
