/** Internal: the one input rule of the streaming functions (#13): arrays, sync iterables, async iterables. */
import { ErrorCode } from "../errors.js";
import { toArray, typeError } from "./validate.js";

/** An array (validated: no holes) or another sync iterable (not a string), read once by the caller. */
export function toSyncIterable<T>(value: unknown, fn: string, arg: string, what: string): Iterable<T> {
  if (Array.isArray(value)) return toArray<T>(value, fn, arg);
  if (value == null || typeof value !== "object" || typeof (value as Partial<Iterable<T>>)[Symbol.iterator] !== "function") {
    const isAsync = value != null && typeof (value as Partial<AsyncIterable<T>>)[Symbol.asyncIterator] === "function";
    typeError(
      fn,
      arg,
      value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE,
      isAsync ? `must be a synchronous iterable (for an async iterable call ${fn}Async)` : "must be an array or an iterable",
      value,
      `an array or another Iterable of ${what}${isAsync ? "" : ` (an AsyncIterable: ${fn}Async)`}`,
    );
  }
  return value as Iterable<T>;
}

/** An array, a sync iterable or an async iterable (not a string), read once with `for await`. */
export function toAnyIterable<T>(value: unknown, fn: string, arg: string, what: string): AsyncIterable<T> | Iterable<T> {
  if (Array.isArray(value)) return toArray<T>(value, fn, arg);
  const v = value as Partial<AsyncIterable<T> & Iterable<T>> | null | undefined;
  if (v == null || typeof v !== "object" || (typeof v[Symbol.asyncIterator] !== "function" && typeof v[Symbol.iterator] !== "function")) {
    typeError(
      fn,
      arg,
      v == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE,
      "must be an array or an (async) iterable",
      value,
      `an array, an Iterable or an AsyncIterable of ${what} (a stream, readline, a database cursor...)`,
    );
  }
  return value as AsyncIterable<T> | Iterable<T>;
}
