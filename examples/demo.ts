// The main demo: rebuild the headline figures of Amazon's 2018 Small Business Impact Report from a
// synthetic marketplace, using only the library's public functions, then price one financing offer.
//
//   npm run demo                         # 100,000 SMB sellers (the report's figures scaled to 1/10)
//   npm run demo -- --sellers 1000000    # the full US scale of the report (about 30-60 s)
//   npm run demo -- --seed 7             # another synthetic marketplace
//   npm run demo -- --sellers 10         # works at any size (no loans below a few dozen sellers)
import {
  addMarketplaceSale,
  addPeriods,
  costOfFinancing,
  countNewSellers,
  createMarketplaceAccumulator,
  disclosure,
  estimateJobs,
  finalizeMarketplace,
  formatMoney,
  isSmallOrMediumBusiness,
  MarketplaceEconomicsError,
  money,
  salesBasedAdvance,
  simulatePortfolio,
  simulateRepayment,
  sizeOffer,
  smallBusinessImpactReport2018,
  syntheticMarketplace,
  type Money,
  type PortfolioLoan,
  type Seller,
} from "marketplace-economics";

// ---------------------------------------------------------------- arguments
const USAGE = "usage: npm run demo -- [--sellers N] [--seed S]   (N SMB sellers, default 100000; 1000000 is the report's US scale)";
function usageError(message: string): never {
  console.error(`demo: ${message}\n${USAGE}`);
  process.exit(2);
}
// Accept --name value and --name=value; reject anything else rather than silently ignore it.
const flags = new Map<string, string>();
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i] ?? "";
  if (arg === "--help" || arg === "-h") {
    console.log(USAGE);
    process.exit(0);
  }
  const m = /^--(sellers|seed)(?:=(.*))?$/.exec(arg);
  if (!m) usageError(`unknown argument ${JSON.stringify(arg)}`);
  const value = m[2] ?? argv[++i];
  if (value === undefined || value.startsWith("--")) usageError(`--${m[1]} needs a value`);
  flags.set(m[1] ?? "", value);
}
function flag(name: string, fallback: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/[_,]/g, ""));
  if (!Number.isSafeInteger(n) || n <= 0) usageError(`--${name} must be a positive integer, received ${raw}`);
  return n;
}
const N = flag("sellers", 100_000);
const SEED = flag("seed", 2018);
const scale = N / 1_000_000;
const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const progress = (msg: string) => process.stderr.write(`  … ${msg} (${elapsed()})\n`);
const int = (n: number) => Math.round(n).toLocaleString("en-US");
const pct = (d: { toNumber(): number }) => `${(d.toNumber() * 100).toFixed(1)} %`;

