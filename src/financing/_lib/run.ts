/**
 * Internal runner of the financing module: validates a product, a sales series and options,
 * runs the engine and shapes the public result. Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import type { FinancingProduct, RepaymentResult, RepaymentRow } from "../types.js";
import type { RoundingMode } from "../../money/types.js";
import { aggregate, dayDate, dayNumber, type EngineResult, type Granularity, readSeries, runHoldback, runTermLoan, type SeriesArrays } from "./engine.js";
import { readProduct, toMinorMoney } from "./products.js";
import { type CostInput, inconsistent } from "./cost.js";
import { makeMoney, minorDigits, toRounding } from "../../_lib/money.js";
import { rangeError, type RenamedOptions, toInteger, toOption, toRecord, typeError } from "../../_lib/validate.js";
import { MAX_SERIES_ROWS, assertNoInvalidValue, toDenseArray, toFinancingDay, toOptionalBoolean, toOptions } from "./validate.js";

/** The option keys of {@link runProduct} (those of `SimulateRepaymentOptions`). */
export const RUN_OPTION_KEYS = ["fundedOn", "until", "granularity", "rounding", "collectShortfall"] as const;

const GRANULARITIES: readonly Granularity[] = ["day", "week", "month"];
/** The 0.1.0 names, rejected with an error that names their replacement. */
const RENAMED_GRANULARITIES: RenamedOptions<Granularity> = { since: "0.2.0", names: { daily: "day", weekly: "week", monthly: "month" } };
const MAX_DAYS = 36_525;

/** Validated inputs shared with the other financing functions. */
export interface PreparedRun {
  readonly product: FinancingProduct;
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly fundedDay: number;
  readonly engine: EngineResult;
}

/**
 * Run a product against a series; used by simulateRepayment and its siblings. Loop bounds: the
 * series has at most `MAX_SERIES_ROWS` rows and the horizon is at most 36,525 days after funding,
 * so the engine runs at most rows + 36,525 steps.
 */
export function runProduct(
  fn: string,
  productInput: unknown,
  sales: unknown,
  options: unknown,
  recordRows: boolean,
  cache?: Map<unknown, SeriesArrays & { readonly currency: string | undefined }>,
): PreparedRun {
  const product = readProduct(productInput, fn);
  const opts = toOptions(options, fn, "options", RUN_OPTION_KEYS, true);
  const currency = product.principal.currency;
  // A series shared by several loans of one call is validated once (per currency).
  let series = cache?.get(sales);
  if (series === undefined || series.currency !== currency) {
    series = readSeries(sales, fn, "sales", currency);
    if (cache && typeof sales === "object" && sales !== null) cache.set(sales, series);
  }
  const granularity = opts["granularity"] === undefined ? "day" : toOption(opts["granularity"], fn, "options.granularity", GRANULARITIES, RENAMED_GRANULARITIES);
  const rounding = (opts["rounding"] === undefined ? "half-even" : opts["rounding"]) as RoundingMode;
  const rm = toRounding(rounding, fn, "options.rounding");
  const collect = toOptionalBoolean(opts["collectShortfall"], fn, "options.collectShortfall");
  let fundedDay: number;
  if (product.kind === "term-loan") fundedDay = dayNumber(product.startDate);
  else if (opts["fundedOn"] !== undefined) fundedDay = toFinancingDay(opts["fundedOn"], fn, "options.fundedOn");
  else {
    if (series.days.length === 0) rangeError(fn, "sales", ErrorCode.EMPTY_INPUT, "must not be empty when options.fundedOn is not given", sales, "a non-empty sales series, or options.fundedOn");
    fundedDay = series.days[0]! - 1;
  }
  const lastSale = series.days.length > 0 ? series.days[series.days.length - 1]! : fundedDay;
  let untilDay = Math.max(lastSale, fundedDay);
  if (opts["until"] !== undefined) {
    untilDay = toFinancingDay(opts["until"], fn, "options.until");
    if (untilDay < fundedDay || untilDay > fundedDay + MAX_DAYS) {
      rangeError(fn, "options.until", ErrorCode.OUT_OF_RANGE, "must be between the funding date and 100 years after it", opts["until"], "a date from fundedOn to fundedOn + 36525 days");
    }
  }
  if (untilDay > fundedDay + MAX_DAYS) untilDay = fundedDay + MAX_DAYS;
  const digits = minorDigits(currency);
  let engine: EngineResult;
  if (product.kind === "term-loan") {
    engine = runTermLoan(
      product.instalments.map((i) => dayNumber(i.dueDate)),
      product.instalments.map((i) => i.amount.amount),
      product.chargeShortfallToCard,
      fundedDay,
      series,
      untilDay,
      recordRows,
    );
  } else {
    const periods = aggregate(series, granularity, fundedDay, untilDay);
    const isAdvance = product.kind === "sales-based-advance";
    const mp = isAdvance ? product.minimumPayment : null;
    engine = runHoldback(
      {
        digits,
        rm,
        total: product.totalRepayment.amount,
        holdbackRate: isAdvance ? product.holdbackRate : product.revenueShare,
        minimum: mp ? { amount: mp.amount.amount, everyDays: mp.everyDays, forDays: mp.forDays } : null,
        maxTermDays: isAdvance ? product.maxTermDays : null,
        collectShortfall: collect !== false,
      },
      fundedDay,
      periods,
      untilDay,
      recordRows,
    );
  }
  return { product, currency, rounding, fundedDay, engine };
}

