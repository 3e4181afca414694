/**
 * Internal builders and validators of financing products. Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import type { FinancingMinimumPayment, FinancingProduct, RevenueShareLoan, SalesBasedAdvance, TermLoan, TermLoanInstalment, TermLoanSchedule } from "../types.js";
import type { Money } from "../../money/types.js";
import { addMonthsDay, dayDate, dayNumber } from "./engine.js";
import { assertSameCurrency, makeMoney, minorDigits, toMoney } from "../../_lib/money.js";
import { rangeError, type RenamedOptions, toDecimal, toInteger, toOption, toRecord, typeError } from "../../_lib/validate.js";
import { assertNoInvalidValue, toFinancingDay, toOptionalBoolean, toOptions, toRateInRange } from "./validate.js";

const ADVANCE_KEYS = ["principal", "fee", "factorRate", "holdbackRate", "minimumPayment", "maxTermDays"] as const;
const MINIMUM_KEYS = ["rate", "everyDays", "forDays"] as const;
const REVENUE_SHARE_KEYS = ["principal", "repaymentCap", "revenueShare"] as const;
const TERM_LOAN_KEYS = ["principal", "annualRate", "termMonths", "startDate", "schedule", "chargeShortfallToCard"] as const;

const built = new WeakSet<object>();

function path(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

/** A Money > 0 (or ≥ 0) in whole minor units. */
export function toMinorMoney(value: unknown, fn: string, arg: string, currency: string | undefined, allowZero: boolean): Money {
  const m = toMoney(value, fn, arg);
  if (currency !== undefined) assertSameCurrency(fn, currency, m.currency);
  const positive = allowZero ? !m.amount.isNegative() || m.amount.isZero() : m.amount.greaterThan(0);
  if (!positive) rangeError(fn, `${arg}.amount`, ErrorCode.OUT_OF_RANGE, allowZero ? "must be ≥ 0" : "must be > 0", m.amount, allowZero ? "an amount ≥ 0" : "an amount > 0");
  const digits = minorDigits(m.currency);
  if (m.amount.decimalPlaces() > digits) {
    rangeError(fn, `${arg}.amount`, ErrorCode.SUB_MINOR_UNIT, `must be in whole minor units (${digits} decimal places for ${m.currency})`, m.amount, `at most ${digits} decimal places`);
  }
  return m.amount.isZero() ? makeMoney(new Decimal(0), m.currency) : makeMoney(m.amount, m.currency);
}

/** An amount given as Money (same currency) or a number in the currency of `currency`. */
function toAmountIn(value: unknown, fn: string, arg: string, currency: string): Money {
  if (typeof value === "object" && value !== null && !Decimal.isDecimal(value)) return toMinorMoney(value, fn, arg, currency, true);
  return toMinorMoney({ amount: toDecimal(value, fn, arg), currency }, fn, arg, currency, true);
}

function freezeProduct<T extends object>(p: T): T {
  built.add(Object.freeze(p));
  return p;
}

