/**
 * The PostgreSQL text of `marketplaceAggregateSql`, run on a real PostgreSQL server (#13): the
 * aggregate rows it returns, turned into the library's state with
 * `marketplaceAccumulatorFromAggregates`, must give the same state (same JSON, so the same figures
 * to the cent) as streaming the same order log through `accumulateMarketplace` in process.
 *
 * The server: the standard libpq variables (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`) name it,
 * and the test talks to it only through the `psql` client (child_process; no npm dependency).
 * `.ci/run` installs Debian's `postgresql`, starts a throw-away cluster on a Unix socket and
 * exports these variables, so in CI (`CI=true`) the test runs and a missing server is a failure,
 * never a skip. Elsewhere it is skipped unless `PGHOST` or `PGPORT` is set. Every run works in its
 * own schema, dropped at the end.
 */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { accumulateMarketplace } from "../share/accumulateMarketplace.js";
import { finalizeMarketplace } from "../share/finalizeMarketplace.js";
import { marketplaceAccumulatorFromAggregates } from "../share/marketplaceAccumulatorFromAggregates.js";
import { mergeMarketplaceAccumulators } from "../share/mergeMarketplaceAccumulators.js";
import type { MarketplaceAccumulatorOptions, MinorUnitSale } from "../share/types.js";
import { marketplaceAggregateSql } from "./marketplaceAggregateSql.js";
import type { WarehouseTableMapping } from "./types.js";

const configured = process.env["PGHOST"] !== undefined || process.env["PGPORT"] !== undefined;
const inCI = process.env["CI"] === "true" || process.env["CI"] === "1";
const schema = `me_test_${process.pid}_${Date.now()}`;

/** Runs SQL through psql (UTC session, stop at the first error); returns its CSV output. */
function psql(sql: string): string {
  return execFileSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "--csv", "-f", "-"], {
    input: `SET TimeZone = 'UTC';\nSET search_path = ${schema};\n${sql}\n`,
    encoding: "utf8",
    env: { ...process.env, PGDATABASE: process.env["PGDATABASE"] ?? "postgres", PGCONNECT_TIMEOUT: "10" },
    timeout: 30_000,
  });
}

/** psql's CSV output as records; an unquoted empty field is SQL NULL, a quoted one the empty string. */
function parseCsv(text: string): Record<string, string | null>[] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      let s = "";
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') ((s += '"'), (i += 2));
        else if (text[i] === '"') {
          i++;
          break;
        } else s += text[i++];
      }
      value = s;
    } else {
      let j = i;
      while (j < text.length && text[j] !== "," && text[j] !== "\n") j++;
      value = j === i ? null : text.slice(i, j);
      i = j;
    }
    row.push(value);
    if (text[i] === ",") i++;
    else {
      rows.push(row);
      row = [];
      i++;
    }
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries((header ?? []).map((h, k) => [h ?? "", r[k] ?? null])));
}

// ---------------------------------------------------------------- the order log
// 3,000 rows over 2023-12-25 .. 2025-02-xx: 1 in 13 a refund, 1 in 9 without units (NULL), a few
// rows of 2 x 10^15 cents (totals beyond 2^53), one seller with refunds only (first sale NULL), a
// seller missing from the segment table, timestamps late in the UTC day.
const N = 3_000;
const log: (MinorUnitSale & { date: string })[] = [];
for (let i = 0; i < N; i++) {
  const day = Date.UTC(2023, 11, 25) + ((i * 37) % 420) * 86_400_000 + ((i * 7919) % 86_400) * 1000;
  const amountMinor = i % 13 === 0 ? -((i * 7919) % 50_000) - 1 : i % 500 === 0 ? 2_000_000_000_000_000 + i : (i * 7919) % 2_000_000;
  const sale = { sellerId: `s${i % 53}`, date: new Date(day).toISOString(), amountMinor };
  log.push(i % 9 === 0 ? sale : { ...sale, units: (i % 4) + 1 });
}
// s53: refunds only (no first sale); s54 has no row in the segment table ("unclassified").
log.push({ sellerId: "s53", date: "2024-03-31T23:59:59.000Z", amountMinor: -1500, units: 0 });
log.push({ sellerId: "s54", date: "2024-04-01T00:00:00.000Z", amountMinor: 999, units: 2 });
const segmentOfId = (id: string): string => (id === "s54" ? "unclassified" : Number(id.slice(1)) % 3 === 0 ? "smb" : "large");
const logSegment = (id: string): string => (Number(id.slice(1)) % 5 === 0 ? "a" : "b");

