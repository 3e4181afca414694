import { Decimal, exactPlus } from "../_lib/decimal.js";
import { fromEpochDay } from "../_lib/dates.js";
import { deepFreeze } from "../_lib/freeze.js";
import { makeMoney } from "../_lib/money.js";
import { toOptions } from "../_lib/validate.js";
import type { Money } from "../money/types.js";
import { BOOK_OPTION_KEYS, VINTAGE_STATES, runBook } from "./_lib/vintageBook.js";
import type { PortfolioLoan } from "./simulatePortfolio.js";
import type { FinancingSalesSeries } from "./types.js";
import type { BookAnalyticsOptions, VintageState } from "./vintageCurves.js";

/**
 * The {@link rollRates} function options: those of every book analytic.
 *
 * @category Financing
 * @since 0.3.0
 */
export type RollRatesOptions = BookAnalyticsOptions;

/**
 * Result of {@link rollRates}: matrices indexed `[from][to]` in the order of `states`.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface RollRatesResult {
  readonly currency: string;
  readonly asOf: Date;
  /** Row and column order: `["current", "behind", "past-term", "charged-off", "paid-off"]`. */
  readonly states: readonly VintageState[];
  /** Number of month-to-month moves from each state to each state. */
  readonly counts: readonly (readonly number[])[];
  /** counts / row total: the share of loans in a state that roll to each state a month later (`null` for a state no loan was in). */
  readonly rates: readonly (readonly (Decimal | null)[])[];
  /** Balance owed at the start of each move, summed by from/to state. */
  readonly balances: readonly (readonly Money[])[];
  /** balances / row total: balance-weighted roll rates (`null` when the row's balance is 0). */
  readonly balanceRates: readonly (readonly (Decimal | null)[])[];
  /** Month-to-month moves counted (Σ counts). */
  readonly transitions: number;
}

const FN = "rollRates";

/**
 * Roll rates between the states a lender tracks — current, behind on a minimum-payment window,
 * past the maximum term, charged off, paid off — from one month on book to the next, by count
 * and by balance.
 *
 * ## Notes
 * - The book runs as in {@link vintageCurves} (same options, same month-on-book snapshots and
 *   {@link VintageStateRules}); every pair of consecutive snapshots of a loan (month k → k + 1,
 *   both on or before `asOf`) is one move, counted in `counts[from][to]` and, with the balance
 *   owed at month k, in `balances[from][to]`. Funding to month 1 is not a move.
 * - rates[i][j] = counts[i][j] / Σⱼ counts[i][j]; balanceRates likewise with balances; a row
 *   total of 0 gives `null` (no loan was in that state). Each rate is an exact ratio of
 *   integers or exact sums, divided once (20 significant digits), so a row sums to 1 within
 *   rounding of the last digit.
 * - Charged off and paid off are absorbing by the rules (their rows are all moves to themselves).
 *
 * @param loans - `{ id, sellerId, product, fundedOn? }[]` as for {@link simulatePortfolio}
 * @param salesBySeller - a `Map` or record from seller id to its sales series
 * @param options - reporting date, state rules, simulation options
 * @returns a frozen {@link RollRatesResult}
 * @throws {@link ValidationError} when `asOf` is missing, a state rule is not a whole number of
 *   days, or a loan, series or option is invalid (the error names `rollRates` and the loan)
 * @throws {@link CurrencyMismatchError} when loans or sales mix currencies
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, money, rollRates, salesBasedAdvance } from "marketplace-economics";
 * const product = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1", minimumPayment: { rate: "0.2", everyDays: 60 } });
 * const days = (n: number, amount: string) => Array.from({ length: n }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 2), i, "day"), amount: money(amount, "USD") }));
 * const r = rollRates(
 *   [{ id: "a", sellerId: "good", product }, { id: "b", sellerId: "weak", product }],
 *   { good: days(200, "100"), weak: days(200, "10") },
 *   { asOf: "2024-07-01" },
 * );
 * r.states; //=> ["current", "behind", "past-term", "charged-off", "paid-off"]
 * r.counts[0]; //=> [2, 1, 0, 0, 1]
 * r.rates[1]?.map((x) => x?.toString() ?? null); //=> ["0", "1", "0", "0", "0"]
 * ```
 *
 * @category Financing
 * @since 0.3.0
 */
export function rollRates(
  loans: readonly PortfolioLoan[],
  salesBySeller: ReadonlyMap<string, FinancingSalesSeries> | Readonly<Record<string, FinancingSalesSeries>>,
  options: RollRatesOptions,
): RollRatesResult {
  const o = toOptions(options, FN, "options", BOOK_OPTION_KEYS);
  const book = runBook(loans, salesBySeller, o, FN);
  const n = VINTAGE_STATES.length;
  const index = new Map<string, number>(VINTAGE_STATES.map((s, i) => [s, i]));
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const sums = Array.from({ length: n }, () => Array.from({ length: n }, () => new Decimal(0)));
  let transitions = 0;
  for (const loan of book.loans) {
    const s = loan.snapshots;
    for (let k = 0; k + 1 < s.length; k++) {
      const i = index.get(s[k]!.state)!;
      const j = index.get(s[k + 1]!.state)!;
      counts[i]![j]!++;
      sums[i]![j] = exactPlus(sums[i]![j]!, s[k]!.balance);
      transitions++;
    }
  }
  const ratesOf = <T>(rows: T[][], toDec: (x: T) => Decimal) =>
    rows.map((row) => {
      let total = new Decimal(0);
      for (const x of row) total = exactPlus(total, toDec(x));
      return row.map((x) => (total.isZero() ? null : toDec(x).div(total)));
    });
  return deepFreeze({
    currency: book.currency,
    asOf: fromEpochDay(book.asOfDay),
    states: [...VINTAGE_STATES],
    counts,
    rates: ratesOf(counts, (x) => new Decimal(x)),
    balances: sums.map((row) => row.map((x) => makeMoney(x, book.currency))),
    balanceRates: ratesOf(sums, (x) => x),
    transitions,
  });
}
