/**
 * Sales of `syntheticMarketplace`: one seller's annual cents and units split exactly over its
 * active months (seasonality, largest remainder) and then evenly over the days of each month.
 * Never exported from the package.
 */
import { toOption, toOptions } from "../../_lib/validate.js";
import type { SyntheticSale, SyntheticSegment } from "../types.js";
import { FN, bulkUnits, cents } from "./cents.js";
import { MS_PER_DAY } from "../../_lib/dates.js";
import { largestRemainderNumbers } from "../../_lib/largestRemainder.js";
import { FIRST_PARTY_ID, type Setup } from "./setup.js";
import type { SellerRef } from "./sellers.js";
import type { State } from "./aggregates.js";

/** Granularity of generated sales. */
export type Granularity = "year" | "month" | "day";

/** The validated options of `sales()` / `salesOf()`. */
export function readSalesOptions(o: unknown): { granularity: Granularity; segment: SyntheticSegment | undefined } {
  const r = toOptions(o, FN, "options", ["granularity", "segment"]);
  const granularity = r["granularity"] === undefined ? "month" : toOption(r["granularity"], FN, "options.granularity", ["year", "month", "day"] as const);
  const segment = r["segment"] === undefined ? undefined : toOption(r["segment"], FN, "options.segment", ["smb", "large", "first-party"] as const);
  return { granularity, segment };
}

interface SellerYear {
  readonly sellerId: string;
  /** Annual sales, cents. */
  readonly annual: number;
  readonly units: number;
  readonly joinedMs: number;
}

function sellerYear(s: Setup, state: () => State, ref: SellerRef): SellerYear {
  if (ref.kind === "smb") {
    const d = s.engine.drawSmb(ref.index);
    return { sellerId: s.smbId(ref.index), annual: d.cents, units: d.units, joinedMs: d.joinedMs };
  }
  if (ref.kind === "large") {
    const annual = state().largeCents[ref.index] ?? 0;
    return { sellerId: s.largeId(ref.index), annual, units: bulkUnits(annual, s.params.meanPriceCents), joinedMs: s.frame.startMs - MS_PER_DAY };
  }
  const annual = Number(state().firstPartyCents);
  return { sellerId: FIRST_PARTY_ID, annual, units: bulkUnits(annual, s.params.meanPriceCents), joinedMs: s.params.openedOnMs };
}

/** `amount` cents and `u` units spread evenly over `days` days from `start` (remainders to the first days). */
function emitDays(sellerId: string, start: number, days: number, amount: number, u: number, push: (s: SyntheticSale) => void): void {
  const baseC = Math.floor(amount / days);
  const remC = amount - baseC * days;
  const baseU = Math.floor(u / days);
  const remU = u - baseU * days;
  for (let k = 0; k < days; k++) {
    const dc = baseC + (k < remC ? 1 : 0);
    if (dc <= 0) continue;
    push(Object.freeze({ sellerId, date: new Date(start + k * MS_PER_DAY), amount: cents(dc), units: baseU + (k < remU ? 1 : 0) }));
  }
}

/**
 * Emit one seller's sales into `push`: one sale for the year, or per active month, or per active
 * day; a sale is dated on the first day of its period, or the join day if later; periods with no
 * sales are skipped.
 */
export function emitSales(s: Setup, state: () => State, ref: SellerRef, granularity: Granularity, push: (s: SyntheticSale) => void): void {
  const { sellerId, annual, units, joinedMs } = sellerYear(s, state, ref);
  if (annual <= 0) return;
  const frame = s.frame;
  const firstDay = Math.max(frame.startMs, joinedMs);
  if (granularity === "year") {
    push(Object.freeze({ sellerId, date: new Date(firstDay), amount: cents(annual), units }));
    return;
  }
  const mc: number[] = new Array<number>(12).fill(0);
  const mu: number[] = new Array<number>(12).fill(0);
  s.engine.monthWeights(joinedMs, s.monthW);
  largestRemainderNumbers(annual, s.monthW, "earlier-index", mc);
  largestRemainderNumbers(units, mc, "earlier-index", mu);
  for (let m = 0; m < 12; m++) {
    const amount = mc[m] ?? 0;
    if (amount <= 0) continue;
    const monthStart = frame.monthStartMs[m] ?? frame.startMs;
    const start = Math.max(monthStart, firstDay);
    if (granularity === "month") {
      push(Object.freeze({ sellerId, date: new Date(start), amount: cents(amount), units: mu[m] ?? 0 }));
      continue;
    }
    const days = Math.round(((frame.monthStartMs[m + 1] ?? frame.endMs) - start) / MS_PER_DAY);
    emitDays(sellerId, start, days, amount, mu[m] ?? 0, push);
  }
}

/** Every sale of the segment (all segments when undefined), seller by seller: SMBs, large sellers, first-party. */
export function* streamSales(s: Setup, state: () => State, granularity: Granularity, segment: SyntheticSegment | undefined): Generator<SyntheticSale, void, undefined> {
  const buffer: SyntheticSale[] = [];
  const push = (sale: SyntheticSale) => {
    buffer.push(sale);
  };
  const drain = function* () {
    for (const sale of buffer) yield sale;
    buffer.length = 0;
  };
  if (segment === undefined || segment === "smb") {
    for (let i = 0; i < s.smbCount; i++) {
      emitSales(s, state, { kind: "smb", index: i }, granularity, push);
      yield* drain();
    }
  }
  if (segment === undefined || segment === "large") {
    for (let j = 0; j < s.largeCount; j++) {
      emitSales(s, state, { kind: "large", index: j }, granularity, push);
      yield* drain();
    }
  }
  if (segment === undefined || segment === "first-party") {
    emitSales(s, state, { kind: "first-party", index: 0 }, granularity, push);
    yield* drain();
  }
}
