// Sellers: SMB size classes, new sellers, sellers above $1M, cohorts (sellers module).
// Run: npx tsx examples/sellers-and-cohorts.ts
import {
  calendarDay,
  classifyEnterpriseSize,
  cohortsByPeriod,
  countNewSellers,
  countSellersAboveSales,
  createSeller,
  isSmallOrMediumBusiness,
  money,
  salesBrackets,
  syntheticMarketplace,
} from "marketplace-economics";

// Size classes under the EU definition (2003/361/EC): headcount AND (turnover OR balance sheet).
const eu = classifyEnterpriseSize({ employees: 40, annualTurnover: money("12000000", "EUR"), balanceSheetTotal: money("9000000", "EUR") }, "EU-2003/361");
console.log(`EU: 40 staff, €12M turnover, €9M balance sheet → ${eu.size} (SME: ${eu.isSme})`);
const unknown = classifyEnterpriseSize({ employees: 5, annualTurnover: money("3000000", "EUR") }, "EU-2003/361");
console.log(`EU: 5 staff, €3M turnover → ${unknown.size ?? "undecided"}; missing: ${unknown.missing.join(", ")}`);
// US SBA: a receipts-based size standard per NAICS industry (13 CFR 121.201).
console.log("SBA 454110, $30M receipts → SMB:", isSmallOrMediumBusiness({ naicsCode: "454110", annualTurnover: money("30000000", "USD") }, "US-SBA"));

// A validated seller record: bad input gets a clear error.
try {
  createSeller({ id: "s-1", joinedOn: "2017-02-30" });
} catch (e) {
  console.log((e as Error).message);
}

// New sellers in 2017 and sellers above $1M of 2017 sales, on a synthetic marketplace.
const market = syntheticMarketplace({ seed: 3, sellers: 10_000 });
const year = { start: "2017-01-01", end: "2018-01-01" };
const smbs = [...market.sellers()].filter((s) => s.segment === "smb");
const annual = [...market.sales({ granularity: "year", segment: "smb" })];
console.log(`SMBs: ${smbs.length}; new in 2017: ${countNewSellers(smbs, year)}; above $1M: ${countSellersAboveSales(annual, money("1000000", "USD"), year)}`);

// How sellers spread across sales brackets.
const bounds = ["10000", "100000", "1000000"].map((b) => money(b, "USD"));
const labels = ["≤ $10k", "$10k–100k", "$100k–1M", "> $1M"];
salesBrackets(annual, bounds).forEach((b, i) => console.log(`${labels[i]?.padEnd(10)} ${b.sellers}`));

// Join cohorts of the last five years.
const recent = smbs.filter((s) => s.joinedOn >= calendarDay(2013, 1, 1));
for (const c of cohortsByPeriod(recent, "year")) console.log(`cohort ${c.cohort}: ${c.size} sellers`);
