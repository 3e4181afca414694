/** Internal: the one column reader of the columnar entry points (addShareColumns, addMarketplaceColumns). */
import { rangeError, typeError } from "../../_lib/validate.js";
import { ErrorCode } from "../../errors.js";

/** Most rows of one batch. */
export const MAX_ROWS = 100_000_000;

/** An array-like column (a plain array, a typed array, or an Arrow-style vector's `toArray()`), at most MAX_ROWS long. */
export function column(value: unknown, fn: string, arg: string): ArrayLike<number | bigint> {
  let v = value;
  if (typeof v === "object" && v !== null && !ArrayBuffer.isView(v) && !Array.isArray(v) && typeof (v as { toArray?: unknown }).toArray === "function") v = (v as { toArray(): unknown }).toArray();
  const n = typeof v === "object" && v !== null ? (v as { length?: unknown }).length : undefined;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    typeError(fn, arg, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a column", value, "an array, a typed array or an Arrow-style vector with toArray()");
  }
  if (n > MAX_ROWS) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, `must have at most ${MAX_ROWS} rows (split the batch)`, n, `at most ${MAX_ROWS} rows`);
  return v as ArrayLike<number | bigint>;
}
