import { buildSchedule, compile } from "./_lib/schedule.js";
import type { FeeSchedule, FeeScheduleInput } from "./types.js";

/**
 * Validate a fee schedule given as data (categories with a referral percentage and a per-item
 * minimum, closing fees, fixed per-order and per-item fees, a fulfilment fee per item) into a
 * frozen {@link FeeSchedule}.
 *
 * Every amount is in the schedule's currency, non-negative and in whole minor units; rates are
 * from 0 to 1 with at most 12 decimal places. The result (or its JSON form) is what
 * {@link saleFees}, {@link takeRateBySegment}, {@link payoutSchedule} and {@link unitEconomics} take.
 * No marketplace's real fees are bundled: {@link ILLUSTRATIVE_FEE_SCHEDULE} is a made-up example.
 *
 * @param input - the schedule as data
 * @returns the validated, frozen schedule
 * @throws {@link ValidationError} on an unknown currency, a rate outside [0, 1], a negative or sub-minor-unit amount, no or duplicate categories, an unknown `defaultCategory` or option
 * @throws {@link ValidationTypeError} when a field has the wrong type
 * @throws {@link CurrencyMismatchError} when an amount is a Money in another currency
 *
 * @example
 * ```ts
 * import { createFeeSchedule } from "marketplace-economics";
 * const s = createFeeSchedule({ currency: "USD", categories: [{ category: "books", rate: "0.15", closingFeePerItem: "1.80" }], perItemFee: "0.99" });
 * s.categories[0]?.closingFeePerItem.amount.toString(); //=> "1.8"
 * s.rounding; //=> "half-even"
 * ```
 *
 * @category Fees
 * @since 0.2.0
 */
export function createFeeSchedule(input: FeeScheduleInput): FeeSchedule {
  const s = buildSchedule(input, "createFeeSchedule", "input");
  compile(s, "createFeeSchedule", "input");
  return s;
}