/** Results built by {@link toRepaymentResult}: trusted by {@link readRepaymentResult} without re-validation. */
const builtResults = new WeakSet<object>();

/**
 * Read a repayment result into the cost engine's input. A result built by this module is used
 * as is; anything else (a copy, a parsed JSON) is validated field by field, and its totals must
 * agree (Σ row payments = totalPaid; paid off ⇔ nothing outstanding), or `UNDEFINED_RESULT`.
 */
export function readRepaymentResult(value: unknown, fn: string, arg = "result"): CostInput {
  if (typeof value === "object" && value !== null && builtResults.has(value)) {
    const res = value as RepaymentResult;
    const s = res.summary;
    const payments: { date: Date; amount: Decimal }[] = [];
    for (const r of res.rows) if (!r.payment.amount.isZero()) payments.push({ date: r.date, amount: r.payment.amount });
    return { principal: s.principal, totalPaid: s.totalPaid, financeCharge: s.financeCharge, totalRepayment: s.totalRepayment, paidOff: s.paidOff, daysToPayoff: s.daysToPayoff, fundedOn: s.fundedOn, payments };
  }
  const o = toRecord(value, fn, arg);
  assertNoInvalidValue(o, fn, arg);
  const s = toRecord(o["summary"], fn, `${arg}.summary`);
  const principal = toMinorMoney(s["principal"], fn, `${arg}.summary.principal`, undefined, false);
  const cur = principal.currency;
  const money = (k: string) => toMinorMoney(s[k], fn, `${arg}.summary.${k}`, cur, true);
  const totalPaid = money("totalPaid");
  const financeCharge = money("financeCharge");
  const totalRepayment = money("totalRepayment");
  const outstanding = money("outstandingIfSalesStop");
  const paidOff = s["paidOff"];
  if (typeof paidOff !== "boolean") typeError(fn, `${arg}.summary.paidOff`, ErrorCode.INVALID_TYPE, "must be a boolean", paidOff, "true or false");
  const fundedDay = toFinancingDay(s["fundedOn"], fn, `${arg}.summary.fundedOn`);
  const daysToPayoff = paidOff ? toInteger(s["daysToPayoff"], fn, `${arg}.summary.daysToPayoff`, 0, 36_525) : null;
  if (!totalRepayment.amount.equals(principal.amount.plus(financeCharge.amount))) {
    inconsistent(fn, `${arg}.summary.totalRepayment`, "it must equal principal + financeCharge", totalRepayment.amount.toString());
  }
  if (paidOff !== outstanding.amount.isZero()) inconsistent(fn, `${arg}.summary.paidOff`, "a paid-off result has nothing outstanding, and only it", paidOff);
  if (paidOff && totalPaid.amount.lessThan(principal.amount)) inconsistent(fn, `${arg}.summary.totalPaid`, "a paid-off result repaid at least the principal", totalPaid.amount.toString());
  const rows = toDenseArray<unknown>(o["rows"], fn, `${arg}.rows`, { maxLength: MAX_SERIES_ROWS + 36_525 });
  const payments: { date: Date; amount: Decimal }[] = [];
  let sum = new Decimal(0);
  let prev = fundedDay;
  rows.forEach((raw, i) => {
    const r = toRecord(raw, fn, `${arg}.rows[${i}]`);
    const day = toFinancingDay(r["date"], fn, `${arg}.rows[${i}].date`);
    if (day < prev) rangeError(fn, `${arg}.rows[${i}].date`, ErrorCode.INVALID_DATE_ORDER, "must not be before the funding date or the previous row", r["date"], "rows in date order, after summary.fundedOn");
    prev = day;
    const pay = toMinorMoney(r["payment"], fn, `${arg}.rows[${i}].payment`, cur, true);
    if (!pay.amount.isZero()) {
      payments.push({ date: dayDate(day), amount: pay.amount });
      sum = sum.plus(pay.amount);
    }
  });
  if (!sum.equals(totalPaid.amount)) inconsistent(fn, `${arg}.summary.totalPaid`, `it must equal the sum of row payments (${sum.toString()})`, totalPaid.amount.toString());
  return { principal, totalPaid, financeCharge, totalRepayment, paidOff, daysToPayoff, fundedOn: dayDate(fundedDay), payments };
}

