import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { readSeries } from "./_lib/engine.js";
import { buildAdvance } from "./_lib/products.js";
import { assertSameCurrency, minorDigits, makeMoney, toCurrency, toMoney } from "../_lib/money.js";
import { rangeError, toInteger, toPositiveDecimal } from "../_lib/validate.js";
import { toFinancingDay, toOptions, toRateInRange } from "./_lib/validate.js";
import type { AmountInput, Money, NumericInput } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import type { FinancingMinimumPaymentInput, FinancingSalesSeries, SalesBasedAdvance } from "./types.js";

/**
 * Sizing policy of {@link sizeOffer}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface SizeOfferPolicy {
  /** Offer size as a share of trailing sales (PayPal: about 0.08 of the past 12 months). */
  readonly shareOfTrailingSales: NumericInput;
  /** Factor rate of the offer, ≥ 1 (fee = principal × (factorRate − 1), rounded half-up). */
  readonly factorRate: NumericInput;
  /** Target term: the holdback is set so that average sales repay in this many days. */
  readonly targetTermDays: number;
  /** Highest holdback the lender accepts, 0 < rate < 1 (default 0.3). */
  readonly maxHoldbackRate?: NumericInput;
  /** Holdback granularity; the needed rate is rounded up to a multiple (default 0.01 = whole percent). */
  readonly holdbackStep?: NumericInput;
  /** Trailing window in days (default 365). */
  readonly lookbackDays?: number;
  /** Principal is rounded down to a multiple of this, > 0 (major units, or a Money in the sales' currency; default 1). */
  readonly principalStep?: AmountInput;
  /** Largest principal offered, > 0 (major units, or a Money in the sales' currency). */
  readonly maxPrincipal?: AmountInput;
  /** Smallest principal worth offering, > 0 (default: one `principalStep`). */
  readonly minPrincipal?: AmountInput;
  /** Minimum payment passed to the product. */
  readonly minimumPayment?: FinancingMinimumPaymentInput;
  /** Maximum term passed to the product. */
  readonly maxTermDays?: number;
  /** Sizing date (default: the day after the last sale). */
  readonly asOf?: DateInput;
}

/**
 * An offer proposed by {@link sizeOffer}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface SizedOffer {
  /** Whether an offer of at least `minPrincipal` is possible. */
  readonly eligible: boolean;
  /** The proposed product, or `null` when not eligible. */
  readonly product: SalesBasedAdvance | null;
  /** Sales in the trailing window. */
  readonly trailingSales: Money;
  /** Days of the trailing window actually covered (fewer for a young seller). */
  readonly windowDays: number;
  /** trailingSales / windowDays, rounded half-even to the minor unit. */
  readonly averageDailySales: Money;
  /** Which limit set the principal. */
  readonly constrainedBy: "share-of-sales" | "holdback-cap" | "max-principal";
  /** Days to repay at average sales with the proposed holdback, or `null`. */
  readonly estimatedTermDays: number | null;
}

const FN = "sizeOffer";
const POLICY_KEYS = [
  "shareOfTrailingSales",
  "factorRate",
  "targetTermDays",
  "maxHoldbackRate",
  "holdbackStep",
  "lookbackDays",
  "principalStep",
  "maxPrincipal",
  "minPrincipal",
  "minimumPayment",
  "maxTermDays",
  "asOf",
] as const;

