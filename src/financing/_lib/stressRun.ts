/**
 * The validation, preparation and summary of a stress test (#12), shared by stressTestPortfolio
 * and stressTestPortfolioAsync: options read once, every loan's base run, the sellers' integer
 * series, the scenarios run on either path, and the distributions. Never exported.
 */
import { Decimal, exactPlus } from "../../_lib/decimal.js";
import { epochDay, fromEpochDay } from "../../_lib/dates.js";
import { deepFreeze } from "../../_lib/freeze.js";
import { assertSameCurrency, makeMoney, minorDigits } from "../../_lib/money.js";
import { rangeError, toArray, toDecimal, toDecimalInRange, toInteger, toNonEmptyString, toOption, toOptions, toRecord, typeError } from "../../_lib/validate.js";
import { ConvergenceError, ErrorCode } from "../../errors.js";
import type { CashFlow } from "../../tvm/types.js";
import type { PortfolioLoan } from "../simulatePortfolio.js";
import { simulateRepayment } from "../simulateRepayment.js";
import type { StressDistribution, StressScenarioOutcome, StressTestPortfolioOptions, StressTestResult } from "../stressTestPortfolio.js";
import type { FinancingSalesSeries } from "../types.js";
import { readRunOptions, type RunOptions } from "./run.js";
import {
  intFigures,
  intLoanOf,
  type IrrOf,
  loanFigures,
  MICRO,
  readSeller,
  runLoanInt,
  runScenarioInt,
  runScenarioReference,
  type ScenarioOutcome,
  seasonalProducts,
  type ShockModel,
  StressScratch,
  type StressLoan,
  type StressSeller,
} from "./stressBook.js";
import { untilDayOf } from "./run.js";
import { asCaller, readLoans, seriesOf } from "./vintageBook.js";

const MAX_STRESS_SCENARIOS = 100_000;
const KEYS = ["seed", "scenarios", "firstScenario", "shock", "segments", "stopHazard", "percentiles", "balloon", "until", "granularity", "rounding", "collectShortfall", "includeScenarios"] as const;

/** Which path runs the scenarios: the integer engine (default) or the Decimal reference (the oracle). */
export type StressEngine = "integer" | "decimal";

/** A validated, prepared stress test. */
export interface PreparedStress {
  readonly fn: string;
  readonly model: ShockModel;
  readonly ls: readonly { readonly r: number; readonly zeros: number }[];
  readonly ro: RunOptions;
  readonly seed: number;
  readonly first: number;
  readonly count: number;
  readonly percentiles: readonly Decimal[];
  readonly includeScenarios: boolean;
  readonly sellers: readonly StressSeller[];
  readonly loans: readonly StressLoan[];
  readonly loansBySeller: readonly (readonly number[])[];
  readonly currency: string;
  readonly digits: number;
  readonly lent: Decimal;
  /** The options object as read (extra keys included). */
  readonly options: Readonly<Record<string, unknown>>;
}

/** A multiplier 0–10 with at most 6 decimals, as integer millionths. */
function toMicros(fn: string, value: unknown, arg: string): number {
  const d = toDecimalInRange(value, fn, arg, 0, 10);
  if (d.decimalPlaces() > 6) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, "must have at most 6 decimal places", value, "a multiplier from 0 to 10 with at most 6 decimals");
  return d.times(MICRO).toNumber();
}

