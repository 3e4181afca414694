import { payoutResult, toPayoutRules } from "./_lib/payouts.js";
import { compile, readSale } from "./_lib/schedule.js";
import { addPayout, asyncSource, emptyPayouts } from "./_lib/streams.js";
import type { PayoutResult, PayoutScheduleOptions } from "./payoutSchedule.js";
import type { FeeSale, FeeSchedule } from "./types.js";

/**
 * {@link payoutSchedule} over an `AsyncIterable` of sales (plain iterables accepted too), read once
 * in any order, in memory of one amount per payout day.
 *
 * @param schedule - a {@link FeeSchedule}
 * @param sales - an async (or sync) iterable of {@link FeeSale} with `date`
 * @param options - delay, disbursement cycle, reserve, asOf (see {@link PayoutScheduleOptions})
 * @returns a promise of the frozen {@link PayoutResult}
 * @throws {@link ValidationError} (rejects) on a bad sale or option
 * @throws {@link ValidationTypeError} (rejects) when `sales` is not iterable or a sale has no date
 * @throws {@link CurrencyMismatchError} (rejects) when a sale is in another currency
 *
 * @example
 * ```ts
 * import { ILLUSTRATIVE_FEE_SCHEDULE, money, payoutScheduleAsync } from "marketplace-economics";
 * async function* orders() {
 *   yield { category: "home", amount: money("100.00", "USD"), date: "2024-03-01" };
 * }
 * (await payoutScheduleAsync(ILLUSTRATIVE_FEE_SCHEDULE, orders(), { delayDays: 2 })).payouts[0]?.amount.amount.toString(); //=> "84.01"
 * ```
 *
 * @category Fees
 * @since 0.2.0
 */
export async function payoutScheduleAsync(schedule: FeeSchedule, sales: AsyncIterable<FeeSale> | Iterable<FeeSale>, options?: PayoutScheduleOptions): Promise<PayoutResult> {
  const fn = "payoutScheduleAsync";
  const c = compile(schedule, fn);
  const rules = toPayoutRules(options, fn);
  const source = asyncSource(sales, fn, "sales");
  const st = emptyPayouts();
  let i = 0;
  for await (const raw of source) {
    addPayout(st, readSale(c, raw, fn, `sales[${i}]`, true), c, rules, fn, `sales[${i}]`);
    i += 1;
  }
  return payoutResult(st, c.currency, rules.asOf);
}
