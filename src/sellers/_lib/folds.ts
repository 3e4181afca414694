/**
 * Internal: the one-pass folds behind the counting and aggregating functions of sellers (#13).
 * Each public function and its `…Async` twin parse their arguments the same way, feed the same
 * fold one record at a time (`for` or `for await`) and finish it the same way, so both give the
 * same result and the same errors.
 */
import { Decimal } from "../../_lib/decimal.js";
import { MS_PER_DAY, toUtcDay } from "../../_lib/dates.js";
import { assertSameCurrency, makeMoney, toMoney } from "../../_lib/money.js";
import { checkPeriodCount, periodAdd, periodLabel, periodStart, periodsBetween, toPeriod } from "../../_lib/periods.js";
import { rangeError, toArray, toOptions, typeError } from "../../_lib/validate.js";
import { ErrorCode } from "../../errors.js";
import type { Money } from "../../money/types.js";
import type { Period } from "../../time/types.js";
import type { CohortSurvival } from "../cohortSurvival.js";
import type { SellerCohort } from "../cohortsByPeriod.js";
import type { SalesBracket } from "../salesBrackets.js";
import type { Seller } from "../types.js";
import { toInterval, type Interval, type SellerTotals } from "./core.js";

/** A fold over records of type T giving R. */
export interface Fold<T, R> {
  add(item: T): void;
  finish(): R;
}

/** Run a fold over a sync iterable. */
export function runFold<T, R>(items: Iterable<T>, fold: Fold<T, R>): R {
  for (const x of items) fold.add(x);
  return fold.finish();
}

/** Run a fold over an async (or sync) iterable, read once with `for await`. */
export async function runFoldAsync<T, R>(items: AsyncIterable<T> | Iterable<T>, fold: Fold<T, R>): Promise<R> {
  for await (const x of items) fold.add(x);
  return fold.finish();
}

// ---- per-seller totals ------------------------------------------------------------------------

/** Number of totals strictly above the threshold (countSellersAboveSales). */
export function countAbove(acc: SellerTotals, t: Money, fn: string): number {
  if (acc.currency !== undefined) assertSameCurrency(fn, acc.currency, t.currency);
  let n = 0;
  for (const total of acc.totals.values()) if (total.greaterThan(t.amount)) n += 1;
  return n;
}

/** Rows `{ sellerId, total }`, largest first, ties by id (sumSalesBySeller). */
export function totalRows(acc: SellerTotals): readonly { readonly sellerId: string; readonly total: Money }[] {
  const rows = [...acc.totals.entries()].map(([sellerId, total]) => Object.freeze({ sellerId, total: makeMoney(total, acc.currency as string) }));
  rows.sort((a, b) => b.total.amount.comparedTo(a.total.amount) || (a.sellerId < b.sellerId ? -1 : a.sellerId > b.sellerId ? 1 : 0));
  return Object.freeze(rows);
}

/** Parsed arguments of salesBrackets. */
export interface BracketArgs {
  readonly bs: readonly Money[];
  readonly currency: string;
  readonly iv: Interval | undefined;
}

/** Validate the boundaries (non-empty, one currency, strictly increasing) and options of salesBrackets. */
export function parseBrackets(boundaries: unknown, options: unknown, fn: string): BracketArgs {
  const bs = toArray<Money>(boundaries, fn, "boundaries", { nonEmpty: true }).map((b, i) => toMoney(b, fn, `boundaries[${i}]`));
  const currency = (bs[0] as Money).currency;
  bs.forEach((b, i) => {
    assertSameCurrency(fn, currency, b.currency);
    if (i > 0 && !b.amount.greaterThan((bs[i - 1] as Money).amount)) {
      rangeError(fn, `boundaries[${i}]`, ErrorCode.OUT_OF_RANGE, "must be greater than the previous boundary", b.amount, "strictly increasing boundaries");
    }
  });
  const o = toOptions(options, fn, "options", ["interval"]);
  const iv = o["interval"] === undefined ? undefined : toInterval(o["interval"], fn, "options.interval");
  return { bs, currency, iv };
}

/** Sellers and their combined totals per bracket (salesBrackets). */
export function bracketsOf(acc: SellerTotals, args: BracketArgs, fn: string): readonly SalesBracket[] {
  const { bs, currency } = args;
  if (acc.currency !== undefined) assertSameCurrency(fn, currency, acc.currency);
  const counts = new Array<number>(bs.length + 1).fill(0);
  const sums = Array.from({ length: bs.length + 1 }, () => new Decimal(0));
  for (const total of acc.totals.values()) {
    // first bracket whose upper bound is ≥ total (binary search)
    let lo = 0;
    let hi = bs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (total.lte((bs[mid] as Money).amount)) hi = mid;
      else lo = mid + 1;
    }
    counts[lo] = (counts[lo] as number) + 1;
    sums[lo] = (sums[lo] as Decimal).plus(total);
  }
  return Object.freeze(
    counts.map((n, i) =>
      Object.freeze({
        above: i === 0 ? undefined : bs[i - 1],
        upTo: i === bs.length ? undefined : bs[i],
        sellers: n,
        total: makeMoney(sums[i] as Decimal, currency),
      }),
    ),
  );
}

// ---- sellers ----------------------------------------------------------------------------------

/** The `distinctIds` option of countNewSellers (default true). */
export function parseDistinct(options: unknown, fn: string): boolean {
  const o = toOptions(options, fn, "options", ["distinctIds"]);
  const distinct = o["distinctIds"] ?? true;
  if (typeof distinct !== "boolean") typeError(fn, "options.distinctIds", ErrorCode.INVALID_TYPE, "must be a boolean", distinct, "true or false");
  return distinct;
}

