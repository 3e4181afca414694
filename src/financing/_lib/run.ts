/**
 * Internal runner of the financing module: validates a product, a sales series and options,
 * runs the engine and shapes the public result. Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import type { FinancingProduct, HoldbackSchedule, RepaymentResult, RepaymentRow } from "../types.js";
import type { Money, RoundingMode } from "../../money/types.js";
import { aggregate, dayDate, dayNumber, type EngineResult, type Granularity, type HoldbackStepTerms, minorToDecimal, readSeries, runHoldback, runTermLoan, type SeriesArrays } from "./engine.js";
import {
  aggregateInt,
  decimalToScaled,
  type IntHoldbackTerms,
  type IntResult,
  IntRows,
  type IntSeries,
  PayBuffer,
  type Rational,
  REASONS,
  type RoundingConst,
  runHoldbackInt,
  runTermLoanInt,
  toRational,
  UnsafeInteger,
} from "./intEngine.js";
import { decimalSeriesToInt, isColumns, materializeSeries, readColumnsInto, readIntSeriesFast, readTypedColumnsFast, releaseScratch, SeriesBuffer, SeriesSnapshot, takeScratch } from "./intSeries.js";
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
  /** The Decimal engine's output, when the run used it (the fallback, or `engine: "decimal"`). */
  readonly engine: EngineResult | null;
  /** The integer engine's output (minor units), when the run used it. */
  readonly int: IntResult | null;
  /** Extra digits below the minor unit of the integer rows' sales. */
  readonly scale: number;
  readonly digits: number;
  /** Runs the integer engine again recording rows and payments (the result's rows are built from it on first read). */
  readonly rerun: Rerun | null;
}

/** A deterministic integer run to repeat with recording, on a private copy of its series. */
export interface Rerun {
  run(): IntResult;
}

/** {@link Rerun} of a holdback product (classes, not closures: nothing per call but one object). */
class HoldbackRerun implements Rerun {
  constructor(
    private readonly terms: IntHoldbackTerms,
    private readonly fundedDay: number,
    private readonly periods: SeriesSnapshot,
    private readonly untilDay: number,
  ) {}
  run(): IntResult {
    return runHoldbackInt(this.terms, this.fundedDay, this.periods.series(), this.untilDay, new IntRows(), new PayBuffer());
  }
}

/** {@link Rerun} of a term loan. */
class TermRerun implements Rerun {
  constructor(
    private readonly terms: { readonly dueDays: Int32Array; readonly dueAmounts: Float64Array; readonly chargeCard: boolean },
    private readonly fundedDay: number,
    private readonly series: SeriesSnapshot,
    private readonly untilDay: number,
  ) {}
  run(): IntResult {
    const t = this.terms;
    return runTermLoanInt(t.dueDays, t.dueAmounts, t.chargeCard, this.fundedDay, this.series.series(), this.untilDay, new IntRows(), new PayBuffer());
  }
}

/** A sales series read once: integer columns when they fit, else the Decimal arrays. */
export interface ReadSeries {
  readonly currency: string;
  readonly int: IntSeries | null;
  readonly dec: (SeriesArrays & { readonly currency: string | undefined }) | null;
}

/** Which engine runs: the integer one (default, falls back to Decimal by itself) or the Decimal reference. */
export type EngineChoice = "integer" | "decimal";

/**
 * Read a sales series for a run in `currency`: the integer fast path when every row is in a
 * known shape, else the validating Decimal reader (typed errors) and a conversion of its result.
 * `buf` (a portfolio's reusable columns) receives the integer columns.
 */
export function readRunSeries(sales: unknown, fn: string, arg: string, currency: string, engine: EngineChoice = "integer", buf?: SeriesBuffer): ReadSeries {
  const digits = minorDigits(currency);
  const v = materializeSeries(sales, fn, arg);
  if (engine === "integer") {
    if (isColumns(v)) {
      // A one-off read (no buffer given) goes into views of a shared slab (SeriesBuffer(true)).
      const int = readTypedColumnsFast(v, buf ?? new SeriesBuffer(true)) ?? readColumnsInto(v, fn, arg, buf ?? new SeriesBuffer(true)).int;
      if (int !== null) return { currency, int, dec: null };
    } else {
      const int = readIntSeriesFast(v, currency, digits, buf ?? new SeriesBuffer(true));
      if (int !== null) return { currency, int, dec: null };
    }
  }
  const dec = readSeries(v, fn, arg, currency);
  const int = engine === "integer" ? decimalSeriesToInt(dec.days, dec.amounts, digits) : null;
  return { currency, int, dec };
}

