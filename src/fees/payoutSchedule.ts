import type { Money } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import { payoutResult, toPayoutRules } from "./_lib/payouts.js";
import { compile, readSale } from "./_lib/schedule.js";
import { addPayout, emptyPayouts, syncSource } from "./_lib/streams.js";
import type { FeeSale, FeeSchedule } from "./types.js";

/**
 * The {@link payoutSchedule} and {@link payoutScheduleAsync} function options.
 *
 * @category Fees
 * @since 0.2.0
 */
export interface PayoutScheduleOptions {
  /** Days after delivery (or after the sale day when there is no `deliveredOn`) before funds are available, 0 to 3,650 (default 0). */
  readonly delayDays?: number;
  /** Disbursement cycle in days (e.g. 14), 1 to 366; with `cycleStart`. Without a cycle, funds are paid the day they are available. */
  readonly cycleDays?: number;
  /** First disbursement day of the cycle; disbursements fall on `cycleStart + k × cycleDays` (k ≥ 0). */
  readonly cycleStart?: DateInput;
  /** Share of each sale's net proceeds held as a reserve, 0 to 1 (default 0). */
  readonly reserveRate?: number | string;
  /** Days a reserve is held after the funds become available (required with `reserveRate`), 0 to 3,650. */
  readonly reserveDays?: number;
  /** Last day paid out: later payouts are reported as `pending` (non-reserve part) or `reserveHeld` (default: none, the whole schedule). */
  readonly asOf?: DateInput;
}

/**
 * One payout: the amount disbursed to the seller on a day.
 *
 * @category Fees
 * @since 0.2.0
 */
export interface Payout {
  /** Disbursement day (00:00Z). */
  readonly date: Date;
  /** Amount disbursed (> 0). */
  readonly amount: Money;
}

/**
 * Result of {@link payoutSchedule}: the payout series and its reconciliation.
 * `summary.paid + summary.reserveHeld + summary.pending = summary.netProceeds` exactly.
 *
 * @category Fees
 * @since 0.2.0
 */
export interface PayoutResult {
  /** Kind tag, always `"payouts"`. */
  readonly kind: "payouts";
  /** Currency of the amounts. */
  readonly currency: string;
  /** Last day paid out, or `null` for the whole schedule. */
  readonly asOf: Date | null;
  /** Payouts in ascending date order, one per day with a positive amount: a valid `sales` input of {@link simulateRepayment}. */
  readonly payouts: readonly Payout[];
  /** Reconciliation (exact minor units). */
  readonly summary: {
    /** Sales read. */
    readonly sales: number;
    /** Σ sale amounts. */
    readonly gross: Money;
    /** Σ fees ({@link saleFees}). */
    readonly fees: Money;
    /** `gross − fees`. */
    readonly netProceeds: Money;
    /** Σ payouts. */
    readonly paid: Money;
    /** Reserves not released by `asOf`. */
    readonly reserveHeld: Money;
    /** Non-reserve proceeds whose payout day is after `asOf`. */
    readonly pending: Money;
  };
}

/**
 * Turn a sales log into the seller's payout series: net proceeds after fees, released a set number
 * of days after delivery, optionally on a disbursement cycle (every 14 days...), with a rolling
 * reserve held back and released later.
 *
 * ## Notes
 * For each sale: net N = amount − fees ({@link saleFees}); available day V = (deliveredOn ?? date)
 * + delayDays; reserve R = round_half_even(N × reserveRate) to the minor unit. N − R is paid on
 * the first disbursement day on or after V, and R on the first disbursement day on or after
 * V + reserveDays (without a cycle, on those days themselves). Payouts on the same day are summed.
 * With `asOf`, payouts after it are not in the series but in `pending` (N − R) and `reserveHeld`
 * (R), so `Σ payouts = netProceeds − reserveHeld − pending` exactly; without `asOf` the series pays
 * out every sale (Σ payouts = netProceeds).
 *
 * The series is a valid `sales` input of {@link simulateRepayment}: a lender's holdback or an
 * instalment can be simulated against the payouts, as marketplace lending deducts from
 * disbursements.
 *
 * ## Streaming
 * `sales` may be an array or any `Iterable`, read once in any order; memory is one amount per payout
 * day. Use {@link payoutScheduleAsync} for an `AsyncIterable` and {@link mergePayouts} for shards.
 *
 * @param schedule - a {@link FeeSchedule}
 * @param sales - {@link FeeSale} records with `date` (and optionally `deliveredOn`)
 * @param options - delay, disbursement cycle, reserve, asOf
 * @returns the frozen {@link PayoutResult}
 * @throws {@link ValidationError} on a bad sale or option, a delivery before its sale, or a payout after 9999-12-31
 * @throws {@link ValidationTypeError} when `sales` is not iterable, a sale has no date, or a field has the wrong type
 * @throws {@link CurrencyMismatchError} when a sale is in another currency than the schedule
 *
 * @example
 * ```ts
 * import { ILLUSTRATIVE_FEE_SCHEDULE, money, payoutSchedule } from "marketplace-economics";
 * const sales = [
 *   { category: "home", amount: money("100.00", "USD"), date: "2024-03-01", deliveredOn: "2024-03-04" },
 *   { category: "home", amount: money("40.00", "USD"), date: "2024-03-02", deliveredOn: "2024-03-06" },
 * ];
 * const r = payoutSchedule(ILLUSTRATIVE_FEE_SCHEDULE, sales, { delayDays: 7, cycleDays: 14, cycleStart: "2024-03-01", reserveRate: "0.1", reserveDays: 30 });
 * r.payouts.map((p) => [p.date.toISOString().slice(0, 10), p.amount.amount.toString()]); //=> [["2024-03-15", "105.32"], ["2024-04-12", "11.7"]]
 * r.summary.netProceeds.amount.toString(); //=> "117.02"
 * ```
 *
 * @category Fees
 * @since 0.2.0
 */
export function payoutSchedule(schedule: FeeSchedule, sales: Iterable<FeeSale>, options?: PayoutScheduleOptions): PayoutResult {
  const fn = "payoutSchedule";
  const c = compile(schedule, fn);
  const rules = toPayoutRules(options, fn);
  const st = emptyPayouts();
  let i = 0;
  for (const raw of syncSource(sales, fn, "sales")) {
    addPayout(st, readSale(c, raw, fn, `sales[${i}]`, true), c, rules, fn, `sales[${i}]`);
    i += 1;
  }
  return payoutResult(st, c.currency, rules.asOf);
}
