/**
 * Writes the figures of the guides' prose from the library (#16): every result quoted in the text
 * or a table of a guide listed in `FIGURES` sits between markers and is recomputed here, never
 * hand-typed.
 * - inline: `<!-- fig:name -->0.815<!-- /fig -->` (the value of figure `name`);
 * - block: `<!-- fig:name -->` and `<!-- /fig -->` on lines of their own around a generated
 *   table.
 * `npm run docs` runs this first (the site always shows the library's figures); run
 * `npx tsx scripts/guide-figures.ts` after changing a guide or the library.
 * test/guide-figures.test.ts fails when a guide differs from what this generates, when a marker
 * names an unknown figure, and when a guide listed here has a figure-like number ($, %, a decimal
 * point, a thousands separator) in its prose outside the markers that is not one of its declared
 * inputs (`INPUTS`: assumptions, citations, parameters the reader chooses).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  addPeriods,
  adjustReceiptsPerEmployee,
  defaultSyntheticCalibration,
  EU_SME_THRESHOLDS,
  syntheticMarketplace,
  estimateJobs,
  getThirdPartySellerShare,
  grossToNetAdditionality,
  inputOutputMultipliers,
  receiptsPerEmployeeTable,
  smallBusinessImpactReport2018,
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  calendarDay,
  churnByInactivity,
  ILLUSTRATIVE_FEE_SCHEDULE,
  cohortGmvRetention,
  createFeeSchedule,
  payoutSchedule,
  refundFees,
  takeRateBySegment,
  unitEconomics,
  costOfFinancing,
  disclosure,
  irr,
  irrRoots,
  salesBasedAdvance,
  simulateRepayment,
  xirr,
  kaplanMeier,
  money,
  multiply,
  roundToMinor,
  sellerLifetimeValue,
  trackSellerActivity,
} from "../src/index.js";
import type { Sale } from "../src/index.js";
import { Decimal } from "decimal.js";

export const GUIDES_DIR = fileURLToPath(new URL("../docs/guides/", import.meta.url));

type Figures = Readonly<Record<string, () => string>>;

const usd = (x: { toFixed(n: number): string }): string => `$${Number(x.toFixed(2)).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const usd0 = (x: { toFixed(n: number): string }): string => `$${Number(x.toFixed(0)).toLocaleString("en-US")}`;
const table = (head: readonly string[], align: readonly string[], rows: readonly (readonly string[])[]): string =>
  [`| ${head.join(" | ")} |`, `| ${align.join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

// ---- seller-survival.md ----------------------------------------------------------------------

/** The 40-seller log of the guide's snippets (same construction). */
function fortySellers(): Sale[] {
  const sales: Sale[] = [];
  for (let i = 0; i < 40; i++) {
    const start = addPeriods(calendarDay(2024, 1, 1), (i % 4) * 30 + (i % 7), "day");
    const weeks = 3 + ((i * 7) % 29);
    for (let w = 0; w < weeks; w++) sales.push({ sellerId: `s${i}`, date: addPeriods(start, w, "week"), amount: money(((i % 5) * 10 + 20 + (w % 3) * 5).toFixed(2), "USD") });
  }
  return sales;
}
const threeSellers = () => {
  const sale = (sellerId: string, date: string) => ({ sellerId, date, amount: money("10", "USD") });
  return trackSellerActivity([sale("a", "2024-01-01"), sale("a", "2024-01-20"), sale("b", "2024-01-05"), sale("b", "2024-03-30"), sale("c", "2024-02-01")]);
};
const fortyKm = () => kaplanMeier(churnByInactivity(trackSellerActivity(fortySellers()), { inactivityDays: 30, asOf: "2024-09-30" }).survival);
const kmRow = (time: number) => fortyKm().rows.find((r) => r.time === time);
const firstEventTime = () => fortyKm().rows.find((r) => r.events > 0)?.time ?? NaN;
const ltvCurve = () => sellerLifetimeValue(trackSellerActivity(fortySellers()), { horizon: 3, takeRate: "0.15" }).curve;
export const CDNOW_BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
const BG_ROWS: readonly (readonly [number, number])[] = [
  [5, 1],
  [5, 5],
  [15, 2],
  [30.43, 2],
  [30.43, 5],
];
const alive = (recency: number, frequency: number) => bgNbdProbabilityAlive(CDNOW_BG_NBD, { frequency, recency, T: 38.86 }).toFixed(3);
const SELLER_SURVIVAL: Figures = {
  "churn-thresholds": () =>
    table(
      ["`inactivityDays`", "churned", "churn rate"],
      ["---:", "---:", "---:"],
      [7, 30, 60, 90].map((n) => {
        const c = churnByInactivity(threeSellers(), { inactivityDays: n, asOf: "2024-03-31" });
        return [String(n), String(c.churned), c.churnRate.toFixed(4)];
      }),
    ),
  "km-median": () => String(fortyKm().median),
  "km-first-event": () => String(firstEventTime()),
  "km-first-band": () => {
    const r = kmRow(firstEventTime());
    return `[${r?.lower.toFixed(3)}, ${r?.upper.toFixed(3)}]`;
  },
  "cohort-gmv": () =>
    table(
      ["cohort", "sellers", "GMV Q+0", "GMV Q+1", "GMV Q+2", "active Q+0 / Q+1 / Q+2", "GMV retention"],
      ["---", "---:", "---:", "---:", "---:", "---", "---"],
      cohortGmvRetention(trackSellerActivity(fortySellers(), { period: "quarter" })).cohorts.map((c) => [
        c.cohort,
        String(c.sellers),
        ...[0, 1, 2].map((k) => (c.gmv[k] === undefined ? "—" : usd0((c.gmv[k] as { amount: { toFixed(n: number): string } }).amount))),
        c.activeSellers.join(" / "),
        c.gmvRetention.map((x) => x?.toFixed(2) ?? "—").join(", "),
      ]),
    ),
  "ltv-horizons": () =>
    table(["horizon (periods)", ...ltvCurve().map((_, i) => String(i + 1))], ["---", ...ltvCurve().map(() => "---:")], [["LTV per acquired seller", ...ltvCurve().map((m) => usd(m.amount))]]),
  "ltv-3": () => usd(ltvCurve()[2]?.amount ?? NaN),
  "bg-nbd-scores": () =>
    table(
      ["last purchase (recency, weeks)", "repeat purchases", "P(alive)", "expected purchases, next 39 weeks"],
      ["---:", "---:", "---:", "---:"],
      BG_ROWS.map(([recency, frequency]) => [String(recency), String(frequency), alive(recency, frequency), bgNbdConditionalExpectedPurchases(CDNOW_BG_NBD, { frequency, recency, T: 38.86 }, 39).toFixed(3)]),
    ),
  "bg-nbd-silent": () => alive(5, 5),
  "bg-nbd-recent": () => alive(30.43, 5),
};