/** Sellers who joined in [start, end): distinct ids (a set) or every record (O(1) memory). */
export function newSellersFold(iv: Interval, distinct: boolean): Fold<Seller, number> {
  if (!distinct) {
    let n = 0;
    return {
      add(s) {
        const t = s.joinedOn.getTime();
        if (t >= iv.start && t < iv.end) n += 1;
      },
      finish: () => n,
    };
  }
  const ids = new Set<string>();
  return {
    add(s) {
      const t = s.joinedOn.getTime();
      if (t >= iv.start && t < iv.end) ids.add(s.id);
    },
    finish: () => ids.size,
  };
}

/** Distinct seller ids per country (`"unknown"` without one), most sellers first (countSellersByCountry). */
export function byCountryFold(iv: Interval | undefined): Fold<Seller, readonly { readonly country: string; readonly sellers: number }[]> {
  const byCountry = new Map<string, Set<string>>();
  return {
    add(s) {
      const t = s.joinedOn.getTime();
      if (iv && (t < iv.start || t >= iv.end)) return;
      const c = s.country ?? "unknown";
      let set = byCountry.get(c);
      if (!set) {
        set = new Set();
        byCountry.set(c, set);
      }
      set.add(s.id);
    },
    finish() {
      const rows = [...byCountry.entries()].map(([country, ids]) => Object.freeze({ country, sellers: ids.size }));
      rows.sort((a, b) => b.sellers - a.sellers || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));
      return Object.freeze(rows);
    },
  };
}

/** Sellers grouped by the period they joined in, every period from the first to the last (cohortsByPeriod). */
export function cohortsFold(p: Period, fn: string): Fold<Seller, readonly SellerCohort[]> {
  const groups = new Map<number, string[]>();
  let min = Infinity;
  let max = -Infinity;
  return {
    add(s) {
      const start = periodStart(s.joinedOn, p).getTime();
      const g = groups.get(start);
      if (g) g.push(s.id);
      else groups.set(start, [s.id]);
      if (start < min) min = start;
      if (start > max) max = start;
    },
    finish() {
      if (min === Infinity) return Object.freeze([]);
      const first = new Date(min);
      const n = periodsBetween(first, new Date(max), p);
      checkPeriodCount(n + 1, p, fn, "sellers", new Date(max));
      const out: SellerCohort[] = [];
      for (let k = 0; k <= n; k++) {
        const start = periodAdd(first, k, p);
        const ids = groups.get(start.getTime()) ?? [];
        out.push(Object.freeze({ cohort: periodLabel(start, p, fn, "sellers"), start, end: periodAdd(first, k + 1, p), size: ids.length, sellerIds: Object.freeze(ids) }));
      }
      return Object.freeze(out);
    },
  };
}

/** Most cells (cohorts × periods) of one survival table. */
const MAX_CELLS = 10_000_000;

/** Parsed options of cohortSurvival: the period (default month) and `asOf` (epoch ms of the UTC day). */
export function parseSurvivalOptions(options: unknown, fn: string): { readonly p: Period; readonly asOf: number } {
  const o = toOptions(options ?? null, fn, "options", ["period", "asOf"]);
  const p = toPeriod(o["period"] ?? "month", fn, "options.period");
  const asOf = toUtcDay(o["asOf"], fn, "options.asOf").getTime();
  return { p, asOf };
}

/** Cohort retention table (cohortSurvival): the validated members are kept per cohort. */
export function survivalFold(p: Period, asOf: number, fn: string): Fold<Seller, readonly CohortSurvival[]> {
  const groups = new Map<number, Seller[]>();
  return {
    add(s) {
      const start = periodStart(s.joinedOn, p).getTime();
      if (start > asOf) return;
      const g = groups.get(start);
      if (g) g.push(s);
      else groups.set(start, [s]);
    },
    finish() {
      const starts = [...groups.keys()].sort((a, b) => a - b);
      if (starts.length === 0) return Object.freeze([]);
      const out: CohortSurvival[] = [];
      const first = new Date(starts[0] as number);
      const last = new Date(starts[starts.length - 1] as number);
      const n = periodsBetween(first, last, p);
      // Bounds before the loops (#11): at most MAX_PERIODS cohorts, and at most MAX_PERIODS columns
      // (periods from the first cohort to asOf), so the table has at most MAX_CELLS cells.
      checkPeriodCount(n + 1, p, fn, "sellers", last);
      const columns = periodsBetween(first, periodStart(new Date(asOf), p), p) + 1;
      checkPeriodCount(columns, p, fn, "options.asOf", new Date(asOf));
      if ((n + 1) * columns > MAX_CELLS) {
        rangeError(
          fn,
          "options.asOf",
          ErrorCode.OUT_OF_RANGE,
          `gives a table of more than ${MAX_CELLS} cohort × period cells (${n + 1} cohorts × ${columns} periods)`,
          new Date(asOf),
          "a shorter span or a longer period",
        );
      }
      for (let c = 0; c <= n; c++) {
        const start = periodAdd(first, c, p);
        const members = groups.get(start.getTime()) ?? [];
        const active: number[] = [];
        for (let k = 0; ; k++) {
          const t = periodAdd(start, k + 1, p).getTime();
          // Column k is measured at the start of day t: known once every day before t is observed.
          if (t > asOf + MS_PER_DAY) break;
          active.push(members.filter((s) => s.joinedOn.getTime() < t && (s.leftOn === undefined || s.leftOn.getTime() >= t)).length);
        }
        const size = members.length;
        out.push(
          Object.freeze({
            cohort: periodLabel(start, p, fn, "sellers"),
            size,
            active: Object.freeze(active),
            rate: Object.freeze(active.map((a) => (size === 0 ? new Decimal(0) : new Decimal(a).div(size)))),
          }),
        );
      }
      return Object.freeze(out);
    },
  };
}
