import { REFUND_POLICIES, ShareAccumulatorImpl, type SegmentTotals } from "./_lib/accumulator.js";
import { toCurrency } from "../_lib/money.js";
import { rangeError, toAmount, toFunction, toInteger, toNonEmptyString, toOption, toRecord, typeError, toOptions } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import { dateTimeOf } from "../_lib/dates.js";
import type { CurrencyConverter, ShareAccumulator, ShareAccumulatorJSON } from "./types.js";

/**
 * The {@link shareAccumulatorFromJSON} function options.
 *
 * @category Share
 * @since 0.1.0
 */
export interface ShareAccumulatorFromJSONOptions {
  /** Converter for later sales in other currencies (functions are not serialised). */
  readonly convert?: CurrencyConverter | undefined;
}

/**
 * Restore a share accumulator from its JSON state (`JSON.stringify(acc)` / `acc.toJSON()`).
 *
 * The state is validated: a corrupted or hand-edited state throws rather than producing wrong
 * shares. Accepts the object or its JSON string.
 *
 * @param json - a {@link ShareAccumulatorJSON} object, or its string form
 * @param options - the converter to re-attach, if any
 * @returns a new accumulator equal to the one serialised
 * @throws {@link ValidationError} when the state is malformed (wrong version, bad number, negative count)
 *
 * @example
 * ```ts
 * import { addSale, calendarDay, createShareAccumulator, finalizeShare, money, shareAccumulatorFromJSON } from "marketplace-economics";
 * const acc = createShareAccumulator({ precision: 1 });
 * addSale(acc, { sellerId: "x", date: calendarDay(2017, 1, 1), amount: money("5", "USD") }, "smb");
 * const restored = shareAccumulatorFromJSON(JSON.stringify(acc));
 * finalizeShare(restored).bySegment["smb"]?.gmv.amount.toFixed(2); //=> "5.00"
 * ```
 *
 * @category Share
 * @since 0.1.0
 */
