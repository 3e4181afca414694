// A warehouse-scale order log (#13): write a multi-million-row CSV, stream it through the library
// in constant memory, convert it to Parquet and aggregate that in DuckDB, and check both paths
// agree to the cent. Needs the optional peer @duckdb/node-api. Run: npx tsx examples/order-log.ts --rows 2000000
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { addSale, createShareAccumulator, finalizeShare, fromMinorUnits, money, readSalesCsv, sellerSegments, toMinorUnits, type ShareAccumulator } from "marketplace-economics";
import { duckdbMarketplaceAggregates } from "marketplace-economics/duckdb";

const arg = process.argv.indexOf("--rows");
const rows = arg > 0 ? Number(process.argv[arg + 1]) : 2_000_000;
const dir = mkdtempSync(join(tmpdir(), "order-log-"));
const [csv, parquet] = [join(dir, "orders.csv"), join(dir, "orders.parquet")];
const columns = { sellerId: "seller_id", date: "order_date", amount: "amount", units: "units" };

// 1. The log: 5,000 sellers, one year of 2017, amounts in dollars and cents, 1 in 40 a refund.
const out = createWriteStream(csv);
out.write("seller_id,order_date,amount,units\n");
let x = 2018;
for (let i = 0; i < rows; i++) {
  x = (x * 48271) % 2147483647; // Park-Miller generator: deterministic
  const cents = (x % 40 === 0 ? -1 : 1) * (100 + (x % 25_000));
  const day = new Date(Date.UTC(2017, 0, 1 + (x % 365))).toISOString().slice(0, 10);
  if (!out.write(`s${x % 5000},${day},${(cents / 100).toFixed(2)},${1 + (x % 3)}\n`)) await once(out, "drain");
}
out.end();
await once(out, "finish");
console.log(`CSV: ${rows.toLocaleString("en-US")} rows, ${(statSync(csv).size / 2 ** 20).toFixed(0)} MiB`);

// 2. Segments from a seller table, classified by the EU SME definition (staff and turnover).
const table = sellerSegments(Array.from({ length: 5000 }, (_, i) => ({ id: `s${i}`, employees: i % 5 === 0 ? 900 : 12, annualTurnover: money("2000000", "EUR") })));

// 3. Streamed: one pass over the CSV, one share accumulator per quarter (memory: per segment).
const byQuarter = new Map<string, ShareAccumulator>();
for await (const r of readSalesCsv(csv, { currency: "USD", columns })) {
  const quarter = `2017-${String(Math.floor(r.date.getUTCMonth() / 3) * 3 + 1).padStart(2, "0")}-01`;
  let acc = byQuarter.get(quarter);
  if (acc === undefined) byQuarter.set(quarter, (acc = createShareAccumulator({ currency: "USD" })));
  addSale(acc, { sellerId: r.sellerId, date: r.date, amount: fromMinorUnits(r.amountMinor, "USD"), units: r.units ?? 1 }, table.segmentOf(r));
}

// 4. DuckDB: the same log as Parquet, aggregated in the engine (HUGEINT minor units).
const db = await (await DuckDBInstance.create(":memory:")).connect();
await db.run(`COPY (SELECT * FROM read_csv('${csv}', types = {'amount': 'DECIMAL(18,2)'})) TO '${parquet}' (FORMAT parquet)`);
const agg = await duckdbMarketplaceAggregates(parquet, { currency: "USD", amountUnit: "major", columns, sellerSegments: table, sellers: false });

let same = true;
for (const [period, acc] of [...byQuarter].sort()) {
  const r = finalizeShare(acc);
  for (const s of r.segments) same &&= agg.periods.find((p) => p.period === period && p.segment === s.segment)?.gmvMinor === BigInt(toMinorUnits(s.gmv));
  console.log(`${period} SMB share of GMV ${r.bySegment["smb"]?.gmvShare.toFixed(4)}, of units ${r.bySegment["smb"]?.unitShare.toFixed(4)}, of orders ${r.bySegment["smb"]?.salesShare.toFixed(4)}`);
}
console.log(`streamed and DuckDB totals identical to the cent: ${same}`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
rmSync(dir, { recursive: true, force: true });
