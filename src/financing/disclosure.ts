import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { dayDate, readSeries } from "./_lib/engine.js";
import { readProduct } from "./_lib/products.js";
import { runProduct, toRepaymentResult } from "./_lib/run.js";
import { makeMoney, minorDigits } from "../_lib/money.js";
import { rangeError, toInteger, toOption } from "../_lib/validate.js";
import { MAX_EXCLUDED_MONTHS, toDenseArray, toFinancingDay, toOptions } from "./_lib/validate.js";
import type { Money } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import { costOfFinancing } from "./costOfFinancing.js";
import type { FinancingProduct, FinancingRateUnavailableReason, FinancingSalesSeries } from "./types.js";

/**
 * The {@link disclosure} function options.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface DisclosureOptions {
  /** Estimation method; only the `"historical"` method (Cal. § 930, NY § 600.8) is implemented. */
  readonly method: "historical";
  /** Months of history the provider fixed, 4 to 12 (default 12). */
  readonly months?: number;
  /** Day of the offer and funding (default: the day after the last historical sale). */
  readonly offerDate?: DateInput;
  /** Months (`"YYYY-MM"`, at most 1,200) to leave out of the average, as § 930(b)(4) / § 600.8(b)(4) allow. */
  readonly excludeMonths?: readonly string[];
}

/**
 * The figures of a sales-based-financing disclosure, from {@link disclosure}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface FinancingDisclosure {
  readonly method: "historical";
  /** Calendar months averaged (`"YYYY-MM"`), oldest first. */
  readonly monthsUsed: readonly string[];
  /** Historical average monthly sales through the payment channel (the projection). */
  readonly averageMonthlySales: Money;
  /** The monthly projection spread over days: average × 12 / 365, rounded half-even. */
  readonly projectedDailySales: Money;
  /** Funding provided (amount financed). */
  readonly fundingProvided: Money;
  /**
   * Estimated APR (Reg Z App. J actuarial, nominal annual, decimal: 0.25 = 25 %); exactly 0 for a
   * zero fee; `null` when no rate can be found in the solver's range, with the reason in
   * `estimatedAprUnavailable` (as in {@link costOfFinancing}).
   */
  readonly estimatedApr: Decimal | null;
  /** Why `estimatedApr` is `null` (`"no-rate-in-solver-range"`), or `null` when it is given. */
  readonly estimatedAprUnavailable: FinancingRateUnavailableReason | null;
  /** Estimated finance charge. */
  readonly estimatedFinanceCharge: Money;
  /** Estimated total payment (funding + finance charge). */
  readonly estimatedTotalPayment: Money;
  /** Estimated payment per collection day and its frequency (`"day"`; `"daily"` before 0.2.0). */
  readonly estimatedPayment: { readonly amount: Money; readonly frequency: "day" };
  /** Estimated monthly cost: average monthly sales × holdback rate. */
  readonly estimatedMonthlyCost: Money;
  /** Estimated term in days from funding to the last payment. */
  readonly estimatedTermDays: number;
  /** Estimated term in months: days × 12 / 365, rounded half-up to 0.1. */
  readonly estimatedTermMonths: Decimal;
  /** Funding date used. */
  readonly fundedOn: Date;
  /** Sections applied. */
  readonly references: readonly string[];
}

const FN = "disclosure";
const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function monthKey(day: number): string {
  return dayDate(day).toISOString().slice(0, 7);
}

