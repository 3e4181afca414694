/**
 * Private machinery of the book analytics (vintageCurves, rollRates): every loan of a book is run
 * through the public {@link simulateRepayment} up to the reporting date and reduced to one
 * snapshot per month on book (cumulative paid, balance, delinquency state). Never exported.
 */
import { Decimal, exactPlus } from "../../_lib/decimal.js";
import { addMonthsToEpochDay, epochDay, fromEpochDay, toUtcDay } from "../../_lib/dates.js";
import { assertSameCurrency } from "../../_lib/money.js";
import { rangeError, toArray, toInteger, toNonEmptyString, toOptions, toRecord } from "../../_lib/validate.js";
import { CurrencyMismatchError, ErrorCode, ValidationError, ValidationTypeError } from "../../errors.js";
import type { RoundingMode } from "../../money/types.js";
import { simulateRepayment } from "../simulateRepayment.js";
import type { FinancingGranularity, FinancingProduct, FinancingSalesSeries, RepaymentResult } from "../types.js";
import type { VintageState } from "../vintageCurves.js";

/** Most loans of one book analysed at once (as simulatePortfolio). */
export const MAX_BOOK_LOANS = 1_000_000;

/** The states a lender tracks, in the order of every state list and roll-rate matrix. */
export const VINTAGE_STATES: readonly VintageState[] = Object.freeze(["current", "behind", "past-term", "charged-off", "paid-off"] as const);
export type VintageStateName = VintageState;

/** The state rules after defaults. */
export interface StateRules {
  /** A shortfall (minimum top-up, uncollected minimum, term-loan shortfall) within this many days makes a loan "behind"; `null`: the product's minimum window (30 days without one). */
  readonly behindWithinDays: number | null;
  /** Days after funding after which an unpaid balance is "past-term"; `null`: the product's own term. */
  readonly termDays: number | null;
  /** Days without any payment after which an unpaid loan is charged off. */
  readonly chargeOffAfterDaysWithoutPayment: number;
  /** Days past the term after which an unpaid loan is charged off. */
  readonly chargeOffAfterDaysPastTerm: number;
}

/** Keys of the `states` option. */
const STATE_KEYS = ["behindWithinDays", "termDays", "chargeOffAfterDaysWithoutPayment", "chargeOffAfterDaysPastTerm"] as const;

/** Read the `states` option (every field an integer of days). */
export function readStateRules(value: unknown, fn: string): StateRules {
  const o = toOptions(value, fn, "options.states", STATE_KEYS);
  const days = (k: (typeof STATE_KEYS)[number], min: number): number | undefined => (o[k] === undefined ? undefined : toInteger(o[k], fn, `options.states.${k}`, min, 36_525));
  return {
    behindWithinDays: days("behindWithinDays", 1) ?? null,
    termDays: days("termDays", 1) ?? null,
    chargeOffAfterDaysWithoutPayment: days("chargeOffAfterDaysWithoutPayment", 1) ?? 180,
    chargeOffAfterDaysPastTerm: days("chargeOffAfterDaysPastTerm", 0) ?? 90,
  };
}

/** One month-on-book snapshot of a loan. */
export interface LoanSnapshot {
  /** Months on book (1 = one calendar month after funding). */
  readonly mob: number;
  readonly day: number;
  /** Cumulative collected (holdback + top-ups, without an uncollected maturity balloon). */
  readonly paid: Decimal;
  /** Balance still owed (a maturity balloon stays owed). */
  readonly balance: Decimal;
  readonly state: VintageStateName;
  /** Cumulative principal lost on charge-off: max(0, principal − paid) when charged off, else 0. */
  readonly chargedOff: Decimal;
}

/** A loan's history up to the reporting date. */
export interface LoanHistory {
  readonly index: number;
  readonly id: string;
  readonly sellerId: string;
  readonly fundedDay: number;
  readonly principal: Decimal;
  readonly totalDue: Decimal;
  readonly snapshots: readonly LoanSnapshot[];
}

/** A whole book's histories. */
export interface BookHistory {
  readonly currency: string;
  readonly asOfDay: number;
  readonly loans: readonly LoanHistory[];
  /** Loans funded after the reporting date (left out). */
  readonly notYetFunded: number;
}

/** Common options of the book analytics. */
export const BOOK_OPTION_KEYS = ["asOf", "states", "granularity", "rounding", "collectShortfall"] as const;

/**
 * Re-raise an error of a function the book analytics called as the caller's own: same class and
 * code, `fn` the public function the user called, the argument path prefixed with `where`.
 */
