/**
 * The one exact pass of `syntheticMarketplace` over every seller: SMB totals (sales by month,
 * units, new sellers, sellers above the threshold, size classes, countries), the large-seller and
 * first-party totals set from the realised SMB total, the lending programme, and the frozen
 * aggregates. Never exported from the package. Integer cents throughout (BigInt for sums).
 */
import { Decimal } from "../../_lib/decimal.js";
import { makeMoney } from "../../_lib/money.js";
import type { SyntheticAggregates, SyntheticLoan } from "../types.js";
import { CURRENCY, bulkUnits, cents, toCents } from "./cents.js";
import { MS_PER_DAY } from "../../_lib/dates.js";
import { largestRemainderNumbers } from "../../_lib/largestRemainder.js";
import { divRoundHalfEven } from "./engine.js";
import type { Setup } from "./setup.js";

/** What the pass computes once per marketplace (then cached). */
export interface State {
  readonly aggregates: SyntheticAggregates;
  readonly loans: readonly SyntheticLoan[];
  /** Annual cents of large seller j. */
  readonly largeCents: Float64Array;
  readonly firstPartyCents: bigint;
}

interface SmbTotals {
  readonly byMonth: bigint[];
  readonly smbTotal: bigint;
  readonly smbUnits: number;
  readonly newCount: number;
  readonly above: number;
  readonly employees: number;
  readonly sizeCounts: { micro: number; small: number; medium: number; large: number };
  readonly countryCounts: Record<string, number>;
  /** Indices and annual cents of the SMBs that borrow. */
  readonly borrowers: number[];
  readonly borrowerCents: number[];
}

/** Draw every SMB once and sum its figures. */
function smbPass(s: Setup): SmbTotals {
  const { engine, monthW, monthC, smbCount } = s;
  const t = {
    byMonth: new Array<bigint>(12).fill(0n),
    smbTotal: 0n,
    smbUnits: 0,
    newCount: 0,
    above: 0,
    employees: 0,
    sizeCounts: { micro: 0, small: 0, medium: 0, large: s.largeCount + 1 },
    countryCounts: {} as Record<string, number>,
    borrowers: [] as number[],
    borrowerCents: [] as number[],
  };
  const chunkMonth: number[] = new Array<number>(12).fill(0);
  for (let i = 0; i < smbCount; i++) {
    const d = engine.drawSmb(i);
    t.smbUnits += d.units;
    if (d.isNew) t.newCount++;
    if (d.cents > s.thresholdCents) t.above++;
    t.employees += d.employees;
    t.sizeCounts[d.sizeClass]++;
    t.countryCounts[d.country] = (t.countryCounts[d.country] ?? 0) + 1;
    engine.monthWeights(d.joinedMs, monthW);
    largestRemainderNumbers(d.cents, monthW, "earlier-index", monthC);
    for (let m = 0; m < 12; m++) chunkMonth[m] = (chunkMonth[m] ?? 0) + (monthC[m] ?? 0);
    if (d.borrower) {
      t.borrowers.push(i);
      t.borrowerCents.push(d.cents);
    }
    // Flush number accumulators into BigInt before they can lose precision (≤ 1e6 × 5e9 < 2^53).
    if ((i & 0xfffff) === 0xfffff || i === smbCount - 1) {
      for (let m = 0; m < 12; m++) {
        t.byMonth[m] = (t.byMonth[m] ?? 0n) + BigInt(chunkMonth[m] ?? 0);
        t.smbTotal += BigInt(chunkMonth[m] ?? 0);
        chunkMonth[m] = 0;
      }
    }
  }
  return t;
}

interface NonSmbTotals {
  readonly largeTotal: bigint;
  readonly fpTotal: bigint;
  readonly largeCents: Float64Array;
  readonly largeUnits: number;
  readonly fpUnits: number;
}

/** Round-half-even of T · num / s in whole cents. */
function scaled(T: Decimal, num: Decimal, s: Decimal): bigint {
  return BigInt(T.times(num).dividedBy(s).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toFixed(0));
}

/**
 * Large-seller and first-party sales from the realised SMB total T: large = T·(t − s)/s split
 * over the large sellers by their lognormal weights, first-party = T·(1 − t)/s. Adds their
 * months into `byMonth`.
 */