/**
 * Propose an advance from a seller's sales history: principal as a share of trailing sales and
 * the holdback needed to repay principal + fee within a target term at average sales.
 *
 * ## Notes
 * 1. `trailing = Σ sales` over the `lookbackDays` before `asOf` (fewer days for a seller whose
 *    first sale is more recent); `avgDaily = trailing / windowDays`.
 * 2. `principal = floor_step(min(trailing × share, maxPrincipal))`.
 * 3. `holdback = ceil_step((principal × factorRate) / (avgDaily × targetTermDays))`.
 * 4. If that exceeds `maxHoldbackRate`, the holdback is capped and the principal shrunk to
 *    `floor_step(maxHoldbackRate × avgDaily × targetTermDays / factorRate)`.
 * 5. `estimatedTermDays = ceil(total / round(avgDaily × holdback))`, with the daily payment
 *    rounded to the minor unit as the repayment engine collects it; if that is over the target
 *    (by a day or so from rounding), the holdback goes up one step (within the cap) or, at the
 *    cap, the principal down one step, until it fits.
 * 6. Everything is sized at *average* daily sales over the window: a seasonal seller repays
 *    faster in its peak and slower elsewhere, so run {@link simulateRepayment} or
 *    {@link simulateSalesScenarios} on the history to see the term it would really have had.
 *    The window starts at the first sale, so pass daily sales (zero days included) rather than
 *    monthly totals dated on the 1st, which shorten the window and inflate the average.
 *
 * ## References
 * - PayPal Working Capital tour: the maximum loan is based on PayPal sales history (about 8 % of
 *   annual PayPal sales in its examples); a higher repayment percentage repays sooner.
 *
 * @param salesHistory - dated sales, sorted, one currency
 * @param policy - {@link SizeOfferPolicy}
 * @returns a frozen {@link SizedOffer}
 * @throws {@link ValidationError} when the history is empty or a policy value is out of range
 * @throws {@link CurrencyMismatchError} when sales mix currencies, or a Money in the policy is in
 *   another currency than the sales
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, money, sizeOffer } from "marketplace-economics";
 * const history = Array.from({ length: 365 }, (_, i) => ({ date: addPeriods(calendarDay(2023, 1, 1), i, "day"), amount: money("400", "USD") }));
 * const offer = sizeOffer(history, { shareOfTrailingSales: "0.08", factorRate: "1.1", targetTermDays: 365, principalStep: 100 });
 * offer.product?.principal.amount.toString(); //=> "11600"
 * offer.product?.holdbackRate.toString(); //=> "0.09"
 * offer.estimatedTermDays; //=> 355
 * ```
 *
 * @category Financing
 * @since 0.1.0
 */
