import type { Decimal } from "../_lib/decimal.js";
import { xirr } from "../tvm/xirr.js";
import type { Money, NumericInput, RoundingMode } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import { stressTest } from "./_lib/stressRun.js";
import type { PortfolioLoan } from "./simulatePortfolio.js";
import type { FinancingGranularity, FinancingSalesBySeller } from "./types.js";

/**
 * The sales shock of a {@link stressTestPortfolio} scenario. Seller s's sales are multiplied by
 * `level × max(0, 1 + volatility × Xₛ) × seasonal[month]`, where Xₛ = ρ·F + √(1 − ρ²)·εₛ is a
 * standard normal: F the factor of the seller's group (the whole book for `"common"`, its segment
 * for `"segment"`), εₛ the seller's own draw, ρ the `correlation`. `"idiosyncratic"` is Xₛ = εₛ.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface StressShock {
  /** Who shares a shock: `"common"` (default: every seller), `"segment"` (sellers of one segment, see `segments`) or `"idiosyncratic"` (each seller alone). */
  readonly scope?: "common" | "segment" | "idiosyncratic";
  /** ρ from −1 to 1 (default 1): corr(Xₛ, F) = ρ, so two sellers of a group correlate at ρ²; 1 = the group moves as one. */
  readonly correlation?: NumericInput;
  /** Standard deviation of the multiplier around `level` (0 to 5, default 0: a deterministic shock). */
  readonly volatility?: NumericInput;
  /** Mean multiplier of sales, 0 to 10 with at most 6 decimals (default 1; 0.7 = sales 30 % lower). */
  readonly level?: NumericInput;
  /** Twelve seasonal multipliers, January first, each 0 to 10 with at most 6 decimals (default all 1). */
  readonly monthlyFactors?: readonly NumericInput[];
}

/**
 * The {@link stressTestPortfolio} function options.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface StressTestPortfolioOptions {
  /** Seed, an integer from 0 to 4,294,967,295: the same seed gives the same result. Required. */
  readonly seed: number;
  /** Number of scenarios, 1 to 100,000. Required: each costs one run of every loan. */
  readonly scenarios: number;
  /** Index of the first scenario (default 0): a run of scenarios [a, b) reproduces those scenarios of a longer run. */
  readonly firstScenario?: number;
  /** The sales shock. */
  readonly shock?: StressShock;
  /** Segment of each seller (a `Map` or record from seller id to a segment name), required with `scope: "segment"`. */
  readonly segments?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Monthly probability (0 to 1) that a seller's sales stop for good, drawn for each seller and month of its series (default 0). */
  readonly stopHazard?: NumericInput;
  /** Percentiles to report, each 0 to 100 (default [5, 50, 95]). */
  readonly percentiles?: readonly number[];
  /** `"collected"` (default, as {@link simulateRepayment}): a maturity balloon is paid; `"defaulted"`: it is lost. */
  readonly balloon?: "collected" | "defaulted";
  /** Last day simulated for every loan (default: its seller's last sale). */
  readonly until?: DateInput;
  /** Collection period (default `"day"`). */
  readonly granularity?: FinancingGranularity;
  /** Rounding of each holdback (default `"half-even"`). */
  readonly rounding?: RoundingMode;
  /** Collect minimum shortfalls as top-ups (default `true`). */
  readonly collectShortfall?: boolean;
  /** Include every scenario's outcome in the result (default false). */
  readonly includeScenarios?: boolean;
}

/**
 * The distribution of one figure over the scenarios of a {@link StressTestResult}.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface StressDistribution {
  /** One value per requested percentile, in order (`null` when no scenario has the figure). */
  readonly percentiles: readonly { readonly p: number; readonly value: Decimal | null }[];
  /** Mean over the scenarios that have the figure, or `null`. */
  readonly mean: Decimal | null;
  readonly min: Decimal | null;
  readonly max: Decimal | null;
  /** Scenarios without the figure (no loan paid off, no IRR root). */
  readonly unavailable: number;
}

/**
 * One scenario of a {@link StressTestResult} (with `includeScenarios: true`).
 *
 * @category Financing
 * @since 0.3.0
 */
export interface StressScenarioOutcome {
  /** Scenario index (from `firstScenario`). */
  readonly index: number;
  readonly totalRepaid: Money;
  readonly totalOutstanding: Money;
  /** Σ max(0, principal − repaid). */
  readonly loss: Money;
  /** loss / totalLent. */
  readonly lossRate: Decimal;
  readonly paidOffCount: number;
  /** Loans that missed a minimum payment or an instalment at least once. */
  readonly minimumBreaches: number;
  /** minimumBreaches / loans. */
  readonly minimumBreachRate: Decimal;
  /** Windows or instalments that fell short, all loans. */
  readonly shortfallWindows: number;
  /** Mean days to payoff of the loans paid off, or `null`. */
  readonly meanDaysToPayoff: Decimal | null;
  /** Mean (days to payoff − days to payoff unshocked) over loans paid off in both, or `null`. */
  readonly termExtensionDays: Decimal | null;
  /** XIRR of the lender's flows, or `null` when there is no root. */
  readonly irr: Decimal | null;
}

