import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { readSeries, dayDate } from "./_lib/engine.js";
import { readProduct } from "./_lib/products.js";
import { RUN_OPTION_KEYS, runProduct, toRepaymentResult } from "./_lib/run.js";
import { makeMoney, minorDigits } from "../_lib/money.js";
import { rangeError, toNonEmptyString } from "../_lib/validate.js";
import { MAX_SCENARIOS, toDenseArray, toFinancingDay, toOptions, toRateInRange } from "./_lib/validate.js";
import type { Money, NumericInput } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import { costOfFinancing } from "./costOfFinancing.js";
import type { SimulateRepaymentOptions } from "./simulateRepayment.js";
import type { FinancingProduct, FinancingRateUnavailableReason, FinancingSalesSeries } from "./types.js";

/**
 * A dated shock of a {@link SalesScenario}: from `from` (inclusive) until `to` (inclusive; omit
 * for "from then on"), every sale is multiplied by `factor` — `{ from: "2024-04-01", factor: "0.5" }`
 * is "sales drop 50 % from 2024-04-01", `{ from: "2024-07-01", to: "2024-07-31", factor: 0 }` is
 * "no sales in July 2024".
 *
 * @category Financing
 * @since 0.3.0
 */
export interface SalesShock {
  readonly from: DateInput;
  readonly to?: DateInput;
  /** Multiplier, 0 to 10. */
  readonly factor: NumericInput;
}

/**
 * A sales scenario: every sale multiplied by `factor`, or by `monthlyFactors[month]`
 * (January first) for a seasonal pattern, and by every dated shock covering its day.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface SalesScenario {
  readonly name: string;
  /** Multiplier of every sale, 0 ≤ factor ≤ 10 (0.9 = sales 10 % lower; 90 for 90 % is rejected). */
  readonly factor?: NumericInput;
  /** Twelve multipliers from 0 to 10, January to December. */
  readonly monthlyFactors?: readonly NumericInput[];
  /** Dated shocks (at most 100), multiplied with each other and with `factor` or `monthlyFactors` (since 0.3.0). */
  readonly shocks?: readonly SalesShock[];
}

/**
 * The multipliers a scenario applied, recorded in its {@link SalesScenarioOutcome}.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface SalesScenarioFactors {
  /** The twelve monthly multipliers used, January first (a constant `factor` repeated twelve times). */
  readonly monthly: readonly Decimal[];
  /** The dated shocks used, in the order given (`to: null` = open-ended). */
  readonly shocks: readonly { readonly from: Date; readonly to: Date | null; readonly factor: Decimal }[];
}

/**
 * The {@link simulateSalesScenarios} function options: the scenarios and the
 * {@link SimulateRepaymentOptions} of every run.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface SimulateSalesScenariosOptions extends SimulateRepaymentOptions {
  /** Scenarios to run (default: base, −10 %, −30 %, seasonal), 1 to 1,000. */
  readonly scenarios?: readonly SalesScenario[];
}

/**
 * One scenario's outcome in {@link simulateSalesScenarios}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface SalesScenarioOutcome {
  readonly name: string;
  /** The multipliers this scenario applied (since 0.3.0). */
  readonly factors: SalesScenarioFactors;
  readonly paidOff: boolean;
  readonly payoffDate: Date | null;
  readonly daysToPayoff: number | null;
  readonly totalPaid: Money;
  readonly outstandingIfSalesStop: Money;
  readonly anyMinimumMissed: boolean;
  /** Reg Z App. J APR, or `null` with the reason in `aprUnavailable` (as in {@link costOfFinancing}). */
  readonly apr: Decimal | null;
  /** Why `apr` is `null` (`"not-paid-off"`, `"no-rate-in-solver-range"`), or `null` when it is given. */
  readonly aprUnavailable: FinancingRateUnavailableReason | null;
  /** XIRR of the seller's flows, or `null` with the reason in `effectiveAnnualRateUnavailable`. */
  readonly effectiveAnnualRate: Decimal | null;
  /** Why `effectiveAnnualRate` is `null`, or `null` when it is given. */
  readonly effectiveAnnualRateUnavailable: FinancingRateUnavailableReason | null;
}