/** Decimal arrays of a series (converting integer columns when that is all there is). */
function decimalOf(series: ReadSeries, digits: number): SeriesArrays {
  if (series.dec) return series.dec;
  const s = series.int!;
  const days: number[] = new Array<number>(s.length);
  const amounts: Decimal[] = new Array<Decimal>(s.length);
  for (let i = 0; i < s.length; i++) {
    days[i] = s.days[i]!;
    amounts[i] = minorToDecimal(s.minor[i]!, digits + s.scale);
  }
  return { days, amounts };
}

/** A product's terms in minor units (or `null` when an amount is not a safe integer). */
export type IntTerms =
  | {
      readonly kind: "holdback";
      readonly total: number;
      readonly rate: Rational;
      readonly minimum: { readonly amount: number; readonly everyDays: number; readonly forDays: number | null } | null;
      readonly maxTermDays: number | null;
    }
  | { readonly kind: "term"; readonly dueDays: Int32Array; readonly dueAmounts: Float64Array; readonly chargeCard: boolean };

const termsCache = new WeakMap<object, IntTerms | null>();

/** The integer terms of a validated product, cached per product object. */
export function intTermsOf(product: FinancingProduct): IntTerms | null {
  const hit = termsCache.get(product);
  if (hit !== undefined) return hit;
  const digits = minorDigits(product.principal.currency);
  let terms: IntTerms | null;
  // Changing rates, a remittance cap and fees withheld at funding (#14) run on the Decimal engine.
  if ((product.kind === "sales-based-advance" && (product.holdbackSchedule !== null || product.maxRemittance !== null)) || (product.kind === "term-loan" && product.fees.length > 0)) terms = null;
  else if (product.kind === "term-loan") {
    const n = product.instalments.length;
    const dueDays = new Int32Array(n);
    const dueAmounts = new Float64Array(n);
    let sum = 0;
    let ok = true;
    for (let k = 0; k < n; k++) {
      const ins = product.instalments[k]!;
      dueDays[k] = dayNumber(ins.dueDate);
      const a = decimalToScaled(ins.amount.amount, digits);
      sum += a;
      if (!(sum <= Number.MAX_SAFE_INTEGER)) ok = false;
      dueAmounts[k] = a;
    }
    terms = ok ? { kind: "term", dueDays, dueAmounts, chargeCard: product.chargeShortfallToCard } : null;
  } else {
    const isAdvance = product.kind === "sales-based-advance";
    const total = decimalToScaled(product.totalRepayment.amount, digits);
    const mp = isAdvance ? product.minimumPayment : null;
    const minAmount = mp ? decimalToScaled(mp.amount.amount, digits) : 0;
    terms =
      total === total && minAmount === minAmount
        ? {
            kind: "holdback",
            total,
            rate: toRational(isAdvance ? product.holdbackRate : product.revenueShare),
            minimum: mp ? { amount: minAmount, everyDays: mp.everyDays, forDays: mp.forDays } : null,
            maxTermDays: isAdvance ? product.maxTermDays : null,
          }
        : null;
  }
  termsCache.set(product, terms);
  return terms;
}

/** A product's holdback schedule as engine terms. */
function scheduleTerms(s: HoldbackSchedule | null): HoldbackStepTerms | null {
  if (s === null) return null;
  if (s.by === "days") return { by: "days", steps: s.steps.map((x) => ({ at: x.afterDays!, rate: x.rate })) };
  return { by: "repaid", steps: s.steps.map((x) => ({ at: x.repaidAmount!.amount, rate: x.rate })) };
}

/** Validated run options (the keys of {@link RUN_OPTION_KEYS}). */
export interface RunOptions {
  readonly granularity: Granularity;
  readonly rounding: RoundingMode;
  readonly rm: Decimal.Rounding;
  readonly collect: boolean;
}