export function asCaller<T>(fn: string, where: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    const strip = (m: string, inner: string) => (m.startsWith(`${inner}: `) ? m.slice(inner.length + 2) : m);
    if (e instanceof ValidationTypeError) throw new ValidationTypeError(fn, e.code, `${where}.${e.argument}`, `${where}: ${strip(e.message, e.fn)}`, e.expected);
    if (e instanceof ValidationError) throw new ValidationError(fn, e.code, `${where}.${e.argument}`, `${where}: ${strip(e.message, e.fn)}`, e.expected);
    if (e instanceof CurrencyMismatchError) throw new CurrencyMismatchError(fn, e.currencies[0], e.currencies[1], `in ${where}`);
    throw e;
  }
}

/** Look up a seller's series in a Map or a record. */
export function seriesOf(salesBySeller: unknown, sellerId: string, fn: string): FinancingSalesSeries {
  const found =
    salesBySeller instanceof Map
      ? (salesBySeller as ReadonlyMap<string, FinancingSalesSeries>).get(sellerId)
      : Object.hasOwn(toRecord(salesBySeller, fn, "salesBySeller"), sellerId)
        ? (salesBySeller as Readonly<Record<string, FinancingSalesSeries>>)[sellerId]
        : undefined;
  if (found === undefined) rangeError(fn, `salesBySeller["${sellerId}"]`, ErrorCode.MISSING_VALUE, "is missing", undefined, "a sales series for every seller with a loan");
  return found;
}

/** The loan list, validated (ids unique, fields known). */
export function readLoans(loans: unknown, fn: string): { readonly id: string; readonly sellerId: string; readonly product: FinancingProduct; readonly fundedOn: unknown }[] {
  const list = toArray<unknown>(loans, fn, "loans", { nonEmpty: true, maxLength: MAX_BOOK_LOANS });
  const ids = new Set<string>();
  return list.map((raw, i) => {
    const loan = toOptions(toRecord(raw, fn, `loans[${i}]`), fn, `loans[${i}]`, ["id", "sellerId", "product", "fundedOn"]);
    const id = toNonEmptyString(loan.id, fn, `loans[${i}].id`);
    if (ids.has(id)) rangeError(fn, `loans[${i}].id`, ErrorCode.DUPLICATE, "must be unique", id, "unique loan ids");
    ids.add(id);
    return { id, sellerId: toNonEmptyString(loan.sellerId, fn, `loans[${i}].sellerId`), product: loan.product as FinancingProduct, fundedOn: loan.fundedOn };
  });
}

/** Options forwarded to simulateRepayment. */
export function runOptions(o: Readonly<Record<string, unknown>>, fundedOn: unknown, until: Date | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ["granularity", "rounding", "collectShortfall"] as const) if (o[k] !== undefined) out[k] = o[k];
  if (fundedOn !== undefined) out["fundedOn"] = fundedOn;
  if (until !== undefined) out["until"] = until;
  return out;
}

/** The funding day a loan will have, or undefined when it cannot be told before the run (the run then reports it). */
export function plannedFundingDay(product: unknown, fundedOn: unknown, sales: unknown, fn: string, where: string): number | undefined {
  if (fundedOn !== undefined) return epochDay(toUtcDay(fundedOn, fn, `${where}.fundedOn`));
  const p = product as { kind?: unknown; startDate?: unknown } | null;
  try {
    if (typeof p === "object" && p !== null && p.kind === "term-loan") return epochDay(toUtcDay(p.startDate, fn, `${where}.product.startDate`));
    const first = Array.isArray(sales) ? (sales[0] as { date?: unknown } | undefined) : undefined;
    return first === undefined ? undefined : epochDay(toUtcDay(first.date, fn, "sales[0].date")) - 1;
  } catch {
    return undefined;
  }
}

/** The product's own term in days from funding: maxTermDays of an advance, the last due date of a term loan. */
function productTermDays(result: RepaymentResult, fundedDay: number): number | null {
  const p = result.product;
  if (p.kind === "sales-based-advance") return p.maxTermDays;
  if (p.kind === "term-loan") {
    const last = p.instalments[p.instalments.length - 1];
    return last === undefined ? null : epochDay(last.dueDate) - fundedDay;
  }
  return null;
}

/**
 * Run every loan to the reporting date and take its month-on-book snapshots.
 *
 * Snapshot k is the state at the end of day `fundedOn + k months` (calendar months, day clamped to
 * the month end), for every k ≥ 1 up to the reporting date. A maturity balloon is treated as
 * due and unpaid (the engine collects it as a top-up; a lender sees a loan past its term).
 */
