/** Internal: payout options and results shared by payoutSchedule(Async) and mergePayouts. */
import { epochDay, fromEpochDay, parseDateInput } from "../../_lib/dates.js";
import { deepFreeze } from "../../_lib/freeze.js";
import { minorDigits, toCurrency, toMoney } from "../../_lib/money.js";
import { rangeError, toArray, toDecimalInRange, toInteger, toOptions, toRecord, typeError } from "../../_lib/validate.js";
import { CurrencyMismatchError, ErrorCode } from "../../errors.js";
import { minorOf, moneyOf, rateFraction } from "./schedule.js";
import { MAX_PAYOUT_DAYS, emptyPayouts, type PayoutRules, type PayoutState } from "./streams.js";
import type { PayoutResult } from "../payoutSchedule.js";

export function toPayoutRules(value: unknown, fn: string): PayoutRules {
  const o = toOptions(value, fn, "options", ["delayDays", "cycleDays", "cycleStart", "reserveRate", "reserveDays", "asOf"]);
  const delayDays = o["delayDays"] === undefined ? 0 : toInteger(o["delayDays"], fn, "options.delayDays", 0, 3650);
  let cycleDays: number | undefined;
  let cycleStart: number | undefined;
  if (o["cycleDays"] !== undefined || o["cycleStart"] !== undefined) {
    cycleDays = toInteger(o["cycleDays"], fn, "options.cycleDays", 1, 366);
    cycleStart = epochDay(parseDateInput(o["cycleStart"], fn, "options.cycleStart"));
  }
  let reserveNum = 0n;
  let reserveDen = 1n;
  if (o["reserveRate"] !== undefined) {
    const rate = toDecimalInRange(o["reserveRate"], fn, "options.reserveRate", 0, 1);
    if (rate.decimalPlaces() > 12) rangeError(fn, "options.reserveRate", ErrorCode.OUT_OF_RANGE, "must have at most 12 decimal places", o["reserveRate"], "a rate such as 0.1");
    ({ num: reserveNum, den: reserveDen } = rateFraction(rate));
  }
  const reserveDays = o["reserveDays"] === undefined ? 0 : toInteger(o["reserveDays"], fn, "options.reserveDays", 0, 3650);
  if (reserveNum > 0n && o["reserveDays"] === undefined)
    typeError(fn, "options.reserveDays", ErrorCode.MISSING_VALUE, "is required with reserveRate", undefined, "the days a reserve is held after the funds become available");
  const asOf = o["asOf"] === undefined ? undefined : epochDay(parseDateInput(o["asOf"], fn, "options.asOf"));
  return { delayDays, cycleDays, cycleStart, reserveNum, reserveDen, reserveDays, asOf };
}

export function payoutResult(st: PayoutState, currency: string, asOf: number | undefined): PayoutResult {
  const c = { currency, digits: minorDigits(currency) };
  const days = [...st.byDay.keys()].sort((a, b) => a - b);
  let paid = 0n;
  const payouts = days.map((d) => {
    const v = st.byDay.get(d) as bigint;
    paid += v;
    return { date: fromEpochDay(d), amount: moneyOf(v, c) };
  });
  const net = st.gross - st.fees;
  return deepFreeze({
    kind: "payouts" as const,
    currency,
    asOf: asOf === undefined ? null : fromEpochDay(asOf),
    payouts,
    summary: {
      sales: st.sales,
      gross: moneyOf(st.gross, c),
      fees: moneyOf(st.fees, c),
      netProceeds: moneyOf(net, c),
      paid: moneyOf(paid, c),
      reserveHeld: moneyOf(st.held, c),
      pending: moneyOf(st.pending, c),
    },
  });
}

/** Add a payout result (or its JSON form) into a state. */
export function addPayoutResult(into: { st: PayoutState; currency: string; asOf: number | undefined } | undefined, value: unknown, fn: string, arg: string) {
  const r = toRecord(value, fn, arg);
  if (r["kind"] !== "payouts") typeError(fn, `${arg}.kind`, ErrorCode.INVALID_TYPE, 'must be "payouts"', r["kind"], "a result of payoutSchedule, payoutScheduleAsync or mergePayouts, or its JSON form");
  const currency = toCurrency(r["currency"], fn, `${arg}.currency`);
  const asOf = r["asOf"] === null || r["asOf"] === undefined ? undefined : epochDay(parseDateInput(r["asOf"], fn, `${arg}.asOf`));
  if (into !== undefined) {
    if (into.currency !== currency) throw new CurrencyMismatchError(fn, into.currency, currency);
    if (into.asOf !== asOf) rangeError(fn, `${arg}.asOf`, ErrorCode.CONFLICTING_OPTIONS, "must equal the first result's asOf", r["asOf"], "results computed with the same asOf");
  }
  const acc = into ?? { st: emptyPayouts(), currency, asOf };
  const digits = minorDigits(currency);
  const amount = (v: unknown, where: string): bigint => {
    const m = toMoney(v, fn, where);
    if (m.currency !== currency) throw new CurrencyMismatchError(fn, currency, m.currency);
    if (m.amount.isNegative()) rangeError(fn, where, ErrorCode.OUT_OF_RANGE, "must not be negative", m.amount, "an amount ≥ 0");
    return minorOf(m.amount, digits, fn, where, currency);
  };
  const list = toArray<unknown>(r["payouts"], fn, `${arg}.payouts`, { maxLength: MAX_PAYOUT_DAYS });
  list.forEach((p, i) => {
    const x = toRecord(p, fn, `${arg}.payouts[${i}]`);
    const d = epochDay(parseDateInput(x["date"], fn, `${arg}.payouts[${i}].date`));
    const v = amount(x["amount"], `${arg}.payouts[${i}].amount`);
    if (!acc.st.byDay.has(d) && acc.st.byDay.size >= MAX_PAYOUT_DAYS) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `gives more than ${MAX_PAYOUT_DAYS} payout days`, d, "fewer payout days");
    acc.st.byDay.set(d, (acc.st.byDay.get(d) ?? 0n) + v);
  });
  const s = toRecord(r["summary"], fn, `${arg}.summary`);
  acc.st.sales += toInteger(s["sales"], fn, `${arg}.summary.sales`, 0, Number.MAX_SAFE_INTEGER);
  const gross = amount(s["gross"], `${arg}.summary.gross`);
  const fees = amount(s["fees"], `${arg}.summary.fees`);
  if (fees > gross) rangeError(fn, `${arg}.summary.fees`, ErrorCode.OUT_OF_RANGE, "must not exceed gross", s["fees"], "fees ≤ gross");
  acc.st.gross += gross;
  acc.st.fees += fees;
  acc.st.held += amount(s["reserveHeld"], `${arg}.summary.reserveHeld`);
  acc.st.pending += amount(s["pending"], `${arg}.summary.pending`);
  return acc;
}
