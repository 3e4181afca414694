/**
 * Internal machinery of the fees module (#17): schedule validation, a compiled schedule in integer
 * minor units (bigint), the fee of one sale, and reading sale records.
 */
import { Decimal } from "../../_lib/decimal.js";
import { epochDay, toSaleDate } from "../../_lib/dates.js";
import { deepFreeze } from "../../_lib/freeze.js";
import { amountFromMinor, assertSameCurrency, makeMoney, minorDigits, minorUnitString, scaleToMinor, toCurrency, toMoney } from "../../_lib/money.js";
import { rangeError, toArray, toDecimalInRange, toInteger, toNonEmptyString, toOption, toOptions, toRecord, typeError } from "../../_lib/validate.js";
import { ErrorCode } from "../../errors.js";
import type { Money, RoundingMode } from "../../money/types.js";
import type { FeeCategory, FeeRefundPolicy, FeeSchedule, SaleFees } from "../types.js";

/** Most categories in one schedule. */
export const MAX_CATEGORIES = 10_000;
/** Most items in one sale. */
export const MAX_UNITS = 1_000_000_000;

/** A refund policy compiled to integers: administration rate = num / den, cap in minor units (null: none). */
export interface CompiledRefund {
  readonly num: bigint;
  readonly den: bigint;
  readonly max: bigint | null;
  readonly closing: FeeRefundPolicy["closing"];
  readonly fixedFees: boolean;
  readonly fulfilment: boolean;
}

/** A category compiled to integers: rate = num / den. */
export interface CompiledCategory {
  readonly name: string;
  readonly num: bigint;
  readonly den: bigint;
  readonly minimum: bigint;
  readonly closing: bigint;
  readonly refund: CompiledRefund;
}

/** The policy without a `refunds` entry: the referral fee in proportion, no administration fee, nothing else. */
const DEFAULT_REFUND: CompiledRefund = Object.freeze({ num: 0n, den: 1n, max: null, closing: "never", fixedFees: false, fulfilment: false });

/** Validate a refund policy (input, validated, or JSON form). */
function buildRefundPolicy(value: unknown, fn: string, arg: string, currency: string, digits: number): FeeRefundPolicy {
  const r = toOptions(toRecord(value, fn, arg), fn, arg, ["administrationRate", "administrationMax", "closing", "fixedFees", "fulfilment"]);
  const administrationRate = r["administrationRate"] === undefined ? new Decimal(0) : toDecimalInRange(r["administrationRate"], fn, `${arg}.administrationRate`, 0, 1);
  if (administrationRate.decimalPlaces() > 12) rangeError(fn, `${arg}.administrationRate`, ErrorCode.OUT_OF_RANGE, "must have at most 12 decimal places", r["administrationRate"], "a rate such as 0.2");
  const max = r["administrationMax"] === undefined || r["administrationMax"] === null ? null : toFeeAmount(r["administrationMax"], fn, `${arg}.administrationMax`, currency, digits);
  const closing = r["closing"] === undefined ? "never" : toOption<FeeRefundPolicy["closing"]>(r["closing"], fn, `${arg}.closing`, ["always", "full-refund-only", "never"]);
  const flag = (key: "fixedFees" | "fulfilment"): boolean => {
    const v = r[key];
    if (v === undefined) return false;
    if (typeof v !== "boolean") typeError(fn, `${arg}.${key}`, ErrorCode.INVALID_TYPE, "must be a boolean", v, "true or false");
    return v;
  };
  return { administrationRate, administrationMax: max === null ? null : moneyOf(max, { currency, digits }), closing, fixedFees: flag("fixedFees"), fulfilment: flag("fulfilment") };
}

function compileRefund(p: FeeRefundPolicy | undefined, digits: number): CompiledRefund {
  if (p === undefined) return DEFAULT_REFUND;
  return {
    ...rateFraction(p.administrationRate),
    max: p.administrationMax === null ? null : minorOfValid(p.administrationMax, digits),
    closing: p.closing,
    fixedFees: p.fixedFees,
    fulfilment: p.fulfilment,
  };
}

/** A schedule compiled to integer minor units. */
export interface Compiled {
  readonly schedule: FeeSchedule;
  readonly currency: string;
  readonly scale: bigint;
  readonly digits: number;
  readonly byName: ReadonlyMap<string, CompiledCategory>;
  readonly fallback: CompiledCategory | undefined;
  readonly perOrder: bigint;
  readonly perItem: bigint;
  readonly fulfilment: bigint;
  readonly rounding: RoundingMode;
}

