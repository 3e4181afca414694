/**
 * Internal implementation of the streaming share accumulator: per-segment Decimal GMV, units and
 * counts. Memory is O(segments). Never exported from the package.
 */
import { DATE_RANGE, dateTimeOf, toSaleDate } from "../../_lib/dates.js";
import { Decimal, exactPlus } from "../../_lib/decimal.js";
import { CurrencyMismatchError, ErrorCode } from "../../errors.js";
import type { Money } from "../../money/types.js";
import type { AnySale, CurrencyConverter, Sale, ShareAccumulator, ShareAccumulatorJSON } from "../types.js";
import { minorDigits, toCurrency, toMoney } from "../../_lib/money.js";
import { describeValue, isAmountInRange, rangeError, toDecimal, toFunction, toInteger, toArray, toNonEmptyString, toOption, toOptions, typeError } from "../../_lib/validate.js";

export type RefundPolicy = "net" | "exclude" | "reject" | "gross";
export const REFUND_POLICIES: readonly RefundPolicy[] = ["net", "exclude", "reject", "gross"];

/**
 * Per-segment running totals. GMV is kept as an exact integer count of minor units in a JS
 * number while it is a safe integer (the hot path: no Decimal allocation per sale), plus a
 * Decimal for anything else (sub-minor amounts, overflow beyond 2^53). Units likewise.
 */
export interface SegmentTotals {
  gmv: Decimal;
  gmvMinor: number;
  unitsInt: number;
  unitsDec: Decimal | undefined;
  sales: number;
  /** Refunds as a positive amount, kept apart under `refunds: "gross"` (0 otherwise). */
  refunded: Decimal;
}

/** Exact GMV of a segment: Decimal part + integer minor units at `digits` places. */
export function gmvOf(t: SegmentTotals, digits: number): Decimal {
  return t.gmvMinor === 0 ? t.gmv : t.gmv.plus(new Decimal(`${t.gmvMinor}e-${digits}`));
}

/**
 * A Decimal as an integer number of minor units (10^-digits), read from decimal.js's base-1e7
 * limbs without allocating; `undefined` when not exact or not a safe integer (caller falls back).
 */
export function toMinorFast(d: Decimal, digits: number): number | undefined {
  const limbs = d.d;
  const e = d.e;
  if (limbs === null || limbs === undefined || digits > 7 || digits < 0) return undefined;
  let intPart = 0;
  let frac = 0;
  if (e >= 0) {
    const intLimbs = Math.floor(e / 7) + 1;
    if (intLimbs > 3 || limbs.length > intLimbs + 1) return undefined;
    for (let i = 0; i < intLimbs; i++) intPart = intPart * 1e7 + (limbs[i] ?? 0);
    frac = limbs[intLimbs] ?? 0;
  } else {
    if (e < -7 || limbs.length !== 1) return undefined;
    frac = limbs[0] as number;
  }
  const unit = POW10[7 - digits] as number;
  if (frac % unit !== 0) return undefined;
  const minor = intPart * (POW10[digits] as number) + frac / unit;
  if (!Number.isSafeInteger(minor)) return undefined;
  return d.s < 0 ? -minor : minor;
}

const BIG_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7];

export function unitsOf(t: SegmentTotals): Decimal {
  return t.unitsDec === undefined ? new Decimal(t.unitsInt) : t.unitsDec.plus(t.unitsInt);
}

export class ShareAccumulatorImpl implements ShareAccumulator {
  readonly kind = "ShareAccumulator" as const;
  currency: string | undefined;
  /** Minor-unit digits of `currency` (fast path), or -1 while unknown. */
  digits = -1;
  sales = 0;
  readonly precision: number;
  readonly refunds: RefundPolicy;
  readonly declared: readonly string[] | undefined;
  readonly convert: CurrencyConverter | undefined;
  readonly totals = new Map<string, SegmentTotals>();

