import { Decimal } from "../_lib/decimal.js";
import { ConvergenceError, ErrorCode } from "../errors.js";
import { dayDate, dayNumber } from "./_lib/engine.js";
import { runProduct } from "./_lib/run.js";
import { toUtcDay } from "../_lib/dates.js";
import { assertSameCurrency, makeMoney, toCurrency } from "../_lib/money.js";
import { rangeError, toNonEmptyString, toRecord } from "../_lib/validate.js";
import { MAX_LOANS, toDenseArray, toFinancingDay, toOptionalBoolean, toOptions } from "./_lib/validate.js";
import type { Money } from "../money/types.js";
import { xirr } from "../tvm/xirr.js";
import type { FinancingGranularity, FinancingProduct, FinancingRateUnavailableReason, FinancingSalesSeries } from "./types.js";
import type { RoundingMode } from "../money/types.js";
import type { DateInput } from "../time/types.js";

/**
 * One loan of a portfolio.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface PortfolioLoan {
  /** Unique loan id. */
  readonly id: string;
  /** Seller whose sales repay it (a key of `salesBySeller`). */
  readonly sellerId: string;
  readonly product: FinancingProduct;
  /** Funding date (default: the day before the seller's first sale; term loans use `startDate`). */
  readonly fundedOn?: DateInput;
}

/**
 * The {@link simulatePortfolio} function options.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface SimulatePortfolioOptions {
  /** Sales stop after this day: later sales are ignored (default: each seller's last sale). */
  readonly until?: DateInput;
  /** Collection period of every loan: `"day"` (default), `"week"` or `"month"`, as in {@link simulateRepayment}. */
  readonly granularity?: FinancingGranularity;
  /** Rounding of each holdback to the minor unit (default `"half-even"`). */
  readonly rounding?: RoundingMode;
  /** Include the per-loan list in the result (default true; a boolean). */
  readonly includeLoans?: boolean;
}

/**
 * One loan's outcome in a {@link PortfolioResult}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface PortfolioLoanOutcome {
  readonly id: string;
  readonly sellerId: string;
  readonly principal: Money;
  readonly repaid: Money;
  readonly outstanding: Money;
  readonly paidOff: boolean;
  readonly payoffDate: Date | null;
}

/**
 * Result of {@link simulatePortfolio}: amounts in the portfolio's single currency; cash flows
 * are the lender's (−principal when funded, +payments).
 *
 * @category Financing
 * @since 0.1.0
 */
export interface PortfolioResult {
  readonly currency: string;
  /** Loans funded on or before `until` (all loans when there is no `until`). */
  readonly loanCount: number;
  /** Loans funded after `until`, left out of every total. */
  readonly notYetFunded: number;
  readonly paidOffCount: number;
  readonly totalLent: Money;
  /** Σ principal + finance charge. */
  readonly totalDue: Money;
  readonly totalRepaid: Money;
  /** Σ balances still owed at the end. */
  readonly totalOutstanding: Money;
  /** Σ max(0, principal − repaid): principal lost if sales stop at the end. */
  readonly principalLossIfSalesStop: Money;
  /** principalLossIfSalesStop / totalLent. */
  readonly lossRateIfSalesStop: Decimal;
  /** Lender's daily net cash flows, sorted by date. */
  readonly cashFlows: readonly { readonly date: Date; readonly amount: Money }[];
  /** XIRR of `cashFlows` (ACT/365F), or `null` when it has no root (e.g. nothing repaid), with the reason in `irrUnavailable`. */
  readonly irr: Decimal | null;
  /** `"no-rate-in-solver-range"` when `irr` is `null`, else `null` (the policy of {@link costOfFinancing}). */
  readonly irrUnavailable: FinancingRateUnavailableReason | null;
  /** Per-loan outcomes (empty when `includeLoans: false`). */
  readonly loans: readonly PortfolioLoanOutcome[];
}

const FN = "simulatePortfolio";

/**
 * The funding day of a loan before it is run: its `fundedOn`, a term loan's `startDate`, or the
 * day before the seller's first sale (as {@link simulateRepayment} assumes). `undefined` when it
 * cannot be read here; the run then reports the problem with its own error.
 */
