import { Decimal } from "../_lib/decimal.js";
import { deepFreeze } from "../_lib/freeze.js";
import { makeMoney } from "../_lib/money.js";
import { toDecimalInRange, toInteger, toNonEmptyString, toOptions, toRecord } from "../_lib/validate.js";
import { compile, feeParts, moneyOf, toFeeAmount } from "./_lib/schedule.js";
import { rangeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { AmountInput, Money, NumericInput } from "../money/types.js";
import type { FeeSchedule, SaleFees } from "./types.js";
import { toSaleFees } from "./_lib/schedule.js";

/**
 * The order of {@link unitEconomics}: what the seller sells and what it costs.
 *
 * @category Fees
 * @since 0.2.0
 */
export interface UnitEconomicsInput {
  /** Fee category of the item. */
  readonly category: string;
  /** Price per unit (the schedule's currency, whole minor units, ≥ 0). */
  readonly price: AmountInput;
  /** Units per order, a positive integer (default 1). */
  readonly unitsPerOrder?: number;
  /** Cost of goods per unit (≥ 0). */
  readonly costOfGoodsPerUnit: AmountInput;
  /** The seller's own fulfilment cost per unit (packing, postage; ≥ 0; default 0). Marketplace fulfilment fees belong in the schedule. */
  readonly fulfilmentPerUnit?: AmountInput;
  /** Advertising spend per order (≥ 0; default 0). */
  readonly advertisingPerOrder?: AmountInput;
  /** Advertising as a share of revenue (ACoS, 0 to 1; default 0); added to `advertisingPerOrder`, rounded half-even to the minor unit. */
  readonly advertisingRate?: NumericInput;
}

/**
 * Result of {@link unitEconomics}.
 *
 * @category Fees
 * @since 0.2.0
 */
export interface UnitEconomicsResult {
  /** Units per order. */
  readonly unitsPerOrder: number;
  /** Revenue per order: price × units. */
  readonly revenue: Money;
  /** Marketplace fees of the order ({@link saleFees}). */
  readonly fees: SaleFees;
  /** Cost of goods of the order. */
  readonly costOfGoods: Money;
  /** The seller's fulfilment cost of the order. */
  readonly fulfilment: Money;
  /** Advertising cost of the order. */
  readonly advertising: Money;
  /** Contribution per order: revenue − fees − cost of goods − fulfilment − advertising (may be negative). */
  readonly contributionPerOrder: Money;
  /** Contribution per unit: contribution per order ÷ units (exact; may have sub-minor digits). */
  readonly contributionPerUnit: Money;
  /** Contribution margin: contribution ÷ revenue (20 significant digits), `null` when revenue is 0. */
  readonly contributionMargin: Decimal | null;
}

/**
 * A seller's unit economics on a marketplace: contribution margin per order and per unit given the
 * cost of goods, the marketplace's fees (from a fee schedule), fulfilment and advertising.
 *
 * ## Notes
 * revenue = price × u; fees = {@link saleFees} of an order of `u` units; advertising =
 * advertisingPerOrder + round_half_even(advertisingRate × revenue); contribution = revenue − fees −
 * COGS × u − fulfilment × u − advertising; per unit = contribution / u; margin = contribution /
 * revenue. Fixed costs (storage, subscriptions, overheads) are not allocated: this is the
 * contribution before them.
 *
 * @param schedule - a {@link FeeSchedule}
 * @param order - price, units, costs
 * @returns the frozen breakdown
 * @throws {@link ValidationError} on a negative or sub-minor-unit amount, a rate outside [0, 1], bad units or an unknown category
 * @throws {@link ValidationTypeError} when a field has the wrong type
 * @throws {@link CurrencyMismatchError} when an amount is in another currency than the schedule
 *
 * @example
 * ```ts
 * import { ILLUSTRATIVE_FEE_SCHEDULE, unitEconomics } from "marketplace-economics";
 * const u = unitEconomics(ILLUSTRATIVE_FEE_SCHEDULE, { category: "home", price: "25.00", unitsPerOrder: 2, costOfGoodsPerUnit: "8.00", fulfilmentPerUnit: "3.50", advertisingRate: "0.1" });
 * u.fees.total.amount.toString(); //=> "9.48"
 * u.contributionPerOrder.amount.toString(); //=> "12.52"
 * u.contributionPerUnit.amount.toString(); //=> "6.26"
 * u.contributionMargin?.toString(); //=> "0.2504"
 * ```
 *
 * @category Fees
 * @since 0.2.0
 */
export function unitEconomics(schedule: FeeSchedule, order: UnitEconomicsInput): UnitEconomicsResult {
  const fn = "unitEconomics";
  const c = compile(schedule, fn);
  const o = toOptions(toRecord(order, fn, "order"), fn, "order", ["category", "price", "unitsPerOrder", "costOfGoodsPerUnit", "fulfilmentPerUnit", "advertisingPerOrder", "advertisingRate"]);
  const name = toNonEmptyString(o["category"], fn, "order.category");
  const cat = c.byName.get(name) ?? c.fallback;
  if (cat === undefined) rangeError(fn, "order.category", ErrorCode.OUT_OF_RANGE, "is not a category of the schedule (and it has no defaultCategory)", name, [...c.byName.keys()].slice(0, 10).join(", "));
  const amount = (k: string, required: boolean): bigint => (o[k as keyof typeof o] === undefined && !required ? 0n : toFeeAmount(o[k as keyof typeof o], fn, `order.${k}`, c.currency, c.digits));
  const price = amount("price", true);
  const units = o["unitsPerOrder"] === undefined ? 1 : toInteger(o["unitsPerOrder"], fn, "order.unitsPerOrder", 1, 1_000_000);
  const u = BigInt(units);
  const cogs = amount("costOfGoodsPerUnit", true) * u;
  const fulfilment = amount("fulfilmentPerUnit", false) * u;
  const revenue = price * u;
  const rate = o["advertisingRate"] === undefined ? new Decimal(0) : toDecimalInRange(o["advertisingRate"], fn, "order.advertisingRate", 0, 1);
  const byRate = BigInt(rate.times(revenue.toString()).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toFixed(0));
  const advertising = amount("advertisingPerOrder", false) + byRate;
  const parts = feeParts(c, cat, revenue, u);
  const contribution = revenue - parts.total - cogs - fulfilment - advertising;
  const m = (x: bigint): Money => moneyOf(x, c);
  const perOrder = m(contribution);
  return deepFreeze({
    unitsPerOrder: units,
    revenue: m(revenue),
    fees: toSaleFees(c, parts),
    costOfGoods: m(cogs),
    fulfilment: m(fulfilment),
    advertising: m(advertising),
    contributionPerOrder: perOrder,
    contributionPerUnit: makeMoney(perOrder.amount.div(units), c.currency),
    contributionMargin: revenue === 0n ? null : new Decimal(contribution.toString()).div(revenue.toString()),
  });
}