const majorText = (minor: number): string => `${minor < 0 ? "-" : ""}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, "0")}`;

beforeAll(() => {
  if (!configured) return;
  const orders = log
    .map((s) => [s.sellerId, s.date, s.date.slice(0, 10), String(s.amountMinor), majorText(Number(s.amountMinor)), s.units === undefined ? "" : String(s.units), logSegment(s.sellerId)].join(","))
    .join("\n");
  const segments = Array.from({ length: 54 }, (_, i) => `s${i},${segmentOfId(`s${i}`)}`).join("\n");
  execFileSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "-"], {
    input: [
      `CREATE SCHEMA ${schema};`,
      `SET search_path = ${schema};`,
      "CREATE TABLE orders (seller_id TEXT NOT NULL, ordered_at TIMESTAMP NOT NULL, ordered_on DATE NOT NULL, amount_cents BIGINT NOT NULL, amount NUMERIC(16, 2) NOT NULL, qty INTEGER, seg TEXT NOT NULL);",
      "CREATE TABLE seller_segments (seller_id TEXT PRIMARY KEY, segment TEXT NOT NULL);",
      "COPY orders FROM STDIN WITH (FORMAT csv);",
      orders,
      "\\.",
      "COPY seller_segments FROM STDIN WITH (FORMAT csv);",
      segments,
      "\\.",
      "",
    ].join("\n"),
    encoding: "utf8",
    env: { ...process.env, PGDATABASE: process.env["PGDATABASE"] ?? "postgres", PGCONNECT_TIMEOUT: "10" },
    timeout: 30_000,
  });
});

afterAll(() => {
  if (configured) execFileSync("psql", ["-X", "-q", "-c", `DROP SCHEMA IF EXISTS ${schema} CASCADE`], { env: { ...process.env, PGDATABASE: process.env["PGDATABASE"] ?? "postgres" }, stdio: "ignore" });
});

/** Runs both generated queries and returns the aggregate rows as psql printed them (integers as text). */
function aggregates(mapping: WarehouseTableMapping, options: Omit<Parameters<typeof marketplaceAggregateSql>[1], "dialect">) {
  const sql = marketplaceAggregateSql(mapping, { ...options, dialect: "postgres" });
  const periods = parseCsv(psql(`${sql.periodTotals};`));
  const sellers = parseCsv(psql(`${sql.sellerTotals};`));
  return { periods, sellers };
}

/** The engine's rows -> the library's state, compared with one in-process pass over the same log. */
function expectSameState(rows: ReturnType<typeof aggregates>, options: MarketplaceAccumulatorOptions, segmentOf: (id: string) => string, refunds: "net" | "exclude" = "net") {
  // The check counts come back as "0" and go into the accumulator with the rest of the row.
  for (const p of rows.periods) expect(p["subMinorRows"]).toBe("0");
  const fromPostgres = marketplaceAccumulatorFromAggregates({ periods: rows.periods as never, sellers: rows.sellers as never }, options);
  const inProcess = accumulateMarketplace(
    log.filter((s) => refunds === "net" || Number(s.amountMinor) >= 0),
    (s) => segmentOf(s.sellerId),
    options,
  );
  expect(JSON.stringify(fromPostgres)).toBe(JSON.stringify(inProcess));
  const a = finalizeMarketplace(fromPostgres);
  const b = finalizeMarketplace(inProcess);
  expect(a.share.total.gmv?.amount.toFixed(2)).toBe(b.share.total.gmv?.amount.toFixed(2));
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  return a;
}

const run = configured ? describe : inCI ? describe : describe.skip;