/** Validate granularity, rounding and collectShortfall of an options object. */
export function readRunOptions(opts: Readonly<Record<string, unknown>>, fn: string): RunOptions {
  const granularity = opts["granularity"] === undefined ? "day" : toOption(opts["granularity"], fn, "options.granularity", GRANULARITIES, RENAMED_GRANULARITIES);
  const rounding = (opts["rounding"] === undefined ? "half-even" : opts["rounding"]) as RoundingMode;
  const rm = toRounding(rounding, fn, "options.rounding");
  const collect = toOptionalBoolean(opts["collectShortfall"], fn, "options.collectShortfall");
  return { granularity, rounding, rm, collect: collect !== false };
}

/**
 * The horizon of a run: the last sale (or the funding day), or `until` (at most 100 years after
 * funding, never before it); capped at 36,525 days after funding.
 */
export function untilDayOf(fn: string, untilInput: unknown, fundedDay: number, lastSale: number | undefined, knownUntilDay?: number): number {
  let untilDay = Math.max(lastSale ?? fundedDay, fundedDay);
  if (untilInput !== undefined) {
    untilDay = knownUntilDay ?? toFinancingDay(untilInput, fn, "options.until");
    if (untilDay < fundedDay || untilDay > fundedDay + MAX_DAYS) {
      rangeError(fn, "options.until", ErrorCode.OUT_OF_RANGE, "must be between the funding date and 100 years after it", untilInput, "a date from fundedOn to fundedOn + 36525 days");
    }
  }
  if (untilDay > fundedDay + MAX_DAYS) untilDay = fundedDay + MAX_DAYS;
  return untilDay;
}

/**
 * Run a validated product on a read series with either engine. The integer engine is tried
 * first; an amount that leaves the safe-integer range (`UnsafeInteger`) reruns on Decimal.
 */
export function runEngines(
  product: FinancingProduct,
  series: ReadSeries,
  ro: RunOptions,
  fundedDay: number,
  untilDay: number,
  recordRows: boolean,
  engineChoice: EngineChoice,
  pay?: PayBuffer,
): { engine: EngineResult | null; int: IntResult | null; scale: number; rerun: Rerun | null } {
  const digits = minorDigits(series.currency);
  const terms = engineChoice === "integer" ? intTermsOf(product) : null;
  const int = series.int;
  if (terms !== null && int !== null && (terms.kind === "holdback" || int.scale === 0)) {
    try {
      if (pay) pay.length = 0;
      let res: IntResult;
      let rerun: Rerun | null = null;
      // Rows and payments are recorded only when asked for, by running the (deterministic) loop again.
      // The series may live in a buffer reused by the next run: a rerun reads a private copy of it.
      if (terms.kind === "term") {
        res = runTermLoanInt(terms.dueDays, terms.dueAmounts, terms.chargeCard, fundedDay, int, untilDay, null, pay ?? null);
        if (recordRows) rerun = new TermRerun(terms, fundedDay, new SeriesSnapshot(int), untilDay);
      } else {
        const periods = aggregateInt(int, ro.granularity, fundedDay, untilDay);
        const t: IntHoldbackTerms = { rm: ro.rm as RoundingConst, total: terms.total, rate: terms.rate, minimum: terms.minimum, maxTermDays: terms.maxTermDays, collectShortfall: ro.collect };
        res = runHoldbackInt(t, fundedDay, periods, untilDay, null, pay ?? null);
        if (recordRows) rerun = new HoldbackRerun(t, fundedDay, new SeriesSnapshot(periods), untilDay);
      }
      return { engine: null, int: res, scale: int.scale, rerun };
    } catch (err) {
      if (!(err instanceof UnsafeInteger)) throw err;
    }
  }
  const dec = decimalOf(series, digits);
  let engine: EngineResult;
  if (product.kind === "term-loan") {
    engine = runTermLoan(
      product.instalments.map((i) => dayNumber(i.dueDate)),
      product.instalments.map((i) => i.amount.amount),
      product.chargeShortfallToCard,
      fundedDay,
      dec,
      untilDay,
      recordRows,
      product.fee.amount.minus(product.interest.amount),
    );
  } else {
    const periods = aggregate(dec, ro.granularity, fundedDay, untilDay);
    const isAdvance = product.kind === "sales-based-advance";
    const mp = isAdvance ? product.minimumPayment : null;
    engine = runHoldback(
      {
        digits,
        rm: ro.rm,
        total: product.totalRepayment.amount,
        holdbackRate: isAdvance ? product.holdbackRate : product.revenueShare,
        minimum: mp ? { amount: mp.amount.amount, everyDays: mp.everyDays, forDays: mp.forDays } : null,
        maxTermDays: isAdvance ? product.maxTermDays : null,
        collectShortfall: ro.collect,
        schedule: isAdvance ? scheduleTerms(product.holdbackSchedule) : null,
        cap: isAdvance && product.maxRemittance !== null ? product.maxRemittance.amount : null,
      },
      fundedDay,
      periods,
      untilDay,
      recordRows,
    );
  }
  return { engine, int: null, scale: 0, rerun: null };
}

