import type { Decimal } from "decimal.js";
import type { Money, NumericInput, RoundingMode } from "../money/types.js";
import type { DateInput } from "../time/types.js";

/**
 * One dated sale (or one day's sales total) feeding a financing simulation. The share module's
 * `Sale` (`{ sellerId, date, amount, units? }`) is assignable to it.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface FinancingSale {
  /** UTC calendar day of the sales (a `Date` or an ISO 8601 string). */
  readonly date: DateInput;
  /** Sales of that day, in the product's currency. A negative total (net refunds) collects nothing. */
  readonly amount: Money;
}

/**
 * A dated sales series in ascending date order, one currency; several entries on one UTC day are
 * summed into that day (so transaction-level rows, such as the share module's `Sale`, work as they are).
 *
 * @category Financing
 * @since 0.1.0
 */
export type FinancingSalesSeries = readonly FinancingSale[];

/**
 * One day's sales in integer minor units (#12): `{ date, minor }` or `{ day, minor }`, in the
 * currency of the product they repay. `minor` is a safe integer (a `number`) or a `bigint`
 * (beyond 2^53 the run switches to exact Decimal arithmetic by itself); `day` is a UTC day number
 * (days since 1970-01-01: `calendarDay(y, m, d).getTime() / 86_400_000`). Several entries on one day are
 * summed. No `Money` object is needed: a book of millions of daily sales stays small.
 *
 * @category Financing
 * @since 0.3.0
 */
export type FinancingMinorSale = { readonly date: DateInput; readonly minor: number | bigint; readonly day?: undefined } | { readonly day: number; readonly minor: number | bigint; readonly date?: undefined };

/**
 * A sales series as two columns (#12): UTC day numbers (days since 1970-01-01, ascending, an
 * `Int32Array` or an array of integers) and the sales of each day in integer minor units of the
 * product's currency (a `Float64Array` of integers, a `BigInt64Array`, or an array). The same
 * length; entries on one day are summed. The most compact input: 12 bytes a day.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface FinancingSalesColumns {
  readonly days: Int32Array | readonly number[];
  readonly minor: Float64Array | BigInt64Array | readonly (number | bigint)[];
}

/**
 * Every shape a sales series may take (#12): an array or any sync iterable (a generator) of
 * {@link FinancingSale} (`{ date, amount: Money }`) or {@link FinancingMinorSale}
 * (`{ date | day, minor }`) rows, or {@link FinancingSalesColumns}. An iterable is read once,
 * in order (at most 10,000,000 rows).
 *
 * @category Financing
 * @since 0.3.0
 */
export type FinancingSalesInput = FinancingSalesSeries | Iterable<FinancingSale | FinancingMinorSale> | FinancingSalesColumns;

/**
 * The sales of a book's sellers for the stress tests (`stressTestPortfolio`,
 * `stressTestPortfolioAsync`): a `Map` or record from seller id to that seller's series as
 * `{ date, amount: Money }` rows, `{ date | day, minor }` rows in integer minor units, or
 * {@link FinancingSalesColumns} (typed arrays, the smallest input for a big book). Arrays and
 * columns only, not one-shot iterables: a stress test reads a seller's series once for each
 * scenario.
 *
 * @example
 * ```ts
 * import { money, type FinancingSalesBySeller } from "marketplace-economics";
 *
 * const sales: FinancingSalesBySeller = {
 *   s1: [{ date: new Date("2024-01-02"), amount: money("420.00", "USD") }],
 *   s2: [{ day: 19724, minor: 42_000 }],
 *   s3: { days: Int32Array.of(19724, 19725), minor: Float64Array.of(42_000, 38_000) },
 * };
 * console.log(Object.keys(sales).length); // 3
 * ```
 *
 * @category Financing
 * @since 0.3.0
 */
export type FinancingSalesBySeller =
  ReadonlyMap<string, FinancingSalesSeries | readonly FinancingMinorSale[] | FinancingSalesColumns> | Readonly<Record<string, FinancingSalesSeries | readonly FinancingMinorSale[] | FinancingSalesColumns>>;

/**
 * A minimum payment per window of a sales-based advance: at least `rate` × (principal + fee)
 * must be paid in every `everyDays`-day window counted from the funding date, for the first
 * `forDays` days (or until payoff when `forDays` is `null`). A shortfall is collected as a
 * top-up at the window's end.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface FinancingMinimumPayment {
  /** Share of the total repayment due per window (0.1 = 10 %). */
  readonly rate: Decimal;
  /** Window length in days (PayPal 90, Square and Shopify 60). */
  readonly everyDays: number;
  /** Days from funding during which the minimum applies (PayPal US 540), or `null` for no limit. */
  readonly forDays: number | null;
  /** `rate` × total repayment, rounded half-up to the minor unit: the minimum per window. */
  readonly amount: Money;
}

/**
 * Input of the minimum payment of {@link salesBasedAdvance}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface FinancingMinimumPaymentInput {
  /** Share of principal + fee due per window, 0 < rate ≤ 1 (0.1 = 10 %). */
  readonly rate: NumericInput;
  /** Window length in days, an integer ≥ 1. */
  readonly everyDays: number;
  /** Days from funding during which the minimum applies; omit for "until repaid". */
  readonly forDays?: number;
}