// ---- APR and rate figures: getting-started.md, glossary.md, time-value-of-money.md, migrating.md

/** The getting-started advance: $10,000 + $1,500 fee, 10 % holdback of $400 a day. */
const firstAdvance = () => {
  const advance = salesBasedAdvance({ principal: money("10000", "USD"), fee: "1500", holdbackRate: "0.1" });
  const sales = Array.from({ length: 365 }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 2), i, "day"), amount: money("400", "USD") }));
  const result = simulateRepayment(advance, sales);
  return { result, cost: costOfFinancing(result) };
};
const percent = (x: { times(n: number): { toFixed(n: number): string } }, places: number): string => `${x.times(100).toFixed(places)} %`;
const GETTING_STARTED: Figures = {
  "factor-rate": () => firstAdvance().cost.factorRate.toString(),
  apr: () => {
    const apr = firstAdvance().cost.apr;
    if (apr === null || apr === undefined) throw new Error("guide-figures: the getting-started advance has no APR");
    return percent(apr, 0);
  },
  "days-to-payoff": () => String(firstAdvance().result.summary.daysToPayoff),
};
const GLOSSARY: Figures = {
  "factor-rate": () => firstAdvance().cost.factorRate.toString(),
};
const EXCEL_IRR = [-70000, 12000, 15000, 18000, 21000];
const TIME_VALUE_OF_MONEY: Figures = {
  "two-irrs": () => {
    const roots = irrRoots([-100, 230, -132]);
    return roots.map((r) => percent(r, 0)).join(" and ");
  },
  "excel-irr-4": () => percent(irr(EXCEL_IRR), 1),
  "excel-irr-5": () => percent(irr([...EXCEL_IRR, 26000]), 1),
  "excel-irr-guess": () => percent(irr(EXCEL_IRR.slice(0, 3), { guess: "-0.1" }), 1),
};
const excelXirrFlows = () => {
  const amounts = [-10000, 2750, 4250, 3250, 2750];
  const dates = [calendarDay(2008, 1, 1), calendarDay(2008, 3, 1), calendarDay(2008, 10, 30), calendarDay(2009, 2, 15), calendarDay(2009, 4, 1)];
  return amounts.map((amount, i) => ({ date: dates[i] as Date, amount }));
};
const MIGRATING: Figures = {
  "exact-xirr": () => xirr(excelXirrFlows()).toFixed(9),
};

// ---- fees-and-payouts.md --------------------------------------------------------------------

const amazonLike = () =>
  createFeeSchedule({
    currency: "USD",
    categories: [
      { category: "toys", rate: "0.15" },
      { category: "books", rate: "0.15", closingFeePerItem: "1.80", refunds: { closing: "full-refund-only" } },
    ],
    fulfilmentPerItem: "2.41",
    refunds: { administrationRate: "0.2", administrationMax: "5.00" },
  });
/** The guide's 90 days of orders: a $24.99 home item a day, a $199 electronics item every third day. */
const ninetyDays = () => {
  const orders = [];
  for (let d = 0; d < 90; d++) {
    const date = addPeriods(calendarDay(2024, 1, 1), d, "day");
    const deliveredOn = addPeriods(date, 3, "day");
    orders.push({ category: "home", amount: money("24.99", "USD"), date, deliveredOn });
    if (d % 3 === 0) orders.push({ category: "electronics", amount: money("199.00", "USD"), date, deliveredOn });
  }
  return orders;
};
const dayMonth = (d: Date) => `${d.getUTCDate()} ${d.toLocaleString("en-US", { month: "long", timeZone: "UTC" })}`;
const payoffOn = (options: Parameters<typeof payoutSchedule>[2]) => {
  const advance = salesBasedAdvance({ principal: money("1500", "USD"), fee: "120", holdbackRate: "0.3" });
  const payoff = simulateRepayment(advance, payoutSchedule(ILLUSTRATIVE_FEE_SCHEDULE, ninetyDays(), options).payouts).summary.payoffDate;
  if (payoff === null) throw new Error("guide-figures: the fees guide's advance is not paid off");
  return dayMonth(payoff);
};
const UNIT_ORDERS = [
  { label: "1 × $24.99", order: { category: "home", price: "24.99", costOfGoodsPerUnit: "9.50", fulfilmentPerUnit: "4.20", advertisingRate: "0.08" } },
  { label: "3 × $24.99, +$1.50 ads", order: { category: "home", price: "24.99", unitsPerOrder: 3, costOfGoodsPerUnit: "9.50", fulfilmentPerUnit: "4.20", advertisingPerOrder: "1.50", advertisingRate: "0.08" } },
] as const;
const FEES_AND_PAYOUTS: Figures = {
  "refund-example": () =>
    table(
      ["line item", "sale amount", "referral fee", "20 % of it", "administration fee", "referral refunded"],
      ["---", "---:", "---:", "---:", "---:", "---:"],
      [
        ["item A", "345.00"],
        ["item B", "57.00"],
      ].map(([item, amount]) => {
        const r = refundFees(amazonLike(), { category: "toys", amount: money(amount as string, "USD") });
        const share = r.charged.referral.amount.times("0.2");
        const capped = share.gt(r.administrationFee.amount) ? " (capped)" : "";
        return [item as string, usd(r.charged.referral.amount.div("0.15")), usd(r.charged.referral.amount), usd(share), `${usd(r.administrationFee.amount)}${capped}`, usd(r.referral.amount)];
      }),
    ),
  "refund-toy-cost": () => usd(refundFees(amazonLike(), { category: "toys", amount: money("50.00", "USD") }).sellerCost.amount),
  "take-rates": () => {
    const r = takeRateBySegment(ILLUSTRATIVE_FEE_SCHEDULE, ninetyDays());
    const row = (name: string, s: (typeof r)["total"]) => [name, String(s.sales), usd(s.gmv.amount), usd(s.fees.amount), s.takeRate === null ? "—" : percent(s.takeRate, 2)];
    return table(["segment", "sales", "GMV", "fees", "take rate"], ["---", "---:", "---:", "---:", "---:"], [...r.segments.map((s) => row(s.segment, s)), row("total", r.total)]);
  },
  "payoff-daily": () => payoffOn({ delayDays: 7 }),
  "payoff-cycle": () => payoffOn({ delayDays: 7, cycleDays: 14, cycleStart: "2024-01-01", reserveRate: "0.1", reserveDays: 90 }),
  "unit-economics": () =>
    table(
      ["order", "revenue", "fees", "COGS", "fulfilment", "advertising", "contribution", "per unit", "margin"],
      ["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"],
      UNIT_ORDERS.map(({ label, order }) => {
        const u = unitEconomics(ILLUSTRATIVE_FEE_SCHEDULE, order);
        return [
          label,
          ...[u.revenue, u.fees.total, u.costOfGoods, u.fulfilment, u.advertising, u.contributionPerOrder, u.contributionPerUnit].map((m) => usd(m.amount)),
          u.contributionMargin === null ? "—" : percent(u.contributionMargin, 2),
        ];
      }),
    ),
};

