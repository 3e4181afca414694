/**
 * The plan and the sequential run of a portfolio (#12): loans are validated in order, grouped by
 * seller (first-loan order), and each seller's series is read once (into reusable columns), run
 * for every loan of that seller and dropped, so a run that asks only for summaries holds
 * O(loans) state plus one series. Shared by simulatePortfolio and simulatePortfolioAsync.
 * Never exported from the package.
 */
import { ErrorCode } from "../../errors.js";
import { toUtcDay } from "../../_lib/dates.js";
import { assertSameCurrency, minorDigits, toCurrency } from "../../_lib/money.js";
import type { Decimal } from "decimal.js";
import type { CashFlow } from "../../tvm/types.js";
import { rangeError, toNonEmptyString, toRecord } from "../../_lib/validate.js";
import type { FinancingProduct } from "../types.js";
import { dayNumber } from "./engine.js";
import { PayBuffer } from "./intEngine.js";
import { SeriesBuffer } from "./intSeries.js";
import { type PortfolioFigures, PortfolioTotals } from "./portfolio.js";
import { readProduct } from "./products.js";
import { type ReadSeries, readRunOptions, readRunSeries, type RunOptions, runEngines, untilDayOf } from "./run.js";
import { MAX_LOANS, toDenseArray, toFinancingDay, toOptionalBoolean, toOptions } from "./validate.js";

/** The option keys of simulatePortfolio. */
export const PORTFOLIO_OPTION_KEYS = ["until", "granularity", "rounding", "includeLoans"] as const;
const LOAN_KEYS = ["id", "sellerId", "product", "fundedOn"] as const;

/** One validated loan entry (its product is validated when it runs). */
export interface PlannedLoan {
  readonly index: number;
  readonly id: string;
  readonly sellerId: string;
  readonly product: unknown;
  readonly fundedOn: number | undefined;
}

/** A validated portfolio call. */
export interface PortfolioPlan {
  readonly listLength: number;
  readonly sellers: readonly { readonly sellerId: string; readonly loans: readonly PlannedLoan[] }[];
  readonly untilInput: unknown;
  readonly untilDay: number | undefined;
  readonly ro: RunOptions;
  readonly includeLoans: boolean;
  readonly isMap: boolean;
}

/** Validate loans and options (in loan order) and group the loans by seller. */
export function planPortfolio(fn: string, loans: unknown, salesBySeller: unknown, options: unknown, extraKeys: readonly string[] = []): { plan: PortfolioPlan; opts: Readonly<Record<string, unknown>> } {
  const list = toDenseArray<unknown>(loans, fn, "loans", { nonEmpty: true, maxLength: MAX_LOANS });
  const o = toOptions(options, fn, "options", [...PORTFOLIO_OPTION_KEYS, ...extraKeys], true);
  const includeLoans = toOptionalBoolean(o["includeLoans"], fn, "options.includeLoans") !== false;
  const isMap = salesBySeller instanceof Map;
  if (!isMap) toRecord(salesBySeller, fn, "salesBySeller");
  const untilDay = o["until"] === undefined ? undefined : toFinancingDay(o["until"], fn, "options.until");
  const ids = new Set<string>();
  const bySeller = new Map<string, PlannedLoan[]>();
  for (let i = 0; i < list.length; i++) {
    const loan = toOptions(list[i], fn, `loans[${i}]`, LOAN_KEYS, false);
    const id = toNonEmptyString(loan["id"], fn, `loans[${i}].id`);
    if (ids.has(id)) rangeError(fn, `loans[${i}].id`, ErrorCode.DUPLICATE, "must be unique", id, "unique loan ids");
    ids.add(id);
    const sellerId = toNonEmptyString(loan["sellerId"], fn, `loans[${i}].sellerId`);
    const has = isMap ? (salesBySeller as ReadonlyMap<string, unknown>).has(sellerId) : Object.hasOwn(salesBySeller as object, sellerId) && (salesBySeller as Record<string, unknown>)[sellerId] !== undefined;
    if (!has) rangeError(fn, `salesBySeller["${sellerId}"]`, ErrorCode.MISSING_VALUE, "is missing", undefined, "a sales series for every seller with a loan");
    const fundedOn = loan["fundedOn"] === undefined ? undefined : toFinancingDay(loan["fundedOn"], fn, `loans[${i}].fundedOn`);
    const planned: PlannedLoan = { index: i, id, sellerId, product: loan["product"], fundedOn };
    const group = bySeller.get(sellerId);
    if (group) group.push(planned);
    else bySeller.set(sellerId, [planned]);
  }
  const ro = readRunOptions({ granularity: o["granularity"], rounding: o["rounding"] }, fn);
  const sellers = [...bySeller].map(([sellerId, ls]) => ({ sellerId, loans: ls }));
  return { plan: { listLength: list.length, sellers, untilInput: o["until"], untilDay, ro, includeLoans, isMap }, opts: o };
}

/** The seller's series input (read once per seller). */
export function salesOf(plan: PortfolioPlan, salesBySeller: unknown, sellerId: string): unknown {
  return plan.isMap ? (salesBySeller as ReadonlyMap<string, unknown>).get(sellerId) : (salesBySeller as Record<string, unknown>)[sellerId];
}

/** A term loan's start day read from raw product data without validating it (`undefined` when unreadable). */
function rawTermLoanStart(product: unknown, fn: string, i: number): number | undefined {
  const p = product as { kind?: unknown; startDate?: unknown } | null;
  if (typeof p !== "object" || p === null || p.kind !== "term-loan") return undefined;
  try {
    return dayNumber(toUtcDay(p.startDate, fn, `loans[${i}].product.startDate`));
  } catch {
    return undefined;
  }
}