function impliedFundingDay(loan: Readonly<Record<string, unknown>>, sales: unknown, i: number): number | undefined {
  if (loan["fundedOn"] !== undefined) return toFinancingDay(loan["fundedOn"], FN, `loans[${i}].fundedOn`);
  const product = loan["product"] as { kind?: unknown; startDate?: unknown } | null;
  try {
    if (typeof product === "object" && product !== null && product.kind === "term-loan") return dayNumber(toUtcDay(product.startDate, FN, `loans[${i}].product.startDate`));
    const first = Array.isArray(sales) ? (sales[0] as { date?: unknown } | undefined) : undefined;
    return first === undefined ? undefined : dayNumber(toUtcDay(first.date, FN, "sales[0].date")) - 1;
  } catch {
    return undefined;
  }
}

/**
 * Run many loans against their sellers' sales and aggregate them: total lent, repaid and
 * outstanding, principal lost if sales stop, the lender's cash flows and portfolio IRR.
 *
 * ## Notes
 * - Each loan runs as in {@link simulateRepayment} (without building rows, for speed); one
 *   seller's series may repay several loans, each simulated independently.
 * - "If sales stop": the simulation ends at `until` (or each seller's last sale); whatever is
 *   still owed then is outstanding, and principal not yet recovered is the loss.
 * - Loans funded after `until` are left out of every total and counted in `notYetFunded`.
 * - `irr` solves the lender's daily net flows up to `until` with {@link xirr}: it is the return
 *   *if sales stopped at `until`* (outstanding balances written off), so before most loans are
 *   repaid it is strongly negative. It is `null` with `irrUnavailable: "no-rate-in-solver-range"`
 *   when the solver finds no root, e.g. a portfolio that recovered nothing.
 * - Bounds: at most 1,000,000 loans; each run has the bounds of {@link simulateRepayment}.
 *   `loans` must be a dense array (a hole such as `[, loan]` throws `MISSING_VALUE` rather than
 *   count as a loan).
 *
 * @param loans - `{ id, sellerId, product, fundedOn? }[]`, ids unique, one currency
 * @param salesBySeller - a `Map` or record from seller id to its sales series
 * @param options - horizon, granularity, rounding, per-loan output
 * @returns a frozen {@link PortfolioResult}
 * @throws {ValidationError} when loans are empty, have a hole or more than 1,000,000 entries, an
 *   id repeats (`DUPLICATE`), a seller has no series, a loan or option has an unknown key
 *   (`UNKNOWN_OPTION`), or any loan/series is invalid
 * @throws {CurrencyMismatchError} when loans or sales mix currencies
 *
 * @example
 * ```ts
 * import { money, salesBasedAdvance, simulatePortfolio } from "marketplace-economics";
 * const product = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1" });
 * const days = (amount: string) => Array.from({ length: 200 }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 2 + i)), amount: money(amount, "USD") }));
 * const p = simulatePortfolio(
 *   [{ id: "a", sellerId: "s1", product }, { id: "b", sellerId: "s2", product }],
 *   { s1: days("100"), s2: days("0") },
 * );
 * p.totalRepaid.amount.toString(); //=> "1100"
 * p.lossRateIfSalesStop.toString(); //=> "0.5"
 * ```
 *
 * @category Financing
 * @since 0.1.0
 */
