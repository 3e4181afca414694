/**
 * Internal engine of `syntheticMarketplace`: per-seller draws (pure functions of seed and index)
 * and month weights. Never exported from the package. Money is integer cents (numbers below
 * 2^53). Cents and units are split over months by the shared largest-remainder core
 * (`largestRemainderNumbers` of src/_lib/largestRemainder.ts, `"earlier-index"` tie-break).
 */
import { MS_PER_DAY } from "../../_lib/dates.js";
import { Xoshiro128, createPermutation, hash32 } from "./random.js";
import { normalQuantile } from "./stats.js";

/** Stream ids: each kind of draw has its own hash stream. */
const STREAM_SMB = 1;
const STREAM_LARGE = 2;
const KEY_SALES = 11;
const KEY_NEW = 12;
const KEY_BORROW = 13;

/**
 * EU 2003/361 staff ceiling (Annex Art. 2: medium < 250): SMBs have at most 249 staff, large
 * sellers and the first-party account at least 250 (large under EU by headcount alone).
 */
const SMB_MAX_STAFF = 249;
const LARGE_MIN_STAFF = 250;

/** Fully resolved engine parameters (floats and integers only). */
export interface EngineParams {
  readonly seed: number;
  readonly smbCount: number;
  readonly largeCount: number;
  readonly year: number;
  /** ln-scale location and scale of SMB annual sales in dollars. */
  readonly mu: number;
  readonly sigma: number;
  readonly capCents: number;
  readonly newShare: number;
  /** Integer month weights (share of a full year's sales per month), sum 1e6. */
  readonly season: readonly number[];
  readonly priceMu: number;
  readonly priceSigma: number;
  /** Price giving the same expected units per dollar as SMBs: exp(μₚ − σₚ²/2), in cents. */
  readonly meanPriceCents: number;
  /** SMB marketplace share of turnover ~ Uniform(smbShareMin, 1). */
  readonly smbShareMin: number;
  /** Largest SMB turnover (and marketplace sales), in cents: the SMB ceiling. */
  readonly smbTurnoverCapCents: number;
  /** Large-seller marketplace share of turnover ~ Uniform(largeShareMin, largeShareMax). */
  readonly largeShareMin: number;
  readonly largeShareMax: number;
  /** Smallest turnover of a large seller or the first-party account, in cents. */
  readonly largeTurnoverFloorCents: number;
  /** ln-scale location and scale of revenue per employee in dollars. */
  readonly revenuePerEmployeeMu: number;
  readonly revenuePerEmployeeSigma: number;
  readonly countries: readonly { readonly code: string; readonly cumulative: number }[];
  readonly openedOnMs: number;
  readonly joinMeanDays: number;
  readonly largeSalesSigma: number;
  readonly loanTakeUp: number;
  readonly loanMinSalesCents: number;
}

/** One SMB's draw (reused scratch object: copy what you keep). */
export interface SmbDraw {
  index: number;
  cents: number;
  isNew: boolean;
  joinedMs: number;
  country: string;
  turnoverCents: number;
  employees: number;
  sizeClass: "micro" | "small" | "medium";
  priceCents: number;
  units: number;
  borrower: boolean;
  loanStartMonth: number;
}

/** One large seller's draw. */
export interface LargeDraw {
  employees: number;
  /** Whole-business turnover (= balance-sheet total), cents. */
  turnoverCents: number;
  joinedMs: number;
  country: string;
}

export interface YearFrame {
  readonly startMs: number;
  readonly endMs: number;
  readonly monthStartMs: readonly number[];
  readonly monthDays: readonly number[];
}

export function yearFrame(year: number): YearFrame {
  const monthStartMs: number[] = [];
  const monthDays: number[] = [];
  for (let m = 0; m < 12; m++) {
    const s = Date.UTC(year, m, 1);
    monthStartMs.push(s);
    monthDays.push(Math.round((Date.UTC(year, m + 1, 1) - s) / MS_PER_DAY));
  }
  return { startMs: Date.UTC(year, 0, 1), endMs: Date.UTC(year + 1, 0, 1), monthStartMs, monthDays };
}

