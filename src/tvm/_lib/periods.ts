/**
 * Internal validation of payment-period arguments (ipmt, ppmt, cumipmt, cumprinc). Never exported.
 */
import type { Decimal } from "decimal.js";
import { ErrorCode } from "../../errors.js";
import { rangeError, toInteger } from "../../_lib/validate.js";

/** A payment number: an integer from 1 to nper (nper may be fractional: then up to ⌈nper⌉). */
export function toPeriod(value: unknown, fn: string, arg: string, nper: Decimal): number {
  const last = nper.ceil().toNumber();
  const p = toInteger(value, fn, arg, 1, undefined);
  if (p > last) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `must be from 1 to nper (${nper.toString()})`, value, `an integer from 1 to ${last}`);
  return p;
}

/** nper > 0 (checked after parsing). */
export function checkNper(n: Decimal, fn: string, raw: unknown): void {
  if (!n.greaterThan(0)) rangeError(fn, "nper", ErrorCode.OUT_OF_RANGE, "must be > 0", raw, "a number of periods > 0");
}

/** startPeriod and endPeriod: integers from 1 to nper, start ≤ end. */
export function toPeriodRange(start: unknown, end: unknown, fn: string, nper: Decimal): { readonly s: number; readonly e: number } {
  const s = toPeriod(start, fn, "startPeriod", nper);
  const e = toPeriod(end, fn, "endPeriod", nper);
  if (s > e) rangeError(fn, "startPeriod", ErrorCode.OUT_OF_RANGE, `must not be after endPeriod (${e})`, start, `an integer from 1 to ${e}`);
  return { s, e };
}
