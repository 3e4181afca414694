import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { dayDate, readSeries } from "./_lib/engine.js";
import { readProduct, toMinorMoney } from "./_lib/products.js";
import { runProduct, toRepaymentResult } from "./_lib/run.js";
import { assertSameCurrency, makeMoney, minorDigits } from "../_lib/money.js";
import { rangeError, toDecimal, toInteger, toOption, typeError } from "../_lib/validate.js";
import { MAX_EXCLUDED_MONTHS, toDenseArray, toFinancingDay, toOptions } from "./_lib/validate.js";
import { resolveDisclosureRules } from "./_lib/registry.js";
import { renewalFigures } from "./_lib/renewal.js";
import type { AmountInput, Money } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import { aprRegZ } from "../tvm/aprRegZ.js";
import { aprUnitedStatesRule } from "../tvm/aprUnitedStatesRule.js";
import { ConvergenceError } from "../errors.js";
import { costOfFinancing } from "./costOfFinancing.js";
import type { ApplicableDisclosureRules } from "./applicableDisclosureRules.js";
import type { FinancingProduct, FinancingRateUnavailableReason, FinancingSalesSeries, TermLoan } from "./types.js";

/**
 * The outstanding financing a renewal pays off, for {@link DisclosureOptions}.`renewal`.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface DisclosureRenewalInput {
  /** The existing financing from the same provider (its `fee` is the original finance charge, its `totalRepayment` the total repayment amount). */
  readonly previous: FinancingProduct;
  /** Paid on it so far (same currency), 0 ≤ paid < its total repayment. */
  readonly paidToDate: AmountInput;
  /** Part of the remaining balance the provider forgives at renewal (default 0). */
  readonly forgiven?: AmountInput;
  /**
   * A term loan's interest accrued since its last instalment paid in full, paid off with its
   * remaining principal (same currency, ≥ 0; default 0; as {@link renewFinancing} computes it
   * under `termLoanPayoff: "principal-plus-accrued-interest"`). More than 0 for a financing that
   * is not a term loan is `CONFLICTING_OPTIONS`.
   */
  readonly accruedInterest?: AmountInput;
}

/**
 * The {@link disclosure} function options.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface DisclosureOptions {
  /**
   * Estimation method of a sales-based offer: `"historical"` (Cal. § 930, NY § 600.8) or
   * `"opt-in"` (the underwriting method, Cal. § 931, NY § 600.9: the provider's own projection in
   * `projectedSales`). A term loan is disclosed as closed-end financing whatever the method.
   */
  readonly method: "historical" | "opt-in";
  /** Months of history the provider fixed, 4 to 12 (default 12). */
  readonly months?: number;
  /**
   * Which months the historical method averages (since 0.3.0): `"preceding"` (default: the
   * `months` complete months before the offer month) or `"highest"` — the `months` months with
   * the highest sales within the past twelve, which New York allows (23 NYCRR § 600.8(b)(2)) and
   * California does not (§ 930(b)(2)).
   */
  readonly selection?: "preceding" | "highest";
  /** Day of the offer and funding (default: the day after the last historical sale). */
  readonly offerDate?: DateInput;
  /** Months (`"YYYY-MM"`, at most 1,200) to leave out of the average, as § 930(b)(4) / § 600.8(b)(4) allow. */
  readonly excludeMonths?: readonly string[];
  /**
   * The recipient's state (since 0.3.0): the registry of {@link applicableDisclosureRules}
   * decides coverage, whether an APR is shown, the display rounding and the months rule; a date
   * before the law took effect throws. Omitted: California / New York figures without a registry check.
   */
  readonly jurisdiction?: string;
  /** The opt-in method's internal estimated sales projection from the offer date on (required with `method: "opt-in"`). */
  readonly projectedSales?: FinancingSalesSeries;
  /** APR method (Cal. § 940(a), NY § 600.3(b) allow either): `"actuarial"` (default) or `"united-states-rule"`. */
  readonly aprMethod?: "actuarial" | "united-states-rule";
  /** A renewal that pays off an existing financing from the same provider (N.Y. Fin. Serv. Law § 808; Conn. Gen. Stat. § 36a-864). */
  readonly renewal?: DisclosureRenewalInput;
}

/**
 * The renewal figures of a {@link FinancingDisclosure} (N.Y. Fin. Serv. Law § 808; Conn. Gen.
 * Stat. § 36a-864).
 *
 * @category Financing
 * @since 0.3.0
 */
