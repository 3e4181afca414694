import { Decimal } from "../_lib/decimal.js";
import { deepFreeze } from "../_lib/freeze.js";
import { makeMoney } from "../_lib/money.js";
import type { Money } from "../money/types.js";
import type { FeeSchedule } from "./types.js";

/** An amount in US dollars. */
const usd = (amount: string): Money => makeMoney(new Decimal(amount), "USD");

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
// Written out as the frozen schedule `createFeeSchedule` returns for the input in the TSDoc
// above (./fees.test.ts checks the two are equal, key order included), not built by it: building
// validates the input, reads the currency's digits through `Intl` and compiles the schedule, and
// doing that at import was most of the root entry point's cold import (#10). `saleFees` and the
// other functions compile the schedule on first use, as for any schedule.
export const ILLUSTRATIVE_FEE_SCHEDULE: FeeSchedule = /* @__PURE__ */ deepFreeze<FeeSchedule>({
  kind: "fee-schedule",
  name: "illustrative (not a real marketplace's fees)",
  currency: "USD",
  categories: [
    { category: "media", rate: new Decimal("0.15"), minimumPerItem: usd("0"), closingFeePerItem: usd("1.8") },
    { category: "electronics", rate: new Decimal("0.08"), minimumPerItem: usd("0.3"), closingFeePerItem: usd("0") },
    { category: "home", rate: new Decimal("0.15"), minimumPerItem: usd("0.3"), closingFeePerItem: usd("0") },
    { category: "other", rate: new Decimal("0.15"), minimumPerItem: usd("0.3"), closingFeePerItem: usd("0") },
  ],
  defaultCategory: "other",
  perOrderFee: usd("0"),
  perItemFee: usd("0.99"),
  fulfilmentPerItem: usd("0"),
  rounding: "half-even",
});
