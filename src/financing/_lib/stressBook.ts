/**
 * Private machinery of {@link stressTestPortfolio} and stressTestPortfolioAsync (#12): the book
 * read once into integer minor units per seller and day, the shocked series of one (scenario,
 * seller), and the runs of one scenario. Two runners give the same outcome to the cent:
 * - {@link runScenarioInt}, the default: the shocked series lives in a reused Float64Array and
 *   every loan runs on the exact integer engine (intEngine.ts), flows summed per day in float64
 *   minor units ({@link DayFlows}); no Money, Decimal or row object is made per day;
 * - {@link runScenarioReference}, the oracle of the property tests: the shocked series as Money
 *   rows run through the Decimal engine and the public result's rows, as 0.3.0's first version.
 * Never exported from the package.
 */
import { Decimal, exactPlus } from "../../_lib/decimal.js";
import { epochDay, fromEpochDay, toSaleDate } from "../../_lib/dates.js";
import { makeMoney, minorDigits } from "../../_lib/money.js";
import { rangeError } from "../../_lib/validate.js";
import { ErrorCode } from "../../errors.js";
import type { FinancingProduct, FinancingSalesSeries, RepaymentResult } from "../types.js";
import { minorToDecimal } from "./engine.js";
import { aggregateInt, decimalToScaled, type IntHoldbackTerms, type IntResult, type IntSeries, MAX_SAFE, PayBuffer, runHoldbackInt, runTermLoanInt, UnsafeInteger } from "./intEngine.js";
import { DayFlows } from "./portfolio.js";
import { intTermsOf, readRunSeries, runProduct, type RunOptions, toRepaymentResult } from "./run.js";
import { STREAM, normal, uniform } from "./stressRandom.js";
import { asCaller } from "./vintageBook.js";

/** Millionths: every multiplier of the stress test is an integer number of millionths. */
export const MICRO = 1_000_000;

/** One seller's sales, summed per UTC day, in integer minor units. */
export interface StressSeller {
  readonly id: string;
  readonly segment: number;
  readonly days: Int32Array;
  readonly minor: Float64Array;
  /** Calendar month (0–11) of each day. */
  readonly month: Uint8Array;
  /** Months since the first sale's month, for the stop hazard. */
  readonly monthIndex: Int32Array;
  readonly months: number;
  /** Largest |minor| of a day. */
  readonly maxAbs: number;
  readonly lastDay: number;
}

/** The integer view of a loan (what a worker needs). */
export interface StressIntLoan {
  readonly seller: number;
  readonly fundedDay: number;
  readonly untilDay: number;
  /** Principal in minor units (NaN when not a safe integer: the loan runs on the reference path). */
  readonly principalMinor: number;
  /** Days to payoff of the unshocked run, or `null`. */
  readonly baseDays: number | null;
  /** Holdback terms or term-loan schedule in minor units, `null` when they do not fit. */
  readonly holdback: IntHoldbackTerms | null;
  readonly term: { readonly dueDays: Int32Array; readonly dueAmounts: Float64Array; readonly chargeCard: boolean } | null;
}

/** One loan of the book. */
export interface StressLoan extends StressIntLoan {
  readonly index: number;
  readonly id: string;
  readonly product: FinancingProduct;
  readonly runOptions: Readonly<Record<string, unknown>>;
  readonly principal: Decimal;
}

/** The parsed shock model. */
export interface ShockModel {
  readonly seed: number;
  readonly scope: "common" | "segment" | "idiosyncratic";
  /** Correlation (loading on the group factor) as a float in [-1, 1]. */
  readonly rho: number;
  readonly volatility: number;
  /** Level in millionths. */
  readonly level: number;
  /** Twelve seasonal factors in millionths. */
  readonly seasonal: readonly number[];
  /** Monthly hazard of sales stopping, as a float in [0, 1]. */
  readonly hazard: number;
  /** Treat a maturity balloon as collected (the engine's view) or as defaulted. */
  readonly balloon: "collected" | "defaulted";
}

