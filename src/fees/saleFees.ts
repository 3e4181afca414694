import { compile, feeParts, readSale, toSaleFees } from "./_lib/schedule.js";
import type { FeeSale, FeeSchedule, SaleFees } from "./types.js";

/**
 * The fees and net proceeds of one sale under a fee schedule.
 *
 * ## Notes
 * With A the sale amount (minor units), u the units and the sale's category:
 * referral = max(round(A × rate), minimumPerItem × u) (rounding of the schedule, default
 * half-even); closing = closingFeePerItem × u; perItem = perItemFee × u; perOrder = perOrderFee;
 * fulfilment = fulfilmentPerItem × u. The fees never exceed the sale: they are charged in that
 * order and each is cut to what is left of A (`capped: true` then), so `0 ≤ total ≤ A` and
 * `net = A − total ≥ 0`. A sale amount is never negative: the fees given back on a refund are
 * {@link refundFees}.
 *
 * @param schedule - a {@link FeeSchedule} from {@link createFeeSchedule} (or its JSON form / the same data)
 * @param sale - the sale: `category`, `amount` (≥ 0, whole minor units, the schedule's currency), `units` (default 1)
 * @returns the frozen fee breakdown
 * @throws {@link ValidationError} on an unknown category (without `defaultCategory`), a negative or sub-minor-unit amount, bad units, or an invalid schedule
 * @throws {@link ValidationTypeError} when the sale or a field has the wrong type
 * @throws {@link CurrencyMismatchError} when the sale is in another currency than the schedule
 *
 * @example
 * ```ts
 * import { createFeeSchedule, money, saleFees } from "marketplace-economics";
 * const s = createFeeSchedule({ currency: "USD", categories: [{ category: "toys", rate: "0.15", minimumPerItem: "0.30" }], perItemFee: "0.99" });
 * const f = saleFees(s, { category: "toys", amount: money("24.99", "USD") });
 * f.referral.amount.toString(); //=> "3.75"
 * f.total.amount.toString(); //=> "4.74"
 * f.net.amount.toString(); //=> "20.25"
 * saleFees(s, { category: "toys", amount: money("1.00", "USD") }).referral.amount.toString(); //=> "0.3"
 * ```
 *
 * @category Fees
 * @since 0.2.0
 */
export function saleFees(schedule: FeeSchedule, sale: FeeSale): SaleFees {
  const fn = "saleFees";
  const c = compile(schedule, fn);
  const s = readSale(c, sale, fn, "sale", false);
  return toSaleFees(c, feeParts(c, s.cat, s.amount, s.units));
}
