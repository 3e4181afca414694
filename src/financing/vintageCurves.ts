import { Decimal, exactPlus } from "../_lib/decimal.js";
import { fromEpochDay } from "../_lib/dates.js";
import { deepFreeze } from "../_lib/freeze.js";
import { makeMoney } from "../_lib/money.js";
import { toOption, toOptions } from "../_lib/validate.js";
import type { Money, RoundingMode } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import { BOOK_OPTION_KEYS, VINTAGE_STATES, cohortOf, runBook } from "./_lib/vintageBook.js";
import type { PortfolioLoan } from "./simulatePortfolio.js";
import type { FinancingGranularity, FinancingSalesSeries } from "./types.js";

/**
 * A state a lender tracks for each loan at each month on book (in this order in every list):
 * `"current"`, `"behind"` (a minimum-payment window or instalment fell short recently),
 * `"past-term"` (balance left after the maximum term), `"charged-off"` (written off; absorbing),
 * `"paid-off"`.
 *
 * @category Financing
 * @since 0.3.0
 */
export type VintageState = "current" | "behind" | "past-term" | "charged-off" | "paid-off";

/**
 * The rules that put a loan in a {@link VintageState} on a snapshot day (all in days). Checked in
 * this order: paid off (balance 0); charged off (once, then forever); past the term; behind; current.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface VintageStateRules {
  /** "Behind" while a shortfall (minimum top-up, uncollected minimum, term-loan shortfall) happened fewer than this many days ago (default: the product's minimum window, 30 without one). */
  readonly behindWithinDays?: number;
  /** Term in days from funding (default: an advance's `maxTermDays`, a term loan's last due date; none for a revenue-share loan). */
  readonly termDays?: number;
  /** Charge off an unpaid loan after this many days without a payment (default 180). */
  readonly chargeOffAfterDaysWithoutPayment?: number;
  /** Charge off an unpaid loan this many days after its term (default 90; 0 = at the term). */
  readonly chargeOffAfterDaysPastTerm?: number;
}

/**
 * The options of the book analytics ({@link vintageCurves}, {@link rollRates}): the reporting
 * date, the state rules and the {@link simulateRepayment} options of every run.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface BookAnalyticsOptions {
  /** Reporting date (UTC day): sales after it are ignored and no snapshot is taken after it. Required. */
  readonly asOf: DateInput;
  /** State rules (days). */
  readonly states?: VintageStateRules;
  /** Collection period of every run (default `"day"`). */
  readonly granularity?: FinancingGranularity;
  /** Rounding of each holdback (default `"half-even"`). */
  readonly rounding?: RoundingMode;
  /** Collect minimum shortfalls as top-ups (default `true`, as {@link simulateRepayment}). */
  readonly collectShortfall?: boolean;
}

/**
 * The {@link vintageCurves} function options.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface VintageCurvesOptions extends BookAnalyticsOptions {
  /** Funding cohort: `"month"` (default, key `"2024-01"`) or `"quarter"` (key `"2024-Q1"`). */
  readonly period?: "month" | "quarter";
}

/**
 * One month on book of a {@link VintageCohort}: sums over all the cohort's loans.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface VintagePoint {
  /** Months on book (1 = one calendar month after each loan's funding day). */
  readonly monthsOnBook: number;
  /** Cumulative collected (a maturity balloon counts as unpaid). */
  readonly repaid: Money;
  /** repaid / principal funded. */
  readonly repaidRate: Decimal;
  /** Balances still owed. */
  readonly outstanding: Money;
  /** Cumulative principal written off: Σ max(0, principal − repaid at charge-off) of charged-off loans. */
  readonly chargedOff: Money;
  /** chargedOff / principal funded: the cumulative loss curve. */
  readonly lossRate: Decimal;
  /** Loans in each state. */
  readonly states: Readonly<Record<VintageState, number>>;
}

/**
 * One funding cohort of a {@link VintageCurvesResult}.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface VintageCohort {
  /** `"2024-01"` or `"2024-Q1"`. */
  readonly vintage: string;
  /** First day of the cohort's period. */
  readonly start: Date;
  readonly loanCount: number;
  readonly principal: Money;
  /** Σ principal + finance charge. */
  readonly totalDue: Money;
  /** Months on book 1 … K, K the age every loan of the cohort has reached by `asOf`. */
  readonly points: readonly VintagePoint[];
}

/**
 * Result of {@link vintageCurves}.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface VintageCurvesResult {
  readonly currency: string;
  readonly period: "month" | "quarter";
  readonly asOf: Date;
  /** Loans funded on or before `asOf`. */
  readonly loanCount: number;
  /** Loans funded after `asOf`, left out. */
  readonly notYetFunded: number;
  /** Cohorts in chronological order. */
  readonly cohorts: readonly VintageCohort[];
}

const FN = "vintageCurves";

