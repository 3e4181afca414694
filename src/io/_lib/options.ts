/**
 * Options shared by the CSV and NDJSON readers, validated once, and the builder that turns one
 * record's cells into a sale row.
 */
import { CurrencyMismatchError, ErrorCode } from "../../errors.js";
import { minorDigits, toCurrency } from "../../_lib/money.js";
import { rangeError, toInteger, toNonEmptyString, toOption, toOptions, typeError } from "../../_lib/validate.js";
import { DATE_FORMATS, DECIMAL_SEPARATORS, THOUSANDS_SEPARATORS, parseAmountCell, parseDateCell, parseUnitsCell, type DateFormat, type NumberFormat } from "./cells.js";
import type { SaleRow } from "../types.js";

export const FIELDS = ["sellerId", "date", "amount", "units", "currency"] as const;
export type Field = (typeof FIELDS)[number];
const DEFAULT_COLUMNS: Readonly<Record<Field, string>> = { sellerId: "sellerId", date: "date", amount: "amount", units: "units", currency: "currency" };

export interface ReaderSettings {
  readonly currency: string;
  readonly digits: number;
  readonly minor: boolean;
  readonly number: NumberFormat;
  readonly dateFormat: DateFormat;
  /** Column of each field: a header name, or a 0-based index; `undefined` = not read. */
  readonly columns: Readonly<Record<Field, string | number | undefined>>;
  /** Whether the units / currency columns were asked for explicitly (then they must exist). */
  readonly explicit: ReadonlySet<Field>;
  readonly maxRecordLength: number;
  readonly delimiter: string;
  readonly header: boolean;
}

const COMMON_KEYS = ["currency", "columns", "amountUnit", "decimalSeparator", "thousandsSeparator", "dateFormat", "maxRecordLength"] as const;

export function parseReaderOptions(options: unknown, fn: string, csv: boolean): ReaderSettings {
  const o = toOptions(options, fn, "options", csv ? [...COMMON_KEYS, "delimiter", "header"] : [...COMMON_KEYS]);
  if (o["currency"] === undefined) rangeError(fn, "options.currency", ErrorCode.MISSING_VALUE, "is required (amounts are read as minor units of this currency)", undefined, 'an ISO 4217 code such as "USD"');
  const currency = toCurrency(o["currency"], fn, "options.currency");
  const minor = (o["amountUnit"] === undefined ? "major" : toOption(o["amountUnit"], fn, "options.amountUnit", ["major", "minor"] as const)) === "minor";
  const decimal = o["decimalSeparator"] === undefined ? "." : toOption(o["decimalSeparator"], fn, "options.decimalSeparator", DECIMAL_SEPARATORS);
  const thousands = o["thousandsSeparator"] === undefined ? "" : toOption(o["thousandsSeparator"], fn, "options.thousandsSeparator", THOUSANDS_SEPARATORS);
  if (thousands === decimal) {
    rangeError(fn, "options.thousandsSeparator", ErrorCode.CONFLICTING_OPTIONS, "must differ from options.decimalSeparator", thousands, "a thousands separator other than the decimal separator");
  }
  const dateFormat = o["dateFormat"] === undefined ? "YYYY-MM-DD" : toOption(o["dateFormat"], fn, "options.dateFormat", DATE_FORMATS);
  const maxRecordLength = o["maxRecordLength"] === undefined ? 1 << 20 : toInteger(o["maxRecordLength"], fn, "options.maxRecordLength", 16, 1 << 28);
  let delimiter = ",";
  if (csv && o["delimiter"] !== undefined) delimiter = toOption(o["delimiter"] as unknown, fn, "options.delimiter", [",", ";", "\t", "|"] as const);
  if (csv && delimiter === decimal && decimal === ",") {
    // Allowed (RFC 4180 quoting keeps "12,50" in one field), nothing to check.
  }
  const header =
    !csv || o["header"] === undefined
      ? true
      : o["header"] === true
        ? true
        : o["header"] === false
          ? false
          : typeError(fn, "options.header", ErrorCode.INVALID_TYPE, "must be a boolean", o["header"], "true or false");
  const columns: Record<Field, string | number | undefined> = { ...DEFAULT_COLUMNS };
  const explicit = new Set<Field>();
  if (o["columns"] !== undefined) {
    const c = toOptions(o["columns"], fn, "options.columns", FIELDS);
    for (const f of FIELDS) {
      const v = c[f];
      if (v === undefined) continue;
      explicit.add(f);
      if (typeof v === "number") {
        if (header) rangeError(fn, `options.columns.${f}`, ErrorCode.INVALID_TYPE, "must be a column name when the input has a header", v, "a header name");
        columns[f] = toInteger(v, fn, `options.columns.${f}`, 0, 100_000);
      } else columns[f] = toNonEmptyString(v, fn, `options.columns.${f}`);
    }
  }
  if (!header) {
    for (const f of ["sellerId", "date", "amount"] as const) {
      if (typeof columns[f] !== "number") rangeError(fn, `options.columns.${f}`, ErrorCode.MISSING_VALUE, "is required (a 0-based column index) when options.header is false", columns[f], "a column index");
    }
    if (!explicit.has("units")) columns.units = undefined;
    if (!explicit.has("currency")) columns.currency = undefined;
  }
  return { currency, digits: minorDigits(currency), minor, number: { decimal, thousands }, dateFormat, columns, explicit, maxRecordLength, delimiter, header };
}