// ---- money-and-rounding.md ------------------------------------------------------------------

const MODES = [
  ["half-even", " (default)", "banker's rounding: ties to the even digit"],
  ["half-up", "", "ties away from zero"],
  ["half-down", "", "ties toward zero"],
  ["down", "", "truncate toward zero"],
  ["up", "", "away from zero"],
  ["floor", "", "toward −∞"],
  ["ceil", "", "toward +∞"],
] as const;
const ROUNDED = ["2.345", "2.355", "-2.345"] as const;
/** 1/12 to 20 significant digits, the factor of the guide's example. */
const TWELFTH = "0.083333333333333333333";
const MONEY_AND_ROUNDING: Figures = {
  "tenth-exact": () => `$${multiply(money("123.45", "USD"), "0.1").amount.toString()}`,
  "twelfth-exact": () => `${multiply(money("1234.50", "USD"), TWELFTH).amount.toFixed(5, 1)}…`,
  "twelfth-half-up": () => usd(multiply(money("1234.50", "USD"), TWELFTH, "half-up").amount),
  "twelfth-20-digits": () => multiply(money("1234.50", "USD"), TWELFTH).amount.toSignificantDigits(20).toString(),
  "twelfth-double-rounding": () => usd(roundToMinor(money(multiply(money("1234.50", "USD"), TWELFTH).amount.toSignificantDigits(20), "USD"), "half-up").amount),
  "rounding-modes": () =>
    table(
      ["mode", ...ROUNDED, "meaning"],
      ["---", "---:", "---:", "---:", "---"],
      MODES.map(([mode, note, meaning]) => [`\`"${mode}"\`${note}`, ...ROUNDED.map((x) => roundToMinor(money(x, "USD"), mode).amount.toFixed(2)), meaning]),
    ),
};

// ---- sales-based-financing.md --------------------------------------------------------------