export interface FinancingDisclosureRenewal {
  /** What the existing financing still owed before forgiveness: total repayment − paid (a term loan: its remaining principal). */
  readonly outstandingBalance: Money;
  /** A term loan's accrued interest paid off with it (`renewal.accruedInterest`; 0 by default and for other products). */
  readonly accruedInterest: Money;
  readonly forgiven: Money;
  /** The amount of the new financing used to pay off the existing one (outstanding + accrued interest − forgiven); the disbursement is reduced by it (§ 808(b)). */
  readonly payoffAmount: Money;
  /** Funding provided − payoff: what reaches the recipient. */
  readonly fundsToRecipient: Money;
  /**
   * The unpaid finance charge refinanced — § 808(a)'s prepayment charge for a fixed total
   * repayment: original finance charge × payoff / total repayment − forgiven, at least 0, rounded
   * half-even to the minor unit; a term loan: § 808(a)'s unpaid interest expense not forgiven,
   * accrued interest − forgiven, at least 0.
   */
  readonly unpaidFinanceChargeRefinanced: Money;
  /** The statutory answer: `"Yes, $123.45"` when more than zero, else `"No"` (§ 808(a)). */
  readonly doubleDipping: string;
  readonly references: readonly string[];
}

/**
 * The figures of a commercial-financing disclosure, from {@link disclosure}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface FinancingDisclosure {
  /** `"historical"`, `"opt-in"`, or `"closed-end"` for a term loan (since 0.3.0). */
  readonly method: "historical" | "opt-in" | "closed-end";
  /** Calendar months averaged (`"YYYY-MM"`), oldest first; empty for the opt-in method and term loans. */
  readonly monthsUsed: readonly string[];
  /** Average monthly sales of the projection (historical average; opt-in: the projection's daily average × 365 / 12); `null` for a term loan. */
  readonly averageMonthlySales: Money | null;
  /** The projection per day (historical: average × 12 / 365, rounded half-even); `null` for a term loan. */
  readonly projectedDailySales: Money | null;
  /** Funding provided (amount financed). */
  readonly fundingProvided: Money;
  /**
   * Estimated APR (Reg Z App. J, nominal annual, decimal: 0.25 = 25 %) — actuarial by default,
   * `aprMethod: "united-states-rule"` for the other method; exactly 0 for a zero fee; `null` when
   * no rate can be found, with the reason in `estimatedAprUnavailable`.
   */
  readonly estimatedApr: Decimal | null;
  /** Why `estimatedApr` is `null` (`"no-rate-in-solver-range"`), or `null` when it is given. */
  readonly estimatedAprUnavailable: FinancingRateUnavailableReason | null;
  /** The APR as the jurisdiction displays it (California: to the nearest ten basis points, "36.2%"), or `null` when no rule is known. */
  readonly displayedApr: string | null;
  /** Estimated finance charge. */
  readonly estimatedFinanceCharge: Money;
  /** Estimated total payment (funding + finance charge). */
  readonly estimatedTotalPayment: Money;
  /** Estimated payment and its frequency: per collection `"day"`, or the term loan's instalment (`"month"`, `"biweek"`). */
  readonly estimatedPayment: { readonly amount: Money; readonly frequency: "day" | "month" | "biweek" };
  /** Estimated monthly cost: average monthly sales × holdback rate (opt-in and term loans: total payment / term in months). */
  readonly estimatedMonthlyCost: Money;
  /** Estimated term in days from funding to the last payment. */
  readonly estimatedTermDays: number;
  /** Estimated term in months: days × 12 / 365, rounded half-up to 0.1. */
  readonly estimatedTermMonths: Decimal;
  /** Funding date used. */
  readonly fundedOn: Date;
  /** The renewal figures, or `null` when the offer is not a renewal. */
  readonly renewal: FinancingDisclosureRenewal | null;
  /** The registry's answer for `options.jurisdiction`, or `null` without one. */
  readonly rules: ApplicableDisclosureRules | null;
  /** Sections applied. */
  readonly references: readonly string[];
}

