/**
 * Text sources of the row readers: a file path or `file:` URL (read with `node:fs`, loaded only
 * when a path is given, so the core never imports Node built-ins at module scope), a Node.js
 * `Readable`, a web `ReadableStream`, or any async or sync iterable of strings and byte chunks.
 * Bytes are decoded as UTF-8 in streaming mode (a character split across chunks is kept whole);
 * invalid UTF-8 throws. Memory is one chunk at a time.
 */
import { ErrorCode } from "../../errors.js";
import { rangeError, typeError } from "../../_lib/validate.js";

/** Anything the readers accept as text input. */
export type TextSourceInput = string | URL | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array> | ReadableStream<string | Uint8Array>;

const ALLOWED = "a file path or file: URL, a Node.js Readable, a web ReadableStream, or an (async) iterable of strings / Uint8Array chunks";

/**
 * Check a source when the reader is called (not only when it is iterated): its kind, and for an
 * array (already in memory) every chunk. A path is checked when it is opened.
 */
export function checkSource(source: unknown, fn: string, arg: string): void {
  if (typeof source === "string") {
    if (source.length === 0) rangeError(fn, arg, ErrorCode.MISSING_VALUE, "must not be an empty path", source, ALLOWED);
    return;
  }
  if (source instanceof URL) return;
  if (typeof source === "object" && source !== null) {
    const s = source as Partial<AsyncIterable<unknown> & Iterable<unknown>> & { getReader?: unknown };
    if (Array.isArray(source)) {
      const list = source as readonly unknown[];
      for (let i = 0; i < list.length; i++) {
        const chunk = i in list ? list[i] : undefined;
        if (typeof chunk !== "string" && !(chunk instanceof Uint8Array))
          typeError(fn, `${arg}[${i}]`, chunk == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a string or a Uint8Array", chunk, "strings or Uint8Array (Buffer) chunks");
      }
      return;
    }
    if (typeof s[Symbol.asyncIterator] === "function" || typeof s.getReader === "function" || typeof s[Symbol.iterator] === "function") return;
  }
  typeError(fn, arg, source == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a text source", source, ALLOWED);
}

/** The chunks of a source, as strings. */
export async function* textChunks(source: unknown, fn: string, arg: string): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const decode = (chunk: unknown, index: number): string => {
    if (typeof chunk === "string") return chunk;
    if (chunk instanceof Uint8Array) {
      try {
        return decoder.decode(chunk, { stream: true });
      } catch {
        return rangeError(fn, `${arg} chunk ${index}`, ErrorCode.INVALID_TYPE, "must be valid UTF-8", undefined, "UTF-8 text");
      }
    }
    return typeError(fn, `${arg} chunk ${index}`, chunk == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a string or a Uint8Array", chunk, "strings or Uint8Array (Buffer) chunks");
  };
  let index = 0;
  for await (const chunk of chunksOf(source, fn, arg)) {
    const text = decode(chunk, index++);
    if (text.length > 0) yield text;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    return rangeError(fn, arg, ErrorCode.INVALID_TYPE, "must end with a complete UTF-8 character", undefined, "UTF-8 text");
  }
  if (tail.length > 0) yield tail;
}

async function* chunksOf(source: unknown, fn: string, arg: string): AsyncGenerator<unknown, void, undefined> {
  if (typeof source === "string" || source instanceof URL) {
    if (typeof source === "string" && source.length === 0) rangeError(fn, arg, ErrorCode.MISSING_VALUE, "must not be an empty path", source, ALLOWED);
    const { createReadStream } = await import("node:fs");
    try {
      yield* createReadStream(source, { highWaterMark: 1 << 16 }) as AsyncIterable<unknown>;
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (typeof code !== "string" || !code.startsWith("E")) throw e;
      rangeError(fn, arg, ErrorCode.MISSING_VALUE, `names a file that cannot be read (${code})`, String(source), "a readable file path");
    }
    return;
  }
  if (typeof source === "object" && source !== null) {
    const s = source as Partial<AsyncIterable<unknown> & Iterable<unknown>> & { getReader?: unknown };
    if (typeof s[Symbol.asyncIterator] === "function") {
      yield* s as AsyncIterable<unknown>;
      return;
    }
    if (typeof s.getReader === "function") {
      const reader = (source as ReadableStream<unknown>).getReader();
      try {
        for (;;) {
          const r = await reader.read();
          if (r.done) return;
          yield r.value;
        }
      } finally {
        reader.releaseLock();
      }
    }
    if (typeof s[Symbol.iterator] === "function") {
      yield* s as Iterable<unknown>;
      return;
    }
  }
  typeError(fn, arg, source == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a text source", source, ALLOWED);
}
