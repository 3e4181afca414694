/**
 * Loads the optional peer dependency `@duckdb/node-api` of the `marketplace-economics/duckdb`
 * subpath. Importing the subpath without it installed throws at once, with what to install (the
 * rest of the package never imports this file: the subpath is not in the root barrel).
 */
import { createRequire } from "node:module";
import { ErrorCode, MarketplaceEconomicsError } from "../../errors.js";

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

/** Run `body` on the caller's connection, or on a fresh in-memory DuckDB (UTC, closed afterwards). */
export async function withConnection<T>(connection: Connection | undefined, body: (c: Connection) => Promise<T>): Promise<T> {
  if (connection !== undefined) return body(connection);
  const api = load(PEER) as NodeApi;
  const instance = await api.DuckDBInstance.create(":memory:");
  try {
    const c = await instance.connect();
    await c.run("SET TimeZone = 'UTC'");
    return await body(c);
  } finally {
    instance.closeSync();
  }
}