/** A validated rate with at most 12 decimal places as the exact fraction num / den (den = 10^decimal places). */
export function rateFraction(rate: Decimal): { readonly num: bigint; readonly den: bigint } {
  const dp = rate.decimalPlaces();
  return { num: BigInt(scaleToMinor(rate, dp).toFixed(0)), den: 10n ** BigInt(dp) };
}

/** Whole minor units of an amount this module already validated (whole minor units). */
function minorOfValid(m: Money, digits: number): bigint {
  return BigInt(scaleToMinor(m.amount, digits).toFixed(0));
}

/** Whole minor units of a validated amount (throws SUB_MINOR_UNIT otherwise). */
export function minorOf(amount: Decimal, digits: number, fn: string, arg: string, currency: string): bigint {
  const n = minorUnitString(amount, digits);
  if (n === undefined) rangeError(fn, arg, ErrorCode.SUB_MINOR_UNIT, `must be a whole number of minor units (${digits} decimal places for ${currency})`, amount, "an amount rounded to the minor unit");
  return BigInt(n);
}

/** An amount in `currency`: a Money (currency checked) or a plain amount; non-negative, whole minor units. */
export function toFeeAmount(value: unknown, fn: string, arg: string, currency: string, digits: number): bigint {
  let m: Money;
  if (typeof value === "object" && value !== null && !Decimal.isDecimal(value)) {
    m = toMoney(value, fn, arg);
    assertSameCurrency(fn, currency, m.currency);
  } else m = toMoney({ amount: value, currency }, fn, arg);
  if (m.amount.isNegative()) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, "must not be negative", value, "an amount ≥ 0");
  return minorOf(m.amount, digits, fn, arg, currency);
}

/** Minor units → Money. */
export function moneyOf(minor: bigint, c: { readonly currency: string; readonly digits: number }): Money {
  return makeMoney(amountFromMinor(minor, c.digits), c.currency);
}

const ROUNDINGS: readonly RoundingMode[] = ["half-even", "half-up", "half-down", "down", "up", "floor", "ceil"];

/** Validate a schedule input (or a schedule, or its JSON form) into a frozen FeeSchedule. */
export function buildSchedule(value: unknown, fn: string, arg: string): FeeSchedule {
  const o = toOptions(toRecord(value, fn, arg), fn, arg, ["kind", "name", "currency", "categories", "defaultCategory", "perOrderFee", "perItemFee", "fulfilmentPerItem", "rounding", "refunds"]);
  if (o["kind"] !== undefined && o["kind"] !== "fee-schedule") rangeError(fn, `${arg}.kind`, ErrorCode.INVALID_TYPE, 'must be "fee-schedule" or absent', o["kind"], '"fee-schedule"');
  const name = o["name"] === undefined ? "" : typeof o["name"] === "string" ? o["name"] : typeError(fn, `${arg}.name`, ErrorCode.INVALID_TYPE, "must be a string", o["name"], "a label");
  const currency = toCurrency(o["currency"], fn, `${arg}.currency`);
  const digits = minorDigits(currency);
  const c = { currency, digits };
  const list = toArray<unknown>(o["categories"], fn, `${arg}.categories`, { nonEmpty: true, maxLength: MAX_CATEGORIES });
  const seen = new Set<string>();
  const categories: FeeCategory[] = list.map((item, i) => {
    const at = `${arg}.categories[${i}]`;
    const r = toOptions(toRecord(item, fn, at), fn, at, ["category", "rate", "minimumPerItem", "closingFeePerItem", "refunds"]);
    const category = toNonEmptyString(r["category"], fn, `${at}.category`);
    if (seen.has(category)) rangeError(fn, `${at}.category`, ErrorCode.DUPLICATE, "is a duplicate category", category, "unique category names");
    seen.add(category);
    const rate = toDecimalInRange(r["rate"], fn, `${at}.rate`, 0, 1);
    if (rate.decimalPlaces() > 12) rangeError(fn, `${at}.rate`, ErrorCode.OUT_OF_RANGE, "must have at most 12 decimal places", r["rate"], "a rate such as 0.15 or 0.0825");
    const minimum = r["minimumPerItem"] === undefined ? 0n : toFeeAmount(r["minimumPerItem"], fn, `${at}.minimumPerItem`, currency, digits);
    const closing = r["closingFeePerItem"] === undefined ? 0n : toFeeAmount(r["closingFeePerItem"], fn, `${at}.closingFeePerItem`, currency, digits);
    const base = { category, rate, minimumPerItem: moneyOf(minimum, c), closingFeePerItem: moneyOf(closing, c) };
    return r["refunds"] === undefined ? base : { ...base, refunds: buildRefundPolicy(r["refunds"], fn, `${at}.refunds`, currency, digits) };
  });
  let defaultCategory: string | null = null;
  if (o["defaultCategory"] !== undefined && o["defaultCategory"] !== null) {
    defaultCategory = toNonEmptyString(o["defaultCategory"], fn, `${arg}.defaultCategory`);
    if (!seen.has(defaultCategory)) rangeError(fn, `${arg}.defaultCategory`, ErrorCode.OUT_OF_RANGE, "must name one of the categories", defaultCategory, [...seen].slice(0, 10).join(", "));
  }
  const fixed = (key: "perOrderFee" | "perItemFee" | "fulfilmentPerItem"): Money => moneyOf(o[key] === undefined ? 0n : toFeeAmount(o[key], fn, `${arg}.${key}`, currency, digits), c);
  const rounding = o["rounding"] === undefined ? "half-even" : toOption<RoundingMode>(o["rounding"], fn, `${arg}.rounding`, ROUNDINGS);
  const refunds = o["refunds"] === undefined ? undefined : buildRefundPolicy(o["refunds"], fn, `${arg}.refunds`, currency, digits);
  return deepFreeze<FeeSchedule>({
    kind: "fee-schedule",
    name,
    currency,
    categories,
    defaultCategory,
    perOrderFee: fixed("perOrderFee"),
    perItemFee: fixed("perItemFee"),
    fulfilmentPerItem: fixed("fulfilmentPerItem"),
    rounding,
    ...(refunds === undefined ? {} : { refunds }),
  });
}

