import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError, ValidationTypeError } from "../errors.js";
import { readSalesCsv } from "./readSalesCsv.js";
import type { ReadSalesCsvOptions, SaleRow } from "./types.js";

async function all(source: Parameters<typeof readSalesCsv>[0], options: ReadSalesCsvOptions): Promise<SaleRow[]> {
  const out: SaleRow[] = [];
  for await (const r of readSalesCsv(source, options)) out.push(r);
  return out;
}
const plain = (rows: readonly SaleRow[]) => rows.map((r) => ({ ...r, date: r.date.toISOString().slice(0, 10) }));
const USD = { currency: "USD" } as const;
const HEAD = "sellerId,date,amount,units\n";

describe("readSalesCsv", () => {
  it("reads the doc example: semicolons, decimal comma, thousands dot, German dates", async () => {
    const csv = ["seller;day;gmv;qty\n", 'a;31.01.2024;"1.234,50";2\n', "b;01.02.2024;-0,99;\n"];
    const rows = await all(csv, {
      currency: "EUR",
      delimiter: ";",
      decimalSeparator: ",",
      thousandsSeparator: ".",
      dateFormat: "DD.MM.YYYY",
      columns: { sellerId: "seller", date: "day", amount: "gmv", units: "qty" },
    });
    expect(plain(rows)).toEqual([
      { sellerId: "a", date: "2024-01-31", amountMinor: 123450, units: 2 },
      { sellerId: "b", date: "2024-02-01", amountMinor: -99 },
    ]);
    expect(Object.isFrozen(rows[0])).toBe(true);
  });

  // RFC 4180 § 2 rules 5-7 (https://www.rfc-editor.org/rfc/rfc4180): quoted fields may hold the
  // delimiter, line breaks and doubled quotes; CRLF ends a record.
  it("follows RFC 4180 quoting: delimiter, CRLF, line breaks and doubled quotes inside quotes", async () => {
    const csv = 'sellerId,date,amount\r\n"a,1",2024-01-01,"1,234.00"\r\n"b ""x""\nline",2024-01-02,5\r\n';
    const rows = await all([csv], { ...USD, thousandsSeparator: "," });
    expect(rows.map((r) => [r.sellerId, r.amountMinor])).toEqual([
      ["a,1", 123400],
      ['b "x"\nline', 500],
    ]);
  });

  it("reports the physical line after a quoted line break", async () => {
    const csv = 'sellerId,date,amount\n"two\nlines",2024-01-01,1\nc,2024-01-0x,1\n';
    await expect(all([csv], USD)).rejects.toThrow('readSalesCsv: line 4, column 2 ("date") must be a real calendar date in the format YYYY-MM-DD, received "2024-01-0x"');
  });

  it("names the line and column of a bad amount, with a typed error", async () => {
    const err = await all([`${HEAD}a,2024-01-01,1.00,1\nb,2024-01-01,12x,1\n`], USD).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ code: "INVALID_NUMBER", fn: "readSalesCsv", argument: 'line 3, column 3 ("amount")' });
  });

  it("rejects sub-minor digits but accepts trailing zeros", async () => {
    await expect(all([`${HEAD}a,2024-01-01,1.234,1\n`], USD)).rejects.toMatchObject({ code: "SUB_MINOR_UNIT" });
    expect((await all([`${HEAD}a,2024-01-01,1.230,1\n`], USD))[0]?.amountMinor).toBe(123);
    expect((await all([`${HEAD}a,2024-01-01,1500,1\n`], { currency: "JPY" }))[0]?.amountMinor).toBe(1500);
    expect((await all([`${HEAD}a,2024-01-01,1.5,1\n`], { currency: "KWD" }))[0]?.amountMinor).toBe(1500);
  });

  it("checks thousands grouping", async () => {
    const opts = { ...USD, thousandsSeparator: "," } as const;
    expect((await all([`${HEAD}a,2024-01-01,"12,345,678.90",1\n`], opts))[0]?.amountMinor).toBe(1234567890);
    for (const bad of ['"1,23.00"', '"1234,567.00"', '",123"', '"1,2345"']) {
      await expect(all([`${HEAD}a,2024-01-01,${bad},1\n`], opts), bad).rejects.toMatchObject({ code: "INVALID_NUMBER" });
    }
  });

  it("returns a bigint beyond 2^53 minor units, exactly", async () => {
    const rows = await all([`${HEAD}a,2024-01-01,123456789012345678.91,1\n`], USD);
    expect(rows[0]?.amountMinor).toBe(12345678901234567891n);
  });

  it("reads minor-unit amounts", async () => {
    const rows = await all([`${HEAD}a,2024-01-01,1250,1\nb,2024-01-01,-3,1\n`], { ...USD, amountUnit: "minor" });
    expect(rows.map((r) => r.amountMinor)).toEqual([1250, -3]);
    await expect(all([`${HEAD}a,2024-01-01,12.50,1\n`], { ...USD, amountUnit: "minor" })).rejects.toMatchObject({ code: "INVALID_NUMBER" });
  });

  it("reads every date format", async () => {
    const cases: [NonNullable<ReadSalesCsvOptions["dateFormat"]>, string][] = [
      ["YYYY-MM-DD", "2024-02-29"],
      ["DD.MM.YYYY", "29.02.2024"],
      ["DD/MM/YYYY", "29/02/2024"],
      ["MM/DD/YYYY", "02/29/2024"],
      ["YYYY/MM/DD", "2024/02/29"],
      ["YYYYMMDD", "20240229"],
      ["ISO", "2024-02-29T23:30:00-01:00"],
    ];
    for (const [dateFormat, text] of cases) {
      const rows = await all([`${HEAD}a,${text},1,1\n`], { ...USD, dateFormat });
      expect(rows[0]?.date.toISOString(), dateFormat).toBe(dateFormat === "ISO" ? "2024-03-01T00:00:00.000Z" : "2024-02-29T00:00:00.000Z");
    }
    await expect(all([`${HEAD}a,29.02.2023,1,1\n`], { ...USD, dateFormat: "DD.MM.YYYY" })).rejects.toMatchObject({ code: "INVALID_DATE" });
    await expect(all([`${HEAD}a,2024-02-29,1,1\n`], { ...USD, dateFormat: "DD.MM.YYYY" })).rejects.toMatchObject({ code: "INVALID_DATE" });
  });

  it("reads without a header by column index", async () => {
    const rows = await all(["x,a,2024-01-01,2.5\n"], { ...USD, header: false, columns: { sellerId: 1, date: 2, amount: 3 } });
    expect(plain(rows)).toEqual([{ sellerId: "a", date: "2024-01-01", amountMinor: 250 }]);
  });

  it("checks a currency column against options.currency", async () => {
    const csv = "sellerId,date,amount,currency\na,2024-01-01,1,USD\nb,2024-01-01,1,EUR\n";
    await expect(all([csv], USD)).rejects.toBeInstanceOf(CurrencyMismatchError);
  });

  it("drops a byte-order mark, skips blank lines, accepts a last record without a line break", async () => {
    const rows = await all([`\ufeff${HEAD}\na,2024-01-01,1,1\n\nb,2024-01-02,2,3`], USD);
    expect(rows.map((r) => r.sellerId)).toEqual(["a", "b"]);
  });

  it("rejects malformed records with their line and column", async () => {
    await expect(all([`${HEAD}a,2024-01-01,"1,1\n`], USD)).rejects.toThrow("line 2, column 3 opens a quoted field that is never closed");
    await expect(all([`${HEAD}a,2024-01-01,1"0,1\n`], USD)).rejects.toThrow("line 2, column 3 has a quote inside an unquoted field");
    await expect(all([`${HEAD}"a"x,2024-01-01,1,1\n`], USD)).rejects.toThrow("line 2, column 1 has text after the closing quote");
    await expect(all([`${HEAD}a,2024-01-01,1\n`], USD)).rejects.toMatchObject({ code: "DIMENSION_MISMATCH", argument: "line 2" });
    await expect(all(["seller,date,amount\n"], USD)).rejects.toMatchObject({ code: "MISSING_VALUE", argument: "options.columns.sellerId" });
  });

  it("bounds the memory of a record (maxRecordLength)", async () => {
    const huge = `${HEAD}a,2024-01-01,"${"1".repeat(200)}`;
    await expect(all([huge.slice(0, 100), huge.slice(100)], { ...USD, maxRecordLength: 64 })).rejects.toMatchObject({ code: "OUT_OF_RANGE", argument: "line 2" });
  });

  it("reads a file path, a Node Readable, a web ReadableStream and split UTF-8 bytes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "me-csv-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const text = `${HEAD}é€,2024-01-01,1,1\nb,2024-01-02,2,1\n`;
    const file = join(dir, "s.csv");
    writeFileSync(file, text);
    const want = [
      ["é€", 100],
      ["b", 200],
    ];
    const ids = (rows: SaleRow[]) => rows.map((r) => [r.sellerId, r.amountMinor]);
    expect(ids(await all(file, USD))).toEqual(want);
    expect(ids(await all(new URL(`file://${file}`), USD))).toEqual(want);
    expect(ids(await all(Readable.from([Buffer.from(text)]), USD))).toEqual(want);
    const bytes = new TextEncoder().encode(text);
    const web = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 3) c.enqueue(bytes.slice(i, i + 3));
        c.close();
      },
    });
    expect(ids(await all(web, USD))).toEqual(want);
    await expect(all(join(dir, "missing.csv"), USD)).rejects.toMatchObject({ code: "MISSING_VALUE", fn: "readSalesCsv" });
    await expect(all([new Uint8Array([0x61, 0xff, 0x0a])], USD)).rejects.toBeInstanceOf(ValidationError);
  });

  it("validates the source and the options when called", () => {
    expect(() => readSalesCsv(42 as never, USD)).toThrow(ValidationTypeError);
    expect(() => readSalesCsv([Number.NaN] as never, USD)).toThrow("readSalesCsv: source[0] must be a string or a Uint8Array");
    expect(() => readSalesCsv([], {} as never)).toThrow("readSalesCsv: options.currency is required");
    expect(() => readSalesCsv([], { ...USD, decimalSeparator: ",", thousandsSeparator: "," })).toThrow(ValidationError);
    expect(() => readSalesCsv([], { ...USD, dateFormat: "D/M/Y" as never })).toThrow(ValidationError);
  });

  // Whatever the chunking, the rows are the same (a record, a quote pair or a CRLF split across chunks).
  const cell = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r\n", " ", "é"), maxLength: 6 });
  const row = fc.record({ id: cell.filter((s) => s.length > 0), cents: fc.integer({ min: -1e9, max: 1e9 }), day: fc.integer({ min: 0, max: 2000 }) });
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  test.prop([fc.array(row, { minLength: 1, maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 10 }), fc.boolean()])(
    "round-trips quoted rows through any chunking",
    async (list, cuts, crlf) => {
      const nl = crlf ? "\r\n" : "\n";
      const dayOf = (d: number) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      const text = `sellerId,date,amount${nl}` + list.map((r) => `${quote(r.id)},${dayOf(r.day)},${(r.cents / 100).toFixed(2)}${nl}`).join("");
      const chunks: string[] = [];
      let pos = 0;
      for (let i = 0; pos < text.length; i++) {
        const n = cuts[i % cuts.length] as number;
        chunks.push(text.slice(pos, pos + n));
        pos += n;
      }
      const rows = await all(chunks, USD);
      expect(rows.map((r) => [r.sellerId, r.amountMinor, r.date.toISOString().slice(0, 10)])).toEqual(list.map((r) => [r.id, r.cents === 0 ? 0 : r.cents, dayOf(r.day)]));
    },
  );
});