  constructor(currency: string | undefined, precision: number, refunds: RefundPolicy, declared: readonly string[] | undefined, convert: CurrencyConverter | undefined) {
    this.currency = currency;
    if (currency !== undefined) this.digits = minorDigits(currency);
    this.precision = precision;
    this.refunds = refunds;
    this.declared = declared;
    this.convert = convert;
    if (declared) for (const s of declared) this.totals.set(s, emptyTotals());
  }

  toJSON(): ShareAccumulatorJSON {
    const keys = [...this.totals.keys()].sort();
    const totals: Record<string, { gmv: string; units: string; sales: number }> = {};
    for (const k of keys) {
      const t = this.totals.get(k) as SegmentTotals;
      // defineProperty, not assignment: a segment may be named "__proto__".
      Object.defineProperty(totals, k, {
        value:
          this.refunds === "gross"
            ? { gmv: gmvOf(t, this.digits).toFixed(), units: unitsOf(t).toFixed(), sales: t.sales, refunds: t.refunded.toFixed() }
            : { gmv: gmvOf(t, this.digits).toFixed(), units: unitsOf(t).toFixed(), sales: t.sales },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return {
      version: 1,
      currency: this.currency ?? null,
      precision: this.precision,
      refunds: this.refunds,
      segments: this.declared ? [...this.declared] : null,
      sales: this.sales,
      totals,
    };
  }
}

export function emptyTotals(): SegmentTotals {
  return { gmv: new Decimal(0), gmvMinor: 0, unitsInt: 0, unitsDec: undefined, sales: 0, refunded: new Decimal(0) };
}

/** Validate the shared options bag. */
/** The keys of the share option bags (`ShareOptions`). */
export const SHARE_OPTION_KEYS = ["currency", "convert", "precision", "segments", "refunds"] as const;

export function parseShareOptions(
  options: unknown,
  fn: string,
  extraKeys: readonly string[] = [],
): {
  currency: string | undefined;
  precision: number;
  refunds: RefundPolicy;
  declared: readonly string[] | undefined;
  convert: CurrencyConverter | undefined;
  /** The raw `period` option, when `extraKeys` allows it (salesShareByPeriod validates it). */
  period: unknown;
} {
  const o = toOptions(options, fn, "options", [...SHARE_OPTION_KEYS, ...extraKeys]);
  const currency = o["currency"] === undefined ? undefined : toCurrency(o["currency"], fn, "options.currency");
  const precision = o["precision"] === undefined ? 10 : toInteger(o["precision"], fn, "options.precision", 0, 20);
  const refunds = o["refunds"] === undefined ? "net" : toOption(o["refunds"], fn, "options.refunds", REFUND_POLICIES);
  const convert = o["convert"] === undefined ? undefined : toFunction<CurrencyConverter>(o["convert"], fn, "options.convert");
  if (convert !== undefined && currency === undefined) {
    // Without a target currency the first sale would fix it and the converter would convert into
    // whatever that sale happened to use: ask for it instead.
    rangeError(fn, "options.currency", ErrorCode.MISSING_VALUE, "is required when options.convert is given (the currency convert() returns)", undefined, 'an ISO 4217 code such as "USD"');
  }
  let declared: string[] | undefined;
  if (o["segments"] !== undefined) {
    const names = toArray<unknown>(o["segments"], fn, "options.segments");
    declared = [];
    const seen = new Set<string>();
    names.forEach((s, i) => {
      const name = toNonEmptyString(s, fn, `options.segments[${i}]`);
      if (seen.has(name)) rangeError(fn, `options.segments[${i}]`, ErrorCode.DUPLICATE, "must be unique", s, "distinct segment names");
      seen.add(name);
      (declared as string[]).push(name);
    });
  }
  return { currency, precision, refunds, declared, convert, period: (o as Readonly<Record<string, unknown>>)["period"] };
}

export function asAccumulator(value: unknown, fn: string, arg = "accumulator"): ShareAccumulatorImpl {
  if (!(value instanceof ShareAccumulatorImpl)) {
    typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a share accumulator", value, "the result of createShareAccumulator or shareAccumulatorFromJSON");
  }
  return value;
}

/** Amount of a sale in the accumulator's currency (fixing the currency on first use). */
function amountIn(acc: ShareAccumulatorImpl, sale: Sale, money: Money, fn: string, arg: string): Decimal {
  if (acc.currency === undefined) {
    acc.currency = money.currency;
    acc.digits = minorDigits(money.currency);
    return money.amount;
  }
  if (money.currency === acc.currency) return money.amount;
  if (acc.convert === undefined) throw new CurrencyMismatchError(fn, acc.currency, money.currency, rowHint(sale, arg));
  const converted: unknown = acc.convert(money, sale);
  if (typeof converted === "object" && converted !== null && !Decimal.isDecimal(converted)) {
    const m = toMoney(converted, fn, `${arg}: convert() result`);
    if (m.currency !== acc.currency) {
      throw new CurrencyMismatchError(fn, acc.currency, m.currency, `options.convert returned ${m.currency} for ${arg} but must return ${acc.currency} (options.currency)`);
    }
    return m.amount;
  }
  return toDecimal(converted, fn, `${arg}: convert() result`);
}

/** Add one sale to a segment. Hot path: cheap checks first, full validation on anything unusual. */
/** Which row a currency mismatch came from (#11): `at sales[3] (date 2024-01-02, sellerId "b")`. */
function rowHint(sale: Sale, arg: string): string {
  const t = dateTimeOf(sale.date);
  const raw = sale.date as unknown;
  const day = t !== undefined ? new Date(t).toISOString().slice(0, 10) : typeof raw === "string" ? raw.slice(0, 40) : describeValue(raw);
  return `at ${arg} (date ${day}, sellerId ${describeValue(sale.sellerId)})`;
}

export function argName(base: string, index: number): string {
  return index < 0 ? base : `${base}[${index}]`;
}

export function addSaleUnchecked(acc: ShareAccumulatorImpl, sale: AnySale, segment: string, fn: string, base: string, index: number): void {
  // Hot path: a well-formed sale (valid Date, Money in the accumulator's currency whose amount is
  // a non-negative whole number of minor units, integer units or none) of a segment already
  // seen. It makes the checks of the general path and nothing else, allocates nothing, and changes
  // the accumulator only once every check has passed; anything else (first sale, refund, bad input,
  // new segment, sub-minor amount, overflow) falls through to the general path, unchanged.
  if (typeof sale === "object" && sale !== null && typeof (sale as { sellerId?: unknown }).sellerId === "string") {
    // Minor units (#13): a non-negative safe-integer amountMinor of the accumulator's currency, no Money.
    // A bigint in the safe range (what DuckDB and SQL drivers hand out for BIGINT) takes the hot path as its number.
    const given = (sale as { amountMinor?: unknown }).amountMinor;
    const am = typeof given === "bigint" && given >= 0n && given <= BIG_SAFE ? Number(given) : given;
    if (typeof am === "number" && acc.digits >= 0 && am >= 0 && am <= Number.MAX_SAFE_INTEGER && Number.isInteger(am) && (sale as { amount?: unknown }).amount === undefined) {
      const t0 = dateTimeOf(sale.date);
      if (t0 !== undefined && t0 >= DATE_RANGE.minTime && t0 <= DATE_RANGE.maxTime) {
        const u = sale.units as unknown;
        const units = u === undefined ? 1 : typeof u === "number" && Number.isInteger(u) ? u : NaN;
        const t = acc.totals.get(segment);
        if (t !== undefined && units === units) {
          const g = t.gmvMinor + am;
          const un = t.unitsInt + units;
          if (g <= Number.MAX_SAFE_INTEGER && Number.isSafeInteger(un)) {
            t.gmvMinor = g;
            t.unitsInt = un;
            t.sales += 1;
            acc.sales += 1;
            return;
          }
        }
      }
      addSaleGeneral(acc, sale, segment, fn, base, index);
      return;
    }
    // A genuine Date (read through Date.prototype, so a Proxy falls through to the general path's
    // typed error) within the supported range (#11): never a date a period loop cannot bound.
    const t0 = dateTimeOf(sale.date);
    if (t0 !== undefined && t0 >= DATE_RANGE.minTime && t0 <= DATE_RANGE.maxTime) {
      const m = (sale as Sale).amount as Money | null;
      if (typeof m === "object" && m !== null && m.currency === acc.currency) {
        const d = m.amount;
        if (d instanceof Decimal && d.s === 1) {
          const minor = nonNegativeMinor(d, acc.digits);
          if (minor >= 0) {
            const u = sale.units as unknown;
            const units = u === undefined ? 1 : typeof u === "number" && Number.isInteger(u) ? u : NaN;
            const t = acc.totals.get(segment);
            if (t !== undefined && units === units) {
              const g = t.gmvMinor + minor;
              const un = t.unitsInt + units;
              if (g <= Number.MAX_SAFE_INTEGER && Number.isSafeInteger(un)) {
                t.gmvMinor = g;
                t.unitsInt = un;
                t.sales += 1;
                acc.sales += 1;
                return;
              }
            }
          }
        }
      }
    }
  }
  addSaleGeneral(acc, sale, segment, fn, base, index);
}

/**
 * A positive finite Decimal as a whole number of minor units at `digits` places, or -1 when it is
 * not one (sub-minor digits, too large, unknown digits). Same answers as {@link toMinorFast} for
 * positive amounts; the common shapes (below 10^7 with at most one fractional limb, and 2, 0 or 3
 * digits) divide by constants, which the JIT turns into multiplications.
 */
function nonNegativeMinor(d: Decimal, digits: number): number {
  const limbs = d.d;
  const e = d.e;
  if (limbs !== null && limbs !== undefined && e < 7 && e >= -7) {
    const n = limbs.length;
    let int = 0;
    let frac = 0;
    if (e >= 0) {
      int = limbs[0] as number;
      if (n === 2) frac = limbs[1] as number;
      else if (n !== 1) return -1;
    } else if (n === 1) {
      frac = limbs[0] as number;
    } else {
      return -1;
    }
    if (digits === 2) return frac % 100_000 === 0 ? int * 100 + frac / 100_000 : -1;
    if (digits === 0) return frac === 0 ? int : -1;
    if (digits === 3) return frac % 10_000 === 0 ? int * 1000 + frac / 10_000 : -1;
  }
  return toMinorFast(d, digits) ?? -1;
}

function addSaleGeneral(acc: ShareAccumulatorImpl, sale: AnySale, segment: string, fn: string, base: string, index: number): void {
  if (typeof sale !== "object" || sale === null) {
    typeError(fn, argName(base, index), sale == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a sale", sale, "an object { sellerId, date, amount, units? }");
  }
  // sellerId is not used by the share arithmetic, but a sale's id is a string (#11: NaN was accepted); absent is allowed.
  const id = (sale as { sellerId?: unknown }).sellerId;
  if (id !== undefined && typeof id !== "string") typeError(fn, `${argName(base, index)}.sellerId`, id === null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a string", id, "a seller id string");
  toSaleDate(sale.date, fn, `${argName(base, index)}.date`);
  let m = (sale as Sale).amount as Money;
  let minor: number | undefined;
  let amount: Decimal;
  const am = (sale as { amountMinor?: unknown }).amountMinor;
  if (am !== undefined) {
    // Minor units (#13): the currency is the accumulator's, given once in options.currency.
    const at = argName(base, index);
    if ((sale as { amount?: unknown }).amount !== undefined)
      rangeError(fn, at, ErrorCode.CONFLICTING_OPTIONS, "must have either amount or amountMinor, not both", sale, "a sale with one of amount (Money) or amountMinor (minor units)");
    if (acc.currency === undefined)
      typeError(fn, "options.currency", ErrorCode.MISSING_VALUE, `is required for a sale in minor units (${at}.amountMinor)`, undefined, 'an ISO 4217 code such as "USD" in the accumulator\'s options');
    if (typeof am === "number") {
      if (!Number.isSafeInteger(am))
        rangeError(
          fn,
          `${at}.amountMinor`,
          Number.isFinite(am) ? ErrorCode.NOT_INTEGER : ErrorCode.INVALID_NUMBER,
          "must be a safe integer number of minor units",
          am,
          "an integer from −(2^53 − 1) to 2^53 − 1, or a bigint",
        );
      minor = am;
      amount = new Decimal(acc.digits === 0 ? String(am) : `${am}e-${acc.digits}`);
    } else if (typeof am === "bigint") {
      if (am > 10n ** 60n || am < -(10n ** 60n)) rangeError(fn, `${at}.amountMinor`, ErrorCode.OUT_OF_RANGE, "is outside the supported amount range", am, "minor units below 10^60 in magnitude");
      if (am <= BigInt(Number.MAX_SAFE_INTEGER) && am >= -BigInt(Number.MAX_SAFE_INTEGER)) minor = Number(am);
      amount = new Decimal(acc.digits === 0 ? am.toString() : `${am.toString()}e-${acc.digits}`);
    } else {
      typeError(fn, `${at}.amountMinor`, am === null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a number or a bigint", am, "integer minor units (a safe-integer number or a bigint)");
    }
  } else if (typeof m === "object" && m !== null && m.currency === acc.currency && m.amount instanceof Decimal && (minor = toMinorFast(m.amount, acc.digits)) !== undefined) {
    // Hot path: exact integer minor units (toMinorFast returns undefined for NaN/±Infinity).
    amount = m.amount;
  } else if (typeof m === "object" && m !== null && m.currency === acc.currency && m.amount instanceof Decimal && isAmountInRange(m.amount)) {
    amount = m.amount;
  } else {
    m = toMoney(m, fn, `${argName(base, index)}.amount`);
    amount = amountIn(acc, sale as Sale, m, fn, argName(base, index));
  }
  const refund = minor !== undefined ? minor < 0 : amount.isNegative() && !amount.isZero();
  const u = sale.units as unknown;
  let units = refund ? 0 : 1;
  if (u !== undefined) {
    if (typeof u !== "number") typeError(fn, `${argName(base, index)}.units`, u === null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a number", u, "a finite number or undefined");
    if (!Number.isFinite(u)) rangeError(fn, `${argName(base, index)}.units`, ErrorCode.INVALID_NUMBER, "must be a finite number", u, "a finite number or undefined");
    units = u;
  }
  if (refund) {
    if (acc.refunds === "exclude") return;
    if (acc.refunds === "reject")
      rangeError(fn, `${argName(base, index)}.amount`, ErrorCode.OUT_OF_RANGE, 'must be ≥ 0 (refunds: "reject")', amount, 'an amount ≥ 0, or options.refunds "net" / "exclude" / "gross"');
  }
  let t = acc.totals.get(segment);
  if (t === undefined) {
    if (acc.declared !== undefined) {
      rangeError(fn, `segment of ${argName(base, index)}`, ErrorCode.UNKNOWN_OPTION, "must be one of options.segments", segment, acc.declared.map((x) => JSON.stringify(x)).join(", "));
    }
    if (typeof segment !== "string" || segment.length === 0) toNonEmptyString(segment, fn, `segment of ${argName(base, index)}`);
    t = emptyTotals();
    acc.totals.set(segment, t);
  }
  if (refund && acc.refunds === "gross") {
    // Kept apart: gross GMV and units stay as the sales made them; the record is counted.
    t.refunded = exactPlus(t.refunded, amount.abs());
    acc.sales += 1;
    return;
  }
  if (minor !== undefined && Number.isSafeInteger(t.gmvMinor + minor)) t.gmvMinor += minor;
  else if (!amount.isZero()) t.gmv = t.gmv.plus(amount);
  if (Number.isInteger(units) && Number.isSafeInteger(t.unitsInt + units)) t.unitsInt += units;
  else t.unitsDec = (t.unitsDec ?? new Decimal(0)).plus(units);
  if (!refund) t.sales += 1;
  acc.sales += 1;
}
