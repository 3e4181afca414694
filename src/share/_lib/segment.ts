/** Internal: call a caller's segmentOf and validate its answer. */
import { ErrorCode } from "../../errors.js";
import type { Sale } from "../types.js";
import { rangeError, typeError } from "../../_lib/validate.js";

export function segmentFor<S extends string>(segmentOf: (sale: Sale, index: number) => S, sale: Sale, index: number, fn: string, base: string): S {
  return checkSegment<S>(segmentOf(sale, index), index, fn, base);
}

/**
 * Validate what `segmentOf(sales[index])` returned. Streaming loops call this only when the
 * answer is not already a non-empty string, so the hot loop creates no closure per sale.
 */
export function checkSegment<S extends string>(s: unknown, index: number, fn: string, base: string): S {
  if (typeof s === "string" && s.length > 0) return s as S;
  const arg = `${base}[${index}]`;
  if (typeof s !== "string") {
    typeError(
      fn,
      `segmentOf(${arg})`,
      s == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE,
      "must return a segment name",
      s,
      'a non-empty string (map unknown sellers to a segment such as "unknown" yourself)',
    );
  }
  if (s.length === 0) rangeError(fn, `segmentOf(${arg})`, ErrorCode.OUT_OF_RANGE, "must not return an empty string", s, "a non-empty string");
  return s as S;
}