export function simulatePortfolio(
  loans: readonly PortfolioLoan[],
  salesBySeller: ReadonlyMap<string, FinancingSalesSeries> | Readonly<Record<string, FinancingSalesSeries>>,
  options?: SimulatePortfolioOptions,
): PortfolioResult {
  const list = toDenseArray<unknown>(loans, FN, "loans", { nonEmpty: true, maxLength: MAX_LOANS });
  const o = toOptions(options, FN, "options", ["until", "granularity", "rounding", "includeLoans"], true);
  const includeLoans = toOptionalBoolean(o["includeLoans"], FN, "options.includeLoans") !== false;
  const isMap = salesBySeller instanceof Map;
  if (!isMap) toRecord(salesBySeller, FN, "salesBySeller");
  const untilDay = o["until"] === undefined ? undefined : toFinancingDay(o["until"], FN, "options.until");
  const until = untilDay === undefined ? undefined : dayDate(untilDay);
  let notYetFunded = 0;
  let skippedCurrency: string | undefined;
  const ids = new Set<string>();
  let currency: string | undefined;
  let lent = new Decimal(0);
  let due = new Decimal(0);
  let repaid = new Decimal(0);
  let outstanding = new Decimal(0);
  let loss = new Decimal(0);
  let paidOffCount = 0;
  const flows = new Map<number, Decimal>();
  const seriesCache = new Map<unknown, never>() as Parameters<typeof runProduct>[5];
  const outcomes: PortfolioLoanOutcome[] = [];
  const addFlow = (day: number, amount: Decimal) => {
    const prev = flows.get(day);
    flows.set(day, prev === undefined ? amount : prev.plus(amount));
  };
  list.forEach((raw, i) => {
    const loan = toOptions(raw, FN, `loans[${i}]`, ["id", "sellerId", "product", "fundedOn"], false);
    const id = toNonEmptyString(loan["id"], FN, `loans[${i}].id`);
    if (ids.has(id)) rangeError(FN, `loans[${i}].id`, ErrorCode.DUPLICATE, "must be unique", id, "unique loan ids");
    ids.add(id);
    const sellerId = toNonEmptyString(loan["sellerId"], FN, `loans[${i}].sellerId`);
    const sales = isMap
      ? (salesBySeller as ReadonlyMap<string, FinancingSalesSeries>).get(sellerId)
      : Object.hasOwn(salesBySeller, sellerId)
        ? (salesBySeller as Readonly<Record<string, FinancingSalesSeries>>)[sellerId]
        : undefined;
    if (sales === undefined) rangeError(FN, `salesBySeller["${sellerId}"]`, ErrorCode.MISSING_VALUE, "is missing", undefined, "a sales series for every seller with a loan");
    const runOptions: Record<string, unknown> = { granularity: o["granularity"], rounding: o["rounding"] };
    if (loan["fundedOn"] !== undefined) runOptions["fundedOn"] = loan["fundedOn"];
    if (until !== undefined) runOptions["until"] = until;
    if (runOptions["granularity"] === undefined) delete runOptions["granularity"];
    if (runOptions["rounding"] === undefined) delete runOptions["rounding"];
    if (untilDay !== undefined) {
      const fundedDay = impliedFundingDay(loan, sales, i);
      if (fundedDay !== undefined && fundedDay > untilDay) {
        notYetFunded++;
        const principal = (loan["product"] as { principal?: { currency?: unknown } } | null)?.principal;
        if (skippedCurrency === undefined && typeof principal?.currency === "string") skippedCurrency = principal.currency;
        return;
      }
    }
    const run = runProduct(FN, loan["product"], sales, runOptions, false, seriesCache);
    if (currency === undefined) currency = run.currency;
    else assertSameCurrency(FN, currency, run.currency);

    const e = run.engine;
    const principal = run.product.principal.amount;
    const paid = e.totalHoldback.plus(e.totalTopUps);
    lent = lent.plus(principal);
    due = due.plus(run.product.totalRepayment.amount);
    repaid = repaid.plus(paid);
    outstanding = outstanding.plus(e.balance);
    if (paid.lessThan(principal)) loss = loss.plus(principal.minus(paid));
    if (e.payoffDay !== null) paidOffCount++;
    addFlow(run.fundedDay, principal.neg());
    for (let k = 0; k < e.payDays.length; k++) addFlow(e.payDays[k]!, e.payAmounts[k]!);
    if (includeLoans) {
      outcomes.push(
        Object.freeze({
          id,
          sellerId,
          principal: run.product.principal,
          repaid: makeMoney(paid, run.currency),
          outstanding: makeMoney(e.balance, run.currency),
          paidOff: e.payoffDay !== null,
          payoffDate: e.payoffDay === null ? null : dayDate(e.payoffDay),
        }),
      );
    }
  });
  // Every loan funded after `until`: an empty portfolio in the loans' currency.
  const cur = currency ?? toCurrency(skippedCurrency, FN, "loans[0].product.principal.currency");
  const m = (d: Decimal) => makeMoney(d, cur);
  const cashFlows = [...flows.entries()].sort((a, b) => a[0] - b[0]).map(([day, amount]) => Object.freeze({ date: dayDate(day), amount: m(amount) }));
  let irr: Decimal | null = null;
  if (cashFlows.length > 0) {
    try {
      const r = xirr(cashFlows.map((f) => ({ date: f.date, amount: f.amount.amount })));
      irr = r.isFinite() ? r : null;
    } catch (err) {
      if (!(err instanceof ConvergenceError)) throw err;
    }
  }
  return Object.freeze({
    currency: cur,
    loanCount: list.length - notYetFunded,
    notYetFunded,
    paidOffCount,
    totalLent: m(lent),
    totalDue: m(due),
    totalRepaid: m(repaid),
    totalOutstanding: m(outstanding),
    principalLossIfSalesStop: m(loss),
    lossRateIfSalesStop: lent.isZero() ? new Decimal(0) : loss.div(lent),
    cashFlows: Object.freeze(cashFlows),
    irr,
    irrUnavailable: irr === null ? "no-rate-in-solver-range" : null,
    loans: Object.freeze(outcomes),
  });
}
