/**
 * Private machinery of {@link stressTestPortfolio} (#12, item 5): the book read once into
 * integer minor units per seller and day, the shocked series of one (scenario, seller), and the
 * runs of one scenario through the public {@link simulateRepayment}. Never exported.
 */
import { Decimal, exactPlus } from "../../_lib/decimal.js";
import { epochDay, fromEpochDay, toSaleDate } from "../../_lib/dates.js";
import { makeMoney, minorDigits } from "../../_lib/money.js";
import { rangeError } from "../../_lib/validate.js";
import { ErrorCode } from "../../errors.js";
import { simulateRepayment } from "../simulateRepayment.js";
import type { FinancingProduct, FinancingSalesSeries, RepaymentResult } from "../types.js";
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
  /** Dates of the days, built once and shared by every scenario. */
  readonly dates: readonly Date[];
  readonly lastDay: number;
}

/** One loan of the book. */
export interface StressLoan {
  readonly id: string;
  readonly seller: number;
  readonly product: FinancingProduct;
  readonly runOptions: Readonly<Record<string, unknown>>;
  readonly principal: Decimal;
  readonly fundedDay: number;
  /** Days to payoff of the unshocked run, or `null`. */
  readonly baseDays: number | null;
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

/** Read a seller's (already validated) series into days and integer minor units. */
export function readSeller(id: string, segment: number, sales: FinancingSalesSeries, currency: string, fn: string): StressSeller {
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
  const month = new Uint8Array(days.length);
  const monthIndex = new Int32Array(days.length);
  let maxAbs = 0;
  const dates: Date[] = [];
  let firstSerial = 0;
  for (let i = 0; i < days.length; i++) {
    const d = fromEpochDay(days[i]!);
    dates.push(d);
    month[i] = d.getUTCMonth();
    const serial = d.getUTCFullYear() * 12 + d.getUTCMonth();
    if (i === 0) firstSerial = serial;
    monthIndex[i] = serial - firstSerial;
    maxAbs = Math.max(maxAbs, Math.abs(minor[i]!));
  }
  return {
    id,
    segment,
    days: Int32Array.from(days),
    minor: Float64Array.from(minor),
    month,
    monthIndex,
    months: days.length === 0 ? 0 : monthIndex[days.length - 1]! + 1,
    maxAbs,
    dates,
    lastDay: days.length === 0 ? -Infinity : days[days.length - 1]!,
  };
}

/** round_half_even(x × num / den) for an integer x (number), num and den positive bigints, as a decimal string. */
function scaleBig(x: number, num: bigint, den: bigint): string {
  const neg = x < 0;
  const p = BigInt(Math.abs(x)) * num;
  let q = p / den;
  const r2 = (p % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q++;
  return (neg ? -q : q).toString();
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

/** The shocked series of a seller: each day round_half_even(minor × level × q × seasonal[month]), 0 from the stop month on. */
export function shockedSeries(model: ShockModel, seller: StressSeller, q: number, stopMonth: number, currency: string): FinancingSalesSeries {
  const digits = minorDigits(currency);
  const fr = model.seasonal.map((s) => fraction(model.level, q, s));
  const fast = fr.map((f) => (f.num * BigInt(Math.max(1, seller.maxAbs)) < 9_007_199_254_740_992n ? { num: Number(f.num), den: Number(f.den) } : null));
  const out: { date: Date; amount: ReturnType<typeof makeMoney> }[] = new Array(seller.days.length);
  for (let i = 0; i < seller.days.length; i++) {
    const m = seller.month[i]!;
    let v: number | string = 0;
    if (seller.monthIndex[i]! < stopMonth) {
      const x = seller.minor[i]!;
      const f = fast[m];
      v = x === 0 ? 0 : f ? scaleNum(x, f.num, f.den) : scaleBig(x, fr[m]!.num, fr[m]!.den);
    }
    out[i] = { date: seller.dates[i]!, amount: makeMoney(new Decimal(v).div(10 ** digits), currency) };
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

/** Run one scenario over the whole book. */
export function runScenario(
  fn: string,
  model: ShockModel,
  scenario: number,
  sellers: readonly StressSeller[],
  loans: readonly StressLoan[],
  loansBySeller: readonly (readonly number[])[],
  currency: string,
  irrOf: (flows: ReadonlyMap<number, Decimal>) => Decimal | null,
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
  // One seller at a time: its shocked series lives only while its loans run (sums are exact, so the order does not matter).
  for (let k = 0; k < sellers.length; k++) {
    const seller = sellers[k]!;
    const { q, stopMonth } = sellerShock(model, scenario, seller, k);
    const series = shockedSeries(model, seller, q, stopMonth, currency);
    for (const i of loansBySeller[k]!) {
      const loan = loans[i]!;
      const result = asCaller(fn, `loans[${i}]`, () => simulateRepayment(loan.product, series, loan.runOptions as never));
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
  return { index: scenario, repaid, outstanding, loss, paidOff, minimumBreaches, shortfallWindows, daysToPayoff, extensionSum, extensionCount, irr: irrOf(flows) };
}