function nonSmbPass(s: Setup, smbTotal: bigint, byMonth: bigint[]): NonSmbTotals {
  const { engine, frame, monthW, monthC, largeCount } = s;
  const share = s.calibration.smbShareOfSales;
  const T = new Decimal(smbTotal.toString());
  // With no large seller (tiny marketplaces), the first-party account takes the whole non-SMB half.
  const tp = largeCount > 0 ? s.model.thirdPartyShareOfSales : share;
  const largeTotal = scaled(T, tp.minus(share), share);
  const fpTotal = scaled(T, new Decimal(1).minus(tp), share);
  const largeCents = new Float64Array(largeCount);
  let largeUnits = 0;
  if (largeCount > 0) {
    const w = engine.largeWeights();
    let ws = 0;
    for (const x of w) ws += x;
    const wi = Array.from(w, (x) => Math.max(1, Math.round((x / ws) * 1e9)));
    const out: number[] = new Array<number>(largeCount).fill(0);
    largestRemainderNumbers(Number(largeTotal), wi, "earlier-index", out);
    for (let j = 0; j < largeCount; j++) {
      const lc = out[j] ?? 0;
      largeCents[j] = lc;
      largeUnits += bulkUnits(lc, s.params.meanPriceCents);
      engine.monthWeights(frame.startMs, monthW);
      largestRemainderNumbers(lc, monthW, "earlier-index", monthC);
      for (let m = 0; m < 12; m++) byMonth[m] = (byMonth[m] ?? 0n) + BigInt(monthC[m] ?? 0);
    }
  }
  const fpUnits = bulkUnits(Number(fpTotal), s.params.meanPriceCents);
  engine.monthWeights(frame.startMs, monthW);
  const out: number[] = new Array<number>(12).fill(0);
  largestRemainderNumbers(Number(fpTotal), monthW, "earlier-index", out);
  for (let m = 0; m < 12; m++) byMonth[m] = (byMonth[m] ?? 0n) + BigInt(out[m] ?? 0);
  return { largeTotal, fpTotal, largeCents, largeUnits, fpUnits };
}

interface Lending {
  readonly loans: readonly SyntheticLoan[];
  readonly lent: bigint;
  readonly fees: bigint;
  readonly repaid: bigint;
  readonly repaidCount: number;
  /** Principal per dollar of annual sales. */
  readonly r: number;
  /** lendingPerSmb × SMBs, in dollars. */
  readonly targetLent: Decimal;
}

/**
 * principal(r, S) = clamp(floor₁₀₀(r · S), min, max); r by 60 bisection steps on [0, 1] so that
 * Σ principal is the smallest total ≥ the target (r = 1 when the target is out of reach).
 */
function solvePrincipalRate(s: Setup, borrowerCents: readonly number[]) {
  const c = s.calibration;
  const minP = toCents(c.loanPrincipalMin, "calibration.loanPrincipalMin");
  const maxP = toCents(c.loanPrincipalMax, "calibration.loanPrincipalMax");
  const targetLent = c.lendingPerSmb.amount.times(s.smbCount);
  const targetCents = targetLent.times(100).toNumber();
  const principalOf = (r: number, sc: number) => Math.min(maxP, Math.max(minP, Math.floor((r * sc) / 10_000) * 10_000));
  const totalAt = (r: number) => {
    let t = 0;
    for (const sc of borrowerCents) t += principalOf(r, sc);
    return t;
  };
  let lo = 0;
  let hi = 1;
  if (borrowerCents.length > 0 && totalAt(hi) >= targetCents) {
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (totalAt(mid) >= targetCents) hi = mid;
      else lo = mid;
    }
  }
  return { r: hi, principalOf, targetLent };
}

/**
 * Fund each borrower at the end of its loan's start month − 1 and collect `loanHoldbackRate` of
 * each later month's sales (round half-even) until principal + fee is repaid or the year ends.
 */