/** Build a {@link SalesBasedAdvance}. */
export function buildAdvance(input: unknown, fn: string, prefix = ""): SalesBasedAdvance {
  const o = toOptions(input, fn, prefix || "input", ADVANCE_KEYS, false);
  const principal = toMinorMoney(o["principal"], fn, path(prefix, "principal"), undefined, false);
  const cur = principal.currency;
  const hasFee = o["fee"] !== undefined;
  const hasFactor = o["factorRate"] !== undefined;
  if (hasFee === hasFactor) {
    if (hasFee) rangeError(fn, path(prefix, "fee"), ErrorCode.CONFLICTING_OPTIONS, "must not be given together with factorRate", o["fee"], "either fee or factorRate");
    typeError(fn, path(prefix, "fee"), ErrorCode.MISSING_VALUE, "is required (or factorRate)", undefined, "either fee or factorRate");
  }
  let fee: Money;
  if (hasFee) fee = toAmountIn(o["fee"], fn, path(prefix, "fee"), cur);
  else {
    // Capped at 3 (a fee of twice the principal): 13 meant as 1.13 must not pass as a 1,200 % fee.
    const f = toRateInRange(o["factorRate"], fn, path(prefix, "factorRate"), 1, 3);
    fee = makeMoney(principal.amount.times(f.minus(1)).toDecimalPlaces(minorDigits(cur), Decimal.ROUND_HALF_UP), cur);
  }
  const total = principal.amount.plus(fee.amount);
  const holdbackRate = toRateInRange(o["holdbackRate"], fn, path(prefix, "holdbackRate"), 0, 1, { lowerOpen: true, upperOpen: true });
  let minimumPayment: FinancingMinimumPayment | null = null;
  if (o["minimumPayment"] !== undefined && o["minimumPayment"] !== null) {
    const mp = toOptions(o["minimumPayment"], fn, path(prefix, "minimumPayment"), MINIMUM_KEYS, false);
    const rate = toRateInRange(mp["rate"], fn, path(prefix, "minimumPayment.rate"), 0, 1, { lowerOpen: true });
    const everyDays = toInteger(mp["everyDays"], fn, path(prefix, "minimumPayment.everyDays"), 1, 36_500);
    const forDays = mp["forDays"] === undefined || mp["forDays"] === null ? null : toInteger(mp["forDays"], fn, path(prefix, "minimumPayment.forDays"), 1, 36_500);
    const amount = makeMoney(total.times(rate).toDecimalPlaces(minorDigits(cur), Decimal.ROUND_HALF_UP), cur);
    minimumPayment = Object.freeze({ rate, everyDays, forDays, amount });
  }
  const maxTermDays = o["maxTermDays"] === undefined || o["maxTermDays"] === null ? null : toInteger(o["maxTermDays"], fn, path(prefix, "maxTermDays"), 1, 36_500);
  return freezeProduct<SalesBasedAdvance>({
    kind: "sales-based-advance",
    principal,
    fee,
    factorRate: total.div(principal.amount),
    totalRepayment: makeMoney(total, cur),
    holdbackRate,
    minimumPayment,
    maxTermDays,
  });
}

/** Build a {@link RevenueShareLoan}. */
export function buildRevenueShare(input: unknown, fn: string, prefix = ""): RevenueShareLoan {
  const o = toOptions(input, fn, prefix || "input", REVENUE_SHARE_KEYS, false);
  const principal = toMinorMoney(o["principal"], fn, path(prefix, "principal"), undefined, false);
  const cur = principal.currency;
  // Capped at 3 like factorRate (#11): 140 meant as 1.40 must not price a 13,900 % fee.
  const repaymentCap = toRateInRange(o["repaymentCap"], fn, path(prefix, "repaymentCap"), 1, 3);
  const revenueShare = toRateInRange(o["revenueShare"], fn, path(prefix, "revenueShare"), 0, 1, { lowerOpen: true, upperOpen: true });
  const fee = makeMoney(principal.amount.times(repaymentCap.minus(1)).toDecimalPlaces(minorDigits(cur), Decimal.ROUND_HALF_UP), cur);
  return freezeProduct<RevenueShareLoan>({
    kind: "revenue-share-loan",
    principal,
    repaymentCap,
    revenueShare,
    fee,
    totalRepayment: makeMoney(principal.amount.plus(fee.amount), cur),
  });
}

const SCHEDULES: readonly TermLoanSchedule[] = ["month", "biweek"];
/** The 0.1.0 names, rejected with an error that names their replacement. */
const RENAMED_SCHEDULES: RenamedOptions<TermLoanSchedule> = { since: "0.2.0", names: { monthly: "month", "every-14-days": "biweek" } };

