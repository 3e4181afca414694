// Jobs from sales, with the range each assumption implies (jobs module). Run: npx tsx examples/jobs-ranges.ts
import { Decimal } from "decimal.js";
import {
  adjustReceiptsPerEmployee,
  estimateJobs,
  formatMoney,
  getThirdPartySellerShare,
  inputOutputImpact,
  jobsFromMultiplier,
  money,
  receiptsPerEmployeeTable,
  smallBusinessImpactReport2018,
} from "marketplace-economics";

// 1. The report's "more than 900,000 jobs worldwide" (2017) with ranges; sources: docs/guides/estimating-jobs.md.
const cpiU = { name: "CPI-U, US city average, all items, annual average (1982-84 = 100)", source: "US BLS, series CUUR0000SA0", values: { 1997: "160.5", 2017: "245.12" } };
const in2017 = (id: "retail-44-45-1997" | "nonstore-454-1997" | "electronic-shopping-4541-1997") => adjustReceiptsPerEmployee(receiptsPerEmployeeTable[id], { deflator: cpiU, toYear: 2017 });
// Third-party sales: $160bn in 2018 (Bezos, 2018 letter); 2017 = 2018 / (1 + growth), growth 52 % / 25 % / 0 %.
const thirdParty2018 = new Decimal(160e9);
// SMB share of third-party sales: the report's "half of all sales" (45–55 %) / the 2017 third-party share (56 %).
const thirdPartyShare2017 = getThirdPartySellerShare(2017);
const smbShare = new Decimal(smallBusinessImpactReport2018.figures.smbShareOfSales.value ?? 0);
const estimate = estimateJobs({
  sales: { low: thirdParty2018.div(1.52), central: thirdParty2018.div(1.25), high: thirdParty2018 },
  share: { low: smbShare.minus(0.05).div(thirdPartyShare2017), central: smbShare.div(thirdPartyShare2017), high: smbShare.plus(0.05).div(thirdPartyShare2017) },
  revenuePerEmployee: { low: in2017("retail-44-45-1997"), central: in2017("nonstore-454-1997"), high: in2017("electronic-shopping-4541-1997") },
  // Assumed: 1 = the sellers' own employees only; 1.5 and 2.5 add supplier and induced jobs.
  jobsPerDirectJob: { low: 1, central: 1.5, high: 2.5 },
});
console.log(`jobs: low ${estimate.low.toFixed(0)}, central ${estimate.central.toFixed(0)}, high ${estimate.high.toFixed(0)} (the report: ${smallBusinessImpactReport2018.figures.jobsCreated.value})`);
console.log(`direct (sellers' own) jobs, central: ${estimate.direct?.central.toFixed(0)}`);
// One assumption at a time at its job-reducing and job-raising end, the others central.
console.log("assumption           fewest jobs     most jobs");
for (const a of estimate.assumptions.filter((x) => !x.low.equals(x.high))) {
  console.log(`${a.name.padEnd(20)} ${a.jobsWhenLow.toFixed(0).padStart(11)} ${a.jobsWhenHigh.toFixed(0).padStart(13)}`);
}

// 2. A RIMS II-style multiplier keeps direct, indirect and induced jobs apart.
const rims = jobsFromMultiplier({
  output: money("2000000", "USD"),
  jobsPerMillion: 12,
  type: "type-II",
  directJobsPerMillion: 7,
  typeIJobsPerMillion: 9,
});
console.log(`\n${formatMoney(money("2000000", "USD"))} of final demand: direct ${rims.direct}, indirect ${rims.indirect}, induced ${rims.induced}, total ${rims.total}`);

// 3. An input-output model (Miller & Blair, ch. 2, two sectors).
const io = inputOutputImpact({
  technicalCoefficients: [
    [0.15, 0.25],
    [0.2, 0.05],
  ],
  employmentPerOutput: [0.01, 0.02],
  finalDemandChange: [600, 1500],
  sectorNames: ["agriculture", "manufacturing"],
});
for (const s of io.sectors) console.log(`IO model, ${s.name}: output ${s.output.total.toFixed(2)} (direct ${s.output.direct.toFixed(2)}), jobs ${s.jobs.total.toFixed(2)}`);
console.log(`IO model: total output ${io.output.total.toFixed(2)}, total jobs ${io.jobs.total.toFixed(2)}`);