/**
 * Repayment and loss curves by funding cohort and months on book: run every loan of a book to a
 * reporting date and sum, per cohort and month on book, what was repaid, what is owed, what was
 * charged off and how many loans are current, behind, past their term, charged off or paid off.
 *
 * ## Notes
 * - Each loan runs as in {@link simulateRepayment} up to `asOf` (the same options). Month on book
 *   k of a loan is the end of the day k calendar months after its funding day (day clamped to
 *   the month end); a cohort's curve runs to the age all its loans have reached by `asOf`, so
 *   every point sums the same loans (a development triangle: feed the cumulative `repaid` rows to
 *   {@link chainLadder} to project ultimate repayments, and principal − ultimate for the loss).
 * - A maturity balloon (the rest of an advance due on `maxTermDays`) is counted as owed, not
 *   collected: the loan is past its term and then charged off under the rules.
 * - States: see {@link VintageStateRules}. The charged-off amount is the principal not
 *   recovered at charge-off; later collections still count in `repaid` (recoveries).
 * - Rates: exact sums of the amounts, divided once (20 significant digits).
 * - Bounds: at most 1,000,000 loans, each run with the bounds of {@link simulateRepayment}; at
 *   most 1,200 snapshots per loan (100 years).
 *
 * @param loans - `{ id, sellerId, product, fundedOn? }[]` as for {@link simulatePortfolio}
 * @param salesBySeller - a `Map` or record from seller id to its sales series
 * @param options - reporting date, cohort period, state rules, simulation options
 * @returns a frozen {@link VintageCurvesResult}
 * @throws {@link ValidationError} when `asOf` is missing, the period is unknown (`UNKNOWN_OPTION`),
 *   a state rule is not a whole number of days, or a loan, series or option is invalid (as in
 *   {@link simulatePortfolio}; the error names `vintageCurves` and the loan)
 * @throws {@link CurrencyMismatchError} when loans or sales mix currencies
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, money, salesBasedAdvance, vintageCurves } from "marketplace-economics";
 * const product = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1" });
 * const days = (from: number, amount: string) => Array.from({ length: 120 }, (_, i) => ({ date: addPeriods(calendarDay(2024, from + 1, 1), i, "day"), amount: money(amount, "USD") }));
 * const v = vintageCurves(
 *   [{ id: "a", sellerId: "s1", product, fundedOn: "2024-01-01" }, { id: "b", sellerId: "s2", product, fundedOn: "2024-02-01" }],
 *   { s1: days(0, "100"), s2: days(1, "50") },
 *   { asOf: "2024-05-01" },
 * );
 * v.cohorts.map((c) => c.vintage); //=> ["2024-01", "2024-02"]
 * v.cohorts[0]?.points.map((p) => p.repaidRate.toString()); //=> ["0.31", "0.6", "0.91", "1.1"]
 * v.cohorts[1]?.points.map((p) => p.states.current); //=> [1, 1, 1]
 * ```
 *
 * @category Financing
 * @since 0.3.0
 */
export function vintageCurves(
  loans: readonly PortfolioLoan[],
  salesBySeller: ReadonlyMap<string, FinancingSalesSeries> | Readonly<Record<string, FinancingSalesSeries>>,
  options: VintageCurvesOptions,
): VintageCurvesResult {
  const o = toOptions(options, FN, "options", [...BOOK_OPTION_KEYS, "period"]);
  const period = o.period === undefined ? "month" : toOption(o.period, FN, "options.period", ["month", "quarter"] as const);
  const book = runBook(loans, salesBySeller, o, FN);
  const groups = new Map<string, { start: Date; loans: (typeof book.loans)[number][] }>();
  for (const loan of book.loans) {
    const c = cohortOf(loan.fundedDay, period);
    const g = groups.get(c.key);
    if (g === undefined) groups.set(c.key, { start: c.start, loans: [loan] });
    else g.loans.push(loan);
  }
  const cur = book.currency;
  const cohorts = [...groups.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([vintage, g]) => {
      let principal = new Decimal(0);
      let totalDue = new Decimal(0);
      for (const l of g.loans) {
        principal = exactPlus(principal, l.principal);
        totalDue = exactPlus(totalDue, l.totalDue);
      }
      const ages = Math.min(...g.loans.map((l) => l.snapshots.length));
      const points = Array.from({ length: ages }, (_, k) => {
        let repaid = new Decimal(0);
        let outstanding = new Decimal(0);
        let chargedOff = new Decimal(0);
        const states = Object.fromEntries(VINTAGE_STATES.map((s) => [s, 0])) as Record<VintageState, number>;
        for (const l of g.loans) {
          const s = l.snapshots[k]!;
          repaid = exactPlus(repaid, s.paid);
          outstanding = exactPlus(outstanding, s.balance);
          chargedOff = exactPlus(chargedOff, s.chargedOff);
          states[s.state]++;
        }
        const rate = (x: Decimal) => (principal.isZero() ? new Decimal(0) : x.div(principal));
        return {
          monthsOnBook: k + 1,
          repaid: makeMoney(repaid, cur),
          repaidRate: rate(repaid),
          outstanding: makeMoney(outstanding, cur),
          chargedOff: makeMoney(chargedOff, cur),
          lossRate: rate(chargedOff),
          states,
        };
      });
      return { vintage, start: g.start, loanCount: g.loans.length, principal: makeMoney(principal, cur), totalDue: makeMoney(totalDue, cur), points };
    });
  return deepFreeze({ currency: cur, period, asOf: fromEpochDay(book.asOfDay), loanCount: book.loans.length, notYetFunded: book.notYetFunded, cohorts });
}