/**
 * Result of {@link stressTestPortfolio}.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface StressTestResult {
  readonly currency: string;
  readonly seed: number;
  readonly firstScenario: number;
  readonly scenarioCount: number;
  readonly loanCount: number;
  readonly totalLent: Money;
  /** Mean extension of the term (days) of loans paid off, against the unshocked run. */
  readonly termExtensionDays: StressDistribution;
  /** Share of loans that missed a minimum payment at least once. */
  readonly minimumBreachRate: StressDistribution;
  /** Principal lost / principal lent. */
  readonly lossRate: StressDistribution;
  /** Portfolio IRR (XIRR of the lender's daily net flows, ACT/365F). */
  readonly irr: StressDistribution;
  /** Every scenario's outcome (empty unless `includeScenarios`). */
  readonly scenarios: readonly StressScenarioOutcome[];
}

const FN = "stressTestPortfolio";

/**
 * Seeded Monte Carlo stress test of a lending book: sales shocks common to all sellers, by
 * segment or idiosyncratic (with a correlation), seasonal shapes and a hazard of sales stopping;
 * the distributions (percentiles) of term extension, minimum-payment breaches, loss and
 * portfolio IRR over the scenarios.
 *
 * ## Notes
 * - Scenario k shocks each seller's daily sales as described in {@link StressShock}, the
 *   multiplier max(0, 1 + volatility × Xₛ) rounded to millionths; each day becomes
 *   round_half_even(sales × level × multiplier × seasonal[month]) in minor units (exact integer
 *   arithmetic), and from the month its sales stop (probability `stopHazard` per month of the
 *   series) the seller sells nothing. Every loan then runs as in {@link simulateRepayment} to
 *   the same horizon (a stopped seller's minimums and maturity still fall due).
 * - With `correlation: 1`, `volatility: 0` and no hazard the shock is deterministic: each
 *   scenario is exactly the {@link simulateSalesScenarios} run of each loan with
 *   `factor: level` (or `monthlyFactors`).
 * - Randomness: every draw is a hash of (seed, scenario, stream, seller, month), not the next
 *   number of a sequence, so a scenario's result depends only on the seed and its index: the
 *   same on every run and however the scenarios are split (`firstScenario`).
 * - Per scenario: loss = Σ max(0, principal − repaid); breach rate = loans with a missed
 *   minimum / loans; term extension = mean over loans paid off in the scenario and unshocked of
 *   the difference in days to payoff; IRR = XIRR of the lender's daily net flows (−principal
 *   on funding, + every payment), `null` without a root.
 * - Percentiles: linear interpolation between order statistics (Hyndman & Fan 1996, type 7, the
 *   default of R and numpy): h = (n − 1) × p / 100, value = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎),
 *   computed exactly on the Decimal figures; scenarios without the figure are counted in
 *   `unavailable`.
 * - Engine: every scenario runs on the exact integer engine of {@link simulateRepayment}: a
 *   seller's shocked series is a typed array of minor units reused across its loans, the lender's
 *   flows are summed per day in integer minor units, and no Money, Decimal or row is made per day
 *   (float64 while exact, BigInt for a product beyond 2^53; a loan whose shocked sales leave the
 *   safe-integer range runs on the Decimal engine). A property test over random books requires
 *   the same result, to the cent, as running every shocked series through the Decimal engine.
 * - Cost: (scenarios + 1) × loans integer runs (about 50-70 µs of CPU per loan-scenario for a
 *   365-day series, see bench/README.md) plus one XIRR per scenario; at most 100,000 scenarios.
 *
 * ## References
 * One-factor Gaussian shock model as in Vasicek (2002), "The distribution of loan portfolio
 * value", Risk 15(12); R. J. Hyndman and Y. Fan (1996), "Sample quantiles in statistical
 * packages", The American Statistician 50(4), 361–365.
 *
 * @param loans - `{ id, sellerId, product, fundedOn? }[]` as for {@link simulatePortfolio}
 * @param salesBySeller - a `Map` or record from seller id to its (base) sales series: `{ date, amount: Money }` rows, `{ date | day, minor }` rows in integer minor units, or {@link FinancingSalesColumns} (typed arrays: the small input for a big book)
 * @param options - seed, scenario count, shock, hazard, percentiles, simulation options
 * @returns a frozen {@link StressTestResult}
 * @throws {@link ValidationError} when the seed or the scenario count is missing, the seed is not a 32-bit unsigned integer, the
 *   correlation is outside [−1, 1], the hazard outside [0, 1], a percentile outside [0, 100], a
 *   factor outside 0–10 or with more than 6 decimals, a segment is missing, an option is unknown,
 *   or a loan or series is invalid (the error names `stressTestPortfolio` and the loan)
 * @throws {@link CurrencyMismatchError} when loans or sales mix currencies
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, money, salesBasedAdvance, stressTestPortfolio } from "marketplace-economics";
 * const product = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1" });
 * const days = Array.from({ length: 200 }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 2), i, "day"), amount: money("100", "USD") }));
 * const out = stressTestPortfolio([{ id: "a", sellerId: "s", product }], { s: days }, { seed: 7, scenarios: 3, shock: { level: "0.8" } });
 * out.termExtensionDays.percentiles.map((x) => x.value?.toString()); //=> ["28", "28", "28"]
 * out.lossRate.max?.toString(); //=> "0"
 * ```
 *
 * @category Financing
 * @since 0.3.0
 */
export function stressTestPortfolio(loans: readonly PortfolioLoan[], salesBySeller: FinancingSalesBySeller, options: StressTestPortfolioOptions): StressTestResult {
  return stressTest(FN, loans, salesBySeller, options, "integer", xirr);
}
