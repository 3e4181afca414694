/**
 * Loads the optional peer dependency `@duckdb/node-api` of the `marketplace-economics/duckdb`
 * subpath. Importing the subpath without it installed throws at once, with what to install (the
 * rest of the package never imports this file: the subpath is not in the root barrel).
 */
import { createRequire } from "node:module";
import { ErrorCode, MarketplaceEconomicsError, ValidationError, isMarketplaceEconomicsError } from "../../errors.js";

export const PEER = "@duckdb/node-api";
const load = createRequire(import.meta.url);

function resolvable(): boolean {
  try {
    load.resolve(PEER);
    return true;
  } catch {
    return false;
  }
}

if (!resolvable()) {
  throw new MarketplaceEconomicsError(
    "marketplace-economics/duckdb",
    ErrorCode.MISSING_DEPENDENCY,
    `this subpath needs the optional peer dependency ${PEER}, which is not installed: run \`npm install ${PEER}\` (the root package and every other subpath work without it)`,
  );
}

/** The minimal surface of a DuckDB connection this subpath uses (a `DuckDBConnection` has it). */
export interface Connection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }>;
}

interface NodeApi {
  DuckDBInstance: { create(path?: string, options?: Record<string, string>): Promise<{ connect(): Promise<Connection>; closeSync(): void }> };
}

/**
 * Run `body` on the caller's connection, or on a fresh in-memory DuckDB (UTC, closed afterwards).
 * DuckDB's own errors ("Binder Error: ... does not have a column named ...", "IO Error: No files
 * found ...", "Parser Error", "Conversion Error"...) are the source or the column mapping not
 * matching the data: they become a typed ValidationError of `fn` naming the source, with DuckDB's
 * error as the `cause` (#11). Library errors and the caller's own errors pass unchanged.
 */
export async function withConnection<T>(fn: string, connection: Connection | undefined, body: (c: Connection) => Promise<T>): Promise<T> {
  try {
    if (connection !== undefined) return await body(connection);
    const api = load(PEER) as NodeApi;
    const instance = await api.DuckDBInstance.create(":memory:");
    try {
      const c = await instance.connect();
      await c.run("SET TimeZone = 'UTC'");
      return await body(c);
    } finally {
      instance.closeSync();
    }
  } catch (e) {
    throw asTypedDuckDBError(e, fn);
  }
}

/** DuckDB's error kinds ("<Kind> Error: <message>", the format of its C++ exceptions). */
const DUCKDB_ERROR = /^(Binder|Catalog|IO|Parser|Conversion|Invalid Input|Out of Range|Constraint|Not implemented|Permission|HTTP|Syntax|Dependency|Serialization|Invalid) Error: /;

/**
 * A value too wide for the query's BIGINT terms (amount in minor units, units): DuckDB's cast
 * errors from HUGEINT, DECIMAL or DOUBLE to INT64, and its overflow of `amount * 10^digits` on a
 * DECIMAL column (`amountUnit: "major"`).
 */
const BEYOND_BIGINT = /out of range for the destination type INT64|Failed to cast decimal value \S+ to type INT64|^Out of Range Error: Overflow in multiplication of DECIMAL/;

function asTypedDuckDBError(e: unknown, fn: string): unknown {
  if (!(e instanceof Error) || isMarketplaceEconomicsError(e)) return e;
  const m = DUCKDB_ERROR.exec(e.message);
  if (m === null) return e;
  const missing = m[1] === "Binder" || m[1] === "Catalog" || m[1] === "IO";
  const first = (e.message.split("\n")[0] ?? "").slice(0, 300);
  const beyond = !missing && BEYOND_BIGINT.test(first);
  const out = beyond
    ? new ValidationError(
        fn,
        ErrorCode.OUT_OF_RANGE,
        "source",
        `source has an amount or units value too large for the aggregate (the minor units and the units of every row must lie within the BIGINT range ±9,223,372,036,854,775,807): DuckDB reported "${first}"`,
        "amounts and units within ±9,223,372,036,854,775,807 per row",
      )
    : new ValidationError(
        fn,
        missing ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE,
        "source",
        `source could not be read with the given columns: DuckDB reported "${first}"`,
        "a readable source whose columns are the ones named in options.columns",
      );
  Object.defineProperty(out, "cause", { value: e, writable: true, configurable: true, enumerable: false });
  return out;
}
