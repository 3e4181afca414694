import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { readSeries, dayDate } from "./_lib/engine.js";
import { readProduct } from "./_lib/products.js";
import { RUN_OPTION_KEYS, runProduct, toRepaymentResult } from "./_lib/run.js";
import { makeMoney, minorDigits } from "../_lib/money.js";
import { rangeError, toNonEmptyString } from "../_lib/validate.js";
import { MAX_SCENARIOS, toDenseArray, toOptions, toRateInRange } from "./_lib/validate.js";
import type { Money, NumericInput } from "../money/types.js";
import { costOfFinancing } from "./costOfFinancing.js";
import type { SimulateRepaymentOptions } from "./simulateRepayment.js";
import type { FinancingProduct, FinancingRateUnavailableReason, FinancingSalesSeries } from "./types.js";

/**
 * A sales scenario: every sale multiplied by `factor`, or by `monthlyFactors[month]`
 * (January first) for a seasonal pattern.
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
 * (weak first half, strong fourth quarter; the twelve factors average 1).
 */
const DEFAULT_SCENARIOS: readonly SalesScenario[] = [
  { name: "base", factor: 1 },
  { name: "sales -10%", factor: "0.9" },
  { name: "sales -30%", factor: "0.7" },
  { name: "seasonal", monthlyFactors: ["0.8", "0.8", "0.9", "0.9", "1", "1", "1", "1", "1", "1.1", "1.2", "1.3"] },
];

const FN = "simulateSalesScenarios";

/**
 * Sensitivity of term and APR to sales: run one product against scaled copies of a sales
 * series (default: base, −10 %, −30 %, seasonal) and report payoff, term, APR and XIRR of each.
 *
 * ## Notes
 * Each sale becomes `round_half_even(amount × factor)` to the minor unit; the runs use
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
 * @throws {ValidationError} when a scenario is malformed (unknown key, factor outside 0–10,
 *   more than 1,000 scenarios, a hole), an option is unknown (`UNKNOWN_OPTION`) or the inputs of
 *   {@link simulateRepayment} are invalid
 * @throws {CurrencyMismatchError} when a sale is in another currency than the product (the
 *   message names the row)
 *
 * @example
 * ```ts
 * import { money, salesBasedAdvance, simulateSalesScenarios } from "marketplace-economics";
 * const advance = salesBasedAdvance({ principal: money("10000", "USD"), fee: 1500, holdbackRate: "0.1" });
 * const sales = Array.from({ length: 730 }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: money("400", "USD") }));
 * const out = simulateSalesScenarios(advance, sales);
 * out.map((s) => s.daysToPayoff); //=> [288, 320, 411, 303]
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
      const sc = toOptions(raw, FN, `options.scenarios[${k}]`, ["name", "factor", "monthlyFactors"], false);
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
      const scaled = series.days.map((day, i) => ({
        date: dayDate(day),
        amount: makeMoney(series.amounts[i]!.times(factors[dayDate(day).getUTCMonth()]!).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN), currency),
      }));
      const result = toRepaymentResult(runProduct(FN, prod, scaled, simOptions, true));
      const cost = costOfFinancing(result);
      const s = result.summary;
      return Object.freeze({
        name,
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
