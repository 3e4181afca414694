/**
 * Deep freeze of published data and exported tables (data figures, jobs tables, the default
 * synthetic calibration; #11: no shared mutable state). `Object.freeze` on a figure
 * leaves its `Decimal` values writable (`value.s = -1` would flip the sign of every later read);
 * this freezes objects, arrays and Decimals (with their digit arrays) all the way down, so a
 * caller cannot change what a later call returns. Never exported from the package.
 */
import { Decimal } from "./decimal.js";

/** Freeze `value` and everything it holds; returns it. Cycles are followed once. */
export function deepFreeze<T>(value: T, seen: Set<object> = new Set()): T {
  if (typeof value !== "object" || value === null || seen.has(value)) return value;
  seen.add(value);
  if (Decimal.isDecimal(value)) {
    const d = (value as unknown as { d?: unknown }).d;
    if (Array.isArray(d)) Object.freeze(d);
    return Object.freeze(value);
  }
  for (const v of Object.values(value)) deepFreeze(v, seen);
  return Object.freeze(value);
}
