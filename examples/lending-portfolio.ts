// A lender's view: up to 2,000 sales-based advances repaid from a share of sales — lent, repaid,
// outstanding, losses if sales stopped, and the portfolio's IRR (financing + synthetic modules).
// Run: npx tsx examples/lending-portfolio.ts
import { formatMoney, salesBasedAdvance, simulatePortfolio, syntheticMarketplace, type PortfolioLoan } from "marketplace-economics";

// A synthetic marketplace whose lending programme lends about $1,000 per SMB seller.
const market = syntheticMarketplace({ seed: 11, sellers: 50_000 });
const loans: PortfolioLoan[] = market
  .loans()
  .slice(0, 2_000)
  .map((l, i) => ({
    id: `loan-${i}`,
    sellerId: l.sellerId,
    fundedOn: l.fundedOn,
    product: salesBasedAdvance({ principal: l.principal, fee: l.fee, holdbackRate: l.holdbackRate }),
  }));

// Each borrower's own sales, month by month, through the end of the year. Loans are sized to be
// repaid from about a year of sales, so by December most are nearly, but not fully, repaid.
const salesBySeller = new Map(loans.map((l) => [l.sellerId, market.salesOf(l.sellerId, { granularity: "month" })]));

for (const until of ["2017-06-30", "2017-12-31"]) {
  const p = simulatePortfolio(loans, salesBySeller, { until });
  console.log(`\nas of ${until}:`);
  console.log(`  loans funded ${p.loanCount}${p.notYetFunded ? ` (${p.notYetFunded} more funded later)` : ""}; fully repaid ${p.paidOffCount}`);
  console.log(`  lent ${formatMoney(p.totalLent)}, due ${formatMoney(p.totalDue)}, repaid ${formatMoney(p.totalRepaid)}`);
  console.log(`  outstanding ${formatMoney(p.totalOutstanding)}; principal lost if sales stopped now ${formatMoney(p.principalLossIfSalesStop)} (${p.lossRateIfSalesStop.times(100).toFixed(2)} %)`);
  console.log(`  lender's IRR if sales stopped on that day: ${p.irr === null ? "no root (not enough repaid)" : `${p.irr.times(100).toFixed(2)} %`}`);
}