/**
 * A merchant cash advance / sales-based loan (PayPal Working Capital, Shopify Capital, Square
 * Loans): a share of every period's sales is collected until principal + fee is repaid.
 * Built by {@link salesBasedAdvance}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface SalesBasedAdvance {
  readonly kind: "sales-based-advance";
  /** Amount advanced to the seller (amount financed). */
  readonly principal: Money;
  /** Fixed fee (finance charge). */
  readonly fee: Money;
  /** (principal + fee) / principal. */
  readonly factorRate: Decimal;
  /** principal + fee: the total to repay. */
  readonly totalRepayment: Money;
  /** Share of each period's sales collected, 0 < holdbackRate < 1. */
  readonly holdbackRate: Decimal;
  /** Minimum payment per window, or `null`. */
  readonly minimumPayment: FinancingMinimumPayment | null;
  /** Days from funding after which the whole remaining balance is due, or `null`. */
  readonly maxTermDays: number | null;
  /** Holdback rates that replace `holdbackRate` over time or as the advance is repaid (#14), or `null` for one rate. */
  readonly holdbackSchedule: HoldbackSchedule | null;
  /** At most this much is collected from sales in one collection period (#14), or `null` for no cap. */
  readonly maxRemittance: Money | null;
  /**
   * Share of the unpaid fee rebated when the advance is paid off early (#14): 0 (none, the default)
   * to 1 (the whole unearned fee). The unpaid fee is split proportionally from each payment, a
   * library convention (see {@link earlyPayoff}).
   */
  readonly prepaymentFeeRebate: Decimal;
}

/**
 * One step of a {@link HoldbackSchedule}: the holdback rate that applies from a point on.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface HoldbackStep {
  /** Days after funding after which `rate` applies (periods collected on day `afterDays + 1` on), or `null` in a repaid schedule. */
  readonly afterDays: number | null;
  /** Share of the total repayment (principal + fee) repaid after which `rate` applies (from the next period on), or `null` in a days schedule. */
  readonly repaidShare: Decimal | null;
  /** Amount repaid at which `rate` applies: `round_half_up(repaidShare × totalRepayment)`, or `null` in a days schedule. */
  readonly repaidAmount: Money | null;
  /** Holdback rate from that point, 0 < rate < 1. */
  readonly rate: Decimal;
}

/**
 * Holdback rates that change (#14; "split" or "stepped" rates, which {@link disclosure} runs as
 * they fall): either by days since funding or by share repaid (not both), the steps in strictly
 * ascending order.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface HoldbackSchedule {
  /** `"days"` (steps by days after funding) or `"repaid"` (steps by share repaid). */
  readonly by: "days" | "repaid";
  readonly steps: readonly HoldbackStep[];
}

/**
 * A fee of a {@link TermLoan} withheld from the proceeds at funding (#14).
 *
 * @category Financing
 * @since 0.3.0
 */
export interface TermLoanFee {
  /** What the fee is for (`"origination"` for the origination fee). */
  readonly name: string;
  readonly amount: Money;
}

/**
 * Instalment frequency of a {@link TermLoan}: `"month"` (one instalment per calendar month,
 * the default) or `"biweek"` (one every 14 days). Both are Regulation Z unit-periods, spelled as
 * {@link AprUnitPeriod} spells them, so the schedule and the `unitPeriod` of
 * {@link costOfFinancing} use the same word.
 *
 * Renamed in 0.2.0: `"monthly"` → `"month"`, `"every-14-days"` → `"biweek"`; an old name throws
 * a {@link ValidationError} naming the new one.
 *
 * @category Financing
 * @since 0.1.0
 */
export type TermLoanSchedule = "month" | "biweek";

/**
 * One scheduled instalment of a {@link TermLoan}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface TermLoanInstalment {
  /** Due date (UTC day). */
  readonly dueDate: Date;
  /** Instalment amount (interest + principal). */
  readonly amount: Money;
  /** Interest part. */
  readonly interest: Money;
  /** Principal part. */
  readonly principal: Money;
  /** Principal still owed after this instalment. */
  readonly remainingPrincipal: Money;
}

/**
 * A fixed-instalment term loan repaid from the seller's payouts (Amazon Lending style). Built by
 * {@link termLoan}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface TermLoan {
  readonly kind: "term-loan";
  readonly principal: Money;
  /** Nominal annual rate as a decimal (0.1 = 10 %). */
  readonly annualRate: Decimal;
  readonly termMonths: number;
  /** Funding date (UTC day). */
  readonly startDate: Date;
  readonly schedule: TermLoanSchedule;
  /** When payouts fall short of an instalment, charge the shortfall to the seller's card. */
  readonly chargeShortfallToCard: boolean;
  /** The amortisation schedule. */
  readonly instalments: readonly TermLoanInstalment[];
  /** Sum of interest of all instalments (#14; `fee` still equals it for a loan without fees). */
  readonly interest: Money;
  /** Fees withheld from the proceeds at funding (#14): the origination fee first (when not zero), then the other fees in input order. */
  readonly fees: readonly TermLoanFee[];
  /** principal − Σ fees: what reaches the seller (the Regulation Z amount financed, the fees being prepaid finance charges). */
  readonly amountFinanced: Money;
  /** The finance charge: interest + Σ fees. */
  readonly fee: Money;
  /** principal + fee: the instalments plus the fees withheld. */
  readonly totalRepayment: Money;
}