/** Cells of one record, by field (`undefined` when the column is absent or not read). */
export type CellReader = (field: Field) => unknown;

/**
 * Build a frozen sale row from a record's cells. String cells are parsed with the reader's
 * formats; NDJSON may also give numbers (see {@link numberCell}).
 */
export function buildRow(s: ReaderSettings, cell: CellReader, where: (field: Field) => string, fn: string, dateCache: { text: string; time: number }): SaleRow {
  const idCell = cell("sellerId");
  if (typeof idCell !== "string" || idCell.length === 0) {
    if (typeof idCell === "number" && Number.isSafeInteger(idCell)) return buildRow(s, (f) => (f === "sellerId" ? String(idCell) : cell(f)), where, fn, dateCache);
    typeError(fn, where("sellerId"), idCell == null || idCell === "" ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a non-empty seller id", idCell, "a non-empty string");
  }
  const dateCell = cell("date");
  let time: number;
  if (typeof dateCell === "string") {
    if (dateCell === dateCache.text) time = dateCache.time;
    else {
      time = parseDateCell(dateCell, s.dateFormat, fn, where("date"));
      dateCache.text = dateCell;
      dateCache.time = time;
    }
  } else time = typeError(fn, where("date"), dateCell == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be a date string", dateCell, `a date written ${s.dateFormat}`);
  const amountCell = cell("amount");
  const amountMinor = typeof amountCell === "string" ? parseAmountCell(amountCell, s.digits, s.number, s.minor, fn, where("amount"), s.currency) : numberCell(amountCell, s, fn, where("amount"));
  if (s.columns.currency !== undefined) {
    const c = cell("currency");
    if (c !== undefined && c !== null && c !== "" && c !== s.currency) {
      if (typeof c !== "string") typeError(fn, where("currency"), ErrorCode.INVALID_TYPE, "must be a currency code", c, `"${s.currency}" (options.currency)`);
      if (c.trim() !== s.currency) throw new CurrencyMismatchError(fn, s.currency, c.trim().slice(0, 40), `at ${where("currency")}; every row must be in options.currency`);
    }
  }
  const unitsCell = s.columns.units === undefined ? undefined : cell("units");
  if (unitsCell === undefined || unitsCell === "" || unitsCell === null) return Object.freeze({ sellerId: idCell as string, date: new Date(time), amountMinor });
  let units: number;
  if (typeof unitsCell === "string") units = parseUnitsCell(unitsCell, s.number, fn, where("units"));
  else if (typeof unitsCell === "number" && Number.isFinite(unitsCell)) units = unitsCell;
  else units = typeError(fn, where("units"), ErrorCode.INVALID_TYPE, "must be a number", unitsCell, "a finite number of units");
  return Object.freeze({ sellerId: idCell as string, date: new Date(time), amountMinor, units });
}

/**
 * A JSON number amount (NDJSON): exact only when its shortest decimal form (`String(n)`) is the
 * number the writer meant, which holds for at most 15 significant digits; longer numbers must be
 * written as strings. With `amountUnit: "minor"` it must be a safe integer.
 */
export function numberCell(value: unknown, s: ReaderSettings, fn: string, where: string): number | bigint {
  if (typeof value === "number" && Number.isFinite(value)) {
    if (s.minor) {
      if (!Number.isSafeInteger(value)) rangeError(fn, where, ErrorCode.NOT_INTEGER, "must be a safe integer number of minor units", value, "an integer below 2^53, or a string of digits");
      return value === 0 ? 0 : value;
    }
    const text = String(value);
    const digits = text.replace(/^-/, "").replace(/e.*$/i, "").replace(".", "").replace(/^0+/, "").length;
    if (/e/i.test(text) || digits > 15) rangeError(fn, where, ErrorCode.INVALID_NUMBER, "is a JSON number too long to be read exactly", value, "at most 15 significant digits, or the amount as a string");
    return parseAmountCell(text, s.digits, { decimal: ".", thousands: "" }, false, fn, where, s.currency);
  }
  if (typeof value === "bigint") return value;
  return typeError(fn, where, value == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be an amount", value, "a number or a string");
}