/** Month (0–11) and months-since-first-sale columns of a day list, a Date made only at month changes. */
function monthColumns(days: Int32Array, n: number): { month: Uint8Array; monthIndex: Int32Array; months: number } {
  const month = new Uint8Array(n);
  const monthIndex = new Int32Array(n);
  let firstSerial = 0;
  let serial = 0;
  let m = 0;
  let monthEnd = -Infinity;
  let monthStart = Infinity;
  for (let i = 0; i < n; i++) {
    const day = days[i]!;
    if (day > monthEnd || day < monthStart) {
      const d = fromEpochDay(day);
      const y = d.getUTCFullYear();
      m = d.getUTCMonth();
      serial = y * 12 + m;
      monthStart = day - (d.getUTCDate() - 1);
      monthEnd = epochDay(new Date(Date.UTC(y, m + 1, 1))) - 1;
    }
    if (i === 0) firstSerial = serial;
    month[i] = m;
    monthIndex[i] = serial - firstSerial;
  }
  return { month, monthIndex, months: n === 0 ? 0 : monthIndex[n - 1]! + 1 };
}

/** Read a seller's (already validated) series into days and integer minor units, through the Decimal reader. */
function readSellerDecimal(id: string, sales: FinancingSalesSeries, currency: string, fn: string): { days: Int32Array; minor: Float64Array } {
  const scale = new Decimal(10).pow(minorDigits(currency));
  const days: number[] = [];
  const minor: number[] = [];
  for (const s of sales) {
    const day = epochDay(toSaleDate(s.date, fn, `salesBySeller["${id}"][].date`));
    // the base run validated the amount (a Money with a Decimal, string or number amount)
    const m = new Decimal(s.amount.amount as Decimal.Value).times(scale).toNumber();
    const same = days.length > 0 && days[days.length - 1] === day;
    const v = same ? minor[minor.length - 1]! + m : m;
    if (!Number.isSafeInteger(v)) {
      rangeError(fn, `salesBySeller["${id}"]`, ErrorCode.OUT_OF_RANGE, "has a day whose sales exceed the stress test's range", s.amount, "daily sales below 2^53 minor units (90 trillion USD)");
    }
    if (same) minor[minor.length - 1] = v;
    else {
      days.push(day);
      minor.push(v);
    }
  }
  return { days: Int32Array.from(days), minor: Float64Array.from(minor) };
}

/** Read a seller's (already validated) series: the integer fast path of the engine, else the Decimal reader. */
export function readSeller(id: string, segment: number, sales: FinancingSalesSeries, currency: string, fn: string): StressSeller {
  let days: Int32Array;
  let minor: Float64Array;
  let int: IntSeries | null = null;
  try {
    int = readRunSeries(sales, fn, `salesBySeller["${id}"]`, currency).int;
  } catch {
    int = null;
  }
  if (int !== null && int.scale === 0) {
    days = int.days.slice(0, int.length);
    minor = int.minor.slice(0, int.length);
  } else ({ days, minor } = readSellerDecimal(id, sales, currency, fn));
  const n = days.length;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(minor[i]!));
  return { id, segment, days, minor, ...monthColumns(days, n), maxAbs, lastDay: n === 0 ? -Infinity : days[n - 1]! };
}