/**
 * Run a product against a series; used by simulateRepayment and its siblings. Loop bounds: the
 * series has at most `MAX_SERIES_ROWS` rows and the horizon is at most 36,525 days after funding,
 * so the engine runs at most rows + 36,525 steps. `engineChoice: "decimal"` runs the reference
 * Decimal engine (the oracle of the property tests).
 */
export function runProduct(fn: string, productInput: unknown, sales: unknown, options: unknown, recordRows: boolean, cache?: Map<unknown, ReadSeries>, engineChoice: EngineChoice = "integer"): PreparedRun {
  const product = readProduct(productInput, fn);
  const opts = toOptions(options, fn, "options", RUN_OPTION_KEYS, true);
  const currency = product.principal.currency;
  // A series shared by several loans of one call is validated once (per currency), into columns
  // of its own; a one-off series is read into the shared run buffer, given back when the run ends.
  let series = cache?.get(sales);
  const scratch = cache ? null : takeScratch();
  // A run whose result keeps a snapshot of the series has the reader write it in the same pass.
  if (scratch) scratch.copy = recordRows;
  try {
    if (series === undefined || series.currency !== currency) {
      series = readRunSeries(sales, fn, "sales", currency, engineChoice, scratch ?? undefined);
      if (cache && typeof sales === "object" && sales !== null) cache.set(sales, series);
    }
    return runRead(fn, product, opts, sales, series, recordRows, engineChoice);
  } finally {
    if (scratch) {
      scratch.copy = false;
      releaseScratch(scratch);
    }
  }
}

/** The rest of {@link runProduct}, once the series is read. */
function runRead(fn: string, product: FinancingProduct, opts: Readonly<Record<string, unknown>>, sales: unknown, series: ReadSeries, recordRows: boolean, engineChoice: EngineChoice): PreparedRun {
  const currency = product.principal.currency;
  const ro = readRunOptions(opts, fn);
  const len = series.int ? series.int.length : series.dec!.days.length;
  const first = len === 0 ? undefined : series.int ? series.int.days[0]! : series.dec!.days[0]!;
  const last = len === 0 ? undefined : series.int ? series.int.days[len - 1]! : series.dec!.days[len - 1]!;
  let fundedDay: number;
  if (product.kind === "term-loan") fundedDay = dayNumber(product.startDate);
  else if (opts["fundedOn"] !== undefined) fundedDay = toFinancingDay(opts["fundedOn"], fn, "options.fundedOn");
  else {
    if (first === undefined) rangeError(fn, "sales", ErrorCode.EMPTY_INPUT, "must not be empty when options.fundedOn is not given", sales, "a non-empty sales series, or options.fundedOn");
    fundedDay = first - 1;
  }
  const untilDay = untilDayOf(fn, opts["until"], fundedDay, last);
  const r = runEngines(product, series, ro, fundedDay, untilDay, recordRows, engineChoice);
  return { product, currency, rounding: ro.rounding, fundedDay, engine: r.engine, int: r.int, scale: r.scale, digits: minorDigits(currency), rerun: r.rerun };
}

/** A base class whose constructor returns the object it is given (so a subclass can stamp it). */
class Stamp {
  constructor(o: object) {
    return o as Stamp;
  }
}

/** What a built result keeps of its run: the run, and its rows once read. */
class ResultState {
  rows: readonly RepaymentRow[] | undefined = undefined;
  constructor(readonly run: PreparedRun) {}
}

