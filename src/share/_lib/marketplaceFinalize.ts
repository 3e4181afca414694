/** Internal: read every figure out of a marketplace accumulator (#13). */
import { epochDay, fromEpochDay } from "../../_lib/dates.js";
import { Decimal } from "../../_lib/decimal.js";
import { makeMoney } from "../../_lib/money.js";
import { periodLabel } from "../../_lib/periods.js";
import type { Money } from "../../money/types.js";
import { ShareAccumulatorImpl, emptyTotals, type SegmentTotals } from "./accumulator.js";
import { finalizeAccumulator } from "./finalize.js";
import { closedSummaries, foldSeller, type MarketplaceAccumulatorImpl, mergeSummary, periodRange, sellerGmv, Summary, summaryOf, type Totals } from "./marketplace.js";
import type { MarketplaceFigures, MarketplaceSellerFigures, SalesShareResult } from "../types.js";

function minorDecimal(g: bigint, digits: number): Decimal {
  return new Decimal(digits === 0 ? g.toString() : `${g.toString()}e-${digits}`);
}

/** Add marketplace totals into a share accumulator's segment totals. */
function intoShare(share: ShareAccumulatorImpl, seg: string, t: Totals, digits: number): void {
  let o = share.totals.get(seg);
  if (o === undefined) {
    o = emptyTotals();
    share.totals.set(seg, o);
  }
  addShareTotals(o, t, digits);
  share.sales += t.orders;
}

function addShareTotals(o: SegmentTotals, t: Totals, digits: number): void {
  const g = o.gmvMinor + t.gmv;
  if (Number.isSafeInteger(g)) o.gmvMinor = g;
  else o.gmv = o.gmv.plus(minorDecimal(BigInt(t.gmv), digits));
  if (t.gmvBig !== 0n) o.gmv = o.gmv.plus(minorDecimal(t.gmvBig, digits));
  const u = o.unitsInt + t.unitsInt;
  if (Number.isSafeInteger(u)) o.unitsInt = u;
  else o.unitsDec = (o.unitsDec ?? new Decimal(0)).plus(t.unitsInt);
  if (t.unitsDec !== undefined) o.unitsDec = (o.unitsDec ?? new Decimal(0)).plus(t.unitsDec);
  o.sales += t.orders;
}

function shareOf(acc: MarketplaceAccumulatorImpl): ShareAccumulatorImpl {
  const st = acc.settings;
  return new ShareAccumulatorImpl(st.currency, st.precision, st.refunds, st.declared, undefined);
}

/** Concentration over positive seller totals: HHI, Gini (when the totals are given), top-k. */
function figures(sum: Summary, values: bigint[] | undefined, acc: MarketplaceAccumulatorImpl, fn: string): MarketplaceSellerFigures {
  const st = acc.settings;
  const money = (g: bigint): Money => makeMoney(minorDecimal(g, st.digits), st.currency);
  const hhi = sum.sum === 0n ? null : new Decimal((sum.sumSquares * 10_000n).toString()).div(new Decimal((sum.sum * sum.sum).toString()));
  let gini: Decimal | null = null;
  if (values !== undefined && values.length > 0 && sum.sum > 0n) {
    values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let weighted = 0n;
    for (let i = 0; i < values.length; i++) weighted += BigInt(i + 1) * (values[i] as bigint);
    const n = BigInt(values.length);
    const numerator = 2n * weighted - (n + 1n) * sum.sum;
    gini = numerator === 0n ? new Decimal(0) : new Decimal(numerator.toString()).div(new Decimal((n * sum.sum).toString()));
  }
  const topShares = st.topK.map((k) => {
    if (sum.sum === 0n) return Object.freeze({ k, share: null });
    let s = 0n;
    for (let i = 0; i < k && i < sum.top.length; i++) s += sum.top[i] as bigint;
    return Object.freeze({ k, share: s === sum.sum ? new Decimal(1) : new Decimal(s.toString()).div(new Decimal(sum.sum.toString())) });
  });
  const days = periodRange(sum.firstSales.keys(), st.period, fn, "accumulator");
  const newSellers: { period: string; start: Date; end: Date; sellers: number }[] = [];
  for (let k = 0; k + 1 < days.length; k++) {
    const d = days[k] as number;
    const start = fromEpochDay(d);
    newSellers.push(Object.freeze({ period: periodLabel(start, st.period, fn, "accumulator"), start, end: fromEpochDay(days[k + 1] as number), sellers: sum.firstSales.get(d) ?? 0 }));
  }
  const bs = st.brackets;
  return Object.freeze({
    sellers: sum.sellers,
    above: Object.freeze(st.thresholds.map((t, j) => Object.freeze({ threshold: money(t), sellers: sum.above[j] as number }))),
    brackets: Object.freeze(
      sum.bracketSellers.map((n, j) =>
        Object.freeze({ above: j === 0 ? undefined : money(bs[j - 1] as bigint), upTo: j === bs.length ? undefined : money(bs[j] as bigint), sellers: n, total: money(sum.bracketGmv[j] as bigint) }),
      ),
    ),
    newSellers: Object.freeze(newSellers),
    hhi,
    gini,
    topShares: Object.freeze(topShares),
  });
}