const compiledCache = new WeakMap<object, Compiled>();

/** Compile a schedule (validated first unless it is one this module built). */
export function compile(value: unknown, fn: string, arg = "schedule"): Compiled {
  if (typeof value === "object" && value !== null) {
    const hit = compiledCache.get(value);
    if (hit !== undefined) return hit;
  }
  const schedule = buildSchedule(value, fn, arg);
  const digits = minorDigits(schedule.currency);
  const scale = 10n ** BigInt(digits);
  const byName = new Map<string, CompiledCategory>();
  for (const c of schedule.categories) {
    byName.set(c.category, {
      name: c.category,
      ...rateFraction(c.rate),
      minimum: minorOfValid(c.minimumPerItem, digits),
      closing: minorOfValid(c.closingFeePerItem, digits),
      refund: compileRefund(c.refunds ?? schedule.refunds, digits),
    });
  }
  const compiled: Compiled = {
    schedule,
    currency: schedule.currency,
    scale,
    digits,
    byName,
    fallback: schedule.defaultCategory === null ? undefined : byName.get(schedule.defaultCategory),
    perOrder: minorOfValid(schedule.perOrderFee, digits),
    perItem: minorOfValid(schedule.perItemFee, digits),
    fulfilment: minorOfValid(schedule.fulfilmentPerItem, digits),
    rounding: schedule.rounding,
  };
  compiledCache.set(schedule, compiled);
  return compiled;
}

/** `round(n / d)` for n ≥ 0, d > 0 under a rounding mode. */
export function divRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = 2n * r;
  switch (mode) {
    case "down":
    case "floor":
      return q;
    case "up":
    case "ceil":
      return q + 1n;
    case "half-up":
      return twice >= d ? q + 1n : q;
    case "half-down":
      return twice > d ? q + 1n : q;
    case "half-even":
      return twice > d || (twice === d && q % 2n === 1n) ? q + 1n : q;
  }
}

/** Fee components of one sale, in minor units, capped so their sum never exceeds the amount. */
export interface FeeParts {
  readonly category: string;
  readonly amount: bigint;
  readonly referral: bigint;
  readonly closing: bigint;
  readonly perItem: bigint;
  readonly perOrder: bigint;
  readonly fulfilment: bigint;
  readonly total: bigint;
  readonly capped: boolean;
}

