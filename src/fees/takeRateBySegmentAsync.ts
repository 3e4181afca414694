import { compile } from "./_lib/schedule.js";
import { asyncSource } from "./_lib/streams.js";
import { TakeRateState, addTakeRateSale, takeRateResult, toSegmentOf } from "./_lib/takeRate.js";
import type { TakeRateResult } from "./takeRateBySegment.js";
import type { FeeSale, FeeSchedule } from "./types.js";

/**
 * {@link takeRateBySegment} over an `AsyncIterable` of sales (plain iterables accepted too), read
 * once in O(segments) memory.
 *
 * @param schedule - a {@link FeeSchedule}
 * @param sales - an async (or sync) iterable of {@link FeeSale}
 * @param segmentOf - maps a sale (and its position) to a segment name (default: its category)
 * @returns a promise of the frozen {@link TakeRateResult}
 * @throws {@link ValidationError} (rejects) on a bad sale
 * @throws {@link ValidationTypeError} (rejects) when `sales` is not iterable or `segmentOf` misbehaves
 * @throws {@link CurrencyMismatchError} (rejects) when a sale is in another currency
 *
 * @example
 * ```ts
 * import { ILLUSTRATIVE_FEE_SCHEDULE, money, takeRateBySegmentAsync } from "marketplace-economics";
 * async function* pages() {
 *   yield { category: "home", amount: money("100.00", "USD") };
 *   yield { category: "home", amount: money("20.00", "USD") };
 * }
 * (await takeRateBySegmentAsync(ILLUSTRATIVE_FEE_SCHEDULE, pages())).total.fees.amount.toString(); //=> "19.98"
 * ```
 *
 * @category Fees
 * @since 0.2.0
 */
export async function takeRateBySegmentAsync<T extends FeeSale>(schedule: FeeSchedule, sales: AsyncIterable<T> | Iterable<T>, segmentOf?: (sale: T, index: number) => string): Promise<TakeRateResult> {
  const fn = "takeRateBySegmentAsync";
  const c = compile(schedule, fn);
  const seg = toSegmentOf(segmentOf, fn);
  const source = asyncSource(sales, fn, "sales");
  const st = new TakeRateState(c.currency, c.digits);
  let i = 0;
  for await (const raw of source) {
    addTakeRateSale(st, c, seg, raw, i, fn);
    i += 1;
  }
  return takeRateResult(st);
}
