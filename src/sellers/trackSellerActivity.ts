import { addSaleRecord, handleOf, parseActivityOptions } from "./_lib/activity.js";
import { toIterableInput } from "./_lib/core.js";
import type { Period } from "../time/types.js";
import type { Sale } from "../share/types.js";

/**
 * The {@link trackSellerActivity} and {@link trackSellerActivityAsync} function options.
 *
 * @category Sellers
 * @since 0.2.0
 */
export interface TrackSellerActivityOptions {
  /** Period of the GMV cells and cohorts: `"month"` (default), `"quarter"`, `"year"`, `"week"` (ISO, Monday) or `"day"`. */
  readonly period?: Period;
  /** Currency of the sales (default: the first sale's). */
  readonly currency?: string;
}

/**
 * What a sales log says about each seller: first and last sale day, and GMV and number of sales
 * per period. The input of {@link churnByInactivity}, {@link cohortGmvRetention} and
 * {@link sellerLifetimeValue}.
 *
 * An opaque, frozen handle: its summary fields are readable, `JSON.stringify` gives the full state
 * (sellers sorted by id, exact amounts as strings), and that JSON form is accepted wherever a
 * `SellerActivity` is (so shards can be merged on another machine with {@link mergeSellerActivity}).
 *
 * @category Sellers
 * @since 0.2.0
 */
export interface SellerActivity {
  /** Kind tag, always `"seller-activity"`. */
  readonly kind: "seller-activity";
  /** Currency of the amounts (`undefined` before any sale when none was given). */
  readonly currency: string | undefined;
  /** Period of the GMV cells. */
  readonly period: Period;
  /** Distinct sellers seen. */
  readonly sellers: number;
  /** Sale records read. */
  readonly records: number;
  /** The JSON form of the full state. */
  toJSON(): unknown;
}

/**
 * Read a sales log into a {@link SellerActivity}: per seller, the first and last day with a sale
 * (a record with a positive amount), and the exact GMV (sales minus refunds) and number of sales of
 * every period.
 *
 * ## Streaming
 * `sales` may be an array or any `Iterable` (a generator over a file, a database cursor...), read
 * once, in any order; each sale is validated as it is read (`sales[i]` paths in errors). Memory is
 * O(sellers × active periods), not O(sales). For an `AsyncIterable` use
 * {@link trackSellerActivityAsync}; shards merge exactly with {@link mergeSellerActivity}.
 *
 * @param sales - {@link Sale} records (`sellerId`, `date`, `amount`), one currency; a zero or negative amount (a refund) counts in GMV but is not activity
 * @param options - period (default month) and currency
 * @returns a frozen {@link SellerActivity}
 * @throws {@link ValidationTypeError} when `sales` is not iterable or a sale is malformed
 * @throws {@link ValidationError} on an invalid date, amount, id or option, or more than 50,000,000 sellers
 * @throws {@link CurrencyMismatchError} when sales mix currencies
 *
 * @example
 * ```ts
 * import { money, trackSellerActivity } from "marketplace-economics";
 * const activity = trackSellerActivity([
 *   { sellerId: "a", date: "2024-01-03", amount: money("120.00", "USD") },
 *   { sellerId: "b", date: "2024-01-20", amount: money("40.00", "USD") },
 *   { sellerId: "a", date: "2024-02-11", amount: money("80.00", "USD") },
 * ]);
 * activity.sellers; //=> 2
 * activity.records; //=> 3
 * ```
 *
 * @category Sellers
 * @since 0.2.0
 */
export function trackSellerActivity(sales: Iterable<Sale>, options?: TrackSellerActivityOptions): SellerActivity {
  const fn = "trackSellerActivity";
  const state = parseActivityOptions(options, fn);
  let i = 0;
  for (const s of toIterableInput<unknown>(sales, fn, "sales", "sales")) {
    addSaleRecord(state, s, fn, `sales[${i}]`);
    i += 1;
  }
  return handleOf(state) as SellerActivity;
}