const FN = "disclosure";
const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const OPTION_KEYS = ["method", "months", "selection", "offerDate", "excludeMonths", "jurisdiction", "projectedSales", "aprMethod", "renewal"] as const;

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
 * The figures a commercial-financing disclosure needs — funding provided, estimated APR, finance
 * charge, total payment, payment, monthly cost and term — for a sales-based offer (historical or
 * opt-in method) or a term loan (closed-end), in a given state, optionally as a renewal.
 *
 * ## Notes
 * 1. **Historical projection (Cal. Code Regs. tit. 10 § 930(b); 23 NYCRR § 600.8(b)).** Sales are
 *    summed per calendar month. The `months` (4–12, fixed by the provider) complete calendar
 *    months before the offer month are averaged; with `selection: "highest"` the `months` months
 *    with the highest sales within the past twelve (New York only, § 600.8(b)(2)). A business
 *    younger than that averages the complete months since its first sale (§ 930(b)(3),
 *    § 600.8(b)(3)) — a first month whose first days are missing from the history is left out;
 *    `excludeMonths` drops months the provider excludes under § 930(b)(4) / § 600.8(b)(4). Months
 *    inside the period with no sales count as zero.
 * 2. **Opt-in (underwriting) method (Cal. § 931(a)(2)–(3); NY § 600.9(c)–(d)).** The provider's
 *    internal estimated projection (`projectedSales`, "the best information reasonably
 *    available") is used as it is; audit the results with {@link auditOptInApr}.
 * 3. **Payments (§ 942; § 600.7).** The projection is run through {@link simulateRepayment} from
 *    the offer date, so specified payment amounts, changes to the split rate over time (a product
 *    whose holdback changes is run as it is), minimum payments and a maximum term are accounted for.
 * 4. **Term loans** are closed-end financing (Cal. § 910; N.Y. Fin. Serv. Law § 804): the APR is
 *    that of the instalment schedule, the finance charge the product's `fee`, the payment the
 *    first instalment and the monthly cost the average monthly payment (§ 804(f)(i)).
 * 5. **APR (§ 940(a); § 600.3(b)).** Regulation Z Appendix J, actuarial ({@link aprRegZ}) or
 *    United States Rule ({@link aprUnitedStatesRule}); finance charge per § 943 / § 600.2 (the
 *    product's fee). An APR the solver cannot find is `null` with
 *    `estimatedAprUnavailable: "no-rate-in-solver-range"`, never a solver error.
 * 6. **Jurisdiction.** With `jurisdiction`, the registry ({@link applicableDisclosureRules})
 *    answers coverage (kept in `rules`; an uncovered offer still gets its figures), throws for a
 *    date before the law took effect or a months rule the law does not allow, and gives the
 *    display rounding (California § 901(a)(5): nearest ten basis points).
 * 7. **Renewal (N.Y. Fin. Serv. Law § 808; Conn. Gen. Stat. § 36a-864).** When the new financing
 *    pays off an existing one from the same provider: payoff = previous total repayment − paid −
 *    forgiven; for a fixed total repayment the unpaid finance charge refinanced ("prepayment
 *    charge") = original finance charge × payoff / total repayment − forgiven; the answer to "Does
 *    the renewal financing include any amount that is used to pay unpaid finance charge or fees,
 *    also known as double dipping?" is "Yes, {amount}" or "No". A term loan being refinanced is
 *    paid off at its remaining principal R (whole instalments first; this module's loans carry no
 *    prepayment charge) plus `renewal.accruedInterest` I (default 0): payoff = R + I − forgiven,
 *    and its refinanced finance charge is § 808(a)'s "unpaid interest expense that was not
 *    forgiven", max(0, I − forgiven) (forgiveness counted against the interest first, as the
 *    fixed-amount formula subtracts it from the charge; the library's reading). California's regulations have no
 *    renewal section (§§ 900–956 titles read): the renewal is disclosed as a new offer.
 * 8. **References.** `references` lists the sections applied: with `jurisdiction: "CA"` only
 *    California's (and federal) sections, with `"NY"` only New York's; without a jurisdiction, or
 *    for another state (whose figures the library computes by the California / New York methods),
 *    both states' sections. The renewal's own `references` always name § 808 and § 36a-864.
 *
 * ## References
 * - Cal. Code Regs. tit. 10, §§ 901(a)(5), 910, 914, 930, 931, 940, 942, 943 (operative 2022-12-09).
 * - N.Y. Fin. Serv. Law §§ 803, 804, 808; 23 NYCRR §§ 600.3, 600.7, 600.8, 600.9.
 * - Conn. Gen. Stat. § 36a-864; 12 CFR Part 1026, Appendix J.
 *
 * @param offer - the offered product
 * @param historicalSales - daily (or any dated) sales through the payment channel, sorted (may be empty for a term loan or the opt-in method)
 * @param options - {@link DisclosureOptions}:
 *   - `method` (required): `"historical"` (Cal. § 930, NY § 600.8) or `"opt-in"` (Cal. § 931, NY
 *     § 600.9); a term loan is disclosed as closed-end financing whatever the method.
 *   - `months`: months of history the provider fixed, an integer from 4 to 12 (default 12).
 *   - `selection`: `"preceding"` (default: the `months` complete months before the offer month)
 *     or `"highest"` (the `months` highest months of the past twelve; New York only).
 *   - `offerDate`: the offer and funding day, a Date or ISO date (default: the day after the last
 *     historical sale; a term loan: its `startDate`).
 *   - `excludeMonths`: months `"YYYY-MM"` left out of the average, at most 1,200 (default none).
 *   - `jurisdiction`: the recipient's state, a registry code (`"CA"`, `"NY"`, `"UT"`, `"VA"`,
 *     `"GA"`, `"FL"`, `"CT"`, `"KS"`, `"MO"`, `"TX"`; default none: California / New York
 *     figures without a registry check, `displayedApr` `null`).
 *   - `projectedSales`: the opt-in projection, a dated sales series in the offer's currency from
 *     the offer date on (required with `"opt-in"`, ignored but validated otherwise).
 *   - `aprMethod`: `"actuarial"` (default) or `"united-states-rule"` (Reg Z Appendix J (a)(3)).
 *   - `renewal`: `{ previous, paidToDate, forgiven?, accruedInterest? }` — the existing financing
 *     the new one pays off, the amount paid on it so far, the part forgiven and a term loan's
 *     accrued interest paid off with it (amounts in the offer's currency; `forgiven` and
 *     `accruedInterest` default 0; default: not a renewal).
 * @returns a frozen {@link FinancingDisclosure}
 * @throws {@link ValidationError} when the method is unknown, `months` is outside 4–12, there is no complete month of history
 *   (`EMPTY_INPUT`), the projection never repays the offer within 100 years (`UNDEFINED_RESULT`), `selection: "highest"` is
 *   given for a state that does not allow it (`CONFLICTING_OPTIONS`), the opt-in method has no `projectedSales`
 *   (`MISSING_VALUE`), the jurisdiction is unknown or its law was not in effect on the offer date (`OUT_OF_RANGE`), or a
 *   renewal is contradictory (paid at least the total, forgiven more than owed, a payoff larger than the new funding;
 *   `CONFLICTING_OPTIONS`: accrued interest on a renewal of a financing that is not a term loan)
 * @throws {@link ValidationError} `UNKNOWN_OPTION` for an unknown option key, `MISSING_VALUE` for a hole
 *   in `excludeMonths` or `historicalSales`
 * @throws {@link CurrencyMismatchError} when a sale or a renewal amount is in another currency than the offer (the message
 *   names the row: index and date)
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, disclosure, money, salesBasedAdvance } from "marketplace-economics";
 * const offer = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1" });
 * // 2023: $12,166.66…/month on average (365 days × $400 / 12)
 * const history = Array.from({ length: 365 }, (_, i) => ({ date: addPeriods(calendarDay(2023, 1, 1), i, "day"), amount: money("400", "USD") }));
 * const d = disclosure(offer, history, { method: "historical", months: 12, jurisdiction: "CA" });
 * d.averageMonthlySales?.amount.toString(); //=> "12166.67"
 * d.estimatedPayment.amount.amount.toString(); //=> "40"
 * d.estimatedTermDays; //=> 288
 * d.displayedApr; //=> "36.2%"
 * ```
 *
 * @category Financing
 * @since 0.1.0
 */
export function disclosure(offer: FinancingProduct, historicalSales: FinancingSalesSeries, options: DisclosureOptions): FinancingDisclosure {
  const product = readProduct(offer, FN, "offer");
  const o = toOptions(options, FN, "options", OPTION_KEYS, false);
  const method = toOption(o["method"], FN, "options.method", ["historical", "opt-in"] as const);
  const months = o["months"] === undefined ? 12 : toInteger(o["months"], FN, "options.months", 4, 12);
  const selection = o["selection"] === undefined ? "preceding" : toOption(o["selection"], FN, "options.selection", ["preceding", "highest"] as const);
  const aprMethod = o["aprMethod"] === undefined ? "actuarial" : toOption(o["aprMethod"], FN, "options.aprMethod", ["actuarial", "united-states-rule"] as const);
  const currency = product.principal.currency;
  const digits = minorDigits(currency);
  const series = readSeries(historicalSales, FN, "historicalSales", currency);
  const n = series.days.length;
  let offerDay: number;
  if (o["offerDate"] !== undefined) offerDay = toFinancingDay(o["offerDate"], FN, "options.offerDate");
  else if (product.kind === "term-loan") offerDay = Math.round(product.startDate.getTime() / 86_400_000);
  else if (n > 0) offerDay = series.days[n - 1]! + 1;
  else return rangeError(FN, "historicalSales", ErrorCode.EMPTY_INPUT, "must not be empty without options.offerDate", historicalSales, "at least one complete month of sales, or options.offerDate");
  const fundedOn = dayDate(offerDay);

  // The registry: coverage, effective date (throws under this function's name), months rule, display.
  let rules: ApplicableDisclosureRules | null = null;
  if (o["jurisdiction"] !== undefined) {
    rules = resolveDisclosureRules({ jurisdiction: o["jurisdiction"], productKind: product.kind, amount: toUsdAmount(product.principal), date: fundedOn }, FN, "options", {
      jurisdiction: "options.jurisdiction",
      productKind: "offer.kind",
      amount: "offer.principal",
      date: o["offerDate"] === undefined ? "options.offerDate (default: the day after the last sale)" : "options.offerDate",
    });
    const hm = rules.rule.historicalMethod;
    if (selection === "highest" && product.kind !== "term-loan" && method === "historical" && !(hm?.highestMonthsAllowed ?? false)) {
      rangeError(
        FN,
        "options.selection",
        ErrorCode.CONFLICTING_OPTIONS,
        `"highest" is not allowed in ${rules.name} (${hm?.section ?? "no historical-method rule"} averages the preceding months)`,
        "highest",
        '"preceding" (or a state whose rule allows the highest months, e.g. "NY")',
      );
    }
  }

  const renewal = o["renewal"] === undefined ? null : readRenewal(o["renewal"], product.kind === "term-loan" ? product.amountFinanced : product.principal);
  let figures: Omit<FinancingDisclosure, "displayedApr" | "renewal" | "rules" | "references" | "fundingProvided" | "fundedOn">;
  // Each section with the state whose law it is (null: federal), so a CA or NY disclosure lists only its own.
  const refs: { readonly text: string; readonly state: string | null }[] = [];
  const ref = (state: string | null, ...texts: string[]): void => {
    for (const text of texts) refs.push({ text, state });
  };
  if (product.kind === "term-loan") {
    figures = closedEnd(product, offerDay, aprMethod);
    ref("CA", "Cal. Code Regs. tit. 10 § 910 (closed-end)");
    ref("NY", "N.Y. Fin. Serv. Law § 804 (closed-end)");
  } else {
    let projection: { date: Date; amount: Money }[];
    let monthsUsed: string[] = [];
    let average: Decimal | null = null;
    let perDay: Decimal | null = null;
    if (method === "opt-in") {
      if (o["projectedSales"] === undefined) {
        typeError(
          FN,
          "options.projectedSales",
          ErrorCode.MISSING_VALUE,
          'is required with method "opt-in" (the internal estimated sales projection, Cal. § 931(a)(2))',
          undefined,
          "a dated sales series from the offer date on",
        );
      }
      const proj = readSeries(o["projectedSales"], FN, "options.projectedSales", currency);
      if (proj.days.length === 0) rangeError(FN, "options.projectedSales", ErrorCode.EMPTY_INPUT, "must not be empty", o["projectedSales"], "a dated sales series from the offer date on");
      projection = proj.days.map((d, i) => ({ date: dayDate(d), amount: makeMoney(proj.amounts[i]!, currency) }));
      ref("CA", "Cal. Code Regs. tit. 10 § 931 (underwriting method)");
      ref("NY", "23 NYCRR § 600.9 (opt-in method)");
    } else {
      // A projection given with the historical method is not used, but it is still validated (#11:
      // NaN or an Invalid Date there was accepted silently).
      if (o["projectedSales"] !== undefined) readSeries(o["projectedSales"], FN, "options.projectedSales", currency);
      const hist = historicalAverage(series, offerDay, months, selection, o["excludeMonths"], historicalSales, digits);
      monthsUsed = hist.used;
      average = hist.average;
      perDay = average.times(12).div(365).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
      const amount = makeMoney(perDay, currency);
      const rate = product.kind === "sales-based-advance" ? product.holdbackRate : product.revenueShare;
      const pay = perDay.times(rate).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
      // Project long enough to repay at the first rate; rerun to 100 years if a rate that changes over time needs longer.
      const horizon = pay.greaterThan(0) ? Math.min(36_500, product.totalRepayment.amount.div(pay).ceil().toNumber()) : 36_500;
      projection = Array.from({ length: Math.max(horizon, 1) }, (_, i) => ({ date: dayDate(offerDay + 1 + i), amount }));
      if (selection === "highest") ref("NY", "23 NYCRR § 600.8(b)(2) (highest months)");
      else ref("CA", "Cal. Code Regs. tit. 10 § 930 (historical method)");
      ref("NY", "23 NYCRR § 600.8 (historical method)");
    }
    figures = salesBased(product, projection, offerDay, aprMethod, monthsUsed, average, perDay, method, method === "opt-in" ? o["projectedSales"] : historicalSales);
    ref("CA", "Cal. Code Regs. tit. 10 §§ 940, 942 (APR, Reg Z App. J)", "Cal. Code Regs. tit. 10 § 914 (disclosure table)");
    ref("NY", "23 NYCRR §§ 600.3, 600.7");
  }
  if (aprMethod === "united-states-rule") ref(null, "12 CFR Part 1026, Appendix J (a)(3) (United States Rule)");
  const display = rules?.rule.aprDisplay ?? null;
  const displayedApr = display === null || figures.estimatedApr === null ? null : `${figures.estimatedApr.times(100).toFixed(display.decimalsOfPercent, Decimal.ROUND_HALF_UP)}%`;
  if (display !== null) ref(rules!.jurisdiction, `${display.section} (APR display)`);
  if (renewal !== null) for (const t of renewal.references) ref(t.startsWith("N.Y.") ? "NY" : t.startsWith("Conn.") ? "CT" : null, t);
  const only = rules?.jurisdiction === "CA" || rules?.jurisdiction === "NY" ? rules.jurisdiction : null;
  const references = refs.filter((r) => only === null || r.state === null || r.state === only).map((r) => r.text);
  // Shallow freezes only: fundingProvided is the offer's own Money (#11: never change an input).
  return Object.freeze({
    method: figures.method,
    monthsUsed: Object.freeze([...figures.monthsUsed]),
    averageMonthlySales: figures.averageMonthlySales,
    projectedDailySales: figures.projectedDailySales,
    fundingProvided: product.kind === "term-loan" ? product.amountFinanced : product.principal,
    estimatedApr: figures.estimatedApr,
    estimatedAprUnavailable: figures.estimatedAprUnavailable,
    displayedApr,
    estimatedFinanceCharge: figures.estimatedFinanceCharge,
    estimatedTotalPayment: figures.estimatedTotalPayment,
    estimatedPayment: Object.freeze({ ...figures.estimatedPayment }),
    estimatedMonthlyCost: figures.estimatedMonthlyCost,
    estimatedTermDays: figures.estimatedTermDays,
    estimatedTermMonths: figures.estimatedTermMonths,
    fundedOn,
    renewal,
    rules,
    references: Object.freeze(references),
  });
}

/** § 930(b) / § 600.8(b): the average monthly sales of the selected complete months. */
function historicalAverage(
  series: { readonly days: readonly number[]; readonly amounts: readonly Decimal[] },
  offerDay: number,
  months: number,
  selection: "preceding" | "highest",
  excludeRaw: unknown,
  received: unknown,
  digits: number,
): { used: string[]; average: Decimal } {
  const n = series.days.length;
  if (n === 0) rangeError(FN, "historicalSales", ErrorCode.EMPTY_INPUT, "must not be empty", received, "at least one complete month of sales");
  const excluded = new Set<string>();
  if (excludeRaw !== undefined) {
    const list = toDenseArray<unknown>(excludeRaw, FN, "options.excludeMonths", { maxLength: MAX_EXCLUDED_MONTHS });
    list.forEach((m, i) => {
      if (typeof m !== "string" || !ISO_MONTH.test(m)) rangeError(FN, `options.excludeMonths[${i}]`, ErrorCode.INVALID_DATE, 'must be a month "YYYY-MM"', m, '"YYYY-MM"');
      excluded.add(m);
    });
  }
  const lastMonth = monthIndex(offerDay) - 1; // complete months before the offer month
  // A month counts only when the history covers it from its first day (§ 930 / § 600.8 average *monthly* sales).
  const firstDay = series.days[0]!;
  const firstCompleteMonth = dayDate(firstDay).getUTCDate() === 1 ? monthIndex(firstDay) : monthIndex(firstDay) + 1;
  const window = selection === "highest" ? 12 : months;
  const firstMonth = Math.max(lastMonth - window + 1, firstCompleteMonth);
  const totals = new Map<number, Decimal>();
  for (let i = 0; i < n; i++) {
    const mi = monthIndex(series.days[i]!);
    if (mi < firstMonth || mi > lastMonth) continue;
    totals.set(mi, (totals.get(mi) ?? new Decimal(0)).plus(series.amounts[i]!));
  }
  let candidates: number[] = [];
  for (let mi = firstMonth; mi <= lastMonth; mi++) if (!excluded.has(keyOfIndex(mi))) candidates.push(mi);
  if (selection === "highest") {
    // The `months` months with the highest sales (ties: the more recent), listed oldest first.
    candidates = [...candidates]
      .sort((a, b) => (totals.get(b) ?? new Decimal(0)).comparedTo(totals.get(a) ?? new Decimal(0)) || b - a)
      .slice(0, months)
      .sort((a, b) => a - b);
  }
  if (candidates.length === 0) {
    rangeError(FN, "historicalSales", ErrorCode.EMPTY_INPUT, "must contain at least one complete calendar month before the offer month", monthKey(series.days[0]!), "sales from a month before the offer month");
  }
  let sum = new Decimal(0);
  for (const mi of candidates) sum = sum.plus(totals.get(mi) ?? 0);
  return { used: candidates.map(keyOfIndex), average: sum.div(candidates.length).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN) };
}

type Figures = Omit<FinancingDisclosure, "displayedApr" | "renewal" | "rules" | "references" | "fundingProvided" | "fundedOn">;

/** A sales-based offer run against its projection (§ 942 / § 600.7). */
function salesBased(
  product: Exclude<FinancingProduct, TermLoan>,
  projection: { date: Date; amount: Money }[],
  offerDay: number,
  aprMethod: "actuarial" | "united-states-rule",
  monthsUsed: string[],
  average: Decimal | null,
  perDay: Decimal | null,
  method: "historical" | "opt-in",
  received: unknown,
): Figures {
  const currency = product.principal.currency;
  const digits = minorDigits(currency);
  const fundedOn = dayDate(offerDay);
  let result = toRepaymentResult(runProduct(FN, product, projection, { fundedOn, until: dayDate(offerDay + Math.max(projection.length, 1)) }, true));
  if (!result.summary.paidOff && method === "historical" && projection.length < 36_500) {
    const amount = projection[0]!.amount;
    const long = Array.from({ length: 36_500 }, (_, i) => ({ date: dayDate(offerDay + 1 + i), amount }));
    result = toRepaymentResult(runProduct(FN, product, long, { fundedOn, until: dayDate(offerDay + 36_500) }, true));
  }
  if (!result.summary.paidOff) {
    rangeError(
      FN,
      method === "opt-in" ? "options.projectedSales" : "historicalSales",
      ErrorCode.UNDEFINED_RESULT,
      "project sales that never repay the offer, so no term or APR can be estimated",
      average?.toString() ?? received,
      "a projection that repays the offer",
    );
  }
  const cost = costOfFinancing(result);
  let apr = cost.apr;
  let aprUnavailable = cost.aprUnavailable;
  if (aprMethod === "united-states-rule" && !cost.financeCharge.amount.isZero()) {
    const payments = result.rows.filter((r) => !r.payment.amount.isZero()).map((r) => ({ date: r.date, amount: r.payment.amount }));
    apr = solved(() => aprUnitedStatesRule({ amountFinanced: product.principal.amount, advanceDate: fundedOn, payments }));
    aprUnavailable = apr === null ? "no-rate-in-solver-range" : null;
  }
  const termDays = result.summary.daysToPayoff!;
  const firstPayment = result.rows.find((r) => !r.holdback.amount.isZero())?.holdback ?? makeMoney(new Decimal(0), currency);
  const rate = product.kind === "sales-based-advance" ? product.holdbackRate : product.revenueShare;
  let avg = average;
  let daily = perDay;
  let monthlyCost: Decimal;
  if (method === "opt-in") {
    let total = new Decimal(0);
    for (const p of projection) if (p.date.getTime() <= result.summary.payoffDate!.getTime()) total = total.plus(p.amount.amount);
    daily = total.div(Math.max(termDays, 1)).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
    avg = total.div(Math.max(termDays, 1)).times(365).div(12).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
    monthlyCost = result.summary.totalPaid.amount.times(365).div(12).div(Math.max(termDays, 1)).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
  } else if (product.kind === "sales-based-advance" && (product.holdbackSchedule !== null || product.maxRemittance !== null)) {
    // Changing rates or a remittance cap (#14): the average monthly payment of the projected run, not average × first rate.
    monthlyCost = result.summary.totalPaid.amount.times(365).div(12).div(Math.max(termDays, 1)).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
  } else monthlyCost = average!.times(rate).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
  return {
    method,
    monthsUsed,
    averageMonthlySales: avg === null ? null : makeMoney(avg, currency),
    projectedDailySales: daily === null ? null : makeMoney(daily, currency),
    estimatedApr: apr,
    estimatedAprUnavailable: aprUnavailable,
    estimatedFinanceCharge: cost.financeCharge,
    estimatedTotalPayment: result.summary.totalPaid,
    estimatedPayment: { amount: firstPayment, frequency: "day" },
    estimatedMonthlyCost: makeMoney(monthlyCost, currency),
    estimatedTermDays: termDays,
    estimatedTermMonths: new Decimal(termDays).times(12).div(365).toDecimalPlaces(1, Decimal.ROUND_HALF_UP),
  };
}

/** A term loan as closed-end financing (Cal. § 910; NY § 804): the APR of its instalment schedule. */
function closedEnd(loan: TermLoan, offerDay: number, aprMethod: "actuarial" | "united-states-rule"): Figures {
  const currency = loan.principal.currency;
  const digits = minorDigits(currency);
  const payments = loan.instalments.filter((k) => k.amount.amount.greaterThan(0)).map((k) => ({ date: k.dueDate, amount: k.amount.amount }));
  const advanceDate = dayDate(offerDay);
  // Fees withheld at funding are prepaid finance charges: the APR is that of the amount financed (#14).
  const input = { amountFinanced: loan.amountFinanced.amount, advanceDate, payments, unitPeriod: loan.schedule };
  const total = loan.instalments.reduce((s, k) => s.plus(k.amount.amount), new Decimal(0));
  const apr = total.equals(loan.amountFinanced.amount) ? new Decimal(0) : solved(() => (aprMethod === "actuarial" ? aprRegZ(input) : aprUnitedStatesRule(input)));
  const last = loan.instalments[loan.instalments.length - 1]!.dueDate;
  const termDays = Math.round((last.getTime() - advanceDate.getTime()) / 86_400_000);
  return {
    method: "closed-end",
    monthsUsed: [],
    averageMonthlySales: null,
    projectedDailySales: null,
    estimatedApr: apr,
    estimatedAprUnavailable: apr === null ? "no-rate-in-solver-range" : null,
    estimatedFinanceCharge: makeMoney(total.minus(loan.amountFinanced.amount), currency),
    estimatedTotalPayment: makeMoney(total, currency),
    estimatedPayment: { amount: loan.instalments[0]!.amount, frequency: loan.schedule },
    estimatedMonthlyCost: makeMoney(total.div(loan.termMonths).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN), currency),
    estimatedTermDays: termDays,
    estimatedTermMonths: new Decimal(termDays).times(12).div(365).toDecimalPlaces(1, Decimal.ROUND_HALF_UP),
  };
}

function solved(f: () => Decimal): Decimal | null {
  try {
    return f();
  } catch (err) {
    if (err instanceof ConvergenceError) return null;
    throw err;
  }
}

/** The principal in USD for the registry (the state laws state their limits in dollars). */
function toUsdAmount(principal: Money): Money {
  if (principal.currency !== "USD")
    rangeError(FN, "offer.principal.currency", ErrorCode.OUT_OF_RANGE, "must be USD when options.jurisdiction is given (the state laws state their limits in dollars)", principal.currency, '"USD"');
  return principal;
}

/** N.Y. Fin. Serv. Law § 808 / Conn. Gen. Stat. § 36a-864 renewal figures. */
function readRenewal(value: unknown, principal: Money): FinancingDisclosureRenewal {
  const r = toOptions(value, FN, "options.renewal", ["previous", "paidToDate", "forgiven", "accruedInterest"], false);
  const previous = readProduct(r["previous"], FN, "options.renewal.previous");
  const currency = principal.currency;
  const paid = toAmountIn(r["paidToDate"], "options.renewal.paidToDate", currency);
  const forgiven = r["forgiven"] === undefined ? new Decimal(0) : toAmountIn(r["forgiven"], "options.renewal.forgiven", currency);
  const accrued = r["accruedInterest"] === undefined ? new Decimal(0) : toAmountIn(r["accruedInterest"], "options.renewal.accruedInterest", currency);
  assertSameCurrency(FN, currency, previous.principal.currency);
  if (previous.kind !== "term-loan" && !accrued.isZero()) {
    rangeError(
      FN,
      "options.renewal.accruedInterest",
      ErrorCode.CONFLICTING_OPTIONS,
      `applies only to a term loan being refinanced (options.renewal.previous is a ${previous.kind})`,
      accrued.toString(),
      "0 or no accruedInterest for this product",
    );
  }
  // A term loan's paidToDate counts its instalments (fees withheld at funding are not repaid later);
  // it is paid off at its remaining principal plus any accrued interest, the only finance charge double-dipped.
  return renewalFigures(FN, { paid: "options.renewal.paidToDate", forgiven: "options.renewal.forgiven", renewal: "options.renewal" }, previous, paid, forgiven, principal, accrued);
}

function toAmountIn(value: unknown, arg: string, currency: string): Decimal {
  if (typeof value === "object" && value !== null && !Decimal.isDecimal(value)) return toMinorMoney(value, FN, arg, currency, true).amount;
  return toMinorMoney({ amount: toDecimal(value, FN, arg), currency }, FN, arg, currency, true).amount;
}