/**
 * The default scenarios: unchanged sales, sales 10 % and 30 % lower, and a seasonal pattern
 * (weak first half, strong fourth quarter; the twelve factors average 1). The seasonal factors
 * are illustrative round numbers chosen for this library in 0.1.0: they are NOT taken from a
 * published series (no source). Pass your own `monthlyFactors` (e.g. the seller's own history,
 * or published retail seasonal factors) for a real stress test.
 */
const DEFAULT_SCENARIOS: readonly SalesScenario[] = [
  { name: "base", factor: 1 },
  { name: "sales -10%", factor: "0.9" },
  { name: "sales -30%", factor: "0.7" },
  { name: "seasonal", monthlyFactors: ["0.8", "0.8", "0.9", "0.9", "1", "1", "1", "1", "1", "1.1", "1.2", "1.3"] },
];

const FN = "simulateSalesScenarios";
const MAX_SHOCKS = 100;

/**
 * Sensitivity of term and APR to sales: run one product against scaled copies of a sales
 * series (default: base, −10 %, −30 %, seasonal) and report payoff, term, APR and XIRR of each.
 *
 * ## Notes
 * Each sale becomes `round_half_even(amount × m)` to the minor unit, where m is the scenario's
 * `factor` (or `monthlyFactors[month of the sale]`) times the `factor` of every dated shock whose
 * `from`–`to` days (inclusive) contain the sale's day; each outcome's `factors` records the twelve
 * monthly multipliers and the shocks used. The default seasonal factors (0.8, 0.8, 0.9, 0.9, 1, 1,
 * 1, 1, 1, 1.1, 1.2, 1.3) are illustrative, not from a published series. The runs use
 * {@link simulateRepayment} with the same options and {@link costOfFinancing}. With a fixed
 * fee, lower sales mean a longer term and so a lower APR — but minimum payments and a maximum
 * term pull payments forward again; sales that stop leave `paidOff: false`. A rate that cannot
 * be expressed (not paid off, or no rate in the solver's range, e.g. a payoff the day after
 * funding) is `null` with its reason, as in {@link costOfFinancing}; no solver error escapes.
 * Bounds: at most 1,000 scenarios, each a run of {@link simulateRepayment} (whose bounds apply).
 *
 * @param product - the product to test
 * @param sales - the base sales series (e.g. last year's sales replayed)
 * @param options - scenarios and simulation options
 * @returns one frozen {@link SalesScenarioOutcome} per scenario, in order
 * @throws {@link ValidationError} when a scenario is malformed (unknown key, factor outside 0–10,
 *   more than 1,000 scenarios or 100 shocks, a hole, a shock whose `to` is before its `from`:
 *   `INVALID_DATE_ORDER`), an option is unknown (`UNKNOWN_OPTION`) or the inputs of
 *   {@link simulateRepayment} are invalid
 * @throws {@link CurrencyMismatchError} when a sale is in another currency than the product (the
 *   message names the row)
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, money, salesBasedAdvance, simulateSalesScenarios } from "marketplace-economics";
 * const advance = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1" });
 * const sales = Array.from({ length: 730 }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 2), i, "day"), amount: money("400", "USD") }));
 * const out = simulateSalesScenarios(advance, sales);
 * out.map((s) => s.daysToPayoff); //=> [288, 320, 411, 303]
 * // Sales halve from 2024-04-01 and stop in July 2024
 * const shocked = simulateSalesScenarios(advance, sales, {
 *   scenarios: [{ name: "shock", shocks: [{ from: "2024-04-01", factor: "0.5" }, { from: "2024-07-01", to: "2024-07-31", factor: 0 }] }],
 * });
 * shocked[0]?.daysToPayoff; //=> 516
 * shocked[0]?.factors.shocks.map((k) => k.factor.toString()); //=> ["0.5", "0"]
 * ```
 *
 * @category Financing
 * @since 0.1.0
 */