/**
 * Results built by {@link toRepaymentResult} (trusted by {@link readRepaymentResult} without
 * re-validation) carry their run in a private field, stamped before the result is frozen: a
 * copy (spread, JSON, structuredClone) does not have it, nothing can read or forge it, and unlike
 * a WeakMap entry per result it costs the garbage collector nothing.
 */
class BuiltResult extends Stamp {
  readonly #state: ResultState;
  private constructor(o: object, state: ResultState) {
    super(o);
    this.#state = state;
  }
  /** Stamp `o` (not yet frozen) with its run. */
  static stamp(o: object, run: PreparedRun): void {
    new BuiltResult(o, new ResultState(run));
  }
  /** The state of a result built here, or `undefined`. */
  static stateOf(o: object): ResultState | undefined {
    return #state in o ? (o as BuiltResult).#state : undefined;
  }
  /** The run of a result built here, or `undefined`. */
  static runOf(o: object): PreparedRun | undefined {
    return #state in o ? (o as BuiltResult).#state.run : undefined;
  }
}

/** The rows of a built run (the integer run repeated with recording, or the Decimal run's rows), frozen. */
function buildRows(run: PreparedRun): readonly RepaymentRow[] {
  const e = run.int;
  if (e === null) return Object.freeze(decimalRows(run.engine!, run.currency));
  return Object.freeze(run.rerun ? intRows(run.rerun.run().rows!, run.currency, run.digits, run.scale) : []);
}

/** The state of a built result, or of the nearest one on the prototype chain of `o` (64 levels at most). */
function stateThrough(o: unknown): ResultState | undefined {
  for (let depth = 0; typeof o === "object" && o !== null && depth < 64; depth++) {
    const state = BuiltResult.stateOf(o);
    if (state !== undefined) return state;
    o = Object.getPrototypeOf(o);
  }
  return undefined;
}

/**
 * The `rows` getter of every built result: one shared function, so all results share one
 * hidden class (an object literal's own getter is a new closure, and so a new hidden class,
 * per result, which cost ~5 µs a call and kept each result alive through the next young-
 * generation collection). Read through an object inheriting from a result, it answers for that
 * result; on anything else it throws a TypeError, as a built-in accessor does.
 */
function rowsGetter(this: unknown): readonly RepaymentRow[] {
  const state = stateThrough(this);
  if (state === undefined) throw new TypeError("RepaymentResult.rows: the receiver is not a repayment result");
  if (state.rows === undefined) state.rows = buildRows(state.run);
  return state.rows;
}

/**
 * The descriptor of `rows` (enumerable, as a data property: JSON, spread and structuredClone read
 * it), without a prototype, so a `value` or `set` added to Object.prototype cannot reach it.
 */
const ROWS_PROPERTY: PropertyDescriptor = Object.freeze(Object.assign(Object.create(null) as PropertyDescriptor, { get: rowsGetter, enumerable: true, configurable: false }));

/** The dated non-zero payments of a run built by {@link toRepaymentResult}. */
function paymentsOf(run: PreparedRun): { date: Date; amount: Decimal }[] {
  const d = run.engine;
  if (d !== null) return d.payDays.map((day, i) => ({ date: dayDate(day), amount: d.payAmounts[i]! }));
  if (run.rerun === null) return [];
  const pay = run.rerun.run().pay!;
  const out = new Array<{ date: Date; amount: Decimal }>(pay.length);
  for (let i = 0; i < pay.length; i++) out[i] = { date: dayDate(pay.day[i]!), amount: minorToDecimal(pay.amount[i]!, run.digits) };
  return out;
}

/**
 * Read a repayment result into the cost engine's input. A result built by this module is used
 * as is; anything else (a copy, a parsed JSON) is validated field by field, and its totals must
 * agree (Σ row payments = totalPaid; paid off ⇔ nothing outstanding), or `UNDEFINED_RESULT`.
 */