/** Build a {@link TermLoan} and its amortisation schedule. */
export function buildTermLoan(input: unknown, fn: string, prefix = ""): TermLoan {
  const o = toOptions(input, fn, prefix || "input", TERM_LOAN_KEYS, false);
  const principal = toMinorMoney(o["principal"], fn, path(prefix, "principal"), undefined, false);
  const cur = principal.currency;
  const digits = minorDigits(cur);
  // Capped at 100 %: an annual rate written as a percentage (9 for 9 %) must not pass as 900 %.
  const annualRate = toRateInRange(o["annualRate"], fn, path(prefix, "annualRate"), 0, 1);
  // Bound before the schedule loop: at most 600 monthly or 1,300 biweekly instalments.
  const termMonths = toInteger(o["termMonths"], fn, path(prefix, "termMonths"), 1, 600);
  const start = dayDate(toFinancingDay(o["startDate"], fn, path(prefix, "startDate")));
  const schedule = o["schedule"] === undefined ? "month" : toOption(o["schedule"], fn, path(prefix, "schedule"), SCHEDULES, RENAMED_SCHEDULES);
  const card = toOptionalBoolean(o["chargeShortfallToCard"], fn, path(prefix, "chargeShortfallToCard"));
  const startDay = dayNumber(start);
  const n = schedule === "month" ? termMonths : Math.round((termMonths * 26) / 12);
  const r = schedule === "month" ? annualRate.div(12) : annualRate.div(26);
  const p = principal.amount;
  const pmt = (r.isZero() ? p.div(n) : p.times(r).div(new Decimal(1).minus(r.plus(1).pow(-n)))).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  const instalments: TermLoanInstalment[] = [];
  let remaining = p;
  let interestTotal = new Decimal(0);
  for (let k = 1; k <= n; k++) {
    const due = schedule === "month" ? addMonthsDay(startDay, k) : startDay + 14 * k;
    const interest = remaining.times(r).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
    let princ = pmt.minus(interest);
    if (k === n || princ.greaterThan(remaining)) princ = remaining;
    if (princ.isNegative()) princ = new Decimal(0);
    remaining = remaining.minus(princ);
    interestTotal = interestTotal.plus(interest);
    instalments.push(
      Object.freeze({
        dueDate: dayDate(due),
        amount: makeMoney(princ.plus(interest), cur),
        interest: makeMoney(interest, cur),
        principal: makeMoney(princ, cur),
        remainingPrincipal: makeMoney(remaining, cur),
      }),
    );
  }
  return freezeProduct<TermLoan>({
    kind: "term-loan",
    principal,
    annualRate,
    termMonths,
    startDate: start,
    schedule,
    chargeShortfallToCard: card === true,
    instalments: Object.freeze(instalments),
    fee: makeMoney(interestTotal, cur),
    totalRepayment: makeMoney(p.plus(interestTotal), cur),
  });
}

const KINDS = ["sales-based-advance", "term-loan", "revenue-share-loan"] as const;

/** Accept a product built by this module, or re-validate plain data of the same shape. */
export function readProduct(value: unknown, fn: string, arg = "product"): FinancingProduct {
  if (typeof value === "object" && value !== null && built.has(value)) return value as FinancingProduct;
  const o = toRecord(value, fn, arg);
  assertNoInvalidValue(o, fn, arg);
  const kind = toOption(o["kind"], fn, `${arg}.kind`, KINDS);
  // Derived fields of a product (recomputed) are dropped; any other unknown key is rejected.
  if (kind === "sales-based-advance") {
    const { kind: _k, factorRate: _f, totalRepayment: _t, ...rest } = o as Record<string, unknown>;
    // A product's fee is always present: its factorRate is derived from it.
    if (rest["fee"] === undefined && _f !== undefined) rest["factorRate"] = _f;
    const mp = rest["minimumPayment"];
    if (mp === null) delete rest["minimumPayment"];
    else if (typeof mp === "object" && mp !== undefined) {
      const { amount: _a, ...mpRest } = mp as Record<string, unknown>;
      rest["minimumPayment"] = mpRest["forDays"] === null ? { ...mpRest, forDays: undefined } : mpRest;
    }
    if (rest["maxTermDays"] === null) delete rest["maxTermDays"];
    return buildAdvance(rest, fn, arg);
  }
  if (kind === "revenue-share-loan") {
    const { kind: _k, fee: _f, totalRepayment: _t, ...rest } = o as Record<string, unknown>;
    return buildRevenueShare(rest, fn, arg);
  }
  const { kind: _k, fee: _f, totalRepayment: _t, instalments: _i, ...rest } = o as Record<string, unknown>;
  return buildTermLoan(rest, fn, arg);
}
