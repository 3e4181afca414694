import type { Decimal } from "decimal.js";
import type { AmountInput, Money, NumericInput, RoundingMode } from "../money/types.js";
import type { DateInput } from "../time/types.js";

/**
 * One category of a fee schedule as given to {@link createFeeSchedule}: a referral (commission)
 * percentage with an optional per-item minimum, and an optional closing fee per item.
 *
 * @category Fees
 * @since 0.2.0
 */
export interface FeeCategoryInput {
  /** Category name, unique within the schedule (e.g. `"electronics"`). */
  readonly category: string;
  /** Referral fee as a share of the sale amount (0.15 = 15 %), from 0 to 1. */
  readonly rate: NumericInput;
  /** Minimum referral fee per item (in the schedule's currency, whole minor units, ≥ 0). */
  readonly minimumPerItem?: AmountInput;
  /** Closing fee per item (a fixed fee of the category, e.g. for media), ≥ 0. */
  readonly closingFeePerItem?: AmountInput;
  /** What a refund of a sale in this category gives back (replaces the schedule's `refunds`); see {@link refundFees}. */
  readonly refunds?: FeeRefundPolicyInput;
}

/**
 * Which fees a marketplace gives back when a sale is refunded, as given to
 * {@link createFeeSchedule} (on the schedule or on one category); see {@link refundFees}.
 * Without a policy the referral fee is refunded in proportion to the amount refunded, with no
 * administration fee, and every other fee is kept.
 *
 * @category Fees
 * @since 0.3.0
 */
export interface FeeRefundPolicyInput {
  /** Share of the refunded referral fee kept as a refund administration fee (0–1; Amazon US: 0.2); default 0. */
  readonly administrationRate?: NumericInput;
  /** Most administration fee per refund (one sale record), ≥ 0, whole minor units (Amazon US: $5.00); default no cap. */
  readonly administrationMax?: AmountInput | null;
  /** Closing fees: refunded `"always"` (in proportion), on a `"full-refund-only"` (Amazon's media rule), or `"never"` (default). */
  readonly closing?: "always" | "full-refund-only" | "never";
  /** Whether the per-item and per-order fees are refunded (in proportion); default `false`. */
  readonly fixedFees?: boolean;
  /** Whether the fulfilment fee is refunded (in proportion); default `false` (the order was shipped). */
  readonly fulfilment?: boolean;
}

/**
 * A validated refund policy of a {@link FeeSchedule} or a {@link FeeCategory}.
 *
 * @category Fees
 * @since 0.3.0
 */
export interface FeeRefundPolicy {
  /** Share of the refunded referral fee kept as the administration fee. */
  readonly administrationRate: Decimal;
  /** Cap on the administration fee per refund, or `null` for none. */
  readonly administrationMax: Money | null;
  /** When closing fees are refunded. */
  readonly closing: "always" | "full-refund-only" | "never";
  /** Whether per-item and per-order fees are refunded. */
  readonly fixedFees: boolean;
  /** Whether the fulfilment fee is refunded. */
  readonly fulfilment: boolean;
}

/**
 * A fee schedule as given to {@link createFeeSchedule}: categories plus fixed fees, all in one
 * currency. Amounts are {@link Money} or plain amounts in `currency`, in whole minor units.
 *
 * @category Fees
 * @since 0.2.0
 */
export interface FeeScheduleInput {
  /** A label for the schedule (e.g. `"illustrative 2026"`). */
  readonly name?: string;
  /** ISO 4217 currency of every fee and of the sales it applies to. */
  readonly currency: string;
  /** The categories (at least one, unique names). */
  readonly categories: readonly FeeCategoryInput[];
  /** Category applied to a sale whose category is not listed (default: such a sale throws). */
  readonly defaultCategory?: string;
  /** Fixed fee per order (per sale record), ≥ 0. */
  readonly perOrderFee?: AmountInput;
  /** Fixed fee per item (e.g. a per-item selling fee), ≥ 0. */
  readonly perItemFee?: AmountInput;
  /** Fulfilment fee per item charged by the marketplace (when it ships), ≥ 0. */
  readonly fulfilmentPerItem?: AmountInput;
  /** Rounding of the percentage fee to the minor unit (default `"half-even"`). */
  readonly rounding?: RoundingMode;
  /** What a refund gives back, for every category without its own `refunds`; see {@link FeeRefundPolicyInput}. */
  readonly refunds?: FeeRefundPolicyInput;
}

/**
 * A validated fee category of a {@link FeeSchedule}.
 *
 * @category Fees
 * @since 0.2.0
 */
