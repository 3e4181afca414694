import { createFeeSchedule } from "./createFeeSchedule.js";
import type { FeeSchedule } from "./types.js";

/**
 * A made-up fee schedule for examples and guides — **illustrative only, not any marketplace's
 * fees**. Its shape (a referral percentage per category with a per-item minimum, a closing fee for
 * media, a fixed per-item fee) follows how marketplaces publish their fees; the figures are round
 * numbers chosen for the examples. Build your own schedule with {@link createFeeSchedule} from the
 * fee page of the marketplace you model, and cite it.
 *
 * Categories: `"media"` 15 % + $1.80 closing fee per item; `"electronics"` 8 %, minimum $0.30 per
 * item; `"home"` 15 %, minimum $0.30; `"other"` 15 %, minimum $0.30 (the default category);
 * $0.99 per item; no per-order or fulfilment fee. USD, half-even rounding.
 *
 * @example
 * ```ts
 * import { ILLUSTRATIVE_FEE_SCHEDULE, money, saleFees } from "marketplace-economics";
 * ILLUSTRATIVE_FEE_SCHEDULE.name; //=> "illustrative (not a real marketplace's fees)"
 * saleFees(ILLUSTRATIVE_FEE_SCHEDULE, { category: "electronics", amount: money("200.00", "USD") }).total.amount.toString(); //=> "16.99"
 * ```
 *
 * @category Fees
 * @since 0.2.0
 */
export const ILLUSTRATIVE_FEE_SCHEDULE: FeeSchedule = /* @__PURE__ */ createFeeSchedule({
  name: "illustrative (not a real marketplace's fees)",
  currency: "USD",
  categories: [
    { category: "media", rate: "0.15", closingFeePerItem: "1.80" },
    { category: "electronics", rate: "0.08", minimumPerItem: "0.30" },
    { category: "home", rate: "0.15", minimumPerItem: "0.30" },
    { category: "other", rate: "0.15", minimumPerItem: "0.30" },
  ],
  defaultCategory: "other",
  perItemFee: "0.99",
});
