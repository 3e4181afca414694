/**
 * Internal implementation of the streaming share accumulator: per-segment Decimal GMV, units and
 * counts. Memory is O(segments). Never exported from the package.
 */
import { Decimal } from "decimal.js";
import { CurrencyMismatchError, ErrorCode } from "../errors.js";
import type { Money } from "../money/types.js";
import type { CurrencyConverter, Sale, SalesShareOptions, ShareAccumulator, ShareAccumulatorJSON } from "../share/types.js";
import { toCurrency, toMoney } from "./money.js";
import { rangeError, toDecimal, toFunction, toInteger, toNonEmptyString, toOption, toRecord, typeError } from "./validate.js";

export type RefundPolicy = "net" | "exclude" | "reject";
export const REFUND_POLICIES: readonly RefundPolicy[] = ["net", "exclude", "reject"];

/** Per-segment running totals. Units are kept as an exact JS integer while possible. */
export interface SegmentTotals {
  gmv: Decimal;
  unitsInt: number;
  unitsDec: Decimal | undefined;
  sales: number;
}

export function unitsOf(t: SegmentTotals): Decimal {
  return t.unitsDec === undefined ? new Decimal(t.unitsInt) : t.unitsDec.plus(t.unitsInt);
}

export class ShareAccumulatorImpl implements ShareAccumulator {
  readonly kind = "ShareAccumulator" as const;
  currency: string | undefined;
  sales = 0;
  readonly precision: number;
  readonly refunds: RefundPolicy;
  readonly declared: readonly string[] | undefined;
  readonly convert: CurrencyConverter | undefined;
  readonly totals = new Map<string, SegmentTotals>();

  constructor(currency: string | undefined, precision: number, refunds: RefundPolicy, declared: readonly string[] | undefined, convert: CurrencyConverter | undefined) {
    this.currency = currency;
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
      totals[k] = { gmv: t.gmv.toFixed(), units: unitsOf(t).toFixed(), sales: t.sales };
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
  return { gmv: new Decimal(0), unitsInt: 0, unitsDec: undefined, sales: 0 };
}

/** Validate the shared options bag. */
export function parseShareOptions(options: unknown, fn: string): {
  currency: string | undefined;
  precision: number;
  refunds: RefundPolicy;
  declared: readonly string[] | undefined;
  convert: CurrencyConverter | undefined;
} {
  const o = toRecord(options, fn, "options", true);
  const currency = o["currency"] === undefined ? undefined : toCurrency(o["currency"], fn, "options.currency");
  const precision = o["precision"] === undefined ? 10 : toInteger(o["precision"], fn, "options.precision", 0, 20);
  const refunds = o["refunds"] === undefined ? "net" : toOption(o["refunds"], fn, "options.refunds", REFUND_POLICIES);
  const convert = o["convert"] === undefined ? undefined : toFunction<CurrencyConverter>(o["convert"], fn, "options.convert");
  let declared: string[] | undefined;
  if (o["segments"] !== undefined) {
    if (!Array.isArray(o["segments"])) typeError(fn, "options.segments", ErrorCode.INVALID_TYPE, "must be an array", o["segments"], "an array of segment names");
    declared = [];
    const seen = new Set<string>();
    (o["segments"] as unknown[]).forEach((s, i) => {
      const name = toNonEmptyString(s, fn, `options.segments[${i}]`);
      if (seen.has(name)) rangeError(fn, `options.segments[${i}]`, ErrorCode.DUPLICATE, "must be unique", s, "distinct segment names");
      seen.add(name);
      (declared as string[]).push(name);
    });
  }
  return { currency, precision, refunds, declared, convert };
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
    return money.amount;
  }
  if (money.currency === acc.currency) return money.amount;
  if (acc.convert === undefined) throw new CurrencyMismatchError(fn, acc.currency, money.currency);
  const converted: unknown = acc.convert(money, sale);
  if (typeof converted === "object" && converted !== null && !Decimal.isDecimal(converted)) {
    const m = toMoney(converted, fn, `${arg}: convert() result`);
    if (m.currency !== acc.currency) throw new CurrencyMismatchError(fn, acc.currency, m.currency);
    return m.amount;
  }
  return toDecimal(converted, fn, `${arg}: convert() result`);
}

/** Add one sale to a segment. Hot path: cheap checks first, full validation on anything unusual. */
export function addSaleUnchecked(acc: ShareAccumulatorImpl, sale: Sale, segment: string, fn: string, arg: string): void {
  if (typeof sale !== "object" || sale === null) {
    typeError(fn, arg, sale == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a sale", sale, "an object { sellerId, date, amount, units? }");
  }
  const date = sale.date as unknown;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    if (date instanceof Date) rangeError(fn, `${arg}.date`, ErrorCode.INVALID_DATE, "must be a valid date", date, "a valid Date");
    typeError(fn, `${arg}.date`, date == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a Date", date, "a valid Date");
  }
  let m = sale.amount as Money;
  if (!(typeof m === "object" && m !== null && m.amount instanceof Decimal && m.amount.isFinite() && m.currency === acc.currency)) {
    m = toMoney(m, fn, `${arg}.amount`);
  }
  let amount = amountIn(acc, sale, m, fn, arg);
  const refund = amount.isNegative() && !amount.isZero();
  const u = sale.units as unknown;
  let units = refund ? 0 : 1;
  if (u !== undefined) {
    if (typeof u !== "number") typeError(fn, `${arg}.units`, u === null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a number", u, "a finite number or undefined");
    if (!Number.isFinite(u)) rangeError(fn, `${arg}.units`, ErrorCode.INVALID_NUMBER, "must be a finite number", u, "a finite number or undefined");
    units = u;
  }
  if (refund) {
    if (acc.refunds === "exclude") return;
    if (acc.refunds === "reject") rangeError(fn, `${arg}.amount`, ErrorCode.OUT_OF_RANGE, "must be ≥ 0 (refunds: \"reject\")", m.amount, "an amount ≥ 0, or options.refunds \"net\" / \"exclude\"");
  }
  if (amount.isZero()) amount = new Decimal(0);
  let t = acc.totals.get(segment);
  if (t === undefined) {
    if (acc.declared !== undefined) {
      rangeError(fn, `segment of ${arg}`, ErrorCode.UNKNOWN_OPTION, "must be one of options.segments", segment, acc.declared.map((s) => JSON.stringify(s)).join(", "));
    }
    if (typeof segment !== "string" || segment.length === 0) toNonEmptyString(segment, fn, `segment of ${arg}`);
    t = emptyTotals();
    acc.totals.set(segment, t);
  }
  t.gmv = t.gmv.plus(amount);
  if (Number.isInteger(units) && Number.isSafeInteger(t.unitsInt + units)) t.unitsInt += units;
  else t.unitsDec = (t.unitsDec ?? new Decimal(0)).plus(units);
  if (!refund) t.sales += 1;
  acc.sales += 1;
}