/**
 * A revenue-share loan: a share of revenue is collected until `repaymentCap` × principal has
 * been repaid. Built by {@link revenueShareLoan}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface RevenueShareLoan {
  readonly kind: "revenue-share-loan";
  readonly principal: Money;
  /** Multiple of principal to repay (1.4 = 1.4x). */
  readonly repaymentCap: Decimal;
  /** Share of revenue collected, 0 < revenueShare < 1. */
  readonly revenueShare: Decimal;
  /** principal × (repaymentCap − 1), rounded half-up to the minor unit. */
  readonly fee: Money;
  /** principal + fee. */
  readonly totalRepayment: Money;
}

/**
 * Any financing product of this module.
 *
 * @category Financing
 * @since 0.1.0
 */
export type FinancingProduct = SalesBasedAdvance | TermLoan | RevenueShareLoan;

/**
 * Collection period of a simulation: each `"day"`, each ISO `"week"` (collected on Sunday) or
 * each calendar `"month"` (collected on the last day). The words are those of the time module's
 * {@link Period}, of which this is a subset.
 *
 * Renamed in 0.2.0: `"daily"` → `"day"`, `"weekly"` → `"week"`, `"monthly"` → `"month"`; an
 * old name throws a {@link ValidationError} naming the new one.
 *
 * @category Financing
 * @since 0.1.0
 */
export type FinancingGranularity = "day" | "week" | "month";

/**
 * Why a row carries a top-up: a minimum-payment shortfall, the maximum term (everything left is
 * due), or a term-loan shortfall charged to the seller's card.
 *
 * @category Financing
 * @since 0.1.0
 */
export type FinancingTopUpReason = "minimum" | "maturity" | "card" | "fee";

/**
 * One row of a repayment simulation.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface RepaymentRow {
  /** UTC day of the collection. */
  readonly date: Date;
  /** Sales of the period (payouts since the last instalment, for a term loan). */
  readonly sales: Money;
  /** Collected from sales: the holdback (or the instalment deducted from payouts). */
  readonly holdback: Money;
  /** Collected on top of sales: minimum-payment shortfall, maturity balloon or card charge. */
  readonly topUp: Money;
  /** Why `topUp` was collected, or `null` when it is zero. */
  readonly topUpReason: FinancingTopUpReason | null;
  /** holdback + topUp. */
  readonly payment: Money;
  /** Amount that was due but not collected at this row (carried forward or missed). */
  readonly shortfall: Money;
  /** Balance still owed after this row. */
  readonly balance: Money;
}

/**
 * Summary of a repayment simulation.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface RepaymentSummary {
  /** Funding date (UTC day). */
  readonly fundedOn: Date;
  /** Last day simulated. */
  readonly endDate: Date;
  readonly principal: Money;
  /** Contractual finance charge (fee, or total interest of a term loan). */
  readonly financeCharge: Money;
  /** principal + financeCharge. */
  readonly totalRepayment: Money;
  /** Whether the balance reached zero. */
  readonly paidOff: boolean;
  /** Day of the last payment when paid off, else `null`. */
  readonly payoffDate: Date | null;
  /** Days from funding to payoff, else `null`. */
  readonly daysToPayoff: number | null;
  /** Everything collected (holdback + top-ups). */
  readonly totalPaid: Money;
  /** Collected from sales. */
  readonly totalHoldback: Money;
  /** Collected as top-ups. */
  readonly totalTopUps: Money;
  /** Balance still owed at the end: what remains if sales stop there. */
  readonly outstandingIfSalesStop: Money;
  /** Whether sales fell short of a minimum payment or an instalment at least once. */
  readonly anyMinimumMissed: boolean;
  /** How many windows or instalments fell short. */
  readonly shortfallCount: number;
}

/**
 * Result of {@link simulateRepayment}.
 *
 * @category Financing
 * @since 0.1.0
 */
export interface RepaymentResult {
  readonly product: FinancingProduct;
  readonly currency: string;
  /** Rounding mode used for holdbacks. */
  readonly rounding: RoundingMode;
  readonly rows: readonly RepaymentRow[];
  readonly summary: RepaymentSummary;
}

/**
 * Why a rate of a financing result is `null` (#11): `"not-paid-off"` (the simulation did not
 * repay everything, so a rate would describe a default, not the price) or
 * `"no-rate-in-solver-range"` (the cost cannot be expressed as a rate the solvers can find: e.g.
 * an advance repaid the day after funding, whose compounded annual rate is astronomically high).
 * The finance charge and factor rate are always given; a rate solver's own error never reaches
 * the caller.
 *
 * @category Financing
 * @since 0.2.0
 */
export type FinancingRateUnavailableReason = "not-paid-off" | "no-rate-in-solver-range";
