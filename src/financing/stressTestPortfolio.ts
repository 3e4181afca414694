import { Decimal, exactPlus } from "../_lib/decimal.js";
import { epochDay, fromEpochDay } from "../_lib/dates.js";
import { deepFreeze } from "../_lib/freeze.js";
import { assertSameCurrency, makeMoney } from "../_lib/money.js";
import { rangeError, toArray, toDecimal, toDecimalInRange, toInteger, toNonEmptyString, toOption, toOptions, toRecord, typeError } from "../_lib/validate.js";
import { ConvergenceError, ErrorCode } from "../errors.js";
import { xirr } from "../tvm/xirr.js";
import type { Money, NumericInput, RoundingMode } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import { MICRO, loanFigures, readSeller, runScenario } from "./_lib/stressBook.js";
import type { ScenarioOutcome, ShockModel, StressLoan, StressSeller } from "./_lib/stressBook.js";
import { asCaller, readLoans, seriesOf } from "./_lib/vintageBook.js";
import type { PortfolioLoan } from "./simulatePortfolio.js";
import { simulateRepayment } from "./simulateRepayment.js";
import type { FinancingGranularity, FinancingSalesSeries } from "./types.js";

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
const MAX_STRESS_SCENARIOS = 100_000;
const KEYS = ["seed", "scenarios", "firstScenario", "shock", "segments", "stopHazard", "percentiles", "balloon", "until", "granularity", "rounding", "collectShortfall", "includeScenarios"] as const;

