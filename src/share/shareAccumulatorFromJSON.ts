import { REFUND_POLICIES, ShareAccumulatorImpl, type SegmentTotals } from "./_lib/accumulator.js";
import { toCurrency } from "../_lib/money.js";
import { rangeError, toDecimal, toFunction, toInteger, toNonEmptyString, toOption, toRecord, typeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
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
 * @throws {ValidationError} when the state is malformed (wrong version, bad number, negative count)
 *
 * @example
 * ```ts
 * import { addSale, createShareAccumulator, finalizeShare, money, shareAccumulatorFromJSON } from "marketplace-economics";
 * const acc = createShareAccumulator({ precision: 1 });
 * addSale(acc, { sellerId: "x", date: new Date("2017-01-01"), amount: money("5", "USD") }, "smb");
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
  const opts = toRecord(options, fn, "options", true);
  const convert = opts["convert"] === undefined ? undefined : toFunction<CurrencyConverter>(opts["convert"], fn, "options.convert");
  const acc = new ShareAccumulatorImpl(currency, precision, refunds, declared, convert);
  const totals = toRecord(o["totals"], fn, "json.totals");
  let records = 0;
  for (const [seg, raw] of Object.entries(totals)) {
    if (declared && !declared.includes(seg)) rangeError(fn, `json.totals[${JSON.stringify(seg)}]`, ErrorCode.UNKNOWN_OPTION, "must be a declared segment", seg, declared.join(", "));
    const r = toRecord(raw, fn, `json.totals[${JSON.stringify(seg)}]`);
    const units = toDecimal(r["units"], fn, `json.totals[${JSON.stringify(seg)}].units`);
    const t: SegmentTotals = {
      gmv: toDecimal(r["gmv"], fn, `json.totals[${JSON.stringify(seg)}].gmv`),
      gmvMinor: 0,
      unitsInt: 0,
      unitsDec: units,
      sales: toInteger(r["sales"], fn, `json.totals[${JSON.stringify(seg)}].sales`, 0),
    };
    if (units.isInteger() && units.abs().lte(Number.MAX_SAFE_INTEGER)) {
      t.unitsInt = units.toNumber();
      t.unitsDec = undefined;
    }
    records += t.sales;
    acc.totals.set(seg, t);
  }
  const sales = o["sales"] === undefined ? records : toInteger(o["sales"], fn, "json.sales", 0);
  if (sales < records) {
    // json.sales counts every record (refunds too); each segment counts its sales, not refunds.
    rangeError(fn, "json.sales", ErrorCode.OUT_OF_RANGE, `must be at least the sum of the segments' sales counts (${records})`, sales, "the state written by JSON.stringify(accumulator)");
  }
  acc.sales = sales;
  if (currency === undefined && [...acc.totals.values()].some((t) => !t.gmv.isZero())) {
    rangeError(fn, "json.currency", ErrorCode.MISSING_VALUE, "must be set when totals are not zero", null, "a currency code");
  }
  return acc;
}