/** A whole amount without cents ("$40"), else to the cent ("$52.72"); thousands separated. */
const usdShort = (x: { toFixed(n: number): string; isInteger(): boolean }): string => (x.isInteger() ? usd0(x) : usd(x));
const thousands = (x: { toFixed(n: number): string }): string => Number(x.toFixed(0)).toLocaleString("en-US");
const ordinal = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th")}`;
/** The guide's worked advance: $10,000 + $1,500 fee at a 10 % holdback. */
const guideAdvance = () => salesBasedAdvance({ principal: money("10000", "USD"), fee: "1500", holdbackRate: "0.1" });
/** Two years of daily sales from 2024-01-02, `daily(i)` dollars on day i (the chart's and the snippets' series). */
const dailyFrom2024 = (daily: (day: number) => number, length = 730) => Array.from({ length }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 2), i, "day"), amount: money(daily(i).toFixed(2), "USD") }));
/** The three sales paths of docs/guides/assets/repayment-balance.svg (scripts/charts/repaymentBalance.ts, same series). */
const SALES_PATHS = {
  flat: () => 400,
  seasonal: (i: number) => 400 * (1 + 0.35 * Math.cos((2 * Math.PI * (i - 340)) / 365)),
  lower: () => 280,
} as const;
const pathRuns = new Map<keyof typeof SALES_PATHS, { result: ReturnType<typeof simulateRepayment>; apr: { times(n: number): { toFixed(n: number): string } }; days: number }>();
const pathRun = (name: keyof typeof SALES_PATHS) => {
  const cached = pathRuns.get(name);
  if (cached !== undefined) return cached;
  const result = simulateRepayment(guideAdvance(), dailyFrom2024(SALES_PATHS[name]));
  const apr = costOfFinancing(result).apr;
  if (apr === null || apr === undefined || result.summary.daysToPayoff === null) throw new Error(`guide-figures: the financing guide's ${name} path is not paid off`);
  const run = { result, apr, days: result.summary.daysToPayoff };
  pathRuns.set(name, run);
  return run;
};
/** Row `i` (0-based) of the flat path's repayment. */
const flatRow = (i: number) => {
  const row = pathRun("flat").result.rows[i];
  if (row === undefined) throw new Error(`guide-figures: the financing guide's flat path has no row ${i}`);
  return row;
};
/** The historical disclosure of the guide's snippet: 2023 at a flat $400 a day, 12 months. */
const flatDisclosure = () => {
  const history = Array.from({ length: 365 }, (_, i) => ({ date: addPeriods(calendarDay(2023, 1, 1), i, "day"), amount: money("400", "USD") }));
  return disclosure(guideAdvance(), history, { method: "historical", months: 12 });
};
const SALES_BASED_FINANCING: Figures = {
  "flat-holdback": () => usdShort(flatRow(0).holdback.amount),
  "flat-arithmetic": () => {
    const total = guideAdvance().totalRepayment.amount;
    const perDay = flatRow(0).holdback.amount;
    return `${thousands(total)} / ${perDay.toString()} = ${total.div(perDay).toString()}`;
  },
  "flat-full-payments": () => {
    const first = flatRow(0).payment.amount;
    return String(pathRun("flat").result.rows.filter((r) => r.payment.amount.eq(first)).length);
  },
  "flat-last-ordinal": () => ordinal(pathRun("flat").days),
  "flat-last-payment": () => usdShort(flatRow(pathRun("flat").days - 1).payment.amount),
  "path-flat-apr": () => percent(pathRun("flat").apr, 1),
  "path-flat-days": () => String(pathRun("flat").days),
  "path-seasonal-apr": () => percent(pathRun("seasonal").apr, 1),
  "path-seasonal-days": () => String(pathRun("seasonal").days),
  "path-lower-apr": () => percent(pathRun("lower").apr, 1),
  "path-lower-days": () => String(pathRun("lower").days),
  "factor-rate": () => costOfFinancing(pathRun("flat").result).factorRate.toString(),
  "fee-share": () => percent(guideAdvance().fee.amount.div(guideAdvance().principal.amount), 0),
  "flat-apr-whole": () => percent(pathRun("flat").apr, 0),
  "disclosure-apr": () => {
    const apr = flatDisclosure().estimatedApr;
    if (apr === null || apr === undefined) throw new Error("guide-figures: the financing guide's disclosure has no APR");
    return percent(apr, 2);
  },
  "disclosure-payment": () => usdShort(flatDisclosure().estimatedPayment.amount.amount),
  "disclosure-term-months": () => flatDisclosure().estimatedTermMonths.toString(),
};

// ---- estimating-jobs.md --------------------------------------------------------------------

