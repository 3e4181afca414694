import { ErrorCode } from "../errors.js";
import { rangeError } from "../_lib/validate.js";
import { CsvSplitter } from "./_lib/csv.js";
import { buildRow, FIELDS, parseReaderOptions, type Field } from "./_lib/options.js";
import { checkSource, textChunks } from "./_lib/source.js";
import type { ReadSalesCsvOptions, SaleRow, TextSource } from "./types.js";

/**
 * Stream the sales of a CSV file (or stream) as rows in integer minor units, in constant memory.
 *
 * The text is split per RFC 4180 § 2 (https://www.rfc-editor.org/rfc/rfc4180): a delimiter
 * between fields, CRLF or LF between records, double quotes around a field that contains the
 * delimiter, a quote or a line break, `""` for a quote inside one. A leading byte-order mark is
 * dropped; blank lines are skipped. Every cell is read with the explicit conventions of the
 * options (decimal and thousands separators, date format, currency), never guessed from the
 * locale. Amounts become exact integer minor units (`"1.234,50"` with `decimalSeparator: ","`,
 * `thousandsSeparator: "."` and EUR is 123450): no float and no Decimal per row, so the rows go
 * straight into the streaming accumulators.
 *
 * Memory: one input chunk plus one record (bounded by `options.maxRecordLength`), whatever the
 * file size. The rows are produced lazily: stop iterating and the file stops being read.
 *
 * @param source - a file path or `file:` URL, a Node.js `Readable`, a web `ReadableStream`, or an
 *   (async) iterable of string / `Uint8Array` chunks (see {@link TextSource})
 * @param options - currency (required), column names, separators, date format, delimiter, header
 * @returns an async iterable of frozen {@link SaleRow}s, in file order
 * @throws {@link ValidationError} (while iterating) for a bad cell, naming the line and column:
 *   `readSalesCsv: line 3, column 3 ("amount") has an unexpected character "x", received "12x" (allowed: …)`;
 *   for a malformed record (unclosed quote, stray quote, wrong number of fields, record too long);
 *   for a missing header column; for bad options
 * @throws {@link CurrencyMismatchError} when a currency column holds another currency
 * @throws {@link ValidationTypeError} when `source` is not a text source
 *
 * @example
 * ```ts
 * import { readSalesCsv } from "marketplace-economics";
 * const csv = ['seller;day;gmv;qty\n', 'a;31.01.2024;"1.234,50";2\n', "b;01.02.2024;-0,99;\n"];
 * const rows = [];
 * for await (const row of readSalesCsv(csv, { currency: "EUR", delimiter: ";", decimalSeparator: ",", thousandsSeparator: ".", dateFormat: "DD.MM.YYYY", columns: { sellerId: "seller", date: "day", amount: "gmv", units: "qty" } })) rows.push(row);
 * rows.map((r) => r.amountMinor); //=> [123450, -99]
 * rows[0]?.date.toISOString(); //=> "2024-01-31T00:00:00.000Z"
 * rows[0]?.units; //=> 2
 * ```
 *
 * @category IO
 * @since 0.3.0
 */
export function readSalesCsv(source: TextSource, options: ReadSalesCsvOptions): AsyncIterableIterator<SaleRow> {
  const fn = "readSalesCsv";
  checkSource(source, fn, "source");
  const s = parseReaderOptions(options, fn, true);
  return rows(source, s, fn);
}

async function* rows(source: TextSource, s: ReturnType<typeof parseReaderOptions>, fn: string): AsyncGenerator<SaleRow, void, undefined> {
  const splitter = new CsvSplitter(s.delimiter, s.maxRecordLength, fn);
  const index = new Map<Field, number>();
  const names: string[] = [];
  let width = -1;
  let fields: readonly string[] = [];
  let line = 0;
  const cell = (f: Field): string | undefined => {
    const i = index.get(f);
    return i === undefined ? undefined : fields[i];
  };
  const where = (f: Field): string => {
    const i = index.get(f) as number;
    return `line ${line}, column ${i + 1}${names[i] === undefined ? "" : ` (${JSON.stringify(names[i])})`}`;
  };
  const dateCache = { text: "\u0000", time: 0 };
  const setUp = (header: readonly string[] | undefined, first: readonly string[]): void => {
    width = first.length;
    if (header) {
      names.push(...header);
      for (const f of FIELDS) {
        const col = s.columns[f] as string;
        const i = header.indexOf(col);
        if (i === -1) {
          if (f === "units" || f === "currency") {
            if (s.explicit.has(f))
              rangeError(
                fn,
                `options.columns.${f}`,
                ErrorCode.MISSING_VALUE,
                `names a column missing from the header (line 1)`,
                col,
                header
                  .map((h) => JSON.stringify(h.slice(0, 40)))
                  .slice(0, 20)
                  .join(", "),
              );
            continue;
          }
          rangeError(
            fn,
            `options.columns.${f}`,
            ErrorCode.MISSING_VALUE,
            `names a column missing from the header (line 1)`,
            col,
            header
              .map((h) => JSON.stringify(h.slice(0, 40)))
              .slice(0, 20)
              .join(", "),
          );
        }
        index.set(f, i);
      }
    } else {
      for (const f of FIELDS) {
        const i = s.columns[f];
        if (typeof i !== "number") continue;
        if (i >= width) rangeError(fn, `options.columns.${f}`, ErrorCode.OUT_OF_RANGE, `is beyond the ${width} columns of line 1`, i, `0 to ${width - 1}`);
        index.set(f, i);
      }
    }
  };
  let started = false;
  const handle = function* (): Generator<SaleRow, void, undefined> {
    for (const rec of splitter.out) {
      line = rec.line;
      fields = rec.fields;
      if (!started) {
        started = true;
        if (s.header) {
          setUp(rec.fields, rec.fields);
          continue;
        }
        setUp(undefined, rec.fields);
      }
      if (fields.length !== width) {
        rangeError(
          fn,
          `line ${line}`,
          ErrorCode.DIMENSION_MISMATCH,
          `has ${fields.length} fields where ${s.header ? "the header has" : "line 1 has"} ${width}`,
          undefined,
          `${width} fields per record (RFC 4180: every record has the same number of fields)`,
        );
      }
      yield buildRow(s, cell, where, fn, dateCache);
    }
    splitter.out.length = 0;
  };
  for await (const chunk of textChunks(source, fn, "source")) {
    splitter.push(chunk);
    yield* handle();
  }
  splitter.end();
  yield* handle();
}
