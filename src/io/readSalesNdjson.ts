import { ErrorCode } from "../errors.js";
import { rangeError, typeError } from "../_lib/validate.js";
import { buildRow, parseReaderOptions, type Field } from "./_lib/options.js";
import { checkSource, textChunks } from "./_lib/source.js";
import type { ReadSalesOptions, SaleRow, TextSource } from "./types.js";

/**
 * Stream the sales of an NDJSON file (newline-delimited JSON, one object per line,
 * https://github.com/ndjson/ndjson-spec) as rows in integer minor units, in constant memory.
 *
 * Each non-blank line is one JSON object; `options.columns` names its keys. Amounts may be JSON
 * strings (read with the decimal and thousands separators of the options, exactly) or JSON
 * numbers with at most 15 significant digits (the digits a float64 keeps exactly, so `12.34` is
 * 1234 cents; a longer number throws: write it as a string). Dates are strings in
 * `options.dateFormat`. A line may end with LF or CRLF.
 *
 * Memory: one input chunk plus one line (bounded by `options.maxRecordLength`).
 *
 * @param source - a file path or `file:` URL, a Node.js `Readable`, a web `ReadableStream`, or an
 *   (async) iterable of string / `Uint8Array` chunks (see {@link TextSource})
 * @param options - currency (required), key names, separators, date format
 * @returns an async iterable of frozen {@link SaleRow}s, in file order
 * @throws {@link ValidationError} (while iterating) for a bad value, naming the line and key
 *   (`line 4, key "amount"`), for a line that is not a JSON object (naming the line and the
 *   character column JSON.parse stopped at), for a line too long, or for bad options
 * @throws {@link CurrencyMismatchError} when a currency key holds another currency
 * @throws {@link ValidationTypeError} when `source` is not a text source
 *
 * @example
 * ```ts
 * import { readSalesNdjson } from "marketplace-economics";
 * const ndjson = ['{"seller":"a","day":"2024-03-01","gmv":"12.50"}\n{"seller":"b","day":"2024-03-02","gmv":7.2,"units":3}\n'];
 * const rows = [];
 * for await (const row of readSalesNdjson(ndjson, { currency: "USD", columns: { sellerId: "seller", date: "day", amount: "gmv" } })) rows.push(row);
 * rows.map((r) => r.amountMinor); //=> [1250, 720]
 * rows[1]?.units; //=> 3
 * ```
 *
 * @category IO
 * @since 0.3.0
 */
export function readSalesNdjson(source: TextSource, options: ReadSalesOptions): AsyncIterableIterator<SaleRow> {
  const fn = "readSalesNdjson";
  checkSource(source, fn, "source");
  const s = parseReaderOptions(options, fn, false);
  return rows(source, s, fn);
}

async function* rows(source: TextSource, s: ReturnType<typeof parseReaderOptions>, fn: string): AsyncGenerator<SaleRow, void, undefined> {
  let buf = "";
  let line = 0;
  let obj: Record<string, unknown> = {};
  const cell = (f: Field): unknown => {
    const key = s.columns[f];
    return typeof key === "string" && Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
  };
  const where = (f: Field): string => `line ${line}, key ${JSON.stringify(s.columns[f])}`;
  const dateCache = { text: "\u0000", time: 0 };
  const parseLine = (text: string): SaleRow | undefined => {
    line += 1;
    const t = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (t.trim().length === 0) return undefined;
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch (e) {
      const m = /position (\d+)/.exec(String((e as Error).message));
      const col = m ? `, column ${Number(m[1]) + 1}` : "";
      return rangeError(fn, `line ${line}${col}`, ErrorCode.INVALID_TYPE, "is not valid JSON", t.slice(0, 40), "one JSON object per line (NDJSON)");
    }
    if (typeof v !== "object" || v === null || Array.isArray(v)) return typeError(fn, `line ${line}`, ErrorCode.INVALID_TYPE, "must be a JSON object", v, "one JSON object per line (NDJSON)");
    obj = v as Record<string, unknown>;
    return buildRow(s, cell, where, fn, dateCache);
  };
  let first = true;
  for await (const chunk of textChunks(source, fn, "source")) {
    let text = buf.length === 0 ? chunk : buf + chunk;
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let pos = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", pos)) {
      const row = parseLine(text.slice(pos, nl));
      pos = nl + 1;
      if (row !== undefined) yield row;
    }
    buf = pos === 0 ? text : text.slice(pos);
    if (buf.length > s.maxRecordLength) {
      rangeError(fn, `line ${line + 1}`, ErrorCode.OUT_OF_RANGE, `is longer than ${s.maxRecordLength} characters (options.maxRecordLength)`, undefined, "shorter lines, or a larger options.maxRecordLength");
    }
  }
  if (buf.length > 0) {
    const row = parseLine(buf);
    if (row !== undefined) yield row;
  }
}
