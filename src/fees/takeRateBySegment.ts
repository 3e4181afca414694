import type { Decimal } from "../_lib/decimal.js";
import { compile } from "./_lib/schedule.js";
import { syncSource } from "./_lib/streams.js";
import { TakeRateState, addTakeRateSale, takeRateResult, toSegmentOf } from "./_lib/takeRate.js";
import type { Money } from "../money/types.js";
import type { FeeSale, FeeSchedule } from "./types.js";

/**
 * One segment of a {@link TakeRateResult}.
 *
 * @category Fees
 * @since 0.2.0
 */
export interface TakeRateSegment {
  /** Segment name (`"total"` for the total row). */
  readonly segment: string;
  /** Number of sales. */
  readonly sales: number;
  /** Items sold. */
  readonly units: number;
  /** Gross merchandise value: Σ sale amounts. */
  readonly gmv: Money;
  /** Σ fees. */
  readonly fees: Money;
  /** Σ net proceeds: `gmv − fees`. */
  readonly net: Money;
  /** Take rate `fees / gmv` (20 significant digits), `null` when GMV is 0. */
  readonly takeRate: Decimal | null;
}

/**
 * Result of {@link takeRateBySegment}, {@link takeRateBySegmentAsync} and {@link mergeTakeRates}:
 * exact sums per segment (sorted by name) and in total. It is also the mergeable state: shards'
 * results (or their JSON forms) add up with {@link mergeTakeRates}.
 *
 * @category Fees
 * @since 0.2.0
 */
export interface TakeRateResult {
  /** Kind tag, always `"take-rates"`. */
  readonly kind: "take-rates";
  /** Currency of the amounts. */
  readonly currency: string;
  /** One row per segment, sorted by name. */
  readonly segments: readonly TakeRateSegment[];
  /** Totals over every segment. */
  readonly total: TakeRateSegment;
}

/**
 * The marketplace's take rate (fees ÷ GMV) by segment, from a log of sales priced by a fee
 * schedule.
 *
 * ## Notes
 * Each sale's fees are {@link saleFees}; per segment, GMV, fees and net proceeds are exact sums in
 * minor units and `takeRate = fees / gmv`. Without `segmentOf` the segment is the sale's fee
 * category.
 *
 * ## Streaming
 * `sales` may be an array or any `Iterable`, read once; memory is O(segments). Use
 * {@link takeRateBySegmentAsync} for an `AsyncIterable`, and {@link mergeTakeRates} to combine shards.
 *
 * @param schedule - a {@link FeeSchedule}
 * @param sales - {@link FeeSale} records in the schedule's currency
 * @param segmentOf - maps a sale (and its 0-based position) to a non-empty segment name (default: its category)
 * @returns the frozen {@link TakeRateResult}
 * @throws {@link ValidationError} on a bad sale (see {@link saleFees}) or more than 1,000,000 segments
 * @throws {@link ValidationTypeError} when `sales` is not iterable, `segmentOf` is not a function or returns a non-string
 * @throws {@link CurrencyMismatchError} when a sale is in another currency
 *
 * @example
 * ```ts
 * import { ILLUSTRATIVE_FEE_SCHEDULE, money, takeRateBySegment } from "marketplace-economics";
 * const sales = [
 *   { sellerId: "smb-1", category: "home", amount: money("50.00", "USD") },
 *   { sellerId: "smb-1", category: "electronics", amount: money("300.00", "USD") },
 *   { sellerId: "brand", category: "home", amount: money("100.00", "USD") },
 * ];
 * const r = takeRateBySegment(ILLUSTRATIVE_FEE_SCHEDULE, sales, (s) => (s.sellerId?.startsWith("smb") ? "smb" : "other"));
 * r.segments.map((s) => [s.segment, s.fees.amount.toString(), s.takeRate?.toFixed(4)]); //=> [["other", "15.99", "0.1599"], ["smb", "33.48", "0.0957"]]
 * ```
 *
 * @category Fees
 * @since 0.2.0
 */
export function takeRateBySegment<T extends FeeSale>(schedule: FeeSchedule, sales: Iterable<T>, segmentOf?: (sale: T, index: number) => string): TakeRateResult {
  const fn = "takeRateBySegment";
  const c = compile(schedule, fn);
  const seg = toSegmentOf(segmentOf, fn);
  const st = new TakeRateState(c.currency, c.digits);
  let i = 0;
  for (const raw of syncSource(sales, fn, "sales")) {
    addTakeRateSale(st, c, seg, raw, i, fn);
    i += 1;
  }
  return takeRateResult(st);
}
