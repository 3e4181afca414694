import { describe, expect, it } from "vitest";
import { ValidationError, ValidationTypeError } from "../errors.js";
import { readSalesNdjson } from "./readSalesNdjson.js";
import type { ReadSalesOptions, SaleRow } from "./types.js";

async function all(source: Parameters<typeof readSalesNdjson>[0], options: ReadSalesOptions): Promise<SaleRow[]> {
  const out: SaleRow[] = [];
  for await (const r of readSalesNdjson(source, options)) out.push(r);
  return out;
}
const USD = { currency: "USD" } as const;

describe("readSalesNdjson", () => {
  it("reads string and number amounts exactly, across chunk boundaries and CRLF", async () => {
    const text = '{"sellerId":"a","date":"2024-03-01","amount":"12.50"}\r\n\n{"sellerId":7,"date":"2024-03-02","amount":0.1,"units":3}\n{"sellerId":"c","date":"2024-03-02","amount":"99999999999999999999.99"}';
    const chunks = [text.slice(0, 17), text.slice(17, 70), text.slice(70)];
    const rows = await all(chunks, USD);
    expect(rows.map((r) => [r.sellerId, r.amountMinor, r.units])).toEqual([
      ["a", 1250, undefined],
      ["7", 10, 3],
      ["c", 9999999999999999999999n, undefined],
    ]);
  });

  it("refuses a JSON number with more digits than a float64 keeps", async () => {
    await expect(all(['{"sellerId":"a","date":"2024-03-01","amount":1234567890123456.7}\n'], USD)).rejects.toMatchObject({ code: "INVALID_NUMBER", argument: 'line 1, key "amount"' });
    await expect(all(['{"sellerId":"a","date":"2024-03-01","amount":1e21}\n'], USD)).rejects.toMatchObject({ code: "INVALID_NUMBER" });
  });

  it("names the line and the character column of invalid JSON", async () => {
    const err = await all(['{"sellerId":"a","date":"2024-01-01","amount":1}\n{"sellerId":"a" "date"}\n'], USD).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).argument).toMatch(/^line 2, column \d+$/);
    await expect(all(["[1,2]\n"], USD)).rejects.toBeInstanceOf(ValidationTypeError);
  });

  it("names the line and key of a bad value", async () => {
    await expect(all(['{"sellerId":"a","date":"01.02.2024","amount":"1"}\n'], USD)).rejects.toThrow('readSalesNdjson: line 1, key "date" must be a real calendar date in the format YYYY-MM-DD');
    await expect(all(['{"sellerId":"a","date":"2024-01-01","amount":"1,5"}\n'], { ...USD, decimalSeparator: "," })).resolves.toHaveLength(1);
    await expect(all(['{"sellerId":"a","date":"2024-01-01"}\n'], USD)).rejects.toMatchObject({ code: "MISSING_VALUE", argument: 'line 1, key "amount"' });
    await expect(all(['{"sellerId":"","date":"2024-01-01","amount":1}\n'], USD)).rejects.toMatchObject({ argument: 'line 1, key "sellerId"' });
  });

  it("bounds the line length", async () => {
    await expect(all([`{"sellerId":"${"x".repeat(100)}`], { ...USD, maxRecordLength: 32 })).rejects.toMatchObject({ code: "OUT_OF_RANGE", argument: "line 1" });
  });

  it("rejects CSV-only options", () => {
    expect(() => readSalesNdjson([], { ...USD, delimiter: ";" } as never)).toThrow(ValidationError);
  });
});
