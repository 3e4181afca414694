// Seller churn without leave dates: churn by inactivity from a sales log, Kaplan-Meier survival
// with 95 % bands, the cohort GMV retention triangle and a historical seller LTV (sellers module).
// Run: npx tsx examples/seller-survival.ts
import { addPeriods, calendarDay, churnByInactivity, cohortGmvRetention, kaplanMeier, mergeSellerActivity, money, sellerLifetimeValue, trackSellerActivity } from "marketplace-economics";

// A deterministic log: sellers join over 2024 and sell weekly for 3 to 52 weeks, then stop.
const sellers = Number(process.argv[2] ?? 2_000);
const sales = [];
for (let i = 0; i < sellers; i++) {
  const start = addPeriods(calendarDay(2024, 1, 1), (i * 37) % 300, "day");
  const weeks = 3 + ((i * 7919) % 50);
  for (let w = 0; w < weeks; w++) sales.push({ sellerId: `s${i}`, date: addPeriods(start, w, "week"), amount: money((20 + (i % 9) * 5 + (w % 4) * 2.5).toFixed(2), "USD") });
}

// Two shards read separately (e.g. two workers), merged exactly.
const half = Math.floor(sales.length / 2);
const activity = mergeSellerActivity(trackSellerActivity(sales.slice(0, half)), trackSellerActivity(sales.slice(half)));
console.log(`${activity.sellers} sellers, ${activity.records} sale records`);

// A seller that has not sold for 90 days has churned.
const churn = churnByInactivity(activity, { inactivityDays: 90, asOf: "2025-12-31" });
console.log(`churned ${churn.churned} of ${churn.sellers} (${churn.churnRate.times(100).toFixed(1)} %) as of ${churn.asOf.toISOString().slice(0, 10)}`);

const km = kaplanMeier(churn.survival);
console.log(`median seller lifetime: ${km.median ?? "not reached"} days`);
for (const days of [90, 180, 365]) {
  const row = [...km.rows].reverse().find((r) => r.time <= days);
  if (row) console.log(`S(${days} d) = ${row.survival.toFixed(3)}  [${row.lower.toFixed(3)}, ${row.upper.toFixed(3)}]`);
}

const tri = cohortGmvRetention(trackSellerActivity(sales, { period: "quarter" }));
for (const c of tri.cohorts.slice(0, 4)) console.log(`${c.cohort}: ${c.sellers} sellers, GMV retention ${c.gmvRetention.map((r) => r?.toFixed(2) ?? "—").join(" ")}`);

const ltv = sellerLifetimeValue(activity, { horizon: 6, takeRate: "0.15", asOf: "2025-12-31" });
console.log(`take over a seller's first 6 months (${ltv.method}, ${ltv.cohorts} cohorts): ${ltv.value.amount.toFixed(2)} ${ltv.value.currency}`);