/** A multiplier 0–10 with at most 6 decimals, as integer millionths. */
function toMicros(value: unknown, arg: string): number {
  const d = toDecimalInRange(value, FN, arg, 0, 10);
  if (d.decimalPlaces() > 6) rangeError(FN, arg, ErrorCode.OUT_OF_RANGE, "must have at most 6 decimal places", value, "a multiplier from 0 to 10 with at most 6 decimals");
  return d.times(MICRO).toNumber();
}

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
 * - Cost: (scenarios + 1) × loans runs of {@link simulateRepayment}; at most 100,000 scenarios.
 *
 * ## References
 * One-factor Gaussian shock model as in Vasicek (2002), "The distribution of loan portfolio
 * value", Risk 15(12); R. J. Hyndman and Y. Fan (1996), "Sample quantiles in statistical
 * packages", The American Statistician 50(4), 361–365.
 *
 * @param loans - `{ id, sellerId, product, fundedOn? }[]` as for {@link simulatePortfolio}
 * @param salesBySeller - a `Map` or record from seller id to its (base) sales series
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
export function stressTestPortfolio(
  loans: readonly PortfolioLoan[],
  salesBySeller: ReadonlyMap<string, FinancingSalesSeries> | Readonly<Record<string, FinancingSalesSeries>>,
  options: StressTestPortfolioOptions,
): StressTestResult {
  const o = toOptions(options, FN, "options", KEYS);
  if (o.seed === undefined) rangeError(FN, "options.seed", ErrorCode.MISSING_VALUE, "is required", undefined, "an integer from 0 to 4294967295");
  const seed = toInteger(o.seed, FN, "options.seed", 0, 4_294_967_295);
  if (o.scenarios === undefined) rangeError(FN, "options.scenarios", ErrorCode.MISSING_VALUE, "is required", undefined, "an integer from 1 to 100000");
  const count = toInteger(o.scenarios, FN, "options.scenarios", 1, MAX_STRESS_SCENARIOS);
  const first = o.firstScenario === undefined ? 0 : toInteger(o.firstScenario, FN, "options.firstScenario", 0, 4_294_967_295 - count);
  const shock = toOptions(o.shock, FN, "options.shock", ["scope", "correlation", "volatility", "level", "monthlyFactors"]);
  const scope = shock.scope === undefined ? "common" : toOption(shock.scope, FN, "options.shock.scope", ["common", "segment", "idiosyncratic"] as const);
  const rho = shock.correlation === undefined ? 1 : toDecimalInRange(shock.correlation, FN, "options.shock.correlation", -1, 1).toNumber();
  const volatility = shock.volatility === undefined ? 0 : toDecimalInRange(shock.volatility, FN, "options.shock.volatility", 0, 5).toNumber();
  const level = shock.level === undefined ? MICRO : toMicros(shock.level, "options.shock.level");
  let seasonal: number[] = new Array<number>(12).fill(MICRO);
  if (shock.monthlyFactors !== undefined) {
    const list = toArray<unknown>(shock.monthlyFactors, FN, "options.shock.monthlyFactors", { maxLength: 12 });
    if (list.length !== 12) rangeError(FN, "options.shock.monthlyFactors", ErrorCode.DIMENSION_MISMATCH, "must have 12 entries", list, "twelve factors, January to December");
    seasonal = list.map((f, m) => toMicros(f, `options.shock.monthlyFactors[${m}]`));
  }
  const hazard = o.stopHazard === undefined ? 0 : toDecimalInRange(o.stopHazard, FN, "options.stopHazard", 0, 1).toNumber();
  const percentiles = (o.percentiles === undefined ? [5, 50, 95] : toArray<unknown>(o.percentiles, FN, "options.percentiles", { nonEmpty: true, maxLength: 101 })).map((p, i) => {
    const d = toDecimal(p, FN, `options.percentiles[${i}]`);
    if (d.lessThan(0) || d.greaterThan(100)) rangeError(FN, `options.percentiles[${i}]`, ErrorCode.OUT_OF_RANGE, "must be from 0 to 100", p, "a percentile from 0 to 100 (50 = the median)");
    return d;
  });
  const balloon = o.balloon === undefined ? "collected" : toOption(o.balloon, FN, "options.balloon", ["collected", "defaulted"] as const);
  if (o.includeScenarios !== undefined && typeof o.includeScenarios !== "boolean") typeError(FN, "options.includeScenarios", ErrorCode.INVALID_TYPE, "must be a boolean", o.includeScenarios, "true or false");
  let segmentOf: ((id: string) => string | undefined) | undefined;
  if (o.segments !== undefined) {
    const seg = o.segments;
    if (seg instanceof Map) segmentOf = (id) => (seg as ReadonlyMap<string, string>).get(id);
    else {
      const rec = toRecord(seg, FN, "options.segments");
      segmentOf = (id) => (Object.hasOwn(rec, id) ? (rec[id] as string) : undefined);
    }
  }
  if (scope === "segment" && segmentOf === undefined)
    rangeError(FN, "options.segments", ErrorCode.MISSING_VALUE, 'is required with shock.scope "segment"', undefined, "a Map or record from seller id to segment name");
  const model: ShockModel = { seed, scope, rho, volatility, level, seasonal, hazard, balloon };

  // The book: every loan's base (unshocked) run validates its product, series and options.
  const list = readLoans(loans, FN);
  if (!(salesBySeller instanceof Map)) toRecord(salesBySeller, FN, "salesBySeller");
  const sellerIndex = new Map<string, number>();
  const sellers: StressSeller[] = [];
  const segmentIndex = new Map<string, number>();
  const stressLoans: StressLoan[] = [];
  let currency: string | undefined;
  let lent = new Decimal(0);
  list.forEach((loan, i) => {
    const where = `loans[${i}]`;
    const sales = seriesOf(salesBySeller, loan.sellerId, FN);
    const runOptions: Record<string, unknown> = {};
    for (const k of ["granularity", "rounding", "collectShortfall", "until"] as const) if (o[k] !== undefined) runOptions[k] = o[k];
    if (loan.fundedOn !== undefined) runOptions["fundedOn"] = loan.fundedOn;
    const base = asCaller(FN, where, () => simulateRepayment(loan.product, sales, runOptions as never));
    if (currency === undefined) currency = base.currency;
    else assertSameCurrency(FN, currency, base.currency);
    let k = sellerIndex.get(loan.sellerId);
    if (k === undefined) {
      let segment = 0;
      if (scope === "segment") {
        const name = segmentOf!(loan.sellerId);
        const label = toNonEmptyString(name, FN, `options.segments["${loan.sellerId}"]`);
        if (!segmentIndex.has(label)) segmentIndex.set(label, segmentIndex.size);
        segment = segmentIndex.get(label)!;
      }
      k = sellers.length;
      sellers.push(readSeller(loan.sellerId, segment, sales, base.currency, FN));
      sellerIndex.set(loan.sellerId, k);
    }
    // Every scenario runs to the horizon (the seller's last sale by default), whatever sales the shock removes.
    if (o.until === undefined) runOptions["until"] = fromEpochDay(sellers[k]!.lastDay);
    const fundedDay = epochDay(base.summary.fundedOn);
    const f = loanFigures(base, balloon);
    stressLoans.push({ id: loan.id, seller: k, product: base.product, runOptions, principal: base.summary.principal.amount, fundedDay, baseDays: f.paidOff ? f.days : null });
    lent = exactPlus(lent, base.summary.principal.amount);
  });
  const cur = currency!;
  const loansBySeller: number[][] = sellers.map(() => []);
  stressLoans.forEach((l, i) => loansBySeller[l.seller]!.push(i));
  const outcomes: ScenarioOutcome[] = [];
  for (let s = first; s < first + count; s++) outcomes.push(runScenario(FN, model, s, sellers, stressLoans, loansBySeller, cur, portfolioIrr));
  const n = stressLoans.length;
  const rows = outcomes.map((x) => scenarioRow(x, n, lent, cur));
  return deepFreeze({
    currency: cur,
    seed,
    firstScenario: first,
    scenarioCount: count,
    loanCount: n,
    totalLent: makeMoney(lent, cur),
    termExtensionDays: distribution(
      rows.map((r) => r.termExtensionDays),
      percentiles,
    ),
    minimumBreachRate: distribution(
      rows.map((r) => r.minimumBreachRate),
      percentiles,
    ),
    lossRate: distribution(
      rows.map((r) => r.lossRate),
      percentiles,
    ),
    irr: distribution(
      rows.map((r) => r.irr),
      percentiles,
    ),
    scenarios: o.includeScenarios === true ? rows : [],
  });
}