/** Validate the options and the book, run every loan's base case, read the sellers' series. */
export function prepareStress(fn: string, loans: readonly PortfolioLoan[], salesBySeller: unknown, options: StressTestPortfolioOptions, engine: StressEngine, extraKeys: readonly string[] = []): PreparedStress {
  const o = toOptions(options, fn, "options", [...KEYS, ...extraKeys] as unknown as typeof KEYS);
  if (o.seed === undefined) rangeError(fn, "options.seed", ErrorCode.MISSING_VALUE, "is required", undefined, "an integer from 0 to 4294967295");
  const seed = toInteger(o.seed, fn, "options.seed", 0, 4_294_967_295);
  if (o.scenarios === undefined) rangeError(fn, "options.scenarios", ErrorCode.MISSING_VALUE, "is required", undefined, "an integer from 1 to 100000");
  const count = toInteger(o.scenarios, fn, "options.scenarios", 1, MAX_STRESS_SCENARIOS);
  const first = o.firstScenario === undefined ? 0 : toInteger(o.firstScenario, fn, "options.firstScenario", 0, 4_294_967_295 - count);
  const shock = toOptions(o.shock, fn, "options.shock", ["scope", "correlation", "volatility", "level", "monthlyFactors"]);
  const scope = shock.scope === undefined ? "common" : toOption(shock.scope, fn, "options.shock.scope", ["common", "segment", "idiosyncratic"] as const);
  const rho = shock.correlation === undefined ? 1 : toDecimalInRange(shock.correlation, fn, "options.shock.correlation", -1, 1).toNumber();
  const volatility = shock.volatility === undefined ? 0 : toDecimalInRange(shock.volatility, fn, "options.shock.volatility", 0, 5).toNumber();
  const level = shock.level === undefined ? MICRO : toMicros(fn, shock.level, "options.shock.level");
  let seasonal: number[] = new Array<number>(12).fill(MICRO);
  if (shock.monthlyFactors !== undefined) {
    const list = toArray<unknown>(shock.monthlyFactors, fn, "options.shock.monthlyFactors", { maxLength: 12 });
    if (list.length !== 12) rangeError(fn, "options.shock.monthlyFactors", ErrorCode.DIMENSION_MISMATCH, "must have 12 entries", list, "twelve factors, January to December");
    seasonal = list.map((f, m) => toMicros(fn, f, `options.shock.monthlyFactors[${m}]`));
  }
  const hazard = o.stopHazard === undefined ? 0 : toDecimalInRange(o.stopHazard, fn, "options.stopHazard", 0, 1).toNumber();
  const percentiles = (o.percentiles === undefined ? [5, 50, 95] : toArray<unknown>(o.percentiles, fn, "options.percentiles", { nonEmpty: true, maxLength: 101 })).map((p, i) => {
    const d = toDecimal(p, fn, `options.percentiles[${i}]`);
    if (d.lessThan(0) || d.greaterThan(100)) rangeError(fn, `options.percentiles[${i}]`, ErrorCode.OUT_OF_RANGE, "must be from 0 to 100", p, "a percentile from 0 to 100 (50 = the median)");
    return d;
  });
  const balloon = o.balloon === undefined ? "collected" : toOption(o.balloon, fn, "options.balloon", ["collected", "defaulted"] as const);
  if (o.includeScenarios !== undefined && typeof o.includeScenarios !== "boolean") typeError(fn, "options.includeScenarios", ErrorCode.INVALID_TYPE, "must be a boolean", o.includeScenarios, "true or false");
  let segmentOf: ((id: string) => string | undefined) | undefined;
  if (o.segments !== undefined) {
    const seg = o.segments;
    if (seg instanceof Map) segmentOf = (id) => (seg as ReadonlyMap<string, string>).get(id);
    else {
      const rec = toRecord(seg, fn, "options.segments");
      segmentOf = (id) => (Object.hasOwn(rec, id) ? (rec[id] as string) : undefined);
    }
  }
  if (scope === "segment" && segmentOf === undefined)
    rangeError(fn, "options.segments", ErrorCode.MISSING_VALUE, 'is required with shock.scope "segment"', undefined, "a Map or record from seller id to segment name");
  const model: ShockModel = { seed, scope, rho, volatility, level, seasonal, hazard, balloon };
  const ro = readRunOptions({ granularity: o.granularity, rounding: o.rounding, collectShortfall: o.collectShortfall }, fn);

  // The book: every loan's base (unshocked) run validates its product, series and options.
  const list = readLoans(loans, fn);
  if (!(salesBySeller instanceof Map)) toRecord(salesBySeller, fn, "salesBySeller");
  const sellerIndex = new Map<string, number>();
  const sellers: StressSeller[] = [];
  const segmentIndex = new Map<string, number>();
  const stressLoans: StressLoan[] = [];
  let currency: string | undefined;
  let lent = new Decimal(0);
  const scratch = new StressScratch();
  list.forEach((loan, i) => {
    const where = `loans[${i}]`;
    const sales = seriesOf(salesBySeller, loan.sellerId, fn);
    const runOptions: Record<string, unknown> = {};
    for (const k of ["granularity", "rounding", "collectShortfall", "until"] as const) if (o[k] !== undefined) runOptions[k] = o[k];
    if (loan.fundedOn !== undefined) runOptions["fundedOn"] = loan.fundedOn;
    const base = asCaller(fn, where, () => simulateRepayment(loan.product, sales, runOptions as never));
    if (currency === undefined) currency = base.currency;
    else assertSameCurrency(fn, currency, base.currency);
    let k = sellerIndex.get(loan.sellerId);
    if (k === undefined) {
      let segment = 0;
      if (scope === "segment") {
        const name = segmentOf!(loan.sellerId);
        const label = toNonEmptyString(name, fn, `options.segments["${loan.sellerId}"]`);
        if (!segmentIndex.has(label)) segmentIndex.set(label, segmentIndex.size);
        segment = segmentIndex.get(label)!;
      }
      k = sellers.length;
      sellers.push(readSeller(loan.sellerId, segment, sales as FinancingSalesSeries, base.currency, fn));
      sellerIndex.set(loan.sellerId, k);
    }
    const seller = sellers[k]!;
    // Every scenario runs to the horizon (the seller's last sale by default), whatever sales the shock removes.
    if (o.until === undefined) runOptions["until"] = fromEpochDay(seller.lastDay);
    const fundedDay = epochDay(base.summary.fundedOn);
    const untilDay = asCaller(fn, where, () => untilDayOf("simulateRepayment", runOptions["until"], fundedDay, undefined));
    const principal = base.summary.principal.amount;
    const view = intLoanOf(base.product, principal, minorDigits(base.currency), ro);
    let baseDays: number | null | undefined;
    if (engine === "integer" && view.principalMinor === view.principalMinor && (view.holdback !== null || view.term !== null)) {
      try {
        const partial = { seller: k, fundedDay, untilDay, principalMinor: view.principalMinor, baseDays: null, holdback: view.holdback, term: view.term };
        const r = runLoanInt(partial, ro, { days: seller.days, minor: seller.minor, length: seller.days.length, scale: 0 }, scratch.pay);
        baseDays = intFigures(r, fundedDay, balloon, scratch.pay).days;
      } catch {
        baseDays = undefined;
      }
    }
    if (baseDays === undefined) {
      const f = loanFigures(base, balloon);
      baseDays = f.paidOff ? f.days : null;
    }
    stressLoans.push({ index: i, id: loan.id, seller: k, product: base.product, runOptions, principal, fundedDay, untilDay, baseDays, ...view });
    lent = exactPlus(lent, principal);
  });
  const cur = currency!;
  const loansBySeller: number[][] = sellers.map(() => []);
  stressLoans.forEach((l, i) => loansBySeller[l.seller]!.push(i));
  return {
    fn,
    model,
    ls: seasonalProducts(model),
    ro,
    seed,
    first,
    count,
    percentiles,
    includeScenarios: o.includeScenarios === true,
    sellers,
    loans: stressLoans,
    loansBySeller,
    currency: cur,
    digits: minorDigits(cur),
    lent,
    options: o,
  };
}