/** A loan ready for the engine. */
export interface ReadyLoan {
  readonly loan: PlannedLoan;
  readonly product: FinancingProduct;
  readonly fundedDay: number;
  readonly untilDay: number;
}

/** State of a run across sellers: the totals (made at the first loan's currency) and the skipped loans' currency. */
export class PortfolioState {
  totals: PortfolioTotals | null = null;
  currency: string | undefined;
  skippedCurrency: string | undefined;
  notYetFunded = 0;
  readonly pay = new PayBuffer();
  readonly buf = new SeriesBuffer();
  constructor(readonly plan: PortfolioPlan) {}

  totalsFor(fn: string, currency: string): PortfolioTotals {
    if (this.totals === null) {
      this.currency = currency;
      this.totals = new PortfolioTotals(minorDigits(currency), this.plan.includeLoans);
    } else if (currency !== this.currency) assertSameCurrency(fn, this.currency!, currency);
    return this.totals;
  }
}

/**
 * Prepare one seller's loans: validate each product, read the series once (lazily: a seller whose
 * loans are all funded after `until` with a `fundedOn` is never read), compute funding days and
 * horizons, skip loans funded after `until`. Returns the ready loans and the series.
 */
export function prepareSeller(fn: string, state: PortfolioState, loans: readonly PlannedLoan[], sales: unknown, buf?: SeriesBuffer): { ready: ReadyLoan[]; series: ReadSeries | null } {
  const plan = state.plan;
  let series: ReadSeries | null = null;
  const read = (product: FinancingProduct): ReadSeries => {
    if (series === null) series = readRunSeries(sales, fn, "sales", product.principal.currency, "integer", buf);
    else assertSameCurrency(fn, series.currency, product.principal.currency);
    return series;
  };
  const ready: ReadyLoan[] = [];
  for (const loan of loans) {
    if (plan.untilDay !== undefined) {
      let fd = loan.fundedOn ?? rawTermLoanStart(loan.product, fn, loan.index);
      if (fd === undefined) {
        const s = read(readProduct(loan.product, fn));
        const n = s.int ? s.int.length : s.dec!.days.length;
        if (n > 0) fd = (s.int ? s.int.days[0]! : s.dec!.days[0]!) - 1;
      }
      if (fd !== undefined && fd > plan.untilDay) {
        state.notYetFunded++;
        const principal = (loan.product as { principal?: { currency?: unknown } } | null)?.principal;
        if (state.skippedCurrency === undefined && typeof principal?.currency === "string") state.skippedCurrency = principal.currency;
        continue;
      }
    }
    const product = readProduct(loan.product, fn);
    const s = read(product);
    const n = s.int ? s.int.length : s.dec!.days.length;
    const first = n === 0 ? undefined : s.int ? s.int.days[0]! : s.dec!.days[0]!;
    const last = n === 0 ? undefined : s.int ? s.int.days[n - 1]! : s.dec!.days[n - 1]!;
    let fundedDay: number;
    if (product.kind === "term-loan") fundedDay = dayNumber(product.startDate);
    else if (loan.fundedOn !== undefined) fundedDay = loan.fundedOn;
    else {
      if (first === undefined) rangeError(fn, "sales", ErrorCode.EMPTY_INPUT, "must not be empty when options.fundedOn is not given", sales, "a non-empty sales series, or options.fundedOn");
      fundedDay = first - 1;
    }
    const untilDay = untilDayOf(fn, plan.untilInput, fundedDay, last, plan.untilDay);
    ready.push({ loan, product, fundedDay, untilDay });
  }
  return { ready, series };
}

/** Run one seller's ready loans in this thread and add them to the totals. */
export function runSellerHere(fn: string, state: PortfolioState, ready: readonly ReadyLoan[], series: ReadSeries | null): void {
  for (const r of ready) {
    const totals = state.totalsFor(fn, r.product.principal.currency);
    const res = runEngines(r.product, series!, state.plan.ro, r.fundedDay, r.untilDay, false, "integer", state.pay);
    if (res.int) {
      const e = res.int;
      totals.addLoan(r.loan.index, r.loan.id, r.loan.sellerId, r.fundedDay, {
        principal: r.product.principal,
        totalRepayment: r.product.totalRepayment,
        paidMinor: e.totalHoldback + e.totalTopUps,
        balanceMinor: e.balance,
        paidDec: null,
        balanceDec: null,
        payoffDay: e.payoffDay,
      });
      const pay = e.pay!;
      const pd = pay.day;
      const pa = pay.amount;
      for (let k = 0; k < pay.length; k++) totals.flows.add(pd[k]!, pa[k]!);
    } else {
      const e = res.engine!;
      totals.addLoan(r.loan.index, r.loan.id, r.loan.sellerId, r.fundedDay, {
        principal: r.product.principal,
        totalRepayment: r.product.totalRepayment,
        paidMinor: null,
        balanceMinor: null,
        paidDec: e.totalHoldback.plus(e.totalTopUps),
        balanceDec: e.balance,
        payoffDay: e.payoffDay,
      });
      totals.addDecimalFlows(e);
    }
  }
}

/** The frozen figures of a finished run (`xirr` passed in: a `_lib` file imports no other module's code). */
export function finishPortfolio(fn: string, state: PortfolioState, xirr: (flows: readonly CashFlow[]) => Decimal): PortfolioFigures {
  if (state.totals === null) {
    // Every loan funded after `until`: an empty portfolio in the loans' currency.
    state.totalsFor(fn, toCurrency(state.skippedCurrency, fn, "loans[0].product.principal.currency"));
  }
  state.totals!.notYetFunded = state.notYetFunded;
  return state.totals!.finish(state.currency!, xirr);
}