/** The CPI-U annual averages of the guide's snippets (US BLS, series CUUR0000SA0). */
const CPI_U = { name: "CPI-U, US city average, all items, annual average (1982-84 = 100)", source: "US BLS, series CUUR0000SA0", values: { 1997: "160.5", 2002: "179.9", 2017: "245.12" } };
type CensusId = keyof typeof receiptsPerEmployeeTable;
const in2017 = (id: CensusId) => adjustReceiptsPerEmployee(receiptsPerEmployeeTable[id], { deflator: CPI_U, toYear: 2017 });
/** The adjusted amount of `in2017(id)` (a Money, the bundled figures being Money). */
const in2017Amount = (id: CensusId): Decimal => {
  const r = in2017(id).receiptsPerEmployee;
  return "amount" in r ? r.amount : r;
};
/** The report's 900,000 jobs rebuilt as in the guide's snippet (same inputs). */
const THIRD_PARTY_2018 = new Decimal(160e9);
const SALES_GROWTH = { low: "1.52", central: "1.25", high: "1" } as const;
const SMB_SHARE = { low: "0.45", high: "0.55" } as const;
const smbShare = () => {
  const share = smallBusinessImpactReport2018.figures.smbShareOfSales.value;
  if (share === null || share === undefined) throw new Error("guide-figures: the report has no SMB share of sales");
  return new Decimal(share);
};
const jobsInputs = () => {
  const thirdPartyShare2017 = getThirdPartySellerShare(2017);
  return {
    sales: { low: THIRD_PARTY_2018.div(SALES_GROWTH.low), central: THIRD_PARTY_2018.div(SALES_GROWTH.central), high: THIRD_PARTY_2018.div(SALES_GROWTH.high) },
    share: { low: new Decimal(SMB_SHARE.low).div(thirdPartyShare2017), central: smbShare().div(thirdPartyShare2017), high: new Decimal(SMB_SHARE.high).div(thirdPartyShare2017) },
    revenuePerEmployee: { low: in2017("retail-44-45-1997"), central: in2017("nonstore-454-1997"), high: in2017("electronic-shopping-4541-1997") },
    jobsPerDirectJob: { low: 1, central: 1.5, high: 2.5 },
  };
};
let jobsEstimateCache: ReturnType<typeof estimateJobs> | undefined;
const jobsEstimate = () => (jobsEstimateCache ??= estimateJobs(jobsInputs()));
const assumption = (name: string) => {
  const a = jobsEstimate().assumptions.find((x) => x.name === name);
  if (a === undefined) throw new Error(`guide-figures: the jobs estimate has no assumption "${name}"`);
  return a;
};
const directCentral = () => {
  const direct = jobsEstimate().direct;
  if (direct === null || direct === undefined) throw new Error("guide-figures: the jobs estimate has no direct jobs");
  return direct.central;
};
/** The report's claim, `smallBusinessImpactReport2018.figures.jobsCreated` (900,000). */
const claimedJobs = () => new Decimal(smallBusinessImpactReport2018.figures.jobsCreated.value);
/** "about 460,000": two significant digits, thousands separated. */
const about = (x: Decimal): string => thousands(x.toSignificantDigits(2));
const billions = (x: Decimal): string => `$${x.div(1e9).toSignificantDigits(4).toString()}bn`;
const dollars = (x: Decimal): string => usd0(x);
/** The gross of the additionality snippet (`gross: 461_363`): the central estimate, checked. */
const ADDITIONALITY_GROSS = 461_363;
const additionality = () => {
  if (!jobsEstimate().central.toDecimalPlaces(0).eq(ADDITIONALITY_GROSS))
    throw new Error(`guide-figures: the additionality snippet's gross ${ADDITIONALITY_GROSS} is no longer the central estimate ${jobsEstimate().central.toFixed(0)}`);
  return grossToNetAdditionality({ gross: ADDITIONALITY_GROSS, leakage: 0, displacement: "0.25", substitution: 0, multiplier: 1, deadweight: "0.3" });
};
const grouped = (x: Decimal): string => {
  const [whole = "", fraction] = x.toString().split(".");
  return `${Number(whole).toLocaleString("en-US")}${fraction === undefined ? "" : `.${fraction}`}`;
};
const ESTIMATING_JOBS: Figures = {
  "census-table": () =>
    table(
      ["id", "NAICS", "year", "receipts per paid employee"],
      ["---", "---", "---", "---:"],
      Object.values(receiptsPerEmployeeTable).map((f) => [`\`${f.id}\``, `${f.naics} ${f.industry}`, String(f.year), dollars(f.receiptsPerEmployee.amount)]),
    ),
  "cpi-table": () =>
    table(
      ["figure", "price year", "receipts per employee", "× CPI-U factor", "in 2017 dollars"],
      ["---", "---:", "---:", "---:", "---:"],
      (["retail-44-45-1997", "retail-44-45-2002", "nonstore-454-1997", "electronic-shopping-4541-1997"] as const).map((id) => {
        const r = in2017(id);
        return [`\`${id}\``, String(r.fromYear), dollars(r.original), r.factor.toFixed(4), dollars(in2017Amount(id))];
      }),
    ),
  "io-multipliers": () =>
    table(
      ["sector", "output Type I", "output Type II", "Type II incl. households", "employment Type I", "employment Type II"],
      ["---", "---:", "---:", "---:", "---:", "---:"],
      inputOutputMultipliers({
        technicalCoefficients: [
          [0.15, 0.25],
          [0.2, 0.05],
        ],
        employmentPerOutput: [0.01, 0.02],
        households: { laborIncome: [0.3, 0.25], consumption: [0.05, 0.4], householdToHousehold: 0.05 },
        sectorNames: ["agriculture", "manufacturing"],
      }).sectors.map((x) => [x.name ?? "—", ...[x.outputTypeI, x.outputTypeII, x.outputTypeIIWithHouseholds, x.employmentTypeI, x.employmentTypeII].map((m) => m?.toFixed(3) ?? "—")]),
    ),
  "sales-low": () => billions(new Decimal(jobsInputs().sales.low)),
  "sales-central": () => billions(new Decimal(jobsInputs().sales.central)),
  "sales-high": () => billions(new Decimal(jobsInputs().sales.high)),
  "share-low": () => jobsInputs().share.low.toFixed(3),
  "share-central": () => jobsInputs().share.central.toFixed(3),
  "share-high": () => jobsInputs().share.high.toFixed(3),
  "third-party-share-2017": () => percent(getThirdPartySellerShare(2017), 0),
  "receipts-low": () => dollars(in2017Amount("retail-44-45-1997")),
  "receipts-central": () => dollars(in2017Amount("nonstore-454-1997")),
  "receipts-high": () => dollars(in2017Amount("electronic-shopping-4541-1997")),
  "estimate-central": () => about(jobsEstimate().central),
  "estimate-direct": () => about(directCentral()),
  "estimate-low": () => about(jobsEstimate().low),
  "estimate-high-millions": () => jobsEstimate().high.div(1e6).toSignificantDigits(3).toString(),
  "multiplier-swing": () => `${about(assumption("jobsPerDirectJob").jobsWhenLow)} to ${about(assumption("jobsPerDirectJob").jobsWhenHigh)}`,
  "receipts-swing": () => `${about(assumption("revenuePerEmployee").jobsWhenLow)} to ${about(assumption("revenuePerEmployee").jobsWhenHigh)}`,
  // 900,000 = direct jobs × jobs per direct job, the others central.
  "claim-multiplier": () => claimedJobs().div(directCentral()).toFixed(1),
  // 900,000 = sales × share × 1.5 ÷ receipts per employee, the others central.
  "claim-receipts": () => {
    const i = jobsInputs();
    return `$${about(i.sales.central.times(i.share.central).times(i.jobsPerDirectJob.central).div(claimedJobs()))}`;
  },
  "additionality-table": () => {
    const net = additionality();
    const step = (steps: typeof net.intervention, name: string) => {
      const x = steps.find((s) => s.adjustment === name);
      if (x === undefined) throw new Error(`guide-figures: the additionality has no ${name} step`);
      return x;
    };
    const gross = step(net.intervention, "gross");
    const displaced = step(net.intervention, "displacement");
    const reference = net.referenceCase;
    const refGross = reference[0];
    const refLast = reference.at(-1);
    if (refGross === undefined || refLast === undefined) throw new Error("guide-figures: the additionality has no reference case");
    return table(
      ["step", "factor", "intervention", "reference case (deadweight 30 %)"],
      ["---", "---:", "---:", "---:"],
      [
        ["gross", gross.factor.toString(), grouped(gross.value), grouped(refGross.value)],
        ["displacement 25 %", displaced.factor.toString(), grouped(displaced.value), grouped(refLast.value)],
        ["net = intervention − reference", "", "", grouped(net.net)],
      ],
    );
  },
};

// ---- synthetic-marketplace.md --------------------------------------------------------------