export function readRepaymentResult(value: unknown, fn: string, arg = "result"): CostInput {
  const built = typeof value === "object" && value !== null ? BuiltResult.runOf(value) : undefined;
  if (built !== undefined) {
    const res = value as RepaymentResult;
    const s = res.summary;
    const payments = paymentsOf(built);
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

const zeros = new Map<string, Money>();

/** The shared frozen zero Money of a currency (Money is immutable). */
function zeroMoney(currency: string): Money {
  let z = zeros.get(currency);
  if (z === undefined) {
    z = makeMoney(new Decimal(0), currency);
    zeros.set(currency, z);
  }
  return z;
}

/** The rows of a Decimal run. */
function decimalRows(engine: EngineResult, currency: string): RepaymentRow[] {
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
  return rows;
}

/** The rows of an integer run (minor units → Money), built when first read. */
function intRows(src: IntRows, currency: string, digits: number, scale: number): RepaymentRow[] {
  const zero = makeMoney(new Decimal(0), currency);
  const mz = (v: number, s = digits) => (v === 0 ? zero : makeMoney(minorToDecimal(v, s), currency));
  const rows = new Array<RepaymentRow>(src.length);
  for (let i = 0; i < src.length; i++) {
    const h = src.holdback[i]!;
    const t = src.topUp[i]!;
    const holdback = mz(h);
    rows[i] = Object.freeze({
      date: dayDate(src.day[i]!),
      sales: mz(src.sales[i]!, digits + scale),
      holdback,
      topUp: mz(t),
      topUpReason: REASONS[src.reason[i]!]!,
      payment: t === 0 ? holdback : mz(h + t),
      shortfall: mz(src.shortfall[i]!),
      balance: mz(src.balance[i]!),
    });
  }
  return rows;
}

/**
 * Build the public result from a run. `rows` is a getter that builds the frozen rows on first
 * read and then returns the same array (the result stays frozen, and `JSON.stringify`, spread
 * and `structuredClone` read it like a data property); the summary is built at once.
 */
export function toRepaymentResult(run: PreparedRun): RepaymentResult {
  const { product, currency } = run;
  const digits = run.digits;
  const e = run.int;
  const d = run.engine;
  let totalHoldback: Money;
  let totalTopUps: Money;
  let totalPaid: Money;
  let balance: Money;
  let payoffDay: number | null;
  let endDay: number;
  let shortfallCount: number;
  if (e) {
    // Zero amounts share one frozen Money; total paid is the holdback when there are no top-ups.
    totalHoldback = e.totalHoldback === 0 ? zeroMoney(currency) : makeMoney(minorToDecimal(e.totalHoldback, digits), currency);
    totalTopUps = e.totalTopUps === 0 ? zeroMoney(currency) : makeMoney(minorToDecimal(e.totalTopUps, digits), currency);
    totalPaid = e.totalTopUps === 0 ? totalHoldback : makeMoney(minorToDecimal(e.totalHoldback + e.totalTopUps, digits), currency);
    balance = e.balance === 0 ? zeroMoney(currency) : makeMoney(minorToDecimal(e.balance, digits), currency);
    ({ payoffDay, endDay, shortfallCount } = e);
  } else {
    totalHoldback = makeMoney(d!.totalHoldback, currency);
    totalTopUps = makeMoney(d!.totalTopUps, currency);
    totalPaid = makeMoney(d!.totalHoldback.plus(d!.totalTopUps), currency);
    balance = makeMoney(d!.balance, currency);
    ({ payoffDay, endDay, shortfallCount } = d!);
  }
  const paidOff = payoffDay !== null;
  // Key order as before: product, currency, rounding, rows (the shared getter), summary.
  const result = { product, currency, rounding: run.rounding } as { -readonly [K in keyof RepaymentResult]: RepaymentResult[K] };
  Object.defineProperty(result, "rows", ROWS_PROPERTY);
  result.summary = Object.freeze({
    fundedOn: dayDate(run.fundedDay),
    endDate: dayDate(endDay),
    principal: product.principal,
    financeCharge: product.fee,
    totalRepayment: product.totalRepayment,
    paidOff,
    payoffDate: paidOff ? dayDate(payoffDay!) : null,
    daysToPayoff: paidOff ? payoffDay! - run.fundedDay : null,
    totalPaid,
    totalHoldback,
    totalTopUps,
    outstandingIfSalesStop: balance,
    anyMinimumMissed: shortfallCount > 0,
    shortfallCount,
  });
  BuiltResult.stamp(result, run);
  Object.freeze(result);
  return result;
}
