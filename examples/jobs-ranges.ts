// Jobs from sales, with the range each assumption implies (jobs module).
// Run: npx tsx examples/jobs-ranges.ts
import { estimateJobs, formatMoney, inputOutputImpact, jobsFromMultiplier, money, receiptsPerEmployeeTable } from "marketplace-economics";

// 1. A low / central / high estimate from ranges of assumptions (illustrative figures).
const estimate = estimateJobs({
  sales: { low: money("60e9", "USD"), central: money("80e9", "USD"), high: money("100e9", "USD") },
  revenuePerEmployee: {
    low: receiptsPerEmployeeTable["retail-44-45-1997"].receiptsPerEmployee,
    central: receiptsPerEmployeeTable["nonstore-454-1997"].receiptsPerEmployee,
    high: receiptsPerEmployeeTable["electronic-shopping-4541-1997"].receiptsPerEmployee,
  },
  jobsPerDirectJob: { low: 1.5, central: 2.5, high: 3 },
});
console.log(`formula: ${estimate.formula}`);
console.log(`jobs: low ${estimate.low.toFixed(0)}, central ${estimate.central.toFixed(0)}, high ${estimate.high.toFixed(0)}`);
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
