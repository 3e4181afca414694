import { addSaleRecord, handleOf, parseActivityOptions } from "./_lib/activity.js";
import { typeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { Sale } from "../share/types.js";
import type { SellerActivity, TrackSellerActivityOptions } from "./trackSellerActivity.js";

/**
 * {@link trackSellerActivity} over an `AsyncIterable` of sales (a Node.js object-mode stream, an
 * async generator over database pages...); plain iterables are accepted too. Read once, in any
 * order, in O(sellers × active periods) memory.
 *
 * @param sales - an async (or sync) iterable of {@link Sale}, one currency
 * @param options - period (default month) and currency
 * @returns a promise of the frozen {@link SellerActivity}
 * @throws {@link ValidationTypeError} (rejects) when `sales` is not iterable or a sale is malformed
 * @throws {@link ValidationError} (rejects) on an invalid date, amount, id or option
 * @throws {@link CurrencyMismatchError} (rejects) when sales mix currencies
 *
 * @example
 * ```ts
 * import { money, trackSellerActivityAsync } from "marketplace-economics";
 * async function* pages() {
 *   yield { sellerId: "a", date: "2024-01-03", amount: money("120.00", "USD") };
 *   yield { sellerId: "b", date: "2024-01-20", amount: money("40.00", "USD") };
 * }
 * (await trackSellerActivityAsync(pages())).sellers; //=> 2
 * ```
 *
 * @category Sellers
 * @since 0.2.0
 */
export async function trackSellerActivityAsync(sales: AsyncIterable<Sale> | Iterable<Sale>, options?: TrackSellerActivityOptions): Promise<SellerActivity> {
  const fn = "trackSellerActivityAsync";
  const s = sales as Partial<AsyncIterable<Sale> & Iterable<Sale>> | null | undefined;
  if (s == null || typeof s !== "object" || (typeof s[Symbol.asyncIterator] !== "function" && typeof s[Symbol.iterator] !== "function")) {
    typeError(fn, "sales", s == null ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_TYPE, "must be iterable", sales, "an AsyncIterable or Iterable of sales");
  }
  const state = parseActivityOptions(options, fn);
  let i = 0;
  for await (const sale of sales) {
    addSaleRecord(state, sale, fn, `sales[${i}]`);
    i += 1;
  }
  return handleOf(state) as SellerActivity;
}
