/**
 * Stress test a book of sales-based advances: 10,000 advances repaid from weekly sales,
 * shocked by a common factor (correlation 0.7), a seasonal shape and a 2 % monthly hazard of
 * sales stopping, over seeded Monte Carlo scenarios (a maturity balloon left unpaid counts as lost).
 *
 *   npx tsx examples/stress-test.ts [--advances 10000] [--scenarios 3]
 */
import { addPeriods, calendarDay, money, salesBasedAdvance, stressTestPortfolio } from "marketplace-economics";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const advances = arg("advances", 10_000);
const scenarios = arg("scenarios", 3);

// A small deterministic book: seller k sells between $2,000 and $9,000 a week for 78 weeks.
const product = (k: number) =>
  salesBasedAdvance({ principal: money(String(5_000 + (k % 7) * 1_000), "USD"), fee: 600 + (k % 5) * 100, holdbackRate: "0.12", minimumPayment: { rate: "0.1", everyDays: 90 }, maxTermDays: 540 });
const loans = Array.from({ length: advances }, (_, k) => ({ id: `adv-${k}`, sellerId: `seller-${k}`, product: product(k), fundedOn: calendarDay(2024, 1 + (k % 6), 1) }));
const sales: Record<string, { date: Date; amount: ReturnType<typeof money> }[]> = {};
// The 78 weekly sale days of a seller funded in each month of January–June 2024.
const weeksFrom = Array.from({ length: 6 }, (_, m) => Array.from({ length: 78 }, (_, w) => addPeriods(calendarDay(2024, m + 1, 7), w, "week")));
for (let k = 0; k < advances; k++) {
  const weekly = money(String(2_000 + ((k * 7919) % 7_000)), "USD");
  sales[`seller-${k}`] = Array.from({ length: 78 }, (_, w) => ({ date: weeksFrom[k % 6]![w]!, amount: weekly }));
}

const started = performance.now();
const result = stressTestPortfolio(loans, sales, {
  seed: 20261202,
  scenarios,
  shock: { scope: "common", correlation: "0.7", volatility: "0.25", monthlyFactors: ["0.8", "0.8", "0.9", "0.9", "1", "1", "1", "1", "1", "1.1", "1.2", "1.3"] },
  stopHazard: "0.02",
  percentiles: [5, 50, 95],
  balloon: "defaulted",
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const pct = (d: { toNumber(): number } | null) => (d === null ? "n/a" : `${(d.toNumber() * 100).toFixed(2)} %`);
console.log(`${result.loanCount} advances, ${result.totalLent.amount.toFixed(0)} USD lent, ${result.scenarioCount} scenarios in ${seconds} s`);
for (const [i, p] of [5, 50, 95].entries()) {
  const at = <T>(d: { percentiles: readonly { value: T }[] }) => d.percentiles[i]!.value;
  const ext = at(result.termExtensionDays);
  const term = ext === null ? "n/a" : `${ext.isNegative() ? "" : "+"}${ext.toFixed(1)} days`;
  console.log(`p${p}: loss ${pct(at(result.lossRate))}, minimum breaches ${pct(at(result.minimumBreachRate))}, term ${term}, IRR ${pct(at(result.irr))}`);
}
