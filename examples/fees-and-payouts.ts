// A seller's fees and payouts under an illustrative fee schedule (not a real marketplace's), its
// take rate, payouts with a 14-day cycle and a reserve, an advance repaid from the payouts, and
// its unit economics (fees module). Run: npx tsx examples/fees-and-payouts.ts
import { ILLUSTRATIVE_FEE_SCHEDULE as fees, addPeriods, calendarDay, money, payoutSchedule, salesBasedAdvance, saleFees, simulateRepayment, takeRateBySegment, unitEconomics } from "marketplace-economics";

const days = Number(process.argv[2] ?? 180);
const orders = [];
for (let d = 0; d < days; d++) {
  const date = addPeriods(calendarDay(2024, 1, 1), d, "day");
  const deliveredOn = addPeriods(date, 3, "day");
  orders.push({ category: "home", amount: money("24.99", "USD"), units: 1, date, deliveredOn });
  if (d % 3 === 0) orders.push({ category: "electronics", amount: money("199.00", "USD"), units: 1, date, deliveredOn });
}

const one = saleFees(fees, orders[0] as (typeof orders)[number]);
console.log(`a $24.99 home item: fees ${one.total.amount.toFixed(2)}, net ${one.net.amount.toFixed(2)}`);

for (const s of takeRateBySegment(fees, orders).segments) console.log(`${s.segment.padEnd(12)} GMV ${s.gmv.amount.toFixed(2)}  take rate ${s.takeRate?.times(100).toFixed(2)} %`);

const payouts = payoutSchedule(fees, orders, { delayDays: 7, cycleDays: 14, cycleStart: "2024-01-01", reserveRate: "0.1", reserveDays: 90, asOf: "2024-06-30" });
const { netProceeds, paid, reserveHeld, pending } = payouts.summary;
console.log(`net ${netProceeds.amount.toFixed(2)} = paid ${paid.amount.toFixed(2)} + reserve held ${reserveHeld.amount.toFixed(2)} + pending ${pending.amount.toFixed(2)}`);

const advance = salesBasedAdvance({ principal: money("1500", "USD"), fee: "120", holdbackRate: "0.3" });
const repaid = simulateRepayment(advance, payouts.payouts);
console.log(`an advance of $1,500 + $120 at 30 % of payouts: paid off ${repaid.summary.payoffDate?.toISOString().slice(0, 10) ?? "not yet"}`);

const u = unitEconomics(fees, { category: "home", price: "24.99", costOfGoodsPerUnit: "9.50", fulfilmentPerUnit: "4.20", advertisingRate: "0.08" });
console.log(`contribution per unit ${u.contributionPerUnit.amount.toFixed(2)} (margin ${u.contributionMargin?.times(100).toFixed(1)} %)`);
