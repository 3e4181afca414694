/**
 * Size facts of the synthetic sellers are consistent with their segments: classifying every
 * seller with the library's own `isSmallOrMediumBusiness` recovers `"smb"` vs `"large"` /
 * `"first-party"` under both the US SBA standard (NAICS 454110, bundled table) and the EU
 * definition (Commission Recommendation 2003/361/EC).
 */
import { fc, test } from "@fast-check/vitest";
import { Decimal } from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { ErrorCode, ValidationError } from "../errors.js";
import { money } from "../money/money.js";
import type { Money } from "../money/types.js";
import { classifyEnterpriseSize } from "../sellers/classifyEnterpriseSize.js";
import { EU_SME_THRESHOLDS } from "../sellers/EU_SME_THRESHOLDS.js";
import { isSmallOrMediumBusiness } from "../sellers/isSmallOrMediumBusiness.js";
import { SBA_SIZE_STANDARDS_RETAIL } from "../sellers/SBA_SIZE_STANDARDS_RETAIL.js";
import { defaultSyntheticCalibration } from "./defaultSyntheticCalibration.js";
import { syntheticMarketplace } from "./syntheticMarketplace.js";
import type { SyntheticMarketplace, SyntheticSeller, SyntheticSellerTotal } from "./types.js";

const N = 20_000;
const SBA = { naicsCode: "454110" } as const;
/** ECB euro reference rate, 2017 annual average: 1 EUR = 1.1297 USD. */
const USD_PER_EUR_2017 = new Decimal("1.1297");

/** USD amount read as euros (what the other tests of this module do). */
const relabel = (m: Money) => money(m.amount, "EUR");
/** USD converted at a fixed rate, rounded to the cent. */
const convert = (m: Money) => money(m.amount.dividedBy(USD_PER_EUR_2017).toDecimalPlaces(2), "EUR");

function euFacts(s: SyntheticSeller, toEur: (m: Money) => Money) {
  return { employees: s.employees, annualTurnover: toEur(s.annualTurnover), balanceSheetTotal: toEur(s.balanceSheetTotal) };
}

/** Counts of sellers whose SMB classification disagrees with the segment, per standard. */
function disagreements(sellers: Iterable<SyntheticSeller>, toEur: (m: Money) => Money = relabel) {
  const out = { sellers: 0, sba: [] as string[], eu: [] as string[] };
  for (const s of sellers) {
    out.sellers++;
    const want = s.segment === "smb";
    if (isSmallOrMediumBusiness(s, "US-SBA", SBA) !== want) out.sba.push(s.id);
    if (isSmallOrMediumBusiness(euFacts(s, toEur), "EU-2003/361") !== want) out.eu.push(s.id);
  }
  return out;
}

let m: SyntheticMarketplace;
let sellers: SyntheticSeller[];
let totals: Map<string, SyntheticSellerTotal>;
beforeAll(() => {
  m = syntheticMarketplace({ seed: 2018, sellers: N });
  sellers = [...m.sellers()];
  totals = new Map([...m.sellerTotals()].map((t) => [t.sellerId, t]));
});

describe("syntheticMarketplace seller size facts (20,000 SMBs, seed 2018)", () => {
  it("isSmallOrMediumBusiness recovers every seller's segment under US-SBA (454110) and EU 2003/361: 100 % agreement", () => {
    const d = disagreements(sellers);
    expect(d.sellers).toBe(N + m.largeSellerCount + 1); // 20,000 SMBs + 40 large + first-party
    expect(m.largeSellerCount).toBe(40);
    expect(d.sba).toEqual([]);
    expect(d.eu).toEqual([]);
    // The demo's call, verbatim: large and first-party are "not small" under SBA.
    expect(isSmallOrMediumBusiness(m.seller("large-40"), "US-SBA", { naicsCode: "454110" })).toBe(false);
    expect(isSmallOrMediumBusiness(m.seller("first-party"), "US-SBA", { naicsCode: "454110" })).toBe(false);
  });

  it("the EU split also holds with a fixed conversion at the ECB 2017 average ($1.1297 per euro)", () => {
    const d = disagreements(sellers, convert);
    expect(d.sba).toEqual([]);
    expect(d.eu).toEqual([]);
  });

  it("classifyEnterpriseSize gives each SMB its sizeClass and every other seller 'large' under both standards", () => {
    for (const s of sellers) {
      expect(classifyEnterpriseSize(euFacts(s, relabel), "EU-2003/361").size).toBe(s.sizeClass);
      expect(classifyEnterpriseSize(s, "US-SBA", SBA).size).toBe(s.segment === "smb" ? "small" : "large");
    }
  });

  it("SMBs: sales ≤ turnover ≤ $41.5M, balance sheet = turnover, 1–249 employees", () => {
    for (const s of sellers.filter((x) => x.segment === "smb")) {
      const t = totals.get(s.id)!;
      expect(s.annualTurnover.amount.greaterThanOrEqualTo(t.annualSales.amount)).toBe(true);
      expect(s.annualTurnover.amount.lessThanOrEqualTo(41_500_000)).toBe(true);
      expect(s.balanceSheetTotal.amount.equals(s.annualTurnover.amount)).toBe(true);
      expect(s.employees).toBeGreaterThanOrEqual(1);
      expect(s.employees).toBeLessThanOrEqual(249);
      expect(t.employees).toBe(s.employees);
    }
  });

  it("large sellers: turnover ≥ $60M and ≥ marketplace sales / 0.5, ≥ 250 employees, turnover per employee of the assumed order", () => {
    const large = sellers.filter((x) => x.segment === "large");
    const perEmployee: number[] = [];
    for (const s of large) {
      const t = totals.get(s.id)!;
      expect(s.annualTurnover.amount.greaterThanOrEqualTo(60_000_000)).toBe(true);
      expect(s.annualTurnover.amount.greaterThanOrEqualTo(t.annualSales.amount.times(2))).toBe(true);
      expect(s.balanceSheetTotal.amount.equals(s.annualTurnover.amount)).toBe(true);
      expect(s.employees).toBeGreaterThanOrEqual(250);
      expect(t.employees).toBe(s.employees);
      if (s.employees > 250) perEmployee.push(s.annualTurnover.amount.toNumber() / s.employees);
    }
    // Lognormal turnover per employee, median $150,000 (assumption): the sample median is near it.
    perEmployee.sort((a, b) => a - b);
    const median = perEmployee[perEmployee.length >> 1]!;
    expect(median).toBeGreaterThan(100_000);
    expect(median).toBeLessThan(225_000);
    // Turnovers are spread, not piled on the floor.
    expect(new Set(large.map((s) => s.annualTurnover.amount.toString())).size).toBe(large.length);
  });

  it("the first-party account has employees and a balance sheet; its turnover is its sales (≥ the floor)", () => {
    const fp = m.seller("first-party");
    expect(fp.employees).toBeGreaterThanOrEqual(250);
    expect(fp.balanceSheetTotal.amount.equals(fp.annualTurnover.amount)).toBe(true);
    expect(fp.annualTurnover.amount.equals(m.aggregates().sales.firstParty.amount)).toBe(true);
    expect(fp.employees).toBe(Math.round(fp.annualTurnover.amount.toNumber() / 150_000));
    expect(totals.get("first-party")!.employees).toBe(fp.employees);
  });
});