export function simulateSalesScenarios(product: FinancingProduct, sales: FinancingSalesSeries, options?: SimulateSalesScenariosOptions): readonly SalesScenarioOutcome[] {
  const prod = readProduct(product, FN);
  const o = toOptions(options, FN, "options", [...RUN_OPTION_KEYS, "scenarios"], true);
  const { scenarios: rawScenarios, ...simOptions } = o;
  const currency = prod.principal.currency;
  const digits = minorDigits(currency);
  const series = readSeries(sales, FN, "sales", currency);
  const scenarios = rawScenarios === undefined ? DEFAULT_SCENARIOS : toDenseArray<SalesScenario>(rawScenarios, FN, "options.scenarios", { nonEmpty: true, maxLength: MAX_SCENARIOS });
  return Object.freeze(
    scenarios.map((raw, k) => {
      const sc = toOptions(raw, FN, `options.scenarios[${k}]`, ["name", "factor", "monthlyFactors", "shocks"], false);
      const name = toNonEmptyString(sc["name"], FN, `options.scenarios[${k}].name`);
      let factors: Decimal[];
      if (sc["monthlyFactors"] !== undefined && sc["factor"] !== undefined) {
        rangeError(FN, `options.scenarios[${k}]`, ErrorCode.CONFLICTING_OPTIONS, "must give either factor or monthlyFactors, not both", sc, "{ name, factor } or { name, monthlyFactors }");
      }
      if (sc["monthlyFactors"] !== undefined) {
        const list = toDenseArray<unknown>(sc["monthlyFactors"], FN, `options.scenarios[${k}].monthlyFactors`, { maxLength: 12 });
        if (list.length !== 12) rangeError(FN, `options.scenarios[${k}].monthlyFactors`, ErrorCode.DIMENSION_MISMATCH, "must have 12 entries", list, "twelve factors, January to December");
        factors = list.map((f, m) => toFactor(f, `options.scenarios[${k}].monthlyFactors[${m}]`));
      } else {
        const f = toFactor(sc["factor"] ?? 1, `options.scenarios[${k}].factor`);
        factors = Array.from({ length: 12 }, () => f);
      }
      const shocks = readShocks(sc["shocks"], `options.scenarios[${k}].shocks`);
      const scaled = series.days.map((day, i) => {
        let m = factors[dayDate(day).getUTCMonth()]!;
        for (const sh of shocks) if (day >= sh.fromDay && (sh.toDay === null || day <= sh.toDay)) m = m.times(sh.factor);
        return { date: dayDate(day), amount: makeMoney(series.amounts[i]!.times(m).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN), currency) };
      });
      const result = toRepaymentResult(runProduct(FN, prod, scaled, simOptions, true));
      const cost = costOfFinancing(result);
      const s = result.summary;
      const used: SalesScenarioFactors = Object.freeze({
        monthly: Object.freeze(factors),
        shocks: Object.freeze(shocks.map((sh) => Object.freeze({ from: dayDate(sh.fromDay), to: sh.toDay === null ? null : dayDate(sh.toDay), factor: sh.factor }))),
      });
      return Object.freeze({
        name,
        factors: used,
        paidOff: s.paidOff,
        payoffDate: s.payoffDate,
        daysToPayoff: s.daysToPayoff,
        totalPaid: s.totalPaid,
        outstandingIfSalesStop: s.outstandingIfSalesStop,
        anyMinimumMissed: s.anyMinimumMissed,
        apr: cost.apr,
        aprUnavailable: cost.aprUnavailable,
        effectiveAnnualRate: cost.effectiveAnnualRate,
        effectiveAnnualRateUnavailable: cost.effectiveAnnualRateUnavailable,
      });
    }),
  );
}

/** A sales multiplier, 0 to 10 (a percentage typo such as 90 for 0.9 gets a hint). */
function toFactor(value: unknown, arg: string): Decimal {
  return toRateInRange(value, FN, arg, 0, 10);
}

/** The dated shocks of one scenario, validated (days inclusive; `to` not before `from`). */
function readShocks(value: unknown, arg: string): { readonly fromDay: number; readonly toDay: number | null; readonly factor: Decimal }[] {
  if (value === undefined) return [];
  const list = toDenseArray<unknown>(value, FN, arg, { maxLength: MAX_SHOCKS });
  return list.map((raw, j) => {
    const o = toOptions(raw, FN, `${arg}[${j}]`, ["from", "to", "factor"], false);
    const fromDay = toFinancingDay(o["from"], FN, `${arg}[${j}].from`);
    const toDay = o["to"] === undefined || o["to"] === null ? null : toFinancingDay(o["to"], FN, `${arg}[${j}].to`);
    if (toDay !== null && toDay < fromDay)
      rangeError(FN, `${arg}[${j}].to`, ErrorCode.INVALID_DATE_ORDER, "must not be before its from date", o["to"], `a date on or after ${dayDate(fromDay).toISOString().slice(0, 10)}`);
    return { fromDay, toDay, factor: toFactor(o["factor"], `${arg}[${j}].factor`) };
  });
}
