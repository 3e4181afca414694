import type { Money } from "../money/types.js";

/**
 * One sale as the row readers ({@link readSalesCsv}, {@link readSalesNdjson}) yield it: the
 * amount in exact integer minor units of the reader's currency (cents for USD), no `Money` per
 * row. The accumulators of the share module take it as is, with the currency given once in their
 * options.
 *
 * @category IO
 * @since 0.3.0
 */
export interface SaleRow {
  /** Seller id (the cell as written). */
  readonly sellerId: string;
  /** The UTC day of the sale (00:00Z). */
  readonly date: Date;
  /** Amount in integer minor units: a number when it is a safe integer, a bigint beyond. Negative for a refund. */
  readonly amountMinor: number | bigint;
  /** Units, when the input has a units cell for the row. */
  readonly units?: number;
}

/**
 * Where the readers read text from: a file path or `file:` URL, a Node.js `Readable` (e.g.
 * `fs.createReadStream`, `process.stdin`, a decompression stream), a web `ReadableStream`
 * (`fetch(url).body`), or any async or sync iterable of string / `Uint8Array` chunks. Bytes are
 * decoded as UTF-8.
 *
 * @category IO
 * @since 0.3.0
 */
export type TextSource = string | URL | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array> | ReadableStream<string | Uint8Array>;

/**
 * Which column (CSV header name, 0-based index without a header, NDJSON key) holds each field.
 * Defaults are the field names themselves (`sellerId`, `date`, `amount`, `units`, `currency`).
 *
 * @category IO
 * @since 0.3.0
 */
export interface SaleColumns {
  /** Seller id column. */
  readonly sellerId?: string | number | undefined;
  /** Sale date column (in `options.dateFormat`). */
  readonly date?: string | number | undefined;
  /** Amount column (major units by default, see `options.amountUnit`). */
  readonly amount?: string | number | undefined;
  /** Units column (optional: absent or empty cell = no units). */
  readonly units?: string | number | undefined;
  /** Currency column, checked against `options.currency` (optional). */
  readonly currency?: string | number | undefined;
}

/**
 * Options of {@link readSalesNdjson}; {@link ReadSalesCsvOptions} adds the CSV-only ones.
 *
 * @category IO
 * @since 0.3.0
 */
export interface ReadSalesOptions {
  /** ISO 4217 currency of every amount (required): amounts become its minor units. */
  readonly currency: string;
  /** Column mapping (see {@link SaleColumns}). */
  readonly columns?: SaleColumns | undefined;
  /** `"major"` (default): `12.50` is 12.50 USD; `"minor"`: the cell is already minor units (`1250`). */
  readonly amountUnit?: "major" | "minor" | undefined;
  /** Decimal separator of amounts and units: `"."` (default) or `","`. */
  readonly decimalSeparator?: "." | "," | undefined;
  /**
   * Thousands separator: `""` (default, none), `","`, `"."`, `" "`, `"'"`, no-break space
   * U+00A0, narrow no-break space U+202F or `"_"`; only between groups of three digits.
   */
  readonly thousandsSeparator?: "" | "," | "." | " " | "'" | "\u00a0" | "\u202f" | "_" | undefined;
  /**
   * Date format: `"YYYY-MM-DD"` (default), `"DD.MM.YYYY"`, `"DD/MM/YYYY"`, `"MM/DD/YYYY"`,
   * `"YYYY/MM/DD"`, `"YYYYMMDD"`, or `"ISO"` (an ISO 8601 date or date-time, truncated to its UTC day).
   */
  readonly dateFormat?: "YYYY-MM-DD" | "DD.MM.YYYY" | "DD/MM/YYYY" | "MM/DD/YYYY" | "YYYY/MM/DD" | "YYYYMMDD" | "ISO" | undefined;
  /** Longest record (CSV) or line (NDJSON) in characters, 16 to 2^28 (default 1,048,576): bounds memory on a malformed file. */
  readonly maxRecordLength?: number | undefined;
}

/**
 * Options of {@link readSalesCsv}.
 *
 * @category IO
 * @since 0.3.0
 */
export interface ReadSalesCsvOptions extends ReadSalesOptions {
  /** Field delimiter: `","` (default), `";"`, `"\t"` or `"|"`. */
  readonly delimiter?: "," | ";" | "\t" | "|" | undefined;
  /** Whether the first record is a header (default `true`); without one, `columns` are 0-based indexes. */
  readonly header?: boolean | undefined;
}

/**
 * Facts of one row of a seller table for {@link sellerSegments}: an id plus the size facts of
 * {@link classifyEnterpriseSize} (a {@link Seller} works).
 *
 * @category IO
 * @since 0.3.0
 */
export interface SellerSizeFacts {
  /** Seller id, as in the sales. */
  readonly id: string;
  /** Headcount. */
  readonly employees?: number | undefined;
  /** Annual turnover (EU) or receipts (SBA). */
  readonly annualTurnover?: Money | undefined;
  /** Balance-sheet total (EU). */
  readonly balanceSheetTotal?: Money | undefined;
  /** NAICS code (SBA). */
  readonly naicsCode?: string | undefined;
}
