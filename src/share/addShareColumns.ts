import { asAccumulator, emptyTotals } from "./_lib/accumulator.js";
import { column } from "./_lib/columns.js";
import { Decimal } from "../_lib/decimal.js";
import { rangeError, toArray, toNonEmptyString, toOptions, typeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { NumericColumn, ShareAccumulator, ShareColumns } from "./types.js";

/**
 * Add a whole batch of sales given as columns (typed arrays or Arrow-style vectors) to a share
 * accumulator, in place: segment codes into a dictionary of names, amounts in integer minor units
 * of the accumulator's currency, optional units. No object and no Decimal per row.
 *
 * The batch is validated in full before anything is added (a bad row throws naming
 * `columns.amountMinor[i]` and changes nothing). Rows follow the rules of {@link addSale}: a
 * negative amount is a refund under `options.refunds`, a row without units counts 1 unit (a
 * refund 0).
 *
 * @param accumulator - from {@link createShareAccumulator} with `options.currency` (never frozen)
 * @param columns - `{ segmentNames, segment, amountMinor, units? }` (see {@link ShareColumns})
 * @returns the same accumulator, updated
 * @throws {@link ValidationTypeError} when a column is not array-like, the accumulator has no currency or is frozen
 * @throws {@link ValidationError} when columns differ in length (`DIMENSION_MISMATCH`), a code is not an
 *   index of `segmentNames`, an amount is not an integer, units are not finite, a refund is
 *   rejected or a segment is not declared
 *
 * @example
 * ```ts
 * import { addShareColumns, createShareAccumulator, finalizeShare } from "marketplace-economics";
 * const acc = createShareAccumulator({ currency: "USD", precision: 2 });
 * addShareColumns(acc, { segmentNames: ["smb", "large"], segment: Uint8Array.of(0, 1, 0), amountMinor: Float64Array.of(2500, 5000, 2500) });
 * finalizeShare(acc).bySegment["smb"]?.gmvShare.toFixed(2); //=> "0.50"
 * ```
 *
 * @category Share
 * @since 0.3.0
 */
export function addShareColumns(accumulator: ShareAccumulator, columns: ShareColumns): ShareAccumulator {
  const fn = "addShareColumns";
  const acc = asAccumulator(accumulator, fn);
  if (Object.isFrozen(acc)) typeError(fn, "accumulator", ErrorCode.INVALID_TYPE, "must not be frozen (it is updated in place)", acc, "a live accumulator");
  if (acc.currency === undefined) typeError(fn, "options.currency", ErrorCode.MISSING_VALUE, "is required for amounts in minor units", undefined, "createShareAccumulator({ currency })");
  const c = toOptions(columns ?? null, fn, "columns", ["segmentNames", "segment", "amountMinor", "units"]);
  const names = toArray<unknown>(c.segmentNames, fn, "columns.segmentNames", { maxLength: 1_000_000 }).map((s, i) => toNonEmptyString(s, fn, `columns.segmentNames[${i}]`));
  const seg = column(c.segment, fn, "columns.segment");
  const amt = column(c.amountMinor, fn, "columns.amountMinor");
  const un = c.units === undefined ? undefined : column(c.units as NumericColumn, fn, "columns.units");
  const n = seg.length;
  if (amt.length !== n || (un !== undefined && un.length !== n))
    rangeError(fn, "columns", ErrorCode.DIMENSION_MISMATCH, "must have columns of one length", { segment: n, amountMinor: amt.length, units: un?.length }, `${n} rows in every column`);
  // Pass 1: validate, and add up per segment code (nothing in the accumulator changes yet).
  const k = names.length;
  const gmv = new Array<bigint>(k).fill(0n);
  const gmvNum = new Float64Array(k);
  const units = new Float64Array(k);
  const unitsDec: (Decimal | undefined)[] = new Array<Decimal | undefined>(k).fill(undefined);
  const sales = new Float64Array(k);
  const records = new Float64Array(k);
  const refunded = new Array<bigint>(k).fill(0n);
  const SAFE = Number.MAX_SAFE_INTEGER;
  for (let i = 0; i < n; i++) {
    const code = seg[i];
    if (typeof code !== "number" || !Number.isInteger(code) || code < 0 || code >= k)
      rangeError(fn, `columns.segment[${i}]`, ErrorCode.OUT_OF_RANGE, "must be an index of columns.segmentNames", code, `an integer from 0 to ${k - 1}`);
    const a = amt[i];
    let minor: number;
    let big: bigint | undefined;
    if (typeof a === "number") {
      if (!Number.isSafeInteger(a))
        rangeError(fn, `columns.amountMinor[${i}]`, Number.isFinite(a) ? ErrorCode.NOT_INTEGER : ErrorCode.INVALID_NUMBER, "must be a safe integer number of minor units", a, "an integer, or a BigInt64Array");
      minor = a;
    } else if (typeof a === "bigint") {
      if (a > 10n ** 60n || a < -(10n ** 60n)) rangeError(fn, `columns.amountMinor[${i}]`, ErrorCode.OUT_OF_RANGE, "is outside the supported amount range", a, "minor units below 10^60 in magnitude");
      big = a;
      minor = a < 0n ? -1 : 1;
    } else {
      return typeError(fn, `columns.amountMinor[${i}]`, ErrorCode.INVALID_TYPE, "must be a number or a bigint", a, "integer minor units");
    }
    const refund = minor < 0;
    let u = refund ? 0 : 1;
    if (un !== undefined) {
      const x = un[i];
      if (typeof x !== "number" || !Number.isFinite(x)) rangeError(fn, `columns.units[${i}]`, ErrorCode.INVALID_NUMBER, "must be a finite number", x, "a finite number");
      u = x;
    }
    if (refund) {
      if (acc.refunds === "exclude") continue;
      if (acc.refunds === "reject") rangeError(fn, `columns.amountMinor[${i}]`, ErrorCode.OUT_OF_RANGE, 'must be ≥ 0 (refunds: "reject")', a, 'an amount ≥ 0, or options.refunds "net" / "exclude" / "gross"');
      records[code] = (records[code] as number) + 1;
      if (acc.refunds === "gross") {
        refunded[code] = (refunded[code] as bigint) - (big ?? BigInt(minor));
        continue;
      }
    } else {
      sales[code] = (sales[code] as number) + 1;
      records[code] = (records[code] as number) + 1;
    }
    if (big !== undefined) gmv[code] = (gmv[code] as bigint) + big;
    else {
      const g = (gmvNum[code] as number) + minor;
      if (g <= SAFE && g >= -SAFE) gmvNum[code] = g;
      else {
        gmv[code] = (gmv[code] as bigint) + BigInt(gmvNum[code] as number) + BigInt(minor);
        gmvNum[code] = 0;
      }
    }
    const su = (units[code] as number) + u;
    if (Number.isInteger(u) && Number.isSafeInteger(su)) units[code] = su;
    else unitsDec[code] = (unitsDec[code] ?? new Decimal(0)).plus(u);
  }
  for (let j = 0; j < k; j++) {
    const name = names[j] as string;
    if ((records[j] as number) > 0 && !acc.totals.has(name) && acc.declared !== undefined) {
      rangeError(fn, `columns.segmentNames[${j}]`, ErrorCode.UNKNOWN_OPTION, "must be one of options.segments", name, acc.declared.map((x) => JSON.stringify(x)).join(", "));
    }
  }
  // Pass 2: apply.
  const digits = acc.digits;
  const dec = (g: bigint): Decimal => new Decimal(digits === 0 ? g.toString() : `${g.toString()}e-${digits}`);
  for (let j = 0; j < k; j++) {
    if ((records[j] as number) === 0) continue;
    const name = names[j] as string;
    let t = acc.totals.get(name);
    if (t === undefined) {
      t = emptyTotals();
      acc.totals.set(name, t);
    }
    const g = t.gmvMinor + (gmvNum[j] as number);
    if (Number.isSafeInteger(g)) t.gmvMinor = g;
    else t.gmv = t.gmv.plus(dec(BigInt(gmvNum[j] as number)));
    if ((gmv[j] as bigint) !== 0n) t.gmv = t.gmv.plus(dec(gmv[j] as bigint));
    const u = t.unitsInt + (units[j] as number);
    if (Number.isSafeInteger(u)) t.unitsInt = u;
    else t.unitsDec = (t.unitsDec ?? new Decimal(0)).plus(units[j] as number);
    const ud = unitsDec[j];
    if (ud !== undefined) t.unitsDec = (t.unitsDec ?? new Decimal(0)).plus(ud);
    if ((refunded[j] as bigint) !== 0n) t.refunded = t.refunded.plus(dec(refunded[j] as bigint));
    t.sales += sales[j] as number;
    acc.sales += records[j] as number;
  }
  return acc;
}