/** Run scenarios [from, to) of a prepared stress test in this thread. */
export function runStressRange(p: PreparedStress, from: number, to: number, engine: StressEngine, irrOf: IrrOf): ScenarioOutcome[] {
  const out: ScenarioOutcome[] = [];
  const scratch = new StressScratch();
  for (let s = from; s < to; s++) {
    out.push(
      engine === "integer"
        ? runScenarioInt(p.fn, p.model, p.ls, s, p.sellers, p.loans, p.loansBySeller, p.ro, p.currency, scratch, irrOf)
        : runScenarioReference(p.fn, p.model, s, p.sellers, p.loans, p.loansBySeller, p.currency, irrOf),
    );
  }
  return out;
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

/** The frozen public result of the scenarios' outcomes (in scenario order). */
export function finishStress(p: PreparedStress, outcomes: readonly ScenarioOutcome[]): StressTestResult {
  const n = p.loans.length;
  const rows = outcomes.map((x) => scenarioRow(x, n, p.lent, p.currency));
  return deepFreeze({
    currency: p.currency,
    seed: p.seed,
    firstScenario: p.first,
    scenarioCount: p.count,
    loanCount: n,
    totalLent: makeMoney(p.lent, p.currency),
    termExtensionDays: distribution(
      rows.map((r) => r.termExtensionDays),
      p.percentiles,
    ),
    minimumBreachRate: distribution(
      rows.map((r) => r.minimumBreachRate),
      p.percentiles,
    ),
    lossRate: distribution(
      rows.map((r) => r.lossRate),
      p.percentiles,
    ),
    irr: distribution(
      rows.map((r) => r.irr),
      p.percentiles,
    ),
    scenarios: p.includeScenarios ? rows : [],
  });
}

/** XIRR of the lender's daily net flows, or `null` when there is no root (the policy of simulatePortfolio). */
export function irrWith(xirr: (flows: readonly CashFlow[]) => Decimal): IrrOf {
  return (flows) => {
    if (flows.length === 0) return null;
    try {
      const r = xirr(flows.map((f) => ({ date: fromEpochDay(f.day), amount: f.amount })));
      return r.isFinite() ? r : null;
    } catch (err) {
      if (err instanceof ConvergenceError) return null;
      // a degenerate flow list (all of one sign) has no rate either
      if (err instanceof Error && (err as { code?: unknown }).code !== undefined) return null;
      throw err;
    }
  };
}

/** Run a whole stress test in this thread (stressTestPortfolio; the reference path for the property tests). */
export function stressTest(
  fn: string,
  loans: readonly PortfolioLoan[],
  salesBySeller: unknown,
  options: StressTestPortfolioOptions,
  engine: StressEngine,
  xirr: (flows: readonly CashFlow[]) => Decimal,
): StressTestResult {
  const p = prepareStress(fn, loans, salesBySeller, options, engine);
  return finishStress(p, runStressRange(p, p.first, p.first + p.count, engine, irrWith(xirr)));
}