export class Engine {
  readonly p: EngineParams;
  readonly frame: YearFrame;
  private readonly permSales: (i: number) => number;
  private readonly permNew: (i: number) => number;
  private readonly permBorrow: (i: number) => number;
  private readonly scratch: SmbDraw;
  private readonly yearDays: number;
  /** Days from marketplace opening to the year start, and 1 − exp(−span / mean) of the join law. */
  private readonly spanDays: number;
  private readonly joinTruncation: number;

  constructor(p: EngineParams) {
    this.p = p;
    this.frame = yearFrame(p.year);
    this.yearDays = Math.round((this.frame.endMs - this.frame.startMs) / MS_PER_DAY);
    this.spanDays = Math.max(1, Math.round((this.frame.startMs - p.openedOnMs) / MS_PER_DAY));
    this.joinTruncation = 1 - Math.exp(-this.spanDays / p.joinMeanDays);
    this.permSales = createPermutation(p.smbCount, hash32(p.seed, KEY_SALES));
    this.permNew = createPermutation(p.smbCount, hash32(p.seed, KEY_NEW));
    this.permBorrow = createPermutation(p.smbCount, hash32(p.seed, KEY_BORROW));
    this.scratch = {
      index: 0,
      cents: 0,
      isNew: false,
      joinedMs: 0,
      country: "US",
      turnoverCents: 0,
      employees: 1,
      sizeClass: "micro",
      priceCents: 1,
      units: 0,
      borrower: false,
      loanStartMonth: 1,
    };
  }

  /** Country for a uniform u (cumulative weights). */
  private pickCountry(u: number): string {
    const cs = this.p.countries;
    const last = cs.length - 1;
    for (let k = 0; k < last; k++) {
      const c = cs[k];
      if (c !== undefined && u < c.cumulative) return c.code;
    }
    return cs[last]?.code ?? "US";
  }

  /** Draw SMB `i` (0-based) into the scratch object. Pure function of (seed, i, n). */
  drawSmb(i: number): SmbDraw {
    const p = this.p;
    const n = p.smbCount;
    const rng = new Xoshiro128(hash32(p.seed, STREAM_SMB, i));
    // Stratified (Latin hypercube) uniforms: exactly one seller per 1/n stratum.
    const uSales = (this.permSales(i) + rng.next()) / n;
    const uNew = (this.permNew(i) + rng.next()) / n;
    const uBorrow = (this.permBorrow(i) + rng.next()) / n;
    const dollars = Math.exp(p.mu + p.sigma * normalQuantile(uSales));
    const cents = Math.min(p.capCents, Math.max(1, Math.round(dollars * 100)));
    const isNew = uNew < p.newShare;
    let joinedMs: number;
    const uJoin = rng.next();
    if (isNew) {
      joinedMs = this.frame.startMs + Math.floor(uJoin * this.yearDays) * MS_PER_DAY;
    } else {
      const spanDays = this.spanDays;
      const x = -p.joinMeanDays * Math.log(1 - uJoin * this.joinTruncation);
      joinedMs = this.frame.startMs - (1 + Math.min(spanDays - 1, Math.floor(x))) * MS_PER_DAY;
    }
    const country = this.pickCountry(rng.next());
    // Whole-business turnover: marketplace sales / marketplace share, capped at the SMB ceiling
    // (cents ≤ capCents ≤ smbTurnoverCapCents, so turnover ≥ sales always holds).
    const frac = p.smbShareMin + (1 - p.smbShareMin) * rng.next();
    const turnoverCents = Math.min(p.smbTurnoverCapCents, Math.max(cents, Math.round(cents / frac)));
    const rpe = Math.exp(p.revenuePerEmployeeMu + p.revenuePerEmployeeSigma * normalQuantile(rng.next()));
    const employees = Math.min(SMB_MAX_STAFF, Math.max(1, Math.round(turnoverCents / 100 / rpe)));
    const sizeClass = employees < 10 && turnoverCents <= 200_000_000 ? "micro" : employees < 50 && turnoverCents <= 1_000_000_000 ? "small" : "medium";
    const priceCents = Math.max(1, Math.round(100 * Math.exp(p.priceMu + p.priceSigma * normalQuantile(rng.next()))));
    const units = Math.max(1, Math.round(cents / priceCents));
    const loanStartMonth = 1 + rng.nextInt(3);
    const s = this.scratch;
    s.index = i;
    s.cents = cents;
    s.isNew = isNew;
    s.joinedMs = joinedMs;
    s.country = country;
    s.turnoverCents = turnoverCents;
    s.employees = employees;
    s.sizeClass = sizeClass;
    s.priceCents = priceCents;
    s.units = units;
    s.borrower = !isNew && cents >= p.loanMinSalesCents && uBorrow < p.loanTakeUp;
    s.loanStartMonth = loanStartMonth;
    return s;
  }