const cal = defaultSyntheticCalibration;
/** "$41.5 million", "$60 million": a default amount in millions. */
const millions = (x: Decimal): string => `$${x.div(1e6).toString()} million`;
const pct0 = (x: Decimal): string => percent(x, 0);
/** The sizes of the guide's scale table, all with `seed: 42`. */
const SCALE_SIZES = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000] as const;
let scaleCache: { n: number; a: ReturnType<ReturnType<typeof syntheticMarketplace>["aggregates"]> }[] | undefined;
/** `aggregates()` at every size of the table (about 2 s of CPU in all, 1,000,000 SMBs the most). */
const scale = () => (scaleCache ??= SCALE_SIZES.map((n) => ({ n, a: syntheticMarketplace({ seed: 42, sellers: n }).aggregates() })));
const atSize = (n: number) => {
  const row = scale().find((r) => r.n === n);
  if (row === undefined) throw new Error(`guide-figures: the scale table has no size ${n}`);
  return row.a;
};
/** Jobs to one decimal, a whole number without ".0" (0.03 → "0", 89,990.96 → "89,991"). */
const jobsFigure = (x: Decimal): string => grouped(x.toDecimalPlaces(1));
/** The relative error of the jobs at `n` SMBs in %, "−4.8", "−0.6", "−0.0004" (one decimal, or one significant digit below 0.05). */
const jobsError = (n: number): string => {
  const a = atSize(n);
  const e = a.jobs.minus(a.targets.jobs).div(a.targets.jobs).times(100);
  const shown = e.abs().lt("0.05") ? e.toSignificantDigits(1) : e.toDecimalPlaces(1);
  return `${shown.toString().replace("-", "−")} %`;
};
/** The smallest size of the table from which `ok` holds at every larger size. */
const fromSize = (ok: (a: ReturnType<typeof atSize>) => boolean): string => {
  let from: number | undefined;
  for (const { n, a } of scale())
    if (!ok(a)) from = undefined;
    else from ??= n;
  if (from === undefined) throw new Error("guide-figures: no size of the scale table meets the guide's claim");
  return thousands(new Decimal(from));
};
const within = (x: Decimal, target: Decimal, tolerance: string) => x.minus(target).abs().lte(target.abs().times(tolerance));
const model1000 = () => syntheticMarketplace({ seed: 1, sellers: 1_000 }).model;
const q4Share = (weights: readonly Decimal[], total: Decimal) =>
  weights
    .slice(9)
    .reduce((t, w) => t.plus(w), new Decimal(0))
    .div(total);
const SYNTHETIC_MARKETPLACE: Figures = {
  "default-smb-share": () => cal.smbShareOfSales.toString(),
  "default-new-share": () => cal.newSellerShare.toString(),
  "default-threshold": () => usd0(cal.salesThreshold.amount),
  "default-share-above": () => cal.shareAboveThreshold.toString(),
  "default-jobs-per-smb": () => cal.jobsPerSmb.toString(),
  "default-lending-per-smb": () => usd0(cal.lendingPerSmb.amount),
  "third-party-share-2017": () => getThirdPartySellerShare(2017).toString(),
  "default-sales-log-sd": () => cal.salesLogSd.toString(),
  "default-sales-cap": () => millions(cal.smbSalesCap.amount),
  "default-smb-marketplace-share-min": () => cal.smbMarketplaceShareMin.toString(),
  "default-large-marketplace-shares": () => `${cal.largeMarketplaceShareMin.toString()}/${cal.largeMarketplaceShareMax.toString()}`,
  "default-large-marketplace-share-min": () => cal.largeMarketplaceShareMin.toString(),
  "default-large-marketplace-share-max": () => cal.largeMarketplaceShareMax.toString(),
  "default-large-turnover-floor": () => millions(cal.largeTurnoverFloor.amount),
  "default-revenue-per-employee": () => usd0(cal.revenuePerEmployee.amount),
  "default-revenue-per-employee-sd": () => cal.revenuePerEmployeeLogSd.toString(),
  "default-loan-take-up": () => pct0(cal.loanTakeUpRate),
  "default-loan-min-sales": () => usd0(cal.loanMinAnnualSales.amount),
  "default-loan-principals": () => `${usd0(cal.loanPrincipalMin.amount)} to ${usd0(cal.loanPrincipalMax.amount)}`,
  "default-loan-fee": () => pct0(cal.loanFeeRate),
  "default-loan-holdback": () => pct0(cal.loanHoldbackRate),
  "default-large-sellers-per-smb": () => cal.largeSellersPerSmb.toString(),
  "default-item-price": () => usd0(cal.medianItemPrice.amount),
  "default-item-price-sd": () => cal.itemPriceLogSd.toString(),
  // μ = ln(threshold) − σ · Φ⁻¹(1 − shareAboveThreshold): Φ⁻¹ recovered from the model's μ.
  "normal-quantile": () => new Decimal(cal.salesThreshold.amount).ln().minus(model1000().salesLogMean).div(model1000().salesLogSd).toDecimalPlaces(4).toString(),
  "sales-log-mean": () => model1000().salesLogMean.toDecimalPlaces(4).toString(),
  "median-smb-sales": () => usd0(model1000().medianSmbSales.amount),
  "mean-smb-sales": () => usd0(model1000().expectedSmbSales.amount),
  "sales-of-a-million-smbs": () => `$${model1000().expectedSmbSales.amount.times(1e6).div(1e9).toSignificantDigits(3).toString()} billion`,
  "first-large-seller-at": () => String(new Decimal(1).div(cal.largeSellersPerSmb.times(2)).toNumber()),
  "scale-table": () =>
    table(
      ["SMBs", "new SMBs (target)", "above $1M (target)", "SMB share of sales", "SMB share of units", "jobs (target)", "lent (target)", "loans", "large sellers"],
      ["---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"],
      scale().map(({ n, a }) => [
        thousands(new Decimal(n)),
        `${thousands(new Decimal(a.newSmbCount))} (${grouped(a.targets.newSmbs)})`,
        `${thousands(new Decimal(a.smbsAboveThreshold))} (${grouped(a.targets.smbsAboveThreshold)})`,
        a.smbShareOfSales.toString(),
        a.smbShareOfUnits.toFixed(3),
        `${jobsFigure(a.jobs)} (${grouped(a.targets.jobs)})`,
        `${usd0(a.lending.totalLent.amount)} (${usd0(a.targets.totalLent.amount)})`,
        thousands(new Decimal(a.lending.loanCount)),
        thousands(new Decimal(a.largeSellerCount)),
      ]),
    ),
  "jobs-within-1-percent-from": () => fromSize((a) => within(a.jobs, a.targets.jobs, "0.01")),
  "units-within-1-percent-from": () => fromSize((a) => within(a.smbShareOfUnits, a.smbShareOfSales, "0.01")),
  "jobs-error-1000": () => jobsError(1_000),
  "jobs-error-10000": () => jobsError(10_000),
  "jobs-error-1000000": () => jobsError(1_000_000),
  "lent-equal-from": () => fromSize((a) => a.lending.totalLent.amount.eq(a.targets.totalLent.amount)),
  "default-q4-share": () =>
    pct0(
      q4Share(
        cal.seasonality,
        cal.seasonality.reduce((t, w) => t.plus(w), new Decimal(0)),
      ),
    ),
  "realised-q4-share-100000": () => {
    const a = atSize(100_000);
    return q4Share(
      a.salesByMonth.map((m) => m.amount),
      a.sales.total.amount,
    ).toFixed(2);
  },
  "later-year-share": () => syntheticMarketplace({ seed: 1, sellers: 1, year: 2019 }).model.thirdPartyShareOfSales.toString(),
  "first-year-share-reaches-smb-share": () => {
    let first: number | undefined;
    for (let year = 1999; year <= 2018; year++)
      if (getThirdPartySellerShare(year).lt(cal.smbShareOfSales)) first = undefined;
      else first ??= year;
    if (first === undefined) throw new Error("guide-figures: no published third-party share reaches the SMB share");
    return String(first);
  },
  "eu-medium-turnover": () => `€${new Decimal(EU_SME_THRESHOLDS.medium.turnover).div(1e6).toString()} million`,
  "eu-medium-balance-sheet": () => `€${new Decimal(EU_SME_THRESHOLDS.medium.balanceSheet).div(1e6).toString()} million`,
  // An SMB's turnover of at most the cap is at most the EU medium turnover ceiling at a rate of at least cap / ceiling.
  "eu-parity-rate": () => usd(cal.smbSalesCap.amount.div(EU_SME_THRESHOLDS.medium.turnover)),
};

