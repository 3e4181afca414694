/**
 * Calibration: the library's own functions, run over a synthetic marketplace of 20,000 SMB
 * sellers, recover the figures of Amazon's 2018 Small Business Impact Report scaled to 20,000
 * (report: half of sales by SMBs; 300,000 new of over 1,000,000 US SMBs; 20,000 above $1M;
 * 900,000 jobs; over $1 billion lent, repaid from a share of sales).
 */
import { Decimal } from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { salesBasedAdvance } from "../financing/salesBasedAdvance.js";
import { simulatePortfolio } from "../financing/simulatePortfolio.js";
import { simulateRepayment } from "../financing/simulateRepayment.js";
import { estimateJobs } from "../jobs/estimateJobs.js";
import { money } from "../money/money.js";
import { classifyEnterpriseSize } from "../sellers/classifyEnterpriseSize.js";
import { countNewSellers } from "../sellers/countNewSellers.js";
import { countSellersAboveSales } from "../sellers/countSellersAboveSales.js";
import { isSmallOrMediumBusiness } from "../sellers/isSmallOrMediumBusiness.js";
import { addSale } from "../share/addSale.js";
import { createShareAccumulator } from "../share/createShareAccumulator.js";
import { finalizeShare } from "../share/finalizeShare.js";
import { salesShare } from "../share/salesShare.js";
import type { Sale } from "../share/types.js";
import { smallBusinessImpactReport2018 as report } from "../data/smallBusinessImpactReport2018.js";
import { syntheticMarketplace } from "./syntheticMarketplace.js";
import type { SyntheticMarketplace, SyntheticSeller } from "./types.js";

const N = 20_000;
const YEAR_2017 = { start: "2017-01-01", end: "2018-01-01" } as const;
const f = report.figures;
const segmentOf = (s: Sale) => (s.sellerId.startsWith("smb-") ? "smb" : s.sellerId === "first-party" ? "first-party" : "large");

let m: SyntheticMarketplace;
let sellers: SyntheticSeller[];
let monthly: Sale[];
beforeAll(() => {
  m = syntheticMarketplace({ seed: 2018, sellers: N });
  sellers = [...m.sellers()];
  monthly = [...m.sales({ granularity: "month" })];
});