export function runBook(loans: unknown, salesBySeller: unknown, options: Readonly<Record<string, unknown>>, fn: string): BookHistory {
  const list = readLoans(loans, fn);
  if (!(salesBySeller instanceof Map)) toRecord(salesBySeller, fn, "salesBySeller");
  if (options["asOf"] === undefined) rangeError(fn, "options.asOf", ErrorCode.MISSING_VALUE, "is required", undefined, "the reporting date (a Date or an ISO 8601 date)");
  const asOf = toUtcDay(options["asOf"], fn, "options.asOf");
  const asOfDay = epochDay(asOf);
  const rules = readStateRules(options["states"], fn);
  let currency: string | undefined;
  let notYetFunded = 0;
  const out: LoanHistory[] = [];
  list.forEach((loan, index) => {
    const where = `loans[${index}]`;
    const sales = seriesOf(salesBySeller, loan.sellerId, fn);
    const planned = plannedFundingDay(loan.product, loan.fundedOn, sales, fn, where);
    if (planned !== undefined && planned > asOfDay) {
      notYetFunded++;
      return;
    }
    const result = asCaller(fn, where, () => simulateRepayment(loan.product, sales, runOptions(options, loan.fundedOn, asOf) as never));
    if (currency === undefined) currency = result.currency;
    else assertSameCurrency(fn, currency, result.currency);
    out.push(snapshotsOf(result, index, loan.id, loan.sellerId, asOfDay, rules));
  });
  if (currency === undefined) {
    const p = list[0]!.product as { principal?: { currency?: unknown } };
    currency = typeof p?.principal?.currency === "string" ? p.principal.currency : "XXX";
  }
  return { currency, asOfDay, loans: out, notYetFunded };
}

/** Reduce one repayment result to its month-on-book snapshots. */
export function snapshotsOf(result: RepaymentResult, index: number, id: string, sellerId: string, asOfDay: number, rules: StateRules): LoanHistory {
  const fundedDay = epochDay(result.summary.fundedOn);
  const principal = result.summary.principal.amount;
  const totalDue = result.summary.totalRepayment.amount;
  const product = result.product;
  const window = product.kind === "sales-based-advance" && product.minimumPayment !== null ? product.minimumPayment.everyDays : 30;
  const behindWithin = rules.behindWithinDays ?? window;
  const term = rules.termDays ?? productTermDays(result, fundedDay);
  const termDay = term === null ? null : fundedDay + term;
  const rows = result.rows;
  const snapshots: LoanSnapshot[] = [];
  let r = 0;
  let paid = new Decimal(0);
  let balance = totalDue;
  let lastPayment = fundedDay;
  let lastBehind = -Infinity;
  let chargedOff: Decimal | null = null;
  for (let k = 1; ; k++) {
    const day = addMonthsToEpochDay(fundedDay, k);
    if (day > asOfDay) break;
    for (; r < rows.length; r++) {
      const row = rows[r]!;
      const rowDay = epochDay(row.date);
      if (rowDay > day) break;
      // A maturity balloon is owed, not collected: the balance stays.
      const balloon = row.topUpReason === "maturity" ? row.topUp.amount : null;
      const pay = balloon === null ? row.payment.amount : row.holdback.amount;
      if (!pay.isZero()) {
        paid = exactPlus(paid, pay);
        lastPayment = rowDay;
      }
      balance = balloon === null ? row.balance.amount : exactPlus(row.balance.amount, balloon);
      if (row.topUpReason === "minimum" || row.topUpReason === "card" || !row.shortfall.amount.isZero()) lastBehind = rowDay;
    }
    let state: VintageStateName;
    if (chargedOff !== null) state = "charged-off";
    else if (balance.isZero()) state = "paid-off";
    else if (day - lastPayment >= rules.chargeOffAfterDaysWithoutPayment || (termDay !== null && day - termDay >= rules.chargeOffAfterDaysPastTerm)) {
      state = "charged-off";
      const lost = principal.minus(paid);
      chargedOff = lost.isNegative() ? new Decimal(0) : lost;
    } else if (termDay !== null && day > termDay) state = "past-term";
    else if (day - lastBehind < behindWithin) state = "behind";
    else state = "current";
    snapshots.push({ mob: k, day, paid, balance, state, chargedOff: chargedOff ?? new Decimal(0) });
  }
  return { index, id, sellerId, fundedDay, principal, totalDue, snapshots };
}

/** The funding cohort key and start of a funding day: "2024-01" (month) or "2024-Q1" (quarter). */
export function cohortOf(fundedDay: number, period: "month" | "quarter"): { readonly key: string; readonly start: Date } {
  const d = fromEpochDay(fundedDay);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const yyyy = String(y).padStart(4, "0");
  const first = (month0: number): Date => {
    const t = new Date(0);
    t.setUTCFullYear(y, month0, 1); // setUTCFullYear keeps years 0–99 as written (Date.UTC maps them to 1900–1999)
    return t;
  };
  if (period === "month") return { key: `${yyyy}-${String(m + 1).padStart(2, "0")}`, start: first(m) };
  const q = Math.floor(m / 3);
  return { key: `${yyyy}-Q${q + 1}`, start: first(q * 3) };
}

/** Re-export for the public files' option types. */
export type BookRounding = RoundingMode;
export type BookGranularity = FinancingGranularity;