/** The fees of a sale of `amount` minor units and `units` items in `cat`. */
export function feeParts(c: Compiled, cat: CompiledCategory, amount: bigint, units: bigint): FeeParts {
  const pct = divRound(amount * cat.num, cat.den, c.rounding);
  const min = cat.minimum * units;
  const wanted = [pct > min ? pct : min, cat.closing * units, c.perItem * units, c.perOrder, c.fulfilment * units];
  let left = amount;
  const got = wanted.map((w) => {
    const take = w < left ? w : left;
    left -= take;
    return take;
  }) as [bigint, bigint, bigint, bigint, bigint];
  const total = amount - left;
  const capped = got.some((g, i) => g !== wanted[i]);
  return { category: cat.name, amount, referral: got[0], closing: got[1], perItem: got[2], perOrder: got[3], fulfilment: got[4], total, capped };
}

/** A validated sale for the fee maths: category (resolved), amount and units in integers, days. */
export interface ReadSale {
  readonly sellerId: string | undefined;
  readonly cat: CompiledCategory;
  readonly amount: bigint;
  readonly units: bigint;
  readonly day: number | undefined;
  readonly delivered: number | undefined;
  readonly raw: object;
}

/** Read one sale record (each field once). `needDate`: the sale day is required. */
export function readSale(c: Compiled, value: unknown, fn: string, arg: string, needDate: boolean): ReadSale {
  if (typeof value !== "object" || value === null)
    typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a sale", value, "a FeeSale { category, amount, units?, date?, deliveredOn? }");
  let f: { sellerId: unknown; category: unknown; amount: unknown; units: unknown; date: unknown; deliveredOn: unknown };
  try {
    const v = value as Record<string, unknown>;
    f = { sellerId: v["sellerId"], category: v["category"], amount: v["amount"], units: v["units"], date: v["date"], deliveredOn: v["deliveredOn"] };
  } catch {
    return typeError(fn, arg, ErrorCode.INVALID_TYPE, "could not be read (its getter threw)", undefined, "a FeeSale");
  }
  if (f.sellerId !== undefined && typeof f.sellerId !== "string") typeError(fn, `${arg}.sellerId`, ErrorCode.INVALID_TYPE, "must be a string", f.sellerId, "a seller id or undefined");
  const name = toNonEmptyString(f.category, fn, `${arg}.category`);
  const cat = c.byName.get(name) ?? c.fallback;
  if (cat === undefined) rangeError(fn, `${arg}.category`, ErrorCode.OUT_OF_RANGE, "is not a category of the schedule (and it has no defaultCategory)", name, [...c.byName.keys()].slice(0, 10).join(", "));
  const m = toMoney(f.amount, fn, `${arg}.amount`);
  assertSameCurrency(fn, c.currency, m.currency);
  if (m.amount.isNegative()) rangeError(fn, `${arg}.amount`, ErrorCode.OUT_OF_RANGE, "must not be negative (a refund is refundFees of the original sale)", m.amount, "an amount ≥ 0");
  const amount = minorOf(m.amount, c.digits, fn, `${arg}.amount`, c.currency);
  const units = f.units === undefined ? 1n : BigInt(toInteger(f.units, fn, `${arg}.units`, 1, MAX_UNITS));
  let day: number | undefined;
  let delivered: number | undefined;
  if (f.date !== undefined || needDate) day = epochDay(toSaleDate(f.date, fn, `${arg}.date`));
  if (f.deliveredOn !== undefined) {
    delivered = epochDay(toSaleDate(f.deliveredOn, fn, `${arg}.deliveredOn`));
    if (day !== undefined && delivered < day) rangeError(fn, `${arg}.deliveredOn`, ErrorCode.INVALID_DATE_ORDER, "must not be before the sale date", f.deliveredOn, "a day on or after date");
  }
  return { sellerId: f.sellerId, cat, amount, units, day, delivered, raw: value };
}

/** The public SaleFees of fee parts. */
export function toSaleFees(c: Compiled, p: FeeParts): SaleFees {
  const m = (x: bigint): Money => moneyOf(x, c);
  return Object.freeze({
    category: p.category,
    amount: m(p.amount),
    referral: m(p.referral),
    closing: m(p.closing),
    perItem: m(p.perItem),
    perOrder: m(p.perOrder),
    fulfilment: m(p.fulfilment),
    total: m(p.total),
    net: m(p.amount - p.total),
    capped: p.capped,
  });
}
