import { PeriodShares } from "./_lib/byPeriod.js";
import { toAnyIterable } from "../_lib/iterate.js";
import { toFunction } from "../_lib/validate.js";
import type { PeriodShare, SalesShareByPeriodOptions } from "./salesShareByPeriod.js";
import type { Sale } from "./types.js";

/**
 * {@link salesShareByPeriod} over an `AsyncIterable` of sales (a Node.js object-mode stream,
 * readline, an async generator over database pages...); arrays and sync iterables are accepted
 * too. Same result: the share per calendar period, every period from the first sale's to the
 * last's, in O(periods × segments) memory.
 *
 * ## Streaming
 * Read once with `for await`, never copied; each sale is validated as it is read, with the same
 * `sales[i]` paths in errors as the synchronous function. When the iterable itself throws midway
 * (a failed read, a broken cursor), the promise rejects with that original error, unchanged; when
 * a sale is invalid, the iterator is closed (its `return()` runs, so a generator's `finally`
 * blocks and a stream's cleanup run) and the promise rejects with the typed error.
 *
 * @param sales - the sales: an async iterable, a sync iterable or an array
 * @param segmentOf - maps a sale (and its 0-based position) to its segment name
 * @param options - the period, plus every {@link salesShare} option
 * @returns a promise of one entry per period, ascending
 * @throws {@link ValidationTypeError} (rejects) when `sales` is not iterable or a segment is not a string
 * @throws {@link ValidationError} (rejects) on an unknown period, an invalid date, a sale dated outside the years 0000–9999 (`OUT_OF_RANGE`) or any {@link salesShare} error
 * @throws {@link CurrencyMismatchError} (rejects) on mixed currencies without a converter
 *
 * @example
 * ```ts
 * import { money, salesShareByPeriodAsync } from "marketplace-economics";
 * async function* pages() {
 *   yield { sellerId: "smb", date: "2017-01-10", amount: money("40", "USD") };
 *   yield { sellerId: "big", date: "2017-02-01", amount: money("60", "USD") };
 *   yield { sellerId: "smb", date: "2017-04-02", amount: money("50", "USD") };
 *   yield { sellerId: "big", date: "2017-05-03", amount: money("50", "USD") };
 * }
 * const rows = await salesShareByPeriodAsync(pages(), (s) => s.sellerId, { period: "quarter", precision: 2 });
 * rows.map((r) => [r.period, r.share.bySegment["smb"]?.gmvShare.toFixed(2)]); //=> [["2017-Q1", "0.40"], ["2017-Q2", "0.50"]]
 * ```
 *
 * @category Share
 * @since 0.3.0
 */
export async function salesShareByPeriodAsync<S extends string, T extends Sale = Sale>(
  sales: AsyncIterable<T> | Iterable<T>,
  segmentOf: (sale: T, index: number) => S,
  options: SalesShareByPeriodOptions<NoInfer<S>>,
): Promise<readonly PeriodShare<S>[]> {
  const fn = "salesShareByPeriodAsync";
  const list = toAnyIterable<Sale>(sales, fn, "sales", "sales");
  const seg = toFunction<(sale: Sale, index: number) => S>(segmentOf, fn, "segmentOf");
  const acc = new PeriodShares<S>(options, seg, fn);
  for await (const sale of list) acc.add(sale);
  return acc.finish();
}