export function finalizeMarketplaceImpl<S extends string>(acc: MarketplaceAccumulatorImpl, fn: string): MarketplaceFigures<S> {
  const st = acc.settings;
  // Shares: the whole log and every period from the first to the last.
  const whole = shareOf(acc);
  const days = periodRange(acc.periods.keys(), st.period, fn, "accumulator");
  // A period without sales has the same (frozen) all-zero share as any other: computed once, so a
  // long gap costs one finalize, not one per period.
  let empty: SalesShareResult<S> | undefined;
  const byPeriod = days.slice(0, -1).map((d, k) => {
    const segs = acc.periods.get(d);
    let result: SalesShareResult<S>;
    if (segs === undefined || segs.size === 0) {
      result = empty ??= finalizeAccumulator<S>(shareOf(acc), fn);
    } else {
      const share = shareOf(acc);
      for (const [seg, t] of segs) {
        intoShare(share, seg, t, st.digits);
        intoShare(whole, seg, t, st.digits);
      }
      result = finalizeAccumulator<S>(share, fn);
    }
    const start = fromEpochDay(d);
    return Object.freeze({ period: periodLabel(start, st.period, fn, "accumulator"), start, end: fromEpochDay(days[k + 1] as number), share: result });
  });
  // Seller figures: fold the kept sellers (or read the grouped summaries).
  let summaries: Map<string, Summary>;
  let values: Map<string, bigint[]> | undefined;
  let all: bigint[] | undefined;
  if (st.mode === "keep") {
    summaries = new Map();
    values = new Map();
    all = [];
    for (const s of acc.sellers.values()) {
      foldSeller(summaryOf(summaries, s.segment, st), s, st);
      const g = sellerGmv(s);
      if (g > 0n) {
        let v = values.get(s.segment);
        if (v === undefined) values.set(s.segment, (v = []));
        v.push(g);
        all.push(g);
      }
    }
  } else {
    summaries = closedSummaries(acc);
  }
  const total = new Summary(st.thresholds.length, st.brackets.length);
  const names = st.declared ? [...st.declared] : [...new Set([...summaries.keys(), ...whole.totals.keys()])].sort();
  const bySegment: Record<string, MarketplaceSellerFigures> = {};
  for (const name of names) {
    const sum = summaries.get(name) ?? new Summary(st.thresholds.length, st.brackets.length);
    mergeSummary(total, sum, st.kMax);
    // defineProperty, not assignment: a segment may be named "__proto__".
    Object.defineProperty(bySegment, name, { value: figures(sum, values === undefined ? undefined : (values.get(name) ?? []), acc, fn), enumerable: true, writable: true, configurable: true });
  }
  return Object.freeze({
    currency: st.currency,
    period: st.period,
    share: finalizeAccumulator<S>(whole, fn) as SalesShareResult<S>,
    byPeriod: Object.freeze(byPeriod),
    sellers: figures(total, all, acc, fn),
    sellersBySegment: Object.freeze(bySegment) as MarketplaceFigures<S>["sellersBySegment"],
  });
}

export { epochDay };
