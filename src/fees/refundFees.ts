import { ErrorCode } from "../errors.js";
import { rangeError, toOptions } from "../_lib/validate.js";
import { compile, divRound, feeParts, moneyOf, readSale, toFeeAmount, toSaleFees } from "./_lib/schedule.js";
import type { AmountInput } from "../money/types.js";
import type { FeeRefund, FeeSale, FeeSchedule } from "./types.js";

/**
 * The {@link refundFees} function options.
 *
 * @category Fees
 * @since 0.3.0
 */
export interface RefundFeesOptions {
  /** Amount refunded to the buyer (≥ 0, at most the sale amount, whole minor units, the schedule's currency); default the whole sale amount. */
  readonly amount?: AmountInput;
}

/**
 * The fees a marketplace gives back to the seller when a sale is refunded in full or in part,
 * under the schedule's refund policy (`refunds` on the {@link FeeSchedule}, or on the sale's
 * {@link FeeCategory}, which replaces it).
 *
 * ## Notes
 * With A the sale amount, R the amount refunded (R ≤ A) and `prop(x) = round(x × R ÷ A)` (the
 * schedule's rounding; `prop(x) = x` on a full refund, R = A):
 * - referral base = prop(referral); administration fee = min(administrationMax,
 *   round(administrationRate × referral base)); referral refunded = base − administration fee;
 * - closing refunded = prop(closing) (`"always"`), closing on a full refund only
 *   (`"full-refund-only"`), or 0 (`"never"`);
 * - per-item and per-order fees prop(·) when `fixedFees`, fulfilment prop(·) when `fulfilment`,
 *   else 0.
 *
 * Since R ≤ A and the administration rate is at most 1, every refunded fee is at most the fee
 * charged, so `total ≤ charged.total ≤ A`. Without a policy the referral fee is refunded in
 * proportion, with no administration fee, and nothing else. The administration fee is computed
 * per call (per refunded sale record, Amazon's "per line item"). For a partial refund Amazon's
 * pages say the referral fee is credited in proportion; applying the administration fee to that
 * proportional part (rather than to the original referral fee) is this library's reading.
 *
 * ## References
 * - Amazon Seller Central (US), "Refund administration fee" (help page GDC3U6FWF4JJJJC7):
 *   non-media products, 100 % refunded: the lesser of $5 or 20 % of the referral fee; books,
 *   music, video and DVD: $0 on a full refund, and on a partial refund Amazon keeps the closing
 *   fee and credits a proportional referral fee. Worked example (also on the EU pages,
 *   help 200387220): 15 % × $345 = $51.75 referral, 20 % = $10.35 capped at $5.00. Read on a stored
 *   copy of the page.
 *
 * @param schedule - a {@link FeeSchedule} from {@link createFeeSchedule} (or its JSON form)
 * @param sale - the sale refunded, as given to {@link saleFees}
 * @param options - see {@link RefundFeesOptions}
 * @returns the refunded fees, the administration fee, the fees charged and the seller's cost of the refund
 * @throws {@link ValidationError} when the refund amount is negative, above the sale amount or
 *   not in whole minor units, and on every error of {@link saleFees}
 * @throws {@link ValidationTypeError} when the sale, the options or a field has the wrong type
 * @throws {@link CurrencyMismatchError} when the sale or the refund amount is in another currency than the schedule
 *
 * @example
 * ```ts
 * import { createFeeSchedule, money, refundFees } from "marketplace-economics";
 * const s = createFeeSchedule({ currency: "USD", categories: [{ category: "toys", rate: "0.15" }], refunds: { administrationRate: "0.2", administrationMax: "5.00" } });
 * const r = refundFees(s, { category: "toys", amount: money("345.00", "USD") });
 * [r.charged.referral.amount.toFixed(2), r.administrationFee.amount.toFixed(2), r.referral.amount.toFixed(2)]; //=> ["51.75", "5.00", "46.75"]
 * refundFees(s, { category: "toys", amount: money("57.00", "USD") }).administrationFee.amount.toFixed(2); //=> "1.71"
 * refundFees(s, { category: "toys", amount: money("100.00", "USD") }, { amount: "40.00" }).referral.amount.toFixed(2); //=> "4.80"
 * ```
 *
 * @category Fees
 * @since 0.3.0
 */
export function refundFees(schedule: FeeSchedule, sale: FeeSale, options?: RefundFeesOptions): FeeRefund {
  const fn = "refundFees";
  const c = compile(schedule, fn);
  const s = readSale(c, sale, fn, "sale", false);
  const o = toOptions(options, fn, "options", ["amount"]);
  const a = s.amount;
  const refunded = o["amount"] === undefined ? a : toFeeAmount(o["amount"], fn, "options.amount", c.currency, c.digits);
  if (refunded > a) rangeError(fn, "options.amount", ErrorCode.OUT_OF_RANGE, "must not exceed the sale amount", o["amount"], `an amount from 0 to ${moneyOf(a, c).amount.toString()}`);
  const parts = feeParts(c, s.cat, a, s.units);
  const full = refunded === a;
  const prop = (x: bigint): bigint => (full ? x : divRound(x * refunded, a, c.rounding));
  const policy = s.cat.refund;
  const base = prop(parts.referral);
  const rated = divRound(base * policy.num, policy.den, c.rounding);
  const admin = policy.max !== null && policy.max < rated ? policy.max : rated;
  const referral = base - admin;
  const closing = policy.closing === "always" ? prop(parts.closing) : policy.closing === "full-refund-only" && full ? parts.closing : 0n;
  const perItem = policy.fixedFees ? prop(parts.perItem) : 0n;
  const perOrder = policy.fixedFees ? prop(parts.perOrder) : 0n;
  const fulfilment = policy.fulfilment ? prop(parts.fulfilment) : 0n;
  const total = referral + closing + perItem + perOrder + fulfilment;
  const m = (x: bigint) => moneyOf(x, c);
  return Object.freeze({
    category: parts.category,
    refundedAmount: m(refunded),
    full,
    charged: toSaleFees(c, parts),
    referral: m(referral),
    administrationFee: m(admin),
    closing: m(closing),
    perItem: m(perItem),
    perOrder: m(perOrder),
    fulfilment: m(fulfilment),
    total: m(total),
    sellerCost: m(refunded - total),
  });
}