run("marketplaceAggregateSql on a real PostgreSQL server (psql)", () => {
  it("has a server to run on (in CI, .ci/run starts one)", () => {
    expect(configured, "PGHOST/PGPORT are not set: .ci/run must start PostgreSQL and export them").toBe(true);
    expect(psql("SELECT 1 AS one;")).toBe("one\n1\n");
  });

  const options = {
    currency: "USD",
    period: "quarter",
    sellerInterval: { start: "2024-01-01", end: "2025-01-01" },
    thresholds: [money("10000", "USD"), 1_000_000_000_000n],
    brackets: [money("100", "USD"), money("100000", "USD")],
    topK: [1, 5],
  } as const;

  it("minor-unit BIGINT amounts, DATE column, segments joined from a seller table: the same state as one pass in process", () => {
    const rows = aggregates(
      {
        table: `${schema}.orders`,
        columns: { sellerId: "seller_id", date: "ordered_on", amount: "amount_cents", units: "qty" },
        sellerSegments: { table: `${schema}.seller_segments`, sellerId: "seller_id", segment: "segment" },
      },
      { currency: "USD", period: "quarter", sellerInterval: options.sellerInterval },
    );
    expect(rows.sellers).toHaveLength(55);
    expect(rows.sellers.find((s) => s["sellerId"] === "s53")).toMatchObject({ firstSale: null, orders: "0", gmvMinor: "-1500" });
    expect(rows.sellers.find((s) => s["sellerId"] === "s54")).toMatchObject({ segment: "unclassified", firstSale: "2024-04-01" });
    const r = expectSameState(rows, options, segmentOfId);
    // Totals beyond 2^53 minor units come back exact (SUM of BIGINT is NUMERIC in PostgreSQL).
    const total = rows.periods.reduce((t, p) => t + BigInt(p["gmvMinor"] ?? "0"), 0n);
    expect(total > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(r.share.total.gmv?.amount.toFixed(2)).toBe(`${total / 100n}.${String(total % 100n).padStart(2, "0")}`);
  });

  it("major-unit NUMERIC amounts, a TIMESTAMP column, ISO weeks and the log's own segment column", () => {
    const rows = aggregates(
      { table: `${schema}.orders`, amountUnit: "major", columns: { sellerId: "seller_id", date: "ordered_at", amount: "amount", units: "qty", segment: "seg" } },
      { currency: "USD", period: "week" },
    );
    // 2023-12-25 is a Monday: the first ISO week starts on it.
    expect(rows.periods[0]?.["period"]).toBe("2023-12-25");
    expectSameState(rows, { currency: "USD", period: "week", topK: [3] }, logSegment);
  });

  it("months with refunds excluded", () => {
    const rows = aggregates(
      { table: `${schema}.orders`, columns: { sellerId: "seller_id", date: "ordered_at", amount: "amount_cents", segment: "seg" } },
      { currency: "USD", period: "month", refunds: "exclude" },
    );
    const noUnits = log.map((s) => ({ sellerId: s.sellerId, date: s.date, amountMinor: s.amountMinor }));
    const fromPostgres = marketplaceAccumulatorFromAggregates({ periods: rows.periods as never, sellers: rows.sellers as never }, { currency: "USD", period: "month", refunds: "exclude" });
    const inProcess = accumulateMarketplace(noUnits, (s) => logSegment(s.sellerId), { currency: "USD", period: "month", refunds: "exclude" });
    expect(JSON.stringify(fromPostgres)).toBe(JSON.stringify(inProcess));
  });

  it("counts NULL amounts, refunds excluded or not, and marketplaceAccumulatorFromAggregates rejects them", () => {
    psql(["CREATE TABLE nulls (seller_id TEXT, ordered_on DATE, amount BIGINT);", "INSERT INTO nulls VALUES ('a', '2024-01-02', 1250), ('a', '2024-01-03', NULL), ('a', '2024-01-04', -50);"].join("\n"));
    for (const refunds of ["net", "exclude"] as const) {
      const rows = aggregates({ table: `${schema}.nulls`, columns: { sellerId: "seller_id", date: "ordered_on", amount: "amount", segment: "seller_id" } }, { currency: "USD", period: "quarter", refunds });
      expect(rows.periods.map((p) => [p["gmvMinor"], p["units"], p["orders"], p["nullAmountRows"]])).toEqual([[refunds === "net" ? "1200" : "1250", "2", "1", "1"]]);
      expect(() => marketplaceAccumulatorFromAggregates({ periods: rows.periods as never }, { currency: "USD", period: "quarter", refunds })).toThrow(
        expect.objectContaining({ code: "MISSING_VALUE", argument: "aggregates.periods[0].nullAmountRows" }) as never,
      );
    }
  });

  it("counts amounts the casts would round (NUMERIC 12.50 cents, DOUBLE 0.1 cents, fractional units) and marketplaceAccumulatorFromAggregates rejects them; whole DOUBLE values pass (#13)", () => {
    psql(
      [
        "CREATE TABLE frac (seller_id TEXT, ordered_on DATE, dec NUMERIC(18, 2), dbl DOUBLE PRECISION, whole DOUBLE PRECISION, major NUMERIC(18, 3), qty DOUBLE PRECISION);",
        "INSERT INTO frac VALUES ('a', '2024-01-02', 12.50, 0.1, 1250.0, 12.5, 1.0), ('b', '2024-01-03', 12.50, 0.2, -250.0, 1.005, 1.5), ('c', '2024-04-01', 7, 99.0, 99.0, 3, NULL);",
      ].join("\n"),
    );
    const columns = (amount: string, units?: string) => ({ sellerId: "seller_id", date: "ordered_on", amount, ...(units === undefined ? {} : { units }), segment: "seller_id" });
    const opts = { currency: "USD", period: "quarter" } as const;
    const fold = (rows: ReturnType<typeof aggregates>) => () => marketplaceAccumulatorFromAggregates({ periods: rows.periods as never, sellers: rows.sellers as never }, { currency: "USD", period: "quarter" });
    // NUMERIC 12.50 + 12.50 minor units: the BIGINT casts make 13 + 13 = 26; the query counts both rows.
    const dec = aggregates({ table: `${schema}.frac`, columns: columns("dec") }, opts);
    expect(dec.periods.filter((p) => p["segment"] !== "c").map((p) => [p["segment"], p["gmvMinor"], p["subMinorRows"]])).toEqual([
      ["a", "13", "1"],
      ["b", "13", "1"],
    ]);
    expect(fold(dec)).toThrow(
      expect.objectContaining({
        name: "ValidationError",
        code: "SUB_MINOR_UNIT",
        fn: "marketplaceAccumulatorFromAggregates",
        argument: "aggregates.periods[0].subMinorRows",
        message: expect.stringContaining("aggregates.periods[0].subMinorRows must be 0: the engine counted 1 row whose amount is not a whole number of minor units of USD") as never,
      }) as never,
    );
    // DOUBLE 0.1 and 0.2 minor units (a dollar column read as cents).
    const dbl = aggregates({ table: `${schema}.frac`, columns: columns("dbl") }, opts);
    expect(dbl.periods.map((p) => p["subMinorRows"])).toEqual(["1", "1", "0"]);
    expect(fold(dbl)).toThrow(expect.objectContaining({ code: "SUB_MINOR_UNIT" }) as never);
    // NUMERIC(18,3) major units: 1.005 USD has a tenth of a cent.
    const major = aggregates({ table: `${schema}.frac`, amountUnit: "major", columns: columns("major") }, opts);
    expect(major.periods.map((p) => p["subMinorRows"])).toEqual(["0", "1", "0"]);
    expect(fold(major)).toThrow(expect.objectContaining({ argument: "aggregates.periods[1].subMinorRows" }) as never);
    // Fractional units (1.5) are counted; the whole DOUBLE amounts pass.
    const units = aggregates({ table: `${schema}.frac`, columns: columns("whole", "qty") }, opts);
    expect(units.periods.map((p) => [p["subMinorRows"], p["fractionalUnitRows"]])).toEqual([
      ["0", "0"],
      ["0", "1"],
      ["0", "0"],
    ]);
    expect(fold(units)).toThrow(expect.objectContaining({ code: "NOT_INTEGER", argument: "aggregates.periods[1].fractionalUnitRows" }) as never);
    const whole = aggregates({ table: `${schema}.frac`, columns: columns("whole") }, opts);
    const acc = fold(whole)();
    const inProcess = accumulateMarketplace(
      [
        { sellerId: "a", date: "2024-01-02", amountMinor: 1250 },
        { sellerId: "b", date: "2024-01-03", amountMinor: -250 },
        { sellerId: "c", date: "2024-04-01", amountMinor: 99 },
      ],
      (s) => s.sellerId,
      { currency: "USD", period: "quarter" },
    );
    expect(JSON.stringify(acc)).toBe(JSON.stringify(inProcess));
  });

  it("shards aggregated by the engine merge to the single-pass state", () => {
    const mapping = (from: string) => ({ from, columns: { sellerId: "seller_id", date: "ordered_on", amount: "amount_cents", units: "qty", segment: "seg" } });
    const opts = { currency: "USD", period: "year" } as const;
    const shard = (where: string) => {
      const rows = aggregates(mapping(`(SELECT * FROM ${schema}.orders WHERE ${where})`), opts);
      return marketplaceAccumulatorFromAggregates({ periods: rows.periods as never, sellers: rows.sellers as never }, opts);
    };
    const merged = mergeMarketplaceAccumulators(shard("amount_cents % 2 = 0"), shard("amount_cents % 2 <> 0"));
    const whole = accumulateMarketplace(log, (s) => logSegment(s.sellerId), opts);
    expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
  });
});