describe("syntheticMarketplace calibration (20,000 SMBs, seed 2018)", () => {
  it("SMB share of sales by salesShare is within 0.45–0.55 (report: half) and equals the aggregate", () => {
    const r = salesShare(monthly, segmentOf);
    const smb = r.bySegment["smb"];
    expect(smb).toBeDefined();
    expect(smb!.gmvShare.toNumber()).toBeGreaterThanOrEqual(0.45);
    expect(smb!.gmvShare.toNumber()).toBeLessThanOrEqual(0.55);
    expect(smb!.gmv.amount.equals(m.aggregates().sales.smb.amount)).toBe(true);
    expect(r.total.gmv?.amount.equals(m.aggregates().sales.total.amount)).toBe(true);
    // Units ("half of all items purchased"): looser, every seller sells at least one unit.
    expect(smb!.unitShare.toNumber()).toBeGreaterThanOrEqual(0.45);
    expect(smb!.unitShare.toNumber()).toBeLessThanOrEqual(0.55);
    expect(smb!.units.toNumber()).toBe(m.aggregates().units.smb);
  });

  it("the streaming share accumulator over the monthly stream gives the same SMB share", () => {
    const acc = createShareAccumulator();
    for (const s of m.sales({ granularity: "month" })) addSale(acc, s, segmentOf(s));
    const r = finalizeShare(acc);
    expect(r.bySegment["smb"]?.gmv.amount.equals(m.aggregates().sales.smb.amount)).toBe(true);
    expect(r.bySegment["smb"]?.units.toNumber()).toBe(m.aggregates().units.smb);
    expect(r.bySegment["smb"]?.gmvShare.toNumber()).toBeCloseTo(0.5, 9);
  });

  it("daily, monthly and yearly streams carry the same totals (1,000 SMBs, accumulator)", () => {
    const small = syntheticMarketplace({ seed: 7, sellers: 1_000 });
    for (const granularity of ["day", "month", "year"] as const) {
      const acc = createShareAccumulator();
      for (const s of small.sales({ granularity })) addSale(acc, s, segmentOf(s));
      const r = finalizeShare(acc);
      expect(r.bySegment["smb"]?.gmv.amount.equals(small.aggregates().sales.smb.amount)).toBe(true);
      expect(r.total.gmv?.amount.equals(small.aggregates().sales.total.amount)).toBe(true);
      expect(r.bySegment["smb"]?.units.toNumber()).toBe(small.aggregates().units.smb);
    }
  });

  it("countNewSellers finds 30 % of SMBs new in 2017 (report: 300,000 of 1,000,000), exactly the aggregate", () => {
    const smbs = sellers.filter((s) => s.segment === "smb");
    const n = countNewSellers(smbs, YEAR_2017);
    expect(n).toBe(m.aggregates().newSmbCount);
    const ratio = f.usBusinessesStartedSelling.value / f.usSmbsSelling.value;
    expect(Math.abs(n - ratio * N)).toBeLessThanOrEqual(1);
    expect(countNewSellers(sellers, YEAR_2017)).toBe(n); // large and first-party are established
  });

  it("countSellersAboveSales finds 2 % of SMBs above $1M (report: 20,000 / 1,000,000) within ±20 %", () => {
    const annual = [...m.sales({ granularity: "year", segment: "smb" })];
    const n = countSellersAboveSales(annual, money("1000000", "USD"), YEAR_2017);
    expect(n).toBe(m.aggregates().smbsAboveThreshold);
    const target = (f.smbsAboveOneMillionSales.value / f.usSmbsSelling.value) * N; // 400
    expect(Math.abs(n - target) / target).toBeLessThanOrEqual(0.2);
    expect(Math.abs(n - target)).toBeLessThanOrEqual(1); // stratified sampling: ±1
  });

  it("estimateJobs with the model's revenue per job gives 0.9 jobs per SMB within ±20 % (report: 900,000)", () => {
    const e = estimateJobs({ sales: m.aggregates().sales.smb, revenuePerEmployee: m.model.revenuePerJob });
    const target = (f.jobsCreated.value / f.usSmbsSelling.value) * N; // 18,000
    expect(Math.abs(e.central.toNumber() - target) / target).toBeLessThanOrEqual(0.2);
    expect(e.central.minus(m.aggregates().jobs).abs().toNumber()).toBeLessThan(1e-6);
  });

  it("isSmallOrMediumBusiness (EU 2003/361) agrees with every seller's segment and size class", () => {
    for (const s of sellers) {
      if (s.segment === "first-party") continue;
      const eur = (x: { amount: Decimal }) => money(x.amount, "EUR");
      const facts = { employees: s.employees, annualTurnover: eur(s.annualTurnover), balanceSheetTotal: eur(s.balanceSheetTotal!) };
      expect(isSmallOrMediumBusiness(facts)).toBe(s.segment === "smb");
      expect(classifyEnterpriseSize(facts, "EU-2003/361").size).toBe(s.sizeClass);
    }
  });

  it("the lending programme lends ≈ $1B per 1,000,000 SMBs ($20M here), and simulatePortfolio reproduces its repayment", () => {
    const a = m.aggregates();
    const target = f.lendingToUsSmbs.value.times(N).dividedBy(f.usSmbsSelling.value); // $20,000,000
    expect(a.lending.totalLent.amount.greaterThanOrEqualTo(target)).toBe(true);
    expect(a.lending.totalLent.amount.minus(target).abs().dividedBy(target).toNumber()).toBeLessThanOrEqual(0.05);
    const loans = m.loans();
    expect(loans.length).toBe(a.lending.loanCount);
    const salesBySeller: Record<string, readonly Sale[]> = {};
    for (const l of loans) salesBySeller[l.sellerId] = m.salesOf(l.sellerId, { granularity: "month" });
    const p = simulatePortfolio(
      loans.map((l, i) => ({
        id: `loan-${i}`,
        sellerId: l.sellerId,
        fundedOn: l.fundedOn,
        product: salesBasedAdvance({ principal: l.principal, fee: l.fee, holdbackRate: l.holdbackRate }),
      })),
      salesBySeller,
      { until: "2017-12-31", includeLoans: false },
    );
    expect(p.totalLent.amount.equals(a.lending.totalLent.amount)).toBe(true);
    expect(p.totalRepaid.amount.equals(a.lending.repaidInYear.amount)).toBe(true);
    expect(p.paidOffCount).toBe(a.lending.loansRepaidInYear);
    // Repaid mostly from sales within the year.
    expect(a.lending.repaidInYear.amount.dividedBy(a.lending.totalLent.amount.plus(a.lending.totalFees.amount)).toNumber()).toBeGreaterThan(0.8);
  });

  it("simulateRepayment of one loan against its daily sales repays from a share of sales", () => {
    const l = m.loans()[0]!;
    const r = simulateRepayment(salesBasedAdvance({ principal: l.principal, fee: l.fee, holdbackRate: l.holdbackRate }), m.salesOf(l.sellerId, { granularity: "day" }), {
      fundedOn: l.fundedOn,
    });
    expect(r.summary.totalPaid.amount.greaterThan(0)).toBe(true);
  });

  it("sales peak in Q4 (monthly seasonality)", () => {
    const byMonth = m.aggregates().salesByMonth.map((x) => x.amount.toNumber());
    const q4 = byMonth.slice(9).reduce((a, b) => a + b, 0);
    const total = byMonth.reduce((a, b) => a + b, 0);
    expect(q4 / total).toBeGreaterThan(0.28);
    expect(byMonth[11]).toBe(Math.max(...byMonth));
  });
});