export function shareAccumulatorFromJSON(json: ShareAccumulatorJSON | string, options?: ShareAccumulatorFromJSONOptions): ShareAccumulator {
  const fn = "shareAccumulatorFromJSON";
  let value: unknown = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch {
      rangeError(fn, "json", ErrorCode.INVALID_TYPE, "must be valid JSON", json, "the output of JSON.stringify(accumulator)");
    }
  }
  const o = toRecord(value, fn, "json");
  if (o["version"] !== 1) rangeError(fn, "json.version", ErrorCode.UNKNOWN_OPTION, "must be 1", o["version"], "1");
  const currency = o["currency"] === null ? undefined : toCurrency(o["currency"], fn, "json.currency");
  const precision = toInteger(o["precision"], fn, "json.precision", 0, 20);
  const refunds = toOption(o["refunds"], fn, "json.refunds", REFUND_POLICIES);
  let declared: string[] | undefined;
  if (o["segments"] !== null) {
    if (!Array.isArray(o["segments"])) typeError(fn, "json.segments", ErrorCode.INVALID_TYPE, "must be an array or null", o["segments"], "an array of names or null");
    declared = (o["segments"] as unknown[]).map((s, i) => toNonEmptyString(s, fn, `json.segments[${i}]`));
    const firstDuplicate = declared.findIndex((s, i) => declared!.indexOf(s) !== i);
    if (firstDuplicate !== -1) rangeError(fn, `json.segments[${firstDuplicate}]`, ErrorCode.DUPLICATE, "must be unique", declared[firstDuplicate], "distinct segment names");
  }
  const opts = toOptions(options, fn, "options", ["convert"]);
  const convert = opts["convert"] === undefined ? undefined : toFunction<CurrencyConverter>(opts["convert"], fn, "options.convert");
  const acc = new ShareAccumulatorImpl(currency, precision, refunds, declared, convert);
  if (dateTimeOf(o["totals"]) !== undefined) typeError(fn, "json.totals", ErrorCode.INVALID_TYPE, "must be an object of segment totals", o["totals"], "the state written by JSON.stringify(accumulator)");
  const totals = toRecord(o["totals"], fn, "json.totals");
  let records = 0;
  // Segments whose GMV is not zero but that count no sale: only refunds made them (each refund is
  // a record of json.sales but not of a segment's sales), so there can be at most
  // json.sales − Σ segment sales of them (#11).
  let refundOnly = 0;
  for (const [seg, raw] of Object.entries(totals)) {
    toNonEmptyString(seg, fn, `json.totals[${JSON.stringify(seg)}] (its segment name)`);
    if (declared && !declared.includes(seg)) rangeError(fn, `json.totals[${JSON.stringify(seg)}]`, ErrorCode.UNKNOWN_OPTION, "must be a declared segment", seg, declared.join(", "));
    const r = toRecord(raw, fn, `json.totals[${JSON.stringify(seg)}]`);
    const at = `json.totals[${JSON.stringify(seg)}]`;
    // Amounts and units through the one bounded amount path: no huge exponent can make the
    // exact sums slow; counts are safe integers (#11).
    const units = toAmount(r["units"], fn, `${at}.units`);
    const t: SegmentTotals = {
      gmv: toAmount(r["gmv"], fn, `${at}.gmv`),
      gmvMinor: 0,
      unitsInt: 0,
      unitsDec: units,
      sales: toInteger(r["sales"], fn, `${at}.sales`, 0, Number.MAX_SAFE_INTEGER),
      refunded: refunds === "gross" && r["refunds"] !== undefined ? toAmount(r["refunds"], fn, `${at}.refunds`) : toAmount(0, fn, `${at}.refunds`),
    };
    if (refunds !== "gross" && r["refunds"] !== undefined) rangeError(fn, `${at}.refunds`, ErrorCode.UNKNOWN_OPTION, 'is only written under refunds: "gross"', r["refunds"], "no refunds field");
    if (t.refunded.isNegative() && !t.refunded.isZero()) rangeError(fn, `${at}.refunds`, ErrorCode.OUT_OF_RANGE, "must be ≥ 0 (refunds are kept as a positive amount)", r["refunds"], "an amount ≥ 0");
    checkSegment(t, units, refunds, fn, at);
    if (t.sales === 0 && !t.gmv.isZero()) refundOnly += 1;
    if (refunds === "gross" && !t.refunded.isZero()) refundOnly += 1;
    if (units.isInteger() && units.abs().lte(Number.MAX_SAFE_INTEGER)) {
      t.unitsInt = units.toNumber();
      t.unitsDec = undefined;
    }
    records += t.sales;
    if (records > Number.MAX_SAFE_INTEGER) rangeError(fn, `${at}.sales`, ErrorCode.OUT_OF_RANGE, "makes the total record count exceed 2^53 − 1", t.sales, "counts whose sum is a safe integer");
    acc.totals.set(seg, t);
  }
  const sales = o["sales"] === undefined ? records + refundOnly : toInteger(o["sales"], fn, "json.sales", 0, Number.MAX_SAFE_INTEGER);
  if (sales < records + refundOnly) {
    // json.sales counts every record (refunds too); each segment counts its sales, not refunds.
    rangeError(
      fn,
      "json.sales",
      ErrorCode.OUT_OF_RANGE,
      refundOnly === 0
        ? `must be at least the sum of the segments' sales counts (${records})`
        : `must be at least the sum of the segments' sales counts plus one refund per refund-only segment (${records + refundOnly})`,
      sales,
      "the state written by JSON.stringify(accumulator)",
    );
  }
  if ((refunds === "exclude" || refunds === "reject") && sales !== records) {
    // Under "exclude" a refund is dropped before it is counted and under "reject" it throws, so
    // every record is a sale of some segment.
    rangeError(
      fn,
      "json.sales",
      ErrorCode.OUT_OF_RANGE,
      `must equal the sum of the segments' sales counts (${records}) under refunds: ${JSON.stringify(refunds)}`,
      sales,
      "the state written by JSON.stringify(accumulator)",
    );
  }
  acc.sales = sales;
  if (currency === undefined && [...acc.totals.values()].some((t) => !t.gmv.isZero())) {
    rangeError(fn, "json.currency", ErrorCode.MISSING_VALUE, "must be set when totals are not zero", null, "a currency code");
  }
  return acc;
}

/**
 * A segment's totals must be ones that sales could have produced (#11): under `refunds:
 * "exclude"` / `"reject"` no refund is ever added, so GMV is ≥ 0 and a segment with no sale has
 * zero GMV and zero units.
 */
function checkSegment(t: SegmentTotals, units: { isZero(): boolean }, refunds: string, fn: string, at: string): void {
  if (refunds === "net") return;
  // Under "gross" too, GMV and units only ever grow with sales (refunds are kept apart).
  if (t.gmv.isNegative() && !t.gmv.isZero()) {
    rangeError(fn, `${at}.gmv`, ErrorCode.OUT_OF_RANGE, `must be ≥ 0 under refunds: ${JSON.stringify(refunds)} (no refund is ever added)`, t.gmv.toString(), "a GMV ≥ 0");
  }
  if (t.sales === 0 && (!t.gmv.isZero() || !units.isZero())) {
    rangeError(fn, `${at}.sales`, ErrorCode.OUT_OF_RANGE, "must be ≥ 1 when the segment's GMV or units are not 0 (counts must agree with the totals)", t.sales, "a count of the sales that made the totals");
  }
}