describe("syntheticMarketplace size-fact calibration", () => {
  it("the default SMB ceiling is the bundled SBA 454110 receipts standard, below the EU medium turnover ceiling", () => {
    const row = SBA_SIZE_STANDARDS_RETAIL.find((r) => r.naicsCode === "454110")!;
    expect(row.measure).toBe("receipts");
    const cap = defaultSyntheticCalibration.smbSalesCap.amount;
    expect(cap.equals(new Decimal(row.limit).times(1e6))).toBe(true); // $41.5 million
    expect(cap.lessThanOrEqualTo(EU_SME_THRESHOLDS.medium.turnover)).toBe(true);
    // Still ≤ €50M when converted at any rate from $0.83 per euro.
    expect(cap.dividedBy("0.83").lessThanOrEqualTo(EU_SME_THRESHOLDS.medium.turnover)).toBe(true);
  });

  it("the default large-seller floor is above the SBA ceiling and the EU turnover and balance-sheet ceilings below $1.20 per euro", () => {
    const floor = defaultSyntheticCalibration.largeTurnoverFloor.amount;
    expect(floor.greaterThan(new Decimal(SBA_SIZE_STANDARDS_RETAIL[0]!.limit).times(1e6))).toBe(true);
    expect(floor.dividedBy("1.19").greaterThan(EU_SME_THRESHOLDS.medium.turnover)).toBe(true);
    expect(floor.dividedBy("1.19").greaterThan(EU_SME_THRESHOLDS.medium.balanceSheet)).toBe(true);
  });

  it("a single-SMB marketplace: the first-party account is large through the turnover floor", () => {
    const one = syntheticMarketplace({ seed: 0, sellers: 1 });
    const fp = one.seller("first-party");
    expect(fp.annualTurnover.amount.toString()).toBe("60000000");
    expect(fp.employees).toBe(400); // $60M / $150,000
    expect(disagreements(one.sellers())).toEqual({ sellers: 2, sba: [], eu: [] });
  });

  it("honours the size-fact overrides", () => {
    const o = syntheticMarketplace({
      seed: 3,
      sellers: 2_000,
      calibration: { largeTurnoverFloor: money("100000000", "USD"), revenuePerEmployee: money("300000", "USD"), largeMarketplaceShareMax: "0.1" },
    });
    for (const s of o.sellers()) {
      if (s.segment !== "smb") expect(s.annualTurnover.amount.greaterThanOrEqualTo(100_000_000)).toBe(true);
    }
    expect(o.seller("first-party").employees).toBe(Math.round(o.seller("first-party").annualTurnover.amount.toNumber() / 300_000));
    expect(disagreements(o.sellers())).toMatchObject({ sba: [], eu: [] });
  });

  it.each([
    [{ largeTurnoverFloor: money("41500000", "USD") }],
    [{ smbSalesCap: money("70000000", "USD") }],
    [{ largeMarketplaceShareMin: 0.6 }],
    [{ largeMarketplaceShareMax: 0 }],
    [{ smbMarketplaceShareMin: 0 }],
    [{ revenuePerEmployee: money(0, "USD") }],
    [{ revenuePerEmployeeLogSd: -1 }],
  ])("rejects %j with OUT_OF_RANGE", (calibration) => {
    let err: unknown;
    try {
      syntheticMarketplace({ seed: 1, sellers: 10, calibration });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).code).toBe(ErrorCode.OUT_OF_RANGE);
  });

  test.prop([fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 3_000 })], { numRuns: 20 })("at any seed and size, every seller's segment is recovered under both standards", (seed, n) => {
    const d = disagreements(syntheticMarketplace({ seed, sellers: n }).sellers());
    expect(d.sba).toEqual([]);
    expect(d.eu).toEqual([]);
  });
});