export function sizeOffer(salesHistory: FinancingSalesSeries, policy: SizeOfferPolicy): SizedOffer {
  const p = toOptions(policy, FN, "policy", POLICY_KEYS, false);
  const series = readSeries(salesHistory, FN, "salesHistory", undefined);
  const n = series.days.length;
  if (n === 0 || series.currency === undefined) rangeError(FN, "salesHistory", ErrorCode.EMPTY_INPUT, "must not be empty", salesHistory, "a non-empty sales series");
  const currency = toCurrency(series.currency, FN);
  const digits = minorDigits(currency);
  const share = toRateInRange(p["shareOfTrailingSales"], FN, "policy.shareOfTrailingSales", 0, 1, { lowerOpen: true });
  const factor = toRateInRange(p["factorRate"], FN, "policy.factorRate", 1, 3);
  const target = toInteger(p["targetTermDays"], FN, "policy.targetTermDays", 1, 36_500);
  const maxH = p["maxHoldbackRate"] === undefined ? new Decimal("0.3") : toRateInRange(p["maxHoldbackRate"], FN, "policy.maxHoldbackRate", 0, 1, { lowerOpen: true, upperOpen: true });
  const hStep = p["holdbackStep"] === undefined ? new Decimal("0.01") : toRateInRange(p["holdbackStep"], FN, "policy.holdbackStep", 0, 1, { lowerOpen: true, upperOpen: true });
  const lookback = p["lookbackDays"] === undefined ? 365 : toInteger(p["lookbackDays"], FN, "policy.lookbackDays", 1, 36_500);
  // An AmountInput: a Money in the sales' currency, or a plain number in that currency.
  const amount = (value: unknown, arg: string): Decimal => {
    if (typeof value !== "object" || value === null || Decimal.isDecimal(value)) return toPositiveDecimal(value, FN, arg);
    const m = toMoney(value, FN, arg);
    assertSameCurrency(FN, currency, m.currency);
    return toPositiveDecimal(m.amount, FN, `${arg}.amount`);
  };
  const pStep = p["principalStep"] === undefined ? new Decimal(1) : amount(p["principalStep"], "policy.principalStep");
  const maxP = p["maxPrincipal"] === undefined ? null : amount(p["maxPrincipal"], "policy.maxPrincipal");
  const minP = p["minPrincipal"] === undefined ? pStep : amount(p["minPrincipal"], "policy.minPrincipal");
  const asOf = p["asOf"] === undefined ? series.days[n - 1]! + 1 : toFinancingDay(p["asOf"], FN, "policy.asOf");
  const from = Math.max(asOf - lookback, series.days[0]!);
  let trailing = new Decimal(0);
  for (let i = 0; i < n; i++) {
    const d = series.days[i]!;
    if (d >= from && d < asOf) trailing = trailing.plus(series.amounts[i]!);
  }
  const windowDays = Math.max(asOf - from, 1);
  const avgDaily = trailing.div(windowDays);
  const floorStep = (x: Decimal) => x.div(pStep).floor().times(pStep).toDecimalPlaces(digits, Decimal.ROUND_DOWN);
  let constrainedBy: SizedOffer["constrainedBy"] = "share-of-sales";
  let principal = trailing.times(share);
  if (maxP && principal.greaterThan(maxP)) {
    principal = maxP;
    constrainedBy = "max-principal";
  }
  principal = floorStep(principal);
  let holdback = new Decimal(0);
  if (avgDaily.greaterThan(0) && principal.greaterThan(0)) {
    holdback = principal.times(factor).div(avgDaily.times(target)).div(hStep).ceil().times(hStep);
    if (holdback.greaterThan(maxH)) {
      holdback = maxH;
      principal = floorStep(maxH.times(avgDaily).times(target).div(factor));
      constrainedBy = "holdback-cap";
    }
  }
  const base = {
    trailingSales: makeMoney(trailing, currency),
    windowDays,
    averageDailySales: makeMoney(avgDaily.toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN), currency),
    constrainedBy,
  };
  if (!avgDaily.greaterThan(0) || principal.lessThan(minP) || !principal.greaterThan(0) || !holdback.greaterThan(0)) {
    return Object.freeze({ eligible: false, product: null, estimatedTermDays: null, ...base });
  }
  // The engine collects round(sales × holdback) to the minor unit each day, so check the term
  // with that rounded payment and, if it overshoots the target by a day or so, raise the holdback
  // by one step (within the cap) or lower the principal by one step until it fits.
  const build = () => {
    const input: Record<string, unknown> = { principal: makeMoney(principal, currency), factorRate: factor, holdbackRate: holdback };
    if (p["minimumPayment"] !== undefined) input["minimumPayment"] = p["minimumPayment"];
    if (p["maxTermDays"] !== undefined) input["maxTermDays"] = p["maxTermDays"];
    const product = buildAdvance(input, FN, "policy");
    const perDay = avgDaily.times(holdback).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
    const term = perDay.greaterThan(0) ? product.totalRepayment.amount.div(perDay).ceil().toNumber() : null;
    return { product, term };
  };
  let { product, term: estimatedTermDays } = build();
  for (let guard = 0; estimatedTermDays !== null && estimatedTermDays > target && guard < 10_000; guard++) {
    if (holdback.lessThan(maxH)) {
      holdback = Decimal.min(holdback.plus(hStep), maxH);
    } else {
      principal = floorStep(principal.minus(pStep));
      constrainedBy = "holdback-cap";
      if (principal.lessThan(minP) || !principal.greaterThan(0)) {
        return Object.freeze({ eligible: false, product: null, estimatedTermDays: null, ...base, constrainedBy });
      }
    }
    ({ product, term: estimatedTermDays } = build());
  }
  const sized = { ...base, constrainedBy };
  return Object.freeze({ eligible: true, product, estimatedTermDays, ...sized });
}
