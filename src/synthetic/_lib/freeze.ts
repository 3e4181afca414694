/**
 * Deep freeze of the exported default calibration (#11: no shared mutable state).
 * `Object.freeze` on the calibration leaves its `Decimal` values writable (`x.s = -1` would flip
 * the sign every later `syntheticMarketplace()` reads); this freezes objects, arrays and Decimals
 * (with their digit arrays) all the way down. The same routine as src/data/_lib/freeze.ts (a
 * module's _lib/ is private to it). Never exported from the package.
 */
import { Decimal } from "../../_lib/decimal.js";

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
