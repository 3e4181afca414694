/**
 * Internal builders and validators of financing products. Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import type { FinancingMinimumPayment, FinancingProduct, HoldbackSchedule, HoldbackStep, RevenueShareLoan, SalesBasedAdvance, TermLoan, TermLoanFee, TermLoanInstalment, TermLoanSchedule } from "../types.js";
import type { Money } from "../../money/types.js";
import { addMonthsDay, dayDate, dayNumber } from "./engine.js";
import { assertSameCurrency, makeMoney, minorDigits, toMoney } from "../../_lib/money.js";
import { rangeError, type RenamedOptions, toDecimal, toInteger, toOption, toRecord, typeError } from "../../_lib/validate.js";
import { assertNoInvalidValue, toDenseArray, toFinancingDay, toOptionalBoolean, toOptions, toRateInRange } from "./validate.js";

const ADVANCE_KEYS = ["principal", "fee", "factorRate", "holdbackRate", "minimumPayment", "maxTermDays", "holdbackSchedule", "maxRemittance", "prepaymentFeeRebate"] as const;
const STEP_KEYS = ["afterDays", "repaidShare", "rate"] as const;
const FEE_KEYS = ["name", "amount"] as const;
/** Most steps of a holdback schedule, and most other fees of a term loan. */
const MAX_STEPS = 100;
/** The most instalments a term loan has: 600 months, or round(600 × 26 / 12) biweekly ones. */
const MAX_TERM_INSTALMENTS = 1300;
const MINIMUM_KEYS = ["rate", "everyDays", "forDays"] as const;
const REVENUE_SHARE_KEYS = ["principal", "repaymentCap", "revenueShare"] as const;
const TERM_LOAN_KEYS = ["principal", "annualRate", "termMonths", "startDate", "schedule", "chargeShortfallToCard", "originationFee", "otherFees"] as const;

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
  const holdbackSchedule = o["holdbackSchedule"] === undefined || o["holdbackSchedule"] === null ? null : readSchedule(o["holdbackSchedule"], fn, path(prefix, "holdbackSchedule"), total, cur);
  const maxRemittance = o["maxRemittance"] === undefined || o["maxRemittance"] === null ? null : toPositiveAmountIn(o["maxRemittance"], fn, path(prefix, "maxRemittance"), cur);
  const prepaymentFeeRebate = o["prepaymentFeeRebate"] === undefined ? new Decimal(0) : toRateInRange(o["prepaymentFeeRebate"], fn, path(prefix, "prepaymentFeeRebate"), 0, 1);
  return freezeProduct<SalesBasedAdvance>({
    kind: "sales-based-advance",
    principal,
    fee,
    factorRate: total.div(principal.amount),
    totalRepayment: makeMoney(total, cur),
    holdbackRate,
    minimumPayment,
    maxTermDays,
    holdbackSchedule,
    maxRemittance,
    prepaymentFeeRebate,
  });
}

/** An amount > 0 as Money (same currency) or a number. */
function toPositiveAmountIn(value: unknown, fn: string, arg: string, currency: string): Money {
  if (typeof value === "object" && value !== null && !Decimal.isDecimal(value)) return toMinorMoney(value, fn, arg, currency, false);
  return toMinorMoney({ amount: toDecimal(value, fn, arg), currency }, fn, arg, currency, false);
}

/** A holdback schedule: steps all by `afterDays` or all by `repaidShare`, strictly ascending. */
function readSchedule(value: unknown, fn: string, arg: string, total: Decimal, cur: string): HoldbackSchedule {
  const list = toDenseArray<unknown>(value, fn, arg, { nonEmpty: true, maxLength: MAX_STEPS });
  let by: "days" | "repaid" | null = null;
  const steps: HoldbackStep[] = [];
  list.forEach((raw, i) => {
    const at = `${arg}[${i}]`;
    const s = toOptions(raw, fn, at, STEP_KEYS, false);
    const hasDays = s["afterDays"] !== undefined && s["afterDays"] !== null;
    const hasShare = s["repaidShare"] !== undefined && s["repaidShare"] !== null;
    if (hasDays === hasShare) {
      if (hasDays) rangeError(fn, `${at}.repaidShare`, ErrorCode.CONFLICTING_OPTIONS, "must not be given together with afterDays", s["repaidShare"], "either afterDays or repaidShare");
      typeError(fn, `${at}.afterDays`, ErrorCode.MISSING_VALUE, "is required (or repaidShare)", undefined, "either afterDays (days after funding) or repaidShare (share of the total repaid)");
    }
    const kind = hasDays ? "days" : "repaid";
    if (by !== null && kind !== by) {
      rangeError(
        fn,
        `${at}.${hasDays ? "afterDays" : "repaidShare"}`,
        ErrorCode.CONFLICTING_OPTIONS,
        `must not mix steps by days and by share repaid (step 0 is by ${by === "days" ? "afterDays" : "repaidShare"})`,
        s[hasDays ? "afterDays" : "repaidShare"],
        `every step by ${by === "days" ? "afterDays" : "repaidShare"}`,
      );
    }
    by = kind;
    const rate = toRateInRange(s["rate"], fn, `${at}.rate`, 0, 1, { lowerOpen: true, upperOpen: true });
    if (hasDays) {
      const d = toInteger(s["afterDays"], fn, `${at}.afterDays`, 1, 36_500);
      const prev = steps[i - 1]?.afterDays;
      if (prev != null && d <= prev)
        rangeError(fn, `${at}.afterDays`, ErrorCode.INVALID_DATE_ORDER, `must be after the previous step's afterDays ${prev} (the schedule goes backwards in time)`, d, `an integer > ${prev}`);
      steps.push(Object.freeze({ afterDays: d, repaidShare: null, repaidAmount: null, rate }));
    } else {
      const share = toRateInRange(s["repaidShare"], fn, `${at}.repaidShare`, 0, 1, { lowerOpen: true, upperOpen: true });
      const prev = steps[i - 1]?.repaidShare;
      if (prev != null && !share.greaterThan(prev)) {
        rangeError(fn, `${at}.repaidShare`, ErrorCode.OUT_OF_RANGE, `must be above the previous step's repaidShare ${prev.toString()} (steps in ascending order)`, share, `a share > ${prev.toString()} and < 1`);
      }
      const amount = makeMoney(total.times(share).toDecimalPlaces(minorDigits(cur), Decimal.ROUND_HALF_UP), cur);
      steps.push(Object.freeze({ afterDays: null, repaidShare: share, repaidAmount: amount, rate }));
    }
  });
  return Object.freeze({ by: by!, steps: Object.freeze(steps) });
}