function lend(s: Setup, borrowers: readonly number[], borrowerCents: readonly number[]): Lending {
  const { engine, frame, monthW, monthC } = s;
  const c = s.calibration;
  const { r, principalOf, targetLent } = solvePrincipalRate(s, borrowerCents);
  const hb = c.loanHoldbackRate;
  const hbDen = 10 ** hb.decimalPlaces();
  const hbNum = hb.times(hbDen).toNumber();
  const loans: SyntheticLoan[] = [];
  let lent = 0n;
  let fees = 0n;
  let repaid = 0n;
  let repaidCount = 0;
  for (let k = 0; k < borrowers.length; k++) {
    const i = borrowers[k] ?? 0;
    const d = engine.drawSmb(i);
    const principal = principalOf(r, d.cents);
    const fee = c.loanFeeRate.times(principal).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber();
    engine.monthWeights(d.joinedMs, monthW);
    largestRemainderNumbers(d.cents, monthW, "earlier-index", monthC);
    let balance = principal + fee;
    for (let m = d.loanStartMonth; m < 12 && balance > 0; m++) {
      const pay = Math.min(balance, divRoundHalfEven((monthC[m] ?? 0) * hbNum, hbDen));
      balance -= pay;
    }
    lent += BigInt(principal);
    fees += BigInt(fee);
    repaid += BigInt(principal + fee - balance);
    if (balance === 0) repaidCount++;
    loans.push(
      Object.freeze({
        sellerId: s.smbId(i),
        principal: cents(principal),
        fee: cents(fee),
        holdbackRate: hb,
        fundedOn: new Date((frame.monthStartMs[d.loanStartMonth] ?? frame.startMs) - MS_PER_DAY),
      }),
    );
  }
  return { loans: Object.freeze(loans), lent, fees, repaid, repaidCount, r, targetLent };
}

function ratio(a: bigint | number, b: bigint | number): Decimal {
  return Number(b) === 0 ? new Decimal(0) : new Decimal(a.toString()).dividedBy(new Decimal(b.toString()));
}

function assemble(s: Setup, smb: SmbTotals, non: NonSmbTotals, lending: Lending): SyntheticAggregates {
  const c = s.calibration;
  const { smbCount, largeCount } = s;
  const { smbTotal, smbUnits } = smb;
  const { largeTotal, fpTotal, largeUnits, fpUnits } = non;
  const total = smbTotal + largeTotal + fpTotal;
  const totalUnits = smbUnits + largeUnits + fpUnits;
  const n = new Decimal(smbCount);
  const { lent, fees, repaid } = lending;
  return Object.freeze({
    smbCount,
    largeSellerCount: largeCount,
    sellerCount: smbCount + largeCount + 1,
    newSmbCount: smb.newCount,
    smbsAboveThreshold: smb.above,
    sales: Object.freeze({ smb: cents(smbTotal), large: cents(largeTotal), firstParty: cents(fpTotal), total: cents(total) }),
    units: Object.freeze({ smb: smbUnits, large: largeUnits, firstParty: fpUnits, total: totalUnits }),
    smbShareOfSales: ratio(smbTotal, total),
    smbShareOfUnits: ratio(smbUnits, totalUnits),
    thirdPartyShareOfSales: ratio(smbTotal + largeTotal, total),
    salesByMonth: Object.freeze(smb.byMonth.map((x) => cents(x))),
    smbEmployees: smb.employees,
    sizeClassCounts: Object.freeze(smb.sizeCounts),
    smbCountryCounts: Object.freeze(smb.countryCounts),
    jobs: new Decimal(smbTotal.toString()).dividedBy(100).dividedBy(s.revenuePerJob),
    lending: Object.freeze({
      loanCount: lending.loans.length,
      totalLent: cents(lent),
      totalFees: cents(fees),
      repaidInYear: cents(repaid),
      outstandingAtYearEnd: cents(lent + fees - repaid),
      loansRepaidInYear: lending.repaidCount,
      principalToSales: new Decimal(lending.r).toDecimalPlaces(8),
    }),
    targets: Object.freeze({
      smbShareOfSales: c.smbShareOfSales,
      newSmbs: c.newSellerShare.times(n),
      smbsAboveThreshold: c.shareAboveThreshold.times(n),
      jobs: c.jobsPerSmb.times(n),
      totalLent: makeMoney(lending.targetLent, CURRENCY),
    }),
  });
}

/** Run the pass: O(sellers) time, O(borrowers + large sellers) memory. */
export function computeState(s: Setup): State {
  const smb = smbPass(s);
  const non = nonSmbPass(s, smb.smbTotal, smb.byMonth);
  const lending = lend(s, smb.borrowers, smb.borrowerCents);
  return { aggregates: assemble(s, smb, non, lending), loans: lending.loans, largeCents: non.largeCents, firstPartyCents: non.fpTotal };
}