/** Build the public result from a run. */
export function toRepaymentResult(run: PreparedRun): RepaymentResult {
  const { product, currency, engine } = run;
  const m = (d: Decimal) => makeMoney(d, currency);
  // Zero amounts share one frozen Money (immutable), and a row without top-up reuses its holdback.
  const zero = m(new Decimal(0));
  const mz = (d: Decimal) => (d.isZero() ? zero : m(d));
  const src = engine.rows ?? [];
  const rows = new Array<RepaymentRow>(src.length);
  for (let i = 0; i < src.length; i++) {
    const r = src[i]!;
    const holdback = mz(r.holdback);
    const topUp = mz(r.topUp);
    rows[i] = Object.freeze({
      date: dayDate(r.day),
      sales: mz(r.sales),
      holdback,
      topUp,
      topUpReason: r.topUpReason,
      payment: topUp === zero ? holdback : m(r.holdback.plus(r.topUp)),
      shortfall: mz(r.shortfall),
      balance: mz(r.balance),
    });
  }
  const paidOff = engine.payoffDay !== null;
  const totalPaid = engine.totalHoldback.plus(engine.totalTopUps);
  const result: RepaymentResult = Object.freeze({
    product,
    currency,
    rounding: run.rounding,
    rows: Object.freeze(rows),
    summary: Object.freeze({
      fundedOn: dayDate(run.fundedDay),
      endDate: dayDate(engine.endDay),
      principal: product.principal,
      financeCharge: product.fee,
      totalRepayment: product.totalRepayment,
      paidOff,
      payoffDate: paidOff ? dayDate(engine.payoffDay!) : null,
      daysToPayoff: paidOff ? engine.payoffDay! - run.fundedDay : null,
      totalPaid: m(totalPaid),
      totalHoldback: m(engine.totalHoldback),
      totalTopUps: m(engine.totalTopUps),
      outstandingIfSalesStop: m(engine.balance),
      anyMinimumMissed: engine.shortfallCount > 0,
      shortfallCount: engine.shortfallCount,
    }),
  });
  builtResults.add(result);
  return result;
}