/** round_half_even(x × num / den) for an integer x (number), num and den positive bigints. */
function scaleBig(x: number, num: bigint, den: bigint): bigint {
  const neg = x < 0;
  const p = BigInt(Math.abs(x)) * num;
  let q = p / den;
  const r2 = (p % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q++;
  return neg ? -q : q;
}

/** round_half_even(x × num / den) in float arithmetic, exact when |x| × num < 2^53. */
function scaleNum(x: number, num: number, den: number): number {
  const neg = x < 0;
  const p = Math.abs(x) * num;
  let q = Math.floor(p / den);
  let r = p - q * den;
  if (r < 0) {
    q--;
    r += den;
  } else if (r >= den) {
    q++;
    r -= den;
  }
  if (2 * r > den || (2 * r === den && q % 2 === 1)) q++;
  return neg ? -q : q;
}

/** A multiplier L·Q·S (three millionths) as a reduced fraction num / 10^e. */
function fraction(l: number, q: number, s: number): { num: bigint; den: bigint } {
  let num = BigInt(l) * BigInt(q) * BigInt(s);
  let den = 1_000_000_000_000_000_000n;
  while (den > 1n && num % 10n === 0n) {
    num /= 10n;
    den /= 10n;
  }
  return { num, den };
}

/** An integer without its trailing decimal zeros, and their count. */
function stripZeros(v: number): { r: number; zeros: number } {
  if (v === 0) return { r: 0, zeros: 0 };
  let r = v;
  let zeros = 0;
  while (r % 10 === 0) {
    r /= 10;
    zeros++;
  }
  return { r, zeros };
}

/** The multiplier (millionths) and the stop month of a seller in a scenario. */
export function sellerShock(model: ShockModel, scenario: number, seller: StressSeller, sellerIndex: number): { readonly q: number; readonly stopMonth: number } {
  let q = MICRO;
  if (model.volatility > 0) {
    let x: number;
    const eps = () => normal(model.seed, scenario, STREAM.seller, sellerIndex);
    if (model.scope === "idiosyncratic") x = eps();
    else {
      const f = model.scope === "common" ? normal(model.seed, scenario, STREAM.common, 0) : normal(model.seed, scenario, STREAM.segment, seller.segment);
      const r = model.rho;
      x = r === 1 || r === -1 ? r * f : r * f + Math.sqrt(1 - r * r) * eps();
    }
    q = Math.max(0, Math.round((1 + model.volatility * x) * MICRO));
  }
  let stopMonth = Infinity;
  if (model.hazard > 0) {
    for (let k = 0; k < seller.months; k++) {
      if (uniform(model.seed, scenario, STREAM.stop, sellerIndex, k) < model.hazard) {
        stopMonth = k;
        break;
      }
    }
  }
  return { q, stopMonth };
}

/** The twelve level × seasonal products of a model, without trailing zeros (per book, not per scenario). */
export function seasonalProducts(model: ShockModel): readonly { readonly r: number; readonly zeros: number }[] {
  return model.seasonal.map((s) => stripZeros(model.level * s));
}

/**
 * The shocked series of a seller into `out`: each day round_half_even(minor × level × q ×
 * seasonal[month] / 10^18), 0 from the stop month on. float64 while the product is exact, else
 * BigInt. Returns `false` when a day's shocked sales leave the safe-integer range.
 */
export function shockInto(model: ShockModel, ls: readonly { readonly r: number; readonly zeros: number }[], seller: StressSeller, q: number, stopMonth: number, out: Float64Array): boolean {
  const n = seller.days.length;
  const minor = seller.minor;
  const month = seller.month;
  const monthIndex = seller.monthIndex;
  const maxAbs = Math.max(1, seller.maxAbs);
  const qs = stripZeros(q);
  const num = new Float64Array(12);
  const den = new Float64Array(12);
  let slow: ({ num: bigint; den: bigint } | null)[] | null = null;
  for (let m = 0; m < 12; m++) {
    const f = ls[m]!;
    const nm = f.r * qs.r;
    const e = 18 - f.zeros - qs.zeros;
    if (nm === 0) {
      num[m] = 0;
      den[m] = 1;
    } else if (nm <= MAX_SAFE && nm * maxAbs < 9_007_199_254_740_992 && e >= 0) {
      num[m] = nm;
      den[m] = 10 ** e;
    } else {
      num[m] = NaN;
      slow ??= new Array<{ num: bigint; den: bigint } | null>(12).fill(null);
      slow[m] = fraction(model.level, q, model.seasonal[m]!);
    }
  }
  let safe = true;
  for (let i = 0; i < n; i++) {
    const x = minor[i]!;
    if (x === 0 || monthIndex[i]! >= stopMonth) {
      out[i] = 0;
      continue;
    }
    const m = month[i]!;
    const nm = num[m]!;
    if (nm === nm) out[i] = nm === 0 ? 0 : scaleNum(x, nm, den[m]!);
    else {
      const f = slow![m]!;
      const v = scaleBig(x, f.num, f.den);
      if (v > BigInt(MAX_SAFE) || v < -BigInt(MAX_SAFE)) {
        safe = false;
        out[i] = 0;
      } else out[i] = Number(v);
    }
  }
  return safe;
}

/** The shocked series of a seller as Money rows (the reference path). */
export function shockedSeries(model: ShockModel, seller: StressSeller, q: number, stopMonth: number, currency: string): FinancingSalesSeries {
  const digits = minorDigits(currency);
  const out: { date: Date; amount: ReturnType<typeof makeMoney> }[] = new Array(seller.days.length);
  for (let i = 0; i < seller.days.length; i++) {
    const m = seller.month[i]!;
    let v: bigint = 0n;
    if (seller.monthIndex[i]! < stopMonth) {
      const x = seller.minor[i]!;
      const f = fraction(model.level, q, model.seasonal[m]!);
      v = x === 0 ? 0n : scaleBig(x, f.num, f.den);
    }
    out[i] = { date: fromEpochDay(seller.days[i]!), amount: makeMoney(new Decimal(v.toString()).div(10 ** digits), currency) };
  }
  return out;
}

/** What one scenario gives for the book. */
export interface ScenarioOutcome {
  readonly index: number;
  readonly repaid: Decimal;
  readonly outstanding: Decimal;
  readonly loss: Decimal;
  readonly paidOff: number;
  readonly minimumBreaches: number;
  readonly shortfallWindows: number;
  /** Σ days to payoff of the loans paid off, and their number. */
  readonly daysToPayoff: number;
  /** Σ (days − base days) over loans paid off in both runs, and their number. */
  readonly extensionSum: number;
  readonly extensionCount: number;
  readonly irr: Decimal | null;
}

/** Collected, outstanding and paid-off of a result under the balloon rule. */
export function loanFigures(
  result: RepaymentResult,
  balloon: "collected" | "defaulted",
): { paid: Decimal; outstanding: Decimal; paidOff: boolean; days: number | null; flows: { day: number; amount: Decimal }[] } {
  const s = result.summary;
  const flows: { day: number; amount: Decimal }[] = [];
  let ballooned = new Decimal(0);
  for (const r of result.rows) {
    let pay = r.payment.amount;
    if (balloon === "defaulted" && r.topUpReason === "maturity") {
      ballooned = r.topUp.amount;
      pay = r.holdback.amount;
    }
    if (!pay.isZero()) flows.push({ day: epochDay(r.date), amount: pay });
  }
  if (ballooned.isZero()) return { paid: s.totalPaid.amount, outstanding: s.outstandingIfSalesStop.amount, paidOff: s.paidOff, days: s.daysToPayoff, flows };
  return { paid: s.totalPaid.amount.minus(ballooned), outstanding: s.outstandingIfSalesStop.amount.plus(ballooned), paidOff: false, days: null, flows };
}

/** The XIRR of a scenario's daily flows (ascending days), or `null` without a root. */
export type IrrOf = (flows: readonly { readonly day: number; readonly amount: Decimal }[]) => Decimal | null;

/** Run one scenario over the whole book on the Decimal reference path (the property tests' oracle). */
export function runScenarioReference(
  fn: string,
  model: ShockModel,
  scenario: number,
  sellers: readonly StressSeller[],
  loans: readonly StressLoan[],
  loansBySeller: readonly (readonly number[])[],
  currency: string,
  irrOf: IrrOf,
): ScenarioOutcome {
  let repaid = new Decimal(0);
  let outstanding = new Decimal(0);
  let loss = new Decimal(0);
  let paidOff = 0;
  let minimumBreaches = 0;
  let shortfallWindows = 0;
  let daysToPayoff = 0;
  let extensionSum = 0;
  let extensionCount = 0;
  const flows = new Map<number, Decimal>();
  const add = (day: number, amount: Decimal) => {
    const prev = flows.get(day);
    flows.set(day, prev === undefined ? amount : exactPlus(prev, amount));
  };
  for (let k = 0; k < sellers.length; k++) {
    const seller = sellers[k]!;
    const { q, stopMonth } = sellerShock(model, scenario, seller, k);
    const series = shockedSeries(model, seller, q, stopMonth, currency);
    for (const i of loansBySeller[k]!) {
      const loan = loans[i]!;
      const result = asCaller(fn, `loans[${loan.index}]`, () => toRepaymentResult(runProduct("simulateRepayment", loan.product, series, loan.runOptions, true, undefined, "decimal")));
      const f = loanFigures(result, model.balloon);
      repaid = exactPlus(repaid, f.paid);
      outstanding = exactPlus(outstanding, f.outstanding);
      if (f.paid.lessThan(loan.principal)) loss = exactPlus(loss, loan.principal.minus(f.paid));
      if (f.paidOff) {
        paidOff++;
        daysToPayoff += f.days!;
        if (loan.baseDays !== null) {
          extensionSum += f.days! - loan.baseDays;
          extensionCount++;
        }
      }
      if (result.summary.anyMinimumMissed) minimumBreaches++;
      shortfallWindows += result.summary.shortfallCount;
      add(loan.fundedDay, loan.principal.neg());
      for (const fl of f.flows) add(fl.day, fl.amount);
    }
  }
  const list = [...flows.entries()].sort((a, b) => a[0] - b[0]).map(([day, amount]) => ({ day, amount }));
  return { index: scenario, repaid, outstanding, loss, paidOff, minimumBreaches, shortfallWindows, daysToPayoff, extensionSum, extensionCount, irr: irrOf(list) };
}

/** An exact sum of safe integers: float64 while exact, the overflow in a BigInt. */
class MinorSum {
  private n = 0;
  private big = 0n;
  add(v: number): void {
    const s = this.n + v;
    if (s <= MAX_SAFE && s >= -MAX_SAFE) this.n = s;
    else {
      this.big += BigInt(this.n) + BigInt(v);
      this.n = 0;
    }
  }
  /** The sum as minor units (a number when safe, else a bigint). */
  value(): number | bigint {
    return this.big === 0n ? this.n : this.big + BigInt(this.n);
  }
}

/** One loan's integer run on a (shocked) series; throws {@link UnsafeInteger} when an amount leaves the safe range. */
export function runLoanInt(loan: StressIntLoan, ro: Pick<RunOptions, "granularity">, series: IntSeries, pay: PayBuffer): IntResult {
  pay.length = 0;
  if (loan.term !== null) return runTermLoanInt(loan.term.dueDays, loan.term.dueAmounts, loan.term.chargeCard, loan.fundedDay, series, loan.untilDay, null, pay);
  return runHoldbackInt(loan.holdback!, loan.fundedDay, aggregateInt(series, ro.granularity, loan.fundedDay, loan.untilDay), loan.untilDay, null, pay);
}

/** Paid, outstanding and days to payoff (minor units) of an integer run under the balloon rule; adjusts `pay` (the balloon is not a flow when defaulted). */
export function intFigures(r: IntResult, fundedDay: number, balloon: "collected" | "defaulted", pay: PayBuffer): { paid: number; outstanding: number; days: number | null } {
  let paid = r.totalHoldback + r.totalTopUps;
  let outstanding = r.balance;
  let days = r.payoffDay === null ? null : r.payoffDay - fundedDay;
  if (balloon === "defaulted" && r.maturityTopUp > 0) {
    paid -= r.maturityTopUp;
    outstanding += r.maturityTopUp;
    days = null;
    // the maturity row is the last payment (the balance is 0 after it)
    const last = pay.length - 1;
    const left = pay.amount[last]! - r.maturityTopUp;
    if (left === 0) pay.length = last;
    else pay.amount[last] = left;
  }
  return { paid, outstanding, days };
}

/** Scratch buffers of the integer runner, reused across scenarios. */
export class StressScratch {
  readonly pay = new PayBuffer();
  shocked = new Float64Array(0);
  ensure(n: number): Float64Array {
    if (this.shocked.length < n) this.shocked = new Float64Array(n);
    return this.shocked;
  }
}

/** The integer figures of one scenario (minor units), before the XIRR; `null` for a scenario that must rerun on the full path. */
export interface IntScenario {
  readonly index: number;
  readonly repaid: number | bigint;
  readonly outstanding: number | bigint;
  readonly loss: number | bigint;
  readonly paidOff: number;
  readonly minimumBreaches: number;
  readonly shortfallWindows: number;
  readonly daysToPayoff: number;
  readonly extensionSum: number;
  readonly extensionCount: number;
  /** The days with a flow (ascending) and their sums in minor units (float64 part, BigInt overflow). */
  readonly flowDays: Int32Array;
  readonly flowSums: Float64Array;
  readonly flowBig: Map<number, bigint> | null;
}

/**
 * One scenario on the integer engine, for loans whose integer view is complete; `fallback`
 * runs a loan on the reference path and returns its Decimal figures, or is `null` (a worker:
 * the whole scenario is then `null` and reruns in the calling thread).
 */
export function runScenarioIntFigures(
  model: ShockModel,
  ls: readonly { readonly r: number; readonly zeros: number }[],
  scenario: number,
  sellers: readonly StressSeller[],
  loans: readonly StressIntLoan[],
  loansBySeller: readonly (readonly number[])[],
  ro: Pick<RunOptions, "granularity">,
  scratch: StressScratch,
  fallback:
    | ((loan: number, series: Float64Array | null, seller: number) => { paid: Decimal; outstanding: Decimal; loss: Decimal; days: number | null; shortfalls: number; flows: { day: number; amount: Decimal }[] })
    | null,
): (IntScenario & { readonly dec: { repaid: Decimal; outstanding: Decimal; loss: Decimal } | null; readonly decFlows: { day: number; amount: Decimal }[] | null }) | null {
  const repaid = new MinorSum();
  const outstanding = new MinorSum();
  const loss = new MinorSum();
  let dec: { repaid: Decimal; outstanding: Decimal; loss: Decimal } | null = null;
  let decFlows: { day: number; amount: Decimal }[] | null = null;
  let paidOff = 0;
  let minimumBreaches = 0;
  let shortfallWindows = 0;
  let daysToPayoff = 0;
  let extensionSum = 0;
  let extensionCount = 0;
  const flows = new DayFlows();
  const pay = scratch.pay;
  const balloon = model.balloon;
  const count = (days: number | null, baseDays: number | null, shortfalls: number) => {
    if (days !== null) {
      paidOff++;
      daysToPayoff += days;
      if (baseDays !== null) {
        extensionSum += days - baseDays;
        extensionCount++;
      }
    }
    if (shortfalls > 0) minimumBreaches++;
    shortfallWindows += shortfalls;
  };
  for (let k = 0; k < sellers.length; k++) {
    const seller = sellers[k]!;
    const { q, stopMonth } = sellerShock(model, scenario, seller, k);
    const out = scratch.ensure(seller.days.length);
    const safe = shockInto(model, ls, seller, q, stopMonth, out);
    const series: IntSeries = { days: seller.days, minor: out, length: seller.days.length, scale: 0 };
    for (const i of loansBySeller[k]!) {
      const loan = loans[i]!;
      let r: IntResult | null = null;
      if (safe && loan.principalMinor === loan.principalMinor && (loan.holdback !== null || loan.term !== null)) {
        try {
          r = runLoanInt(loan, ro, series, pay);
        } catch (err) {
          if (!(err instanceof UnsafeInteger)) throw err;
        }
      }
      if (r === null) {
        if (fallback === null) return null;
        const f = fallback(i, safe ? out : null, k);
        dec ??= { repaid: new Decimal(0), outstanding: new Decimal(0), loss: new Decimal(0) };
        dec.repaid = exactPlus(dec.repaid, f.paid);
        dec.outstanding = exactPlus(dec.outstanding, f.outstanding);
        dec.loss = exactPlus(dec.loss, f.loss);
        decFlows ??= [];
        decFlows.push(...f.flows);
        count(f.days, loan.baseDays, f.shortfalls);
        continue;
      }
      const f = intFigures(r, loan.fundedDay, balloon, pay);
      repaid.add(f.paid);
      outstanding.add(f.outstanding);
      if (f.paid < loan.principalMinor) loss.add(loan.principalMinor - f.paid);
      count(f.days, loan.baseDays, r.shortfallCount);
      flows.add(loan.fundedDay, -loan.principalMinor);
      const pd = pay.day;
      const pa = pay.amount;
      for (let j = 0; j < pay.length; j++) flows.add(pd[j]!, pa[j]!);
    }
  }
  const fx = flows.export();
  return {
    index: scenario,
    repaid: repaid.value(),
    outstanding: outstanding.value(),
    loss: loss.value(),
    paidOff,
    minimumBreaches,
    shortfallWindows,
    daysToPayoff,
    extensionSum,
    extensionCount,
    flowDays: fx.days,
    flowSums: fx.sums,
    flowBig: fx.big,
    dec,
    decFlows,
  };
}

/** The outcome of integer figures: Decimal totals and the XIRR of the flows. */
export function toOutcome(
  x: IntScenario & { readonly dec?: { repaid: Decimal; outstanding: Decimal; loss: Decimal } | null; readonly decFlows?: { day: number; amount: Decimal }[] | null },
  digits: number,
  irrOf: IrrOf,
): ScenarioOutcome {
  const flows = new DayFlows();
  flows.addAll(x.flowDays, x.flowSums, x.flowBig);
  if (x.decFlows) for (const f of x.decFlows) flows.addDecimal(f.day, f.amount);
  const d = (v: number | bigint, extra: Decimal | undefined) => (extra === undefined ? minorToDecimal(v, digits) : exactPlus(minorToDecimal(v, digits), extra));
  return {
    index: x.index,
    repaid: d(x.repaid, x.dec?.repaid),
    outstanding: d(x.outstanding, x.dec?.outstanding),
    loss: d(x.loss, x.dec?.loss),
    paidOff: x.paidOff,
    minimumBreaches: x.minimumBreaches,
    shortfallWindows: x.shortfallWindows,
    daysToPayoff: x.daysToPayoff,
    extensionSum: x.extensionSum,
    extensionCount: x.extensionCount,
    irr: irrOf(flows.toDecimals(digits)),
  };
}

/** One scenario on the integer engine, a loan that does not fit run on the reference path. */
export function runScenarioInt(
  fn: string,
  model: ShockModel,
  ls: readonly { readonly r: number; readonly zeros: number }[],
  scenario: number,
  sellers: readonly StressSeller[],
  loans: readonly StressLoan[],
  loansBySeller: readonly (readonly number[])[],
  ro: Pick<RunOptions, "granularity">,
  currency: string,
  scratch: StressScratch,
  irrOf: IrrOf,
): ScenarioOutcome {
  const digits = minorDigits(currency);
  const fallback = (i: number, _series: Float64Array | null, k: number) => {
    const loan = loans[i]!;
    const seller = sellers[k]!;
    const { q, stopMonth } = sellerShock(model, scenario, seller, k);
    const series = shockedSeries(model, seller, q, stopMonth, currency);
    const result = asCaller(fn, `loans[${loan.index}]`, () => toRepaymentResult(runProduct("simulateRepayment", loan.product, series, loan.runOptions, true, undefined, "decimal")));
    const f = loanFigures(result, model.balloon);
    const lost = f.paid.lessThan(loan.principal) ? loan.principal.minus(f.paid) : new Decimal(0);
    const flows = [{ day: loan.fundedDay, amount: loan.principal.neg() }, ...f.flows];
    return { paid: f.paid, outstanding: f.outstanding, loss: lost, days: f.paidOff ? f.days : null, shortfalls: result.summary.shortfallCount, flows };
  };
  const x = runScenarioIntFigures(model, ls, scenario, sellers, loans, loansBySeller, ro, scratch, fallback)!;
  return toOutcome(x, digits, irrOf);
}

/** The integer view of a validated loan: its terms in minor units (or nulls) and its horizon. */
export function intLoanOf(product: FinancingProduct, principal: Decimal, digits: number, ro: RunOptions): Pick<StressIntLoan, "principalMinor" | "holdback" | "term"> {
  const t = intTermsOf(product);
  const principalMinor = decimalToScaled(principal, digits);
  if (t === null) return { principalMinor, holdback: null, term: null };
  if (t.kind === "term") return { principalMinor, holdback: null, term: { dueDays: t.dueDays, dueAmounts: t.dueAmounts, chargeCard: t.chargeCard } };
  return {
    principalMinor,
    holdback: { rm: ro.rm as IntHoldbackTerms["rm"], total: t.total, rate: t.rate, minimum: t.minimum, maxTermDays: t.maxTermDays, collectShortfall: ro.collect },
    term: null,
  };
}