function main(): void {
  const report = smallBusinessImpactReport2018.figures;
  console.log(`${smallBusinessImpactReport2018.title} — reproduced with marketplace-economics`);
  console.log(`Synthetic marketplace: ${int(N)} US SMB sellers (seed ${SEED}); the report's counts are scaled by ${scale}.\n`);

  const m = syntheticMarketplace({ seed: SEED, sellers: N });
  const year = { start: m.period.start, end: m.period.end };
  const USD_1M = money("1000000", "USD");

  // ---------------------------------------------------------------- 1. sellers: classify and count new SMBs
  // Each seller is classified with the SBA size standard for NAICS 454110 (13 CFR 121.201), not
  // taken from the generator. Memory stays flat in the number of sellers: no per-seller map;
  // sellers and sales are generated in the same order, so a sale's seller is classified when its
  // sales begin (walking the seller generator in step), and counts stream through the library.
  const isSmb = (s: Seller) => isSmallOrMediumBusiness(s, "US-SBA", { naicsCode: "454110" }) === true;
  let usSmbs = 0;
  let classified = 0;
  function* smbSellers(): Generator<Seller> {
    for (const s of m.sellers()) {
      classified++;
      if (!isSmb(s)) continue;
      if (s.country === "US") usSmbs++;
      yield s;
    }
  }
  // The synthetic ids are unique, so no set of ids is needed (O(1) memory).
  const newSmbs = countNewSellers(smbSellers(), year, { distinctIds: false });
  progress(`classified ${int(classified)} sellers, counted new SMBs`);

  // ---------------------------------------------------------------- 2. one pass over the monthly sales: share and sellers above $1M
  // The marketplace accumulator gathers the share by segment and every seller's 2017 total in one
  // pass; "grouped" folds each seller into the threshold count as soon as its sales end.
  const SMB = "SMB sellers";
  const acc = createMarketplaceAccumulator({ currency: "USD", period: "year", sellerTotals: "grouped", sellerInterval: year, thresholds: [USD_1M] });
  const sellerIt = m.sellers();
  let current: { id: string; segment: string } | undefined;
  let monthly = 0;
  for (const sale of m.sales({ granularity: "month" })) {
    while (current === undefined || current.id !== sale.sellerId) {
      const next = sellerIt.next();
      if (next.done === true) throw new Error("demo: sales and sellers are not in the same order");
      current = { id: next.value.id, segment: isSmb(next.value) ? SMB : "large sellers and first party" };
    }
    addMarketplaceSale(acc, sale, current.segment);
    if (++monthly % 2_000_000 === 0) progress(`${int(monthly)} monthly sales streamed`);
  }
  const figures = finalizeMarketplace(acc);
  const share = figures.share;
  const smbShare = share.bySegment[SMB];
  if (smbShare === undefined) throw new Error("demo: no SMB sales were generated");
  const smbsAboveOneMillion = figures.sellersBySegment[SMB]?.above[0]?.sellers ?? 0;
  progress(`share and sellers above $1M of ${int(monthly)} monthly sales computed`);

  // ---------------------------------------------------------------- 3. jobs from SMB sales
  const jobs = estimateJobs({ sales: smbShare.gmv, revenuePerEmployee: m.model.revenuePerJob });

  // ---------------------------------------------------------------- 4. the lending programme, repaid from sales
  const loans: PortfolioLoan[] = m.loans().map((l, i) => ({
    id: `loan-${i}`,
    sellerId: l.sellerId,
    fundedOn: l.fundedOn,
    product: salesBasedAdvance({ principal: l.principal, fee: l.fee, holdbackRate: l.holdbackRate }),
  }));
  const salesBySeller = new Map(loans.map((l) => [l.sellerId, m.salesOf(l.sellerId, { granularity: "month" })]));
  // A marketplace of a few dozen sellers or fewer has no eligible borrower, so no portfolio.
  const portfolio = loans.length === 0 ? null : simulatePortfolio(loans, salesBySeller, { until: "2017-12-31" });
  progress(`simulated ${int(loans.length)} loans`);

  // ---------------------------------------------------------------- the side-by-side table
  const usd = (x: Money) => formatMoney(x, "en-US", { fractionDigits: 0 });
  const rows: [string, string, string, string][] = [
    ["SMB share of sales", `≈ ${pct(report.smbShareOfSales.value)}`, pct(smbShare.gmvShare), "isSmallOrMediumBusiness + createMarketplaceAccumulator/addMarketplaceSale/finalizeMarketplace"],
    ["US SMBs selling", `> ${int(report.usSmbsSelling.value * scale)}`, int(usSmbs), "isSmallOrMediumBusiness (US-SBA, NAICS 454110)"],
    ["US businesses started selling in 2017", int(report.usBusinessesStartedSelling.value * scale), int(newSmbs), "countNewSellers"],
    ["SMBs above $1M of sales in 2017", int(report.smbsAboveOneMillionSales.value * scale), int(smbsAboveOneMillion), "finalizeMarketplace (thresholds, grouped sellers)"],
    ["jobs created", `≈ ${int(report.jobsCreated.value * scale)}`, int(jobs.central.toNumber()), "estimateJobs"],
    ["lent to US SMBs", `> ${usd(money(report.lendingToUsSmbs.value.times(scale), "USD"))}`, portfolio ? usd(portfolio.totalLent) : "no loans", "salesBasedAdvance + simulatePortfolio"],
    ["  repaid from sales in 2017 (incl. fees)", "", portfolio ? usd(portfolio.totalRepaid) : "-", "simulatePortfolio"],
    ["  outstanding if sales stopped", "", portfolio ? usd(portfolio.totalOutstanding) : "-", "simulatePortfolio"],
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]?.length ?? 0), ["figure", "report", "library", "computed with"][c]?.length ?? 0));
  const line = (r: readonly string[]) => r.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ");
  console.log(line(["figure", "report", "library", "computed with"]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
  console.log(`\nSMB share of units sold: ${pct(smbShare.unitShare)} (the English sources say "half of the items"), over ${int(share.total.sales)} monthly sales records.`);

  // ---------------------------------------------------------------- 5. one worked financing offer
  const sellerId = loans[0]?.sellerId;
  if (sellerId === undefined) {
    console.log(`\nNo worked financing offer: no seller of this ${int(N)}-SMB marketplace borrowed (try --sellers 1000 or more).`);
    return;
  }
  const history = m.salesOf(sellerId, { granularity: "day" });
  const offer = sizeOffer(history, { shareOfTrailingSales: "0.08", factorRate: "1.1", targetTermDays: 365, principalStep: 100 });
  if (offer.product === null) {
    console.log(`\nNo worked financing offer: sizeOffer finds seller ${sellerId} not eligible (limited by ${offer.constrainedBy}).`);
    return;
  }
  const advance = offer.product;
  const run = simulateRepayment(
    advance,
    history.map((s) => ({ date: addPeriods(s.date, 365, "day"), amount: s.amount })),
  );
  const cost = costOfFinancing(run);
  const disc = disclosure(advance, history, { method: "historical", months: 12 });
  console.log(`\nA worked offer for seller ${sellerId} (12 months of daily sales, ${usd(history.reduce((a, s) => money(a.amount.plus(s.amount.amount), "USD"), money(0, "USD")))}):`);
  console.log(`  sizeOffer:         ${usd(advance.principal)} advance, fee ${usd(advance.fee)}, holdback ${pct(advance.holdbackRate)} of daily sales`);
  console.log(
    `  simulateRepayment (funded 2018-01-01, 2018 sales assumed equal to 2017's): ${run.summary.paidOff ? `paid off on ${run.summary.payoffDate?.toISOString().slice(0, 10)} after ${run.summary.daysToPayoff} days` : `not paid off; ${usd(run.summary.outstandingIfSalesStop)} outstanding`}, total paid ${usd(run.summary.totalPaid)}`,
  );
  console.log(
    `  costOfFinancing:   factor rate ${cost.factorRate.toString()}, APR (Reg Z App. J) ${cost.apr === null ? "n/a" : pct(cost.apr)}, XIRR ${cost.effectiveAnnualRate === null ? "n/a" : pct(cost.effectiveAnnualRate)}`,
  );
  console.log(`  disclosure (Cal. 10 CCR § 930 historical method): estimated APR ${disc.estimatedApr === null ? "n/a" : pct(disc.estimatedApr)}, estimated term ${disc.estimatedTermDays} days`);
}

// A bad input or a library limit prints the library's message (which names the function and
// says what is allowed), not a stack trace.
try {
  main();
  // Peak resident memory of the whole run (getrusage ru_maxrss, kilobytes on Linux).
  console.log(`\nDone in ${elapsed()}; peak memory (max RSS) ${int(process.resourceUsage().maxRSS / 1024)} MB.`);
} catch (e) {
  if (!(e instanceof MarketplaceEconomicsError)) throw e;
  console.error(`demo: ${e.message}`);
  process.exit(1);
}