/** The public row of one scenario. */
function scenarioRow(x: ScenarioOutcome, loans: number, lent: Decimal, cur: string): StressScenarioOutcome {
  return {
    index: x.index,
    totalRepaid: makeMoney(x.repaid, cur),
    totalOutstanding: makeMoney(x.outstanding, cur),
    loss: makeMoney(x.loss, cur),
    lossRate: lent.isZero() ? new Decimal(0) : x.loss.div(lent),
    paidOffCount: x.paidOff,
    minimumBreaches: x.minimumBreaches,
    minimumBreachRate: new Decimal(x.minimumBreaches).div(loans),
    shortfallWindows: x.shortfallWindows,
    meanDaysToPayoff: x.paidOff === 0 ? null : new Decimal(x.daysToPayoff).div(x.paidOff),
    termExtensionDays: x.extensionCount === 0 ? null : new Decimal(x.extensionSum).div(x.extensionCount),
    irr: x.irr,
  };
}

/** Percentiles (type 7), mean, min and max of the non-null values. */
function distribution(values: readonly (Decimal | null)[], ps: readonly Decimal[]): StressDistribution {
  const xs = values.filter((v): v is Decimal => v !== null).sort((a, b) => a.comparedTo(b));
  const unavailable = values.length - xs.length;
  if (xs.length === 0) return { percentiles: ps.map((p) => ({ p: p.toNumber(), value: null })), mean: null, min: null, max: null, unavailable };
  const pick = (p: Decimal): Decimal => {
    const h = p.times(xs.length - 1).div(100);
    const lo = h.floor().toNumber();
    const frac = h.minus(lo);
    const a = xs[lo]!;
    return frac.isZero() ? a : a.plus(frac.times(xs[lo + 1]!.minus(a)));
  };
  let sum = new Decimal(0);
  for (const x of xs) sum = sum.plus(x);
  return { percentiles: ps.map((p) => ({ p: p.toNumber(), value: pick(p) })), mean: sum.div(xs.length), min: xs[0]!, max: xs[xs.length - 1]!, unavailable };
}

/** XIRR of the lender's daily net flows, or `null` when there is no root (the policy of simulatePortfolio). */
function portfolioIrr(flows: ReadonlyMap<number, Decimal>): Decimal | null {
  const list = [...flows.entries()].sort((a, b) => a[0] - b[0]).map(([day, amount]) => ({ date: fromEpochDay(day), amount }));
  if (list.length === 0) return null;
  try {
    const r = xirr(list);
    return r.isFinite() ? r : null;
  } catch (err) {
    if (err instanceof ConvergenceError) return null;
    // a degenerate flow list (all of one sign) has no rate either
    if (err instanceof Error && (err as { code?: unknown }).code !== undefined) return null;
    throw err;
  }
}