/** The figures of each guide (file name under docs/guides/). */
export const FIGURES: Readonly<Record<string, Figures>> = {
  "dates-and-time-zones.md": {},
  "faq.md": {},
  "estimating-jobs.md": ESTIMATING_JOBS,
  "fees-and-payouts.md": FEES_AND_PAYOUTS,
  "getting-started.md": GETTING_STARTED,
  "money-and-rounding.md": MONEY_AND_ROUNDING,
  "glossary.md": GLOSSARY,
  "migrating.md": MIGRATING,
  "sales-based-financing.md": SALES_BASED_FINANCING,
  "seller-survival.md": SELLER_SURVIVAL,
  "synthetic-marketplace.md": SYNTHETIC_MARKETPLACE,
  "task-index.md": {},
  "time-value-of-money.md": TIME_VALUE_OF_MONEY,
};

/**
 * Numbers of each guide's prose that are inputs, not results (assumptions, parameters, published
 * values quoted as such, citations): the only figure-like numbers allowed outside the markers.
 */
export const INPUTS: Readonly<Record<string, readonly string[]>> = {
  // The minimum TypeScript version; the $1M threshold of a task.
  "faq.md": ["5.4"],
  "task-index.md": ["$1"],
  // Amazon's refund rule and worked example, the $50 toy refunded, the schedule's per-item fee, the reserve rate.
  "fees-and-payouts.md": ["$5", "20 %", "15 %", "$300", "$40", "$50", "$2", "$50.00", "$0.99", "10 %"],
  // fromMinorUnits' example, the $90 trillion bound, the 0.1 + 0.2 float example, the inputs of the rounding examples.
  "money-and-rounding.md": ["$12.50", "$90", "0.1", "10 %", "$123.45", "$1,234.50", "0.2"],
  "getting-started.md": ["10 %", "$10,000", "$1,500", "$400"],
  // "00.000" is the time of day 00:00:00.000Z; 10,000 the top of the HHI points scale.
  "glossary.md": ["00.000", "$11,500", "$10,000", "10,000"],
  // Microsoft's published XIRR result and Excel's stopping tolerance.
  "migrating.md": ["0.373362535", "37.34 %", "0.000001 %"],
  // 0.1 / 10 % explain the rate convention and the default guess; 1000 % / 100 % are domain bounds;
  // 1.0000002 a peer's wrong answer; Excel's tolerances, its documented XIRR value, Appendix J's inputs.
  // The report's figures (over 1,000,000 US SMBs, 300,000 new, 20,000 above $1 million, 900,000 jobs,
  // over $1 billion lent); the ECB's 2017 average $1.1297 per euro; the sizes the prose names (2,000 for
  // the recovery snippet, 1,000 / 10,000 / 100,000 / 1,000,000 of the table) and its 1 % tolerance; the
  // measured times of aggregates() with their load (4.1–4.3; 0.05–0.14, 0.19–0.24, 1.81–2.02 s, wall
  // within 0.06 s); xoshiro128** 1.1; 13 CFR 121.201.
  "synthetic-marketplace.md": [
    "1,000,000",
    "300,000",
    "20,000",
    "$1",
    "900,000",
    "$1.1297",
    "2,000",
    "1 %",
    "1,000",
    "10,000",
    "100,000",
    "4.1",
    "4.3",
    "0.05",
    "0.14",
    "0.19",
    "0.24",
    "1.81",
    "2.02",
    "0.06",
    "1.1",
    "121.201",
  ],
  "time-value-of-money.md": ["10 %", "-10 %", "1000 %", "100 %", "0.1", "1.0000002", "0.00001 %", "0.000001 %", "0.373362535", "$6,000", "$200"],
  // The report's 900,000 jobs and the 2018 letter's $160bn; RIMS II's "per $1 million"; the BLS CPI-U
  // levels (160.5, 179.9, 245.12); the definition example of a direct-effect multiplier (2.3: each direct
  // job supports 1.3 more); Miller & Blair's published L (1.254, 1.122) that the tests check; the MIT
  // course number 11.481 and the example's jobs per unit of output (0.01, 0.02); bench/jobs.md's 400-sector
  // inverse (about 0.15 s); the guide's assumptions: growth 52 % / 25 % / 0 %, the report's 0.5 read as
  // 45 % / 50 % / 55 %, 1 / 1.5 / 2.5 jobs per direct job.
  "estimating-jobs.md": [
    "900,000",
    "$1",
    "$160",
    "160.5",
    "179.9",
    "245.12",
    "2.3",
    "1.3",
    "1.254",
    "1.122",
    "0.15",
    "11.481",
    "0.01",
    "0.02",
    "52 %",
    "25 %",
    "0 %",
    "0.5",
    "45 %",
    "50 %",
    "55 %",
    "1.5",
    "2.5",
  ],
  // Published terms and reports (Amazon's US$1 billion, PayPal's 5 % / 10 % minimums and "about 8 %",
  // Shopify's 1.1 / 1.13 factors, Amazon's 3 %–16.9 % APRs); the rate convention (0.1 = 10 %); the
  // worked advance ($10,000 + $1,500, 10 % holdback, $400 a day) and its -30 % path; the 1.4x cap and
  // the 1.40 of a rejected input; the $1,000 / $20,000 of the no-rate example; the input limits
  // (10,000,000 rows, 1,000 scenarios, 1,000,000 loans); simulateSalesScenarios' default -10 % / -30 %;
  // the renewal at 75 % repaid; the three offers' ±30 % / ±20 % sales and 2 % origination fee; the
  // tolerances of 23 NYCRR § 600.4(a)(3) (2.5) and of § 1026.18(d) ($5 / $10 / $100, the $1,000 split);
  // bench/README.md's measured 10,000-advance portfolio, 10,000 × 1,000 stress run and 2,000-advance
  // worker run (3.1 s / 3.5 s); Va. Code ch. 22.1; California's $500,000 limit; the examples of Reg Z
  // comment 14(a)-2 (14.33333 % shown as 14.33 % or 14.3 %, not 14.2 %) and of Cal. § 901(a)(5)
  // ("10.45%"); the citation 12 CFR 1026.22.
  "sales-based-financing.md": [
    "$1",
    "10 %",
    "5 %",
    "8 %",
    "1.1",
    "1.13",
    "3 %",
    "16.9 %",
    "$10,000",
    "$1,500",
    "$400",
    "30 %",
    "1.4",
    "1.40",
    "$1,000",
    "$20,000",
    "10,000,000",
    "1,000",
    "1,000,000",
    "75 %",
    "20 %",
    "2 %",
    "2.5",
    "$5",
    "$10",
    "$100",
    "10,000",
    "2,000",
    "3.1",
    "3.5",
    "22.1",
    "$500,000",
    "14.33333 %",
    "14.33 %",
    "14.3 %",
    "14.2 %",
    "10.45%",
    "1026.22",
  ],
  "seller-survival.md": ["95 %", "15 %", "50 %", "1 %", "0.243", "4.414", "0.793", "2.426", "38.86", "30.43", "6.25", "3.74", "15.44", "0.01", "$22.35", "$11.77", "$73.74", "$25.55"],
};