function monthIndex(day: number): number {
  const d = dayDate(day);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

function keyOfIndex(i: number): string {
  const y = Math.floor(i / 12);
  return `${String(y).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}`;
}

/**
 * The figures a California or New York sales-based-financing disclosure needs, estimated by the
 * historical method: funding provided, estimated APR, finance charge, total payment, payment,
 * monthly cost and term.
 *
 * ## Notes
 * 1. **Projection (Cal. Code Regs. tit. 10 § 930(b); 23 NYCRR § 600.8(b)).** Sales are summed
 *    per calendar month. The `months` (4–12, fixed by the provider) complete calendar months
 *    before the offer month are averaged; a business younger than that averages the complete
 *    months since its first sale (§ 930(b)(3), § 600.8(b)(3)) — a first month whose first
 *    days are missing from the history is left out rather than averaged as a whole month
 *    (pass zero-amount days from the 1st to include it); `excludeMonths` drops months the
 *    provider excludes under § 930(b)(4) / § 600.8(b)(4). Months inside the period with no
 *    sales count as zero.
 * 2. **Payments (§ 942; § 600.7).** The monthly projection is spread evenly over days
 *    (`average × 12 / 365`, rounded half-even to the minor unit) and the offer is run by
 *    {@link simulateRepayment} from the offer date, so specified payment amounts, minimum
 *    payments and a maximum term are all accounted for.
 * 3. **APR (§ 940; § 600.3).** Actuarial method of Regulation Z Appendix J via
 *    {@link costOfFinancing}; finance charge per § 943 / § 600.2 (the fee; no other charges
 *    are modelled). An APR the solver cannot find (#11: e.g. a $1,000 offer to a seller with
 *    $20,000 of daily sales, repaid the day after funding) is `null` with
 *    `estimatedAprUnavailable: "no-rate-in-solver-range"`, never a solver error: the provider
 *    sees every other figure and decides (such an offer should normally not be made).
 * 4. The table layout and wording of § 914 (nine rows: Funding Provided, Estimated APR,
 *    Finance Charge, Estimated Total Payment Amount, Estimated Payment, Estimated Term,
 *    Prepayment, …) is the caller's; this function supplies the figures.
 *
 * ## References
 * - Cal. Code Regs. tit. 10, §§ 914, 930, 940, 942, 943 (Commercial Financing Disclosures,
 *   operative 2022-12-09).
 * - N.Y. Comp. Codes R. & Regs. tit. 23, §§ 600.3, 600.7, 600.8; N.Y. Financial Services Law § 803.
 *
 * @param offer - the offered product
 * @param historicalSales - daily (or any dated) sales through the payment channel, sorted
 * @param options - `{ method: "historical", months?, offerDate?, excludeMonths? }`
 * @returns a frozen {@link FinancingDisclosure}
 * @throws {ValidationError} when the offer is a term loan, the method is not `"historical"`, `months` is outside 4–12,
 *   there is no complete month of history (`EMPTY_INPUT`), or the projection never repays the
 *   offer within 100 years (`UNDEFINED_RESULT`)
 * @throws {ValidationError} `UNKNOWN_OPTION` for an unknown option key, `MISSING_VALUE` for a hole
 *   in `excludeMonths` or `historicalSales`
 * @throws {CurrencyMismatchError} when a sale is in another currency than the offer (the message
 *   names the row: index and date)
 *
 * @example
 * ```ts
 * import { disclosure, money, salesBasedAdvance } from "marketplace-economics";
 * const offer = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1" });
 * // 2023: $12,166.66…/month on average (365 days × $400 / 12)
 * const history = Array.from({ length: 365 }, (_, i) => ({ date: new Date(Date.UTC(2023, 0, 1 + i)), amount: money("400", "USD") }));
 * const d = disclosure(offer, history, { method: "historical", months: 12 });
 * d.averageMonthlySales.amount.toString(); //=> "12166.67"
 * d.estimatedPayment.amount.amount.toString(); //=> "40"
 * d.estimatedTermDays; //=> 288
 * d.estimatedFinanceCharge.amount.toString(); //=> "1500"
 * ```
 *
 * @category Financing
 * @since 0.1.0
 */
export function disclosure(offer: FinancingProduct, historicalSales: FinancingSalesSeries, options: DisclosureOptions): FinancingDisclosure {
  const product = readProduct(offer, FN, "offer");
  if (product.kind === "term-loan") {
    rangeError(
      FN,
      "offer.kind",
      ErrorCode.OUT_OF_RANGE,
      "must be a sales-based product (a fixed-instalment loan is a closed-end transaction, § 910)",
      product.kind,
      '"sales-based-advance" or "revenue-share-loan"',
    );
  }
  const o = toOptions(options, FN, "options", ["method", "months", "offerDate", "excludeMonths"], false);
  toOption(o["method"], FN, "options.method", ["historical"] as const);
  const months = o["months"] === undefined ? 12 : toInteger(o["months"], FN, "options.months", 4, 12);
  const currency = product.principal.currency;
  const digits = minorDigits(currency);
  const series = readSeries(historicalSales, FN, "historicalSales", currency);
  const excluded = new Set<string>();
  if (o["excludeMonths"] !== undefined) {
    const list = toDenseArray<unknown>(o["excludeMonths"], FN, "options.excludeMonths", { maxLength: MAX_EXCLUDED_MONTHS });
    list.forEach((m, i) => {
      if (typeof m !== "string" || !ISO_MONTH.test(m)) rangeError(FN, `options.excludeMonths[${i}]`, ErrorCode.INVALID_DATE, 'must be a month "YYYY-MM"', m, '"YYYY-MM"');
      excluded.add(m);
    });
  }
  const n = series.days.length;
  if (n === 0) rangeError(FN, "historicalSales", ErrorCode.EMPTY_INPUT, "must not be empty", historicalSales, "at least one complete month of sales");
  const offerDay = o["offerDate"] === undefined ? series.days[n - 1]! + 1 : toFinancingDay(o["offerDate"], FN, "options.offerDate");
  const lastMonth = monthIndex(offerDay) - 1; // complete months before the offer month
  // A month counts only when the history covers it from its first day: a business whose first
  // sale is on the 25th has not had a complete first month (§ 930 / § 600.8 average *monthly* sales).
  const firstDay = series.days[0]!;
  const firstCompleteMonth = dayDate(firstDay).getUTCDate() === 1 ? monthIndex(firstDay) : monthIndex(firstDay) + 1;
  const firstMonth = Math.max(lastMonth - months + 1, firstCompleteMonth);
  const totals = new Map<number, Decimal>();
  for (let i = 0; i < n; i++) {
    const mi = monthIndex(series.days[i]!);
    if (mi < firstMonth || mi > lastMonth) continue;
    totals.set(mi, (totals.get(mi) ?? new Decimal(0)).plus(series.amounts[i]!));
  }
  const used: string[] = [];
  let sum = new Decimal(0);
  for (let mi = firstMonth; mi <= lastMonth; mi++) {
    const key = keyOfIndex(mi);
    if (excluded.has(key)) continue;
    used.push(key);
    sum = sum.plus(totals.get(mi) ?? 0);
  }
  if (used.length === 0) {
    rangeError(FN, "historicalSales", ErrorCode.EMPTY_INPUT, "must contain at least one complete calendar month before the offer month", monthKey(series.days[0]!), "sales from a month before the offer month");
  }
  const average = sum.div(used.length).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
  const perDay = average.times(12).div(365).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
  const rate = product.kind === "sales-based-advance" ? product.holdbackRate : product.revenueShare;
  // Project daily sales long enough to repay: holdback alone needs ceil(total / daily payment) days.
  const total = product.totalRepayment.amount;
  let horizon = 36_500;
  const pay = perDay.times(rate).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
  if (pay.greaterThan(0)) horizon = Math.min(horizon, total.div(pay).ceil().toNumber());
  const amount = makeMoney(perDay, currency);
  const projected = Array.from({ length: Math.max(horizon, 1) }, (_, i) => ({ date: dayDate(offerDay + 1 + i), amount }));
  const fundedOn = dayDate(offerDay);
  const run = runProduct(FN, product, projected, { fundedOn, until: dayDate(offerDay + horizon) }, true);
  const result = toRepaymentResult(run);
  if (!result.summary.paidOff) {
    rangeError(FN, "historicalSales", ErrorCode.UNDEFINED_RESULT, "project sales that never repay the offer, so no term or APR can be estimated", average.toString(), "history whose average repays the offer");
  }
  const cost = costOfFinancing(result);
  const termDays = result.summary.daysToPayoff!;
  const firstPayment = result.rows.find((r) => !r.holdback.amount.isZero())?.holdback ?? makeMoney(new Decimal(0), currency);
  const monthlyCost = average.times(rate).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
  return Object.freeze({
    method: "historical" as const,
    monthsUsed: Object.freeze(used),
    averageMonthlySales: makeMoney(average, currency),
    projectedDailySales: amount,
    fundingProvided: product.principal,
    estimatedApr: cost.apr,
    estimatedAprUnavailable: cost.aprUnavailable,
    estimatedFinanceCharge: cost.financeCharge,
    estimatedTotalPayment: result.summary.totalPaid,
    estimatedPayment: Object.freeze({ amount: firstPayment, frequency: "day" as const }),
    estimatedMonthlyCost: makeMoney(monthlyCost, currency),
    estimatedTermDays: termDays,
    estimatedTermMonths: new Decimal(termDays).times(12).div(365).toDecimalPlaces(1, Decimal.ROUND_HALF_UP),
    fundedOn,
    references: Object.freeze([
      "Cal. Code Regs. tit. 10 § 930 (historical method)",
      "Cal. Code Regs. tit. 10 §§ 940, 942 (APR, Reg Z App. J)",
      "Cal. Code Regs. tit. 10 § 914 (disclosure table)",
      "23 NYCRR §§ 600.7, 600.8",
    ]),
  });
}
