/**
 * A streaming RFC 4180 record splitter (https://www.rfc-editor.org/rfc/rfc4180 § 2): fields
 * separated by a delimiter, records by CRLF or LF; a field may be enclosed in double quotes, and
 * then may contain the delimiter, line breaks and doubled quotes (`""` is one `"`). Stricter than
 * many parsers, because a silently misread amount is worse than an error: a quote inside an
 * unquoted field, text after a closing quote, an unterminated quoted field, or a record longer
 * than the bound all throw with the line and column. Blank lines are skipped.
 *
 * Memory: the current chunk plus at most one incomplete record (bounded by `maxRecordLength`).
 * The scan uses `indexOf` for the delimiter, the line break and the quote, so an unquoted field
 * costs no per-character JavaScript loop.
 */
import { ErrorCode } from "../../errors.js";
import { rangeError } from "../../_lib/validate.js";

/** One record: its fields and the (1-based) physical line on which it starts. */
export interface CsvRecord {
  readonly fields: readonly string[];
  readonly line: number;
}

const INCOMPLETE = -1;

export class CsvSplitter {
  private buf = "";
  private line = 1;
  private started = false;
  /** Records found by the last `push` / `end`. */
  readonly out: CsvRecord[] = [];

  constructor(
    private readonly delimiter: string,
    private readonly maxRecordLength: number,
    private readonly fn: string,
  ) {}

  push(chunk: string): void {
    let text = this.buf.length === 0 ? chunk : this.buf + chunk;
    if (!this.started) {
      if (text.length === 0) return;
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const pos = this.scan(text, false);
    this.buf = pos === 0 ? text : text.slice(pos);
    if (this.buf.length > this.maxRecordLength) {
      rangeError(
        this.fn,
        `line ${this.line}`,
        ErrorCode.OUT_OF_RANGE,
        `starts a record longer than ${this.maxRecordLength} characters (options.maxRecordLength)`,
        undefined,
        "shorter records, or a larger options.maxRecordLength",
      );
    }
  }

  end(): void {
    if (this.buf.length > 0) this.scan(this.buf, true);
    this.buf = "";
  }

  /** Split complete records of `text` from 0; returns where the unconsumed rest starts. */
  private scan(text: string, eof: boolean): number {
    let pos = 0;
    while (pos < text.length) {
      const next = this.record(text, pos, eof);
      if (next === INCOMPLETE) break;
      pos = next;
    }
    return pos;
  }

  private fail(line: number, column: number, must: string): never {
    return rangeError(this.fn, `line ${line}, column ${column}`, ErrorCode.INVALID_TYPE, must, undefined, "RFC 4180 CSV: quote a field containing the delimiter, a quote or a line break, and double its quotes");
  }

  /** Parse one record starting at `start`; push it and return the index after it, or INCOMPLETE. */
  private record(text: string, start: number, eof: boolean): number {
    const d = this.delimiter;
    const fields: string[] = [];
    let i = start;
    let lines = 0;
    let nl = text.indexOf("\n", i);
    let q = text.indexOf('"', i);
    for (;;) {
      const column = fields.length + 1;
      if (text.charCodeAt(i) === 34 /* " */) {
        let value = "";
        let j = i + 1;
        for (;;) {
          const k = text.indexOf('"', j);
          if (k === -1) {
            if (eof) this.fail(this.line + lines, column, "opens a quoted field that is never closed");
            return INCOMPLETE;
          }
          if (k + 1 === text.length && !eof) return INCOMPLETE;
          const part = text.slice(j, k);
          for (let p = part.indexOf("\n"); p !== -1; p = part.indexOf("\n", p + 1)) lines += 1;
          value += part;
          if (text.charCodeAt(k + 1) === 34) {
            value += '"';
            j = k + 2;
            continue;
          }
          i = k + 1;
          break;
        }
        fields.push(value);
        if (i >= text.length) {
          this.emit(fields, lines, text.length);
          return text.length;
        }
        if (text.startsWith(d, i)) {
          i += d.length;
          if (nl !== -1 && nl < i) nl = text.indexOf("\n", i);
          q = text.indexOf('"', i);
          continue;
        }
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10)) {
          const after = c === 10 ? i + 1 : i + 2;
          this.emit(fields, lines + 1, after);
          return after;
        }
        if (c === 13 && i + 1 === text.length && !eof) return INCOMPLETE;
        this.fail(this.line + lines, column, "has text after the closing quote of a quoted field");
      }
      // Unquoted field: up to the next delimiter on this line, or the line break.
      if (nl === -1 && !eof) return INCOMPLETE;
      const lineEnd = nl === -1 ? text.length : nl;
      const dpos = text.indexOf(d, i);
      const end = dpos !== -1 && dpos < lineEnd ? dpos : lineEnd;
      if (q !== -1 && q < end) this.fail(this.line + lines, column, "has a quote inside an unquoted field");
      if (end === dpos && dpos < lineEnd) {
        fields.push(text.slice(i, end));
        i = end + d.length;
        continue;
      }
      // Last field of the record.
      const valueEnd = end > i && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      fields.push(text.slice(i, valueEnd));
      const after = nl === -1 ? text.length : nl + 1;
      this.emit(fields, lines + (nl === -1 ? 0 : 1), after);
      return after;
    }
  }

  private emit(fields: string[], linesUsed: number, _after: number): void {
    const line = this.line;
    this.line += linesUsed;
    if (fields.length === 1 && fields[0] === "") return; // a blank line
    this.out.push({ fields, line });
  }
}
