// A warehouse-scale order log: write a multi-million-row CSV, stream it to every report
// figure in one pass, convert it to Parquet and aggregate that in DuckDB into the same exact state. Needs the optional peer @duckdb/node-api. Run: npx tsx examples/order-log.ts --rows 2000000
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { accumulateMarketplaceAsync, addPeriods, calendarDay, finalizeMarketplace, money, readSalesCsv, sellerSegments } from "marketplace-economics";
import { duckdbMarketplaceAccumulator } from "marketplace-economics/duckdb";

const arg = process.argv.indexOf("--rows");
const rows = arg > 0 ? Number(process.argv[arg + 1]) : 2_000_000;
const dir = mkdtempSync(join(tmpdir(), "order-log-"));
const [csv, parquet] = [join(dir, "orders.csv"), join(dir, "orders.parquet")];
const columns = { sellerId: "seller_id", date: "order_date", amount: "amount", units: "units" };

// 1. The log: 5,000 sellers, one year of 2017, amounts in dollars and cents, 1 in 40 a refund.
const out = createWriteStream(csv);
out.write("seller_id,order_date,amount,units\n");
let x = 2018;
// The 365 UTC days of 2017, built once.
const days2017 = Array.from({ length: 365 }, (_, i) => addPeriods(calendarDay(2017, 1, 1), i, "day"));
for (let i = 0; i < rows; i++) {
  // Park-Miller generator (deterministic), one draw per field so seller, day, amount and refund
  // are independent: 1 row in 40 is a refund, on any seller.
  const draw = (): number => (x = (x * 48271) % 2147483647);
  const seller = draw() % 5000;
  const day = days2017[draw() % 365]?.toISOString().slice(0, 10);
  const cents = (draw() % 40 === 0 ? -1 : 1) * (100 + (draw() % 25_000));
  if (!out.write(`s${seller},${day},${(cents / 100).toFixed(2)},${1 + (draw() % 3)}\n`)) await once(out, "drain");
}
out.end();
await once(out, "finish");
console.log(`CSV: ${rows.toLocaleString("en-US")} rows, ${(statSync(csv).size / 2 ** 20).toFixed(0)} MiB`);

// 2. Segments from a seller table, classified by the EU SME definition (staff and turnover).
const table = sellerSegments(Array.from({ length: 5000 }, (_, i) => ({ id: `s${i}`, employees: i % 5 === 0 ? 900 : 12, annualTurnover: money("2000000", "EUR") })));

// 3. Streamed: one pass over the CSV into the marketplace accumulator (memory: per segment, period and seller).
const settings = { currency: "USD", period: "quarter" as const, thresholds: [money("10000", "USD")], topK: [10] };
const streamed = await accumulateMarketplaceAsync(readSalesCsv(csv, { currency: "USD", columns }), table.segmentOf, settings);
const streamedPeak = process.resourceUsage().maxRSS / 1024; // MiB: writing and streaming the CSV only

// 4. DuckDB: the same log as Parquet, aggregated in the engine (HUGEINT minor units), into the same state.
const db = await (await DuckDBInstance.create(":memory:")).connect();
await db.run(`COPY (SELECT * FROM read_csv('${csv}', types = {'amount': 'DECIMAL(18,2)'})) TO '${parquet}' (FORMAT parquet)`);
const fromDuckDB = await duckdbMarketplaceAccumulator(parquet, { query: { amountUnit: "major", columns, sellerSegments: table }, accumulator: settings });

const r = finalizeMarketplace(fromDuckDB);
const smb = r.share.bySegment["smb"];
console.log(`SMB share: GMV ${smb?.gmvShare.toFixed(4)}, units ${smb?.unitShare.toFixed(4)}, orders ${smb?.salesShare.toFixed(4)}`);
for (const p of r.byPeriod) console.log(`${p.period} SMB share of GMV ${p.share.bySegment["smb"]?.gmvShare.toFixed(4)}`);
console.log(`sellers ${r.sellers.sellers}, above $10,000: ${r.sellersBySegment["smb"]?.above[0]?.sellers} SMBs; HHI ${r.sellers.hhi?.toFixed(1)}; top-10 share ${r.sellers.topShares[0]?.share?.toFixed(4)}`);
console.log(`new sellers by quarter: ${r.sellers.newSellers.map((p) => `${p.period} ${p.sellers}`).join(", ")}`);
console.log(`streamed and DuckDB states identical (JSON): ${JSON.stringify(streamed) === JSON.stringify(fromDuckDB)}`);
console.log(`peak RSS ${streamedPeak.toFixed(0)} MiB after the streamed pass, ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB after DuckDB`);
rmSync(dir, { recursive: true, force: true });