export interface FeeCategory {
  /** Category name. */
  readonly category: string;
  /** Referral rate (0.15 = 15 %). */
  readonly rate: Decimal;
  /** Minimum referral fee per item. */
  readonly minimumPerItem: Money;
  /** Closing fee per item. */
  readonly closingFeePerItem: Money;
  /** The category's refund policy, present only when one was given (it replaces the schedule's). */
  readonly refunds?: FeeRefundPolicy;
}

/**
 * A validated, frozen fee schedule built by {@link createFeeSchedule} (JSON-serialisable; its JSON
 * form is accepted wherever a schedule is).
 *
 * @category Fees
 * @since 0.2.0
 */
export interface FeeSchedule {
  /** Kind tag, always `"fee-schedule"`. */
  readonly kind: "fee-schedule";
  /** Label (empty string when none was given). */
  readonly name: string;
  /** Currency of the fees and sales. */
  readonly currency: string;
  /** Categories in the order given. */
  readonly categories: readonly FeeCategory[];
  /** Category used for unlisted categories, or `null`. */
  readonly defaultCategory: string | null;
  /** Fixed fee per order. */
  readonly perOrderFee: Money;
  /** Fixed fee per item. */
  readonly perItemFee: Money;
  /** Marketplace fulfilment fee per item. */
  readonly fulfilmentPerItem: Money;
  /** Rounding of the percentage fee. */
  readonly rounding: RoundingMode;
  /** The schedule's refund policy, present only when one was given. */
  readonly refunds?: FeeRefundPolicy;
}

/**
 * One sale (order line) priced by a {@link FeeSchedule}.
 *
 * @category Fees
 * @since 0.2.0
 */
export interface FeeSale {
  /** Seller id (used by segment callbacks; not required by the fee maths). */
  readonly sellerId?: string;
  /** Fee category of the item. */
  readonly category: string;
  /** Sale amount (item price × units, the basis of the referral fee), ≥ 0, whole minor units, in the schedule's currency. */
  readonly amount: Money;
  /** Items in the sale, a positive integer (default 1). */
  readonly units?: number;
  /** Sale day (required by the payout functions). */
  readonly date?: DateInput;
  /** Delivery day (payouts: default the sale day), not before `date`. */
  readonly deliveredOn?: DateInput;
}

/**
 * The fees of one sale, from {@link saleFees}. Every amount is in whole minor units and
 * `total = referral + closing + perItem + perOrder + fulfilment ≤ amount`.
 *
 * @category Fees
 * @since 0.2.0
 */
export interface SaleFees {
  /** Category applied (the sale's, or the schedule's default). */
  readonly category: string;
  /** Sale amount. */
  readonly amount: Money;
  /** Referral fee: max(round(amount × rate), minimumPerItem × units). */
  readonly referral: Money;
  /** Closing fee: closingFeePerItem × units. */
  readonly closing: Money;
  /** Per-item fee × units. */
  readonly perItem: Money;
  /** Per-order fee. */
  readonly perOrder: Money;
  /** Fulfilment fee × units. */
  readonly fulfilment: Money;
  /** Sum of the fees. */
  readonly total: Money;
  /** Net proceeds: `amount − total` (≥ 0). */
  readonly net: Money;
  /** `true` when the fees were cut to the sale amount (see {@link saleFees}). */
  readonly capped: boolean;
}

/**
 * The fees given back on a refund, from {@link refundFees}. Every amount is in whole minor units,
 * each refunded fee is at most the fee charged, and `total ≤ charged.total ≤ charged.amount`.
 *
 * @category Fees
 * @since 0.3.0
 */
export interface FeeRefund {
  /** Category applied. */
  readonly category: string;
  /** Amount refunded to the buyer (≤ the sale amount). */
  readonly refundedAmount: Money;
  /** `true` when the whole sale amount was refunded. */
  readonly full: boolean;
  /** The fees charged on the sale ({@link saleFees}). */
  readonly charged: SaleFees;
  /** Referral fee refunded: the referral fee in proportion to the amount refunded, minus the administration fee. */
  readonly referral: Money;
  /** Refund administration fee kept by the marketplace: min(administrationMax, administrationRate × proportional referral fee). */
  readonly administrationFee: Money;
  /** Closing fee refunded. */
  readonly closing: Money;
  /** Per-item fee refunded. */
  readonly perItem: Money;
  /** Per-order fee refunded. */
  readonly perOrder: Money;
  /** Fulfilment fee refunded. */
  readonly fulfilment: Money;
  /** Sum of the fees refunded. */
  readonly total: Money;
  /** What the refund costs the seller: `refundedAmount − total` (negative only when fees equal to the whole sale are refunded in part and rounding lifts them above the amount refunded). */
  readonly sellerCost: Money;
}