  /** Relative weights of the large sellers (lognormal, sigma = largeSalesSigma). */
  largeWeights(): Float64Array {
    const w = new Float64Array(this.p.largeCount);
    for (let j = 0; j < w.length; j++) {
      const rng = new Xoshiro128(hash32(this.p.seed, STREAM_LARGE, j));
      w[j] = Math.exp(this.p.largeSalesSigma * normalQuantile(rng.next()));
    }
    return w;
  }

  /**
   * Deterministic attributes of large seller j with annual marketplace sales `salesCents`:
   * turnover = sales / share, share ~ Uniform(largeShareMin, largeShareMax), or uniform on
   * [floor, 2 · floor) when that is below the floor; employees = max(250, turnover / revenue per
   * employee); joined day; country.
   */
  drawLarge(j: number, salesCents: number): LargeDraw {
    const p = this.p;
    const rng = new Xoshiro128(hash32(p.seed, STREAM_LARGE, j));
    rng.next(); // the weight draw (largeWeights)
    const marketplaceShare = p.largeShareMin + (p.largeShareMax - p.largeShareMin) * rng.next();
    const rpe = Math.exp(p.revenuePerEmployeeMu + p.revenuePerEmployeeSigma * normalQuantile(rng.next()));
    const joinedMs = this.frame.startMs - (1 + Math.floor(rng.next() * this.spanDays)) * MS_PER_DAY;
    const country = this.pickCountry(rng.next());
    const uFloor = rng.next();
    // Below the floor, redraw the turnover uniformly on [floor, 2 · floor) instead of piling
    // every such seller onto the floor itself.
    const implied = Math.round(salesCents / marketplaceShare);
    const floor = p.largeTurnoverFloorCents;
    const turnoverCents = implied >= floor ? implied : floor + Math.floor(uFloor * floor);
    const employees = Math.max(LARGE_MIN_STAFF, Math.round(turnoverCents / 100 / rpe));
    return { employees, turnoverCents, joinedMs, country };
  }

  /**
   * The first-party account (the operator's own retail, a large enterprise): turnover =
   * max(floor, first-party sales), employees = max(250, turnover / median revenue per employee).
   */
  firstParty(salesCents: number): { employees: number; turnoverCents: number } {
    const p = this.p;
    const turnoverCents = Math.max(p.largeTurnoverFloorCents, salesCents);
    const employees = Math.max(LARGE_MIN_STAFF, Math.round(turnoverCents / 100 / Math.exp(p.revenuePerEmployeeMu)));
    return { employees, turnoverCents };
  }

  /** First active month (0–11) and the number of active days in it, for a join date. */
  activeFrom(joinedMs: number): { month: number; dayOfMonth: number } {
    if (joinedMs <= this.frame.startMs) return { month: 0, dayOfMonth: 1 };
    const d = new Date(joinedMs);
    return { month: d.getUTCMonth(), dayOfMonth: d.getUTCDate() };
  }

  /** Month weights for a seller active from `joinedMs` (partial first month pro rata by days). */
  monthWeights(joinedMs: number, out: number[]): void {
    const { month, dayOfMonth } = this.activeFrom(joinedMs);
    for (let m = 0; m < 12; m++) {
      const w = this.p.season[m] ?? 0;
      if (m < month) out[m] = 0;
      else if (m === month && dayOfMonth > 1) {
        const days = this.frame.monthDays[m] ?? 30;
        out[m] = Math.max(1, Math.round((w * (days - dayOfMonth + 1)) / days));
      } else out[m] = w;
    }
  }
}

/** Round-half-even of num / den for non-negative safe integers. */
export function divRoundHalfEven(num: number, den: number): number {
  const q = Math.floor(num / den);
  const r = num - q * den;
  const twice = 2 * r;
  if (twice > den) return q + 1;
  if (twice < den) return q;
  return q % 2 === 0 ? q : q + 1;
}