const MARKER = /<!-- fig:([\w-]+) -->([\s\S]*?)<!-- \/fig -->/g;

/** `text` with every marked figure recomputed; throws on a marker naming an unknown figure. */
export function withFigures(guide: string, text: string): string {
  const figures = FIGURES[guide] ?? {};
  return text.replace(MARKER, (_, name: string, old: string) => {
    const f = figures[name];
    if (f === undefined) throw new Error(`guide-figures: ${guide} marks an unknown figure "${name}" (known: ${Object.keys(figures).join(", ")})`);
    const value = f();
    if (/NaN|undefined|Infinity/.test(value)) throw new Error(`guide-figures: ${guide} figure "${name}" computed ${value}`);
    return old.startsWith("\n") ? `<!-- fig:${name} -->\n${value}\n<!-- /fig -->` : `<!-- fig:${name} -->${value}<!-- /fig -->`;
  });
}

/** The marker names used in `text`, in order. */
export function markedFigures(text: string): string[] {
  return [...text.matchAll(MARKER)].map((m) => m[1] as string);
}

/**
 * Figure-like numbers of `text`'s prose outside the markers: with a currency sign, a percent
 * sign, a decimal point or a thousands separator (front matter, code fences, code spans, link
 * targets, URLs, version numbers like "0.2.0", section numbers of citations like "§ 600.3" or
 * "§§ 600.3, 600.7 and 6.2-2231", and the registry table between `<!-- registry-table:start -->` and `<!-- registry-table:end -->`,
 * generated from the library's data by scripts/registry-table.ts and checked by
 * test/registry-table.test.ts, skipped).
 */
export function proseFigures(text: string): string[] {
  const prose = text
    .replace(/^---\n[\s\S]*?\n---\n/, "")
    .replace(MARKER, "")
    .replace(/```[\s\S]*?```/g, "")
    .replace(/`[^`\n]*`/g, "")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/https?:\/\/\S+/g, "")
    .replace(/\b\d+\.\d+\.\d+\b/g, "")
    .replace(/<!-- registry-table:start -->[\s\S]*?<!-- registry-table:end -->/g, "")
    .replace(/§+ ?[\d.()a-z-]+(?:(?:, | to | and |–)\d+[.-][\d.()a-z-]*(?![\d.()a-z-]| ?%))*/g, "");
  return [...prose.matchAll(/[$€£]?\d[\d,]*(?:\.\d+)?(?: ?%)?/g)].map((m) => m[0].replace(/,$/, "")).filter((x) => /\.\d|[$€£%]|\d,\d/.test(x));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const guide of Object.keys(FIGURES)) {
    const file = `${GUIDES_DIR}${guide}`;
    const text = readFileSync(file, "utf8");
    const next = withFigures(guide, text);
    if (next !== text) writeFileSync(file, next);
    console.log(`guide-figures: ${guide}: ${markedFigures(next).length} figures${next === text ? "" : " (updated)"}`);
  }
}