/** The fees of a term loan withheld at funding: the origination fee (when not zero), then the other fees. */
function readFees(o: Readonly<Record<string, unknown>>, fn: string, prefix: string, cur: string): TermLoanFee[] {
  const fees: TermLoanFee[] = [];
  if (o["originationFee"] !== undefined) {
    const a = toAmountIn(o["originationFee"], fn, path(prefix, "originationFee"), cur);
    if (!a.amount.isZero()) fees.push(Object.freeze({ name: "origination", amount: a }));
  }
  if (o["otherFees"] !== undefined) {
    const list = toDenseArray<unknown>(o["otherFees"], fn, path(prefix, "otherFees"), { maxLength: MAX_STEPS });
    list.forEach((raw, i) => {
      const at = path(prefix, `otherFees[${i}]`);
      const f = toOptions(raw, fn, at, FEE_KEYS, false);
      const name = f["name"];
      if (typeof name !== "string" || name.trim() === "" || name.length > 200)
        typeError(fn, `${at}.name`, ErrorCode.INVALID_TYPE, "must be a non-empty string of at most 200 characters", name, 'a fee name such as "documentation"');
      fees.push(Object.freeze({ name, amount: toPositiveAmountIn(f["amount"], fn, `${at}.amount`, cur) }));
    });
  }
  return fees;
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
  const fees = readFees(o, fn, prefix, cur);
  const feeTotal = fees.reduce((a, f) => a.plus(f.amount.amount), new Decimal(0));
  if (!feeTotal.lessThan(principal.amount)) {
    rangeError(
      fn,
      path(prefix, fees.length === 1 && fees[0]!.name === "origination" ? "originationFee" : "otherFees"),
      ErrorCode.OUT_OF_RANGE,
      `must total less than the principal ${principal.amount.toString()} (the fees are withheld from it)`,
      feeTotal.toString(),
      `fees totalling less than ${principal.amount.toString()}`,
    );
  }
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
    interest: makeMoney(interestTotal, cur),
    fees: Object.freeze(fees),
    amountFinanced: makeMoney(p.minus(feeTotal), cur),
    fee: makeMoney(interestTotal.plus(feeTotal), cur),
    totalRepayment: makeMoney(p.plus(interestTotal).plus(feeTotal), cur),
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
    if (rest["maxRemittance"] === null) delete rest["maxRemittance"];
    const hs = rest["holdbackSchedule"];
    if (hs === null) delete rest["holdbackSchedule"];
    else if (typeof hs === "object" && hs !== undefined && !Array.isArray(hs)) {
      // A built schedule ({ by, steps }) back to its input steps (repaidAmount is derived).
      const steps = toDenseArray<unknown>((hs as Record<string, unknown>)["steps"], fn, `${arg}.holdbackSchedule.steps`, { maxLength: MAX_STEPS });
      rest["holdbackSchedule"] = steps.map((st) => {
        const { repaidAmount: _r, ...keep } = toRecord(st, fn, `${arg}.holdbackSchedule.steps`) as Record<string, unknown>;
        return Object.fromEntries(Object.entries(keep).filter(([, v]) => v !== null));
      });
    }
    return buildAdvance(rest, fn, arg);
  }
  if (kind === "revenue-share-loan") {
    const { kind: _k, fee: _f, totalRepayment: _t, ...rest } = o as Record<string, unknown>;
    return buildRevenueShare(rest, fn, arg);
  }
  const { kind: _k, fee: _f, totalRepayment: _t, instalments: _i, interest: _n, amountFinanced: _a, fees, ...rest } = o as Record<string, unknown>;
  // The derived schedule is rebuilt from the inputs below, but what was passed must still be a
  // schedule's shape: a dense array no longer than the longest schedule (600 monthly or
  // round(600 × 26 / 12) = 1,300 biweekly instalments), never a huge sparse array read as "no instalments".
  if (_i !== undefined) toDenseArray<unknown>(_i, fn, `${arg}.instalments`, { maxLength: MAX_TERM_INSTALMENTS });
  if (fees !== undefined) {
    // The built fee list back to its inputs: the origination fee and the other fees.
    const list = toDenseArray<unknown>(fees, fn, `${arg}.fees`, { maxLength: MAX_STEPS + 1 });
    const other: unknown[] = [];
    list.forEach((raw, i) => {
      const f = toRecord(raw, fn, `${arg}.fees[${i}]`);
      if (f["name"] === "origination" && rest["originationFee"] === undefined && i === 0) rest["originationFee"] = f["amount"];
      else other.push(raw);
    });
    if (other.length > 0) rest["otherFees"] = other;
  }
  return buildTermLoan(rest, fn, arg);
}
