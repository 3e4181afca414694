import type { Money } from "../money/types.js";
import type { DateInput } from "../time/types.js";

/**
 * A seller on the marketplace: a validated, frozen record built by {@link createSeller}.
 *
 * Only `id` and `joinedOn` are required. The size facts (`employees`, `annualTurnover`,
 * `balanceSheetTotal`) feed {@link classifyEnterpriseSize}; `leftOn` (the day the seller stopped
 * selling, if it did) feeds {@link cohortSurvival}.
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface Seller {
  /** Stable, non-empty identifier (matches {@link Sale.sellerId}). */
  readonly id: string;
  /** UTC calendar day the seller started selling on the marketplace (00:00Z). */
  readonly joinedOn: Date;
  /** ISO 3166-1 alpha-2 country code, upper case (e.g. `"US"`, `"DE"`). */
  readonly country?: string;
  /** Headcount (EU: annual work units rounded to an integer), a non-negative integer. */
  readonly employees?: number;
  /** Annual turnover (revenue), non-negative. */
  readonly annualTurnover?: Money;
  /** Balance-sheet total, non-negative. */
  readonly balanceSheetTotal?: Money;
  /** Free-form segment label chosen by the caller (e.g. `"smb"`, `"enterprise"`). */
  readonly segment?: string;
  /** NAICS industry code (2–6 digits) used with the US SBA size standards. */
  readonly naicsCode?: string;
  /** UTC calendar day the seller stopped selling (churned), on or after `joinedOn`. */
  readonly leftOn?: Date;
}

/**
 * The input accepted by {@link createSeller}: like {@link Seller}, but dates may be ISO strings.
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface SellerInput {
  /** Stable, non-empty identifier. */
  readonly id: string;
  /** Join day, a `Date` or an ISO 8601 string (`"2017-03-01"`). */
  readonly joinedOn: DateInput;
  /** ISO 3166-1 alpha-2 country code. Lower case is upper-cased. */
  readonly country?: string | undefined;
  /** Non-negative integer headcount. */
  readonly employees?: number | undefined;
  /** Annual turnover, non-negative. */
  readonly annualTurnover?: Money | undefined;
  /** Balance-sheet total, non-negative. */
  readonly balanceSheetTotal?: Money | undefined;
  /** Segment label. */
  readonly segment?: string | undefined;
  /** NAICS code, 2–6 digits. */
  readonly naicsCode?: string | undefined;
  /** Day the seller stopped selling, a `Date` or ISO string, not before `joinedOn`. */
  readonly leftOn?: DateInput | undefined;
}

/**
 * A closed-open interval of UTC days `[start, end)`: `start` is included, `end` excluded.
 * `{ start: "2017-01-01", end: "2018-01-01" }` is the calendar year 2017.
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface DateInterval {
  /** First instant included (a `Date` or ISO string). */
  readonly start: DateInput;
  /** First instant excluded (a `Date` or ISO string); must be after `start`. */
  readonly end: DateInput;
}

/**
 * Size classes of the EU SME definition (Commission Recommendation 2003/361/EC), also used for
 * the US SBA answer (`"small"` or `"large"` only there).
 *
 * @category Sellers
 * @since 0.1.0
 */
export type EnterpriseSize = "micro" | "small" | "medium" | "large";

/**
 * Names of the size standards known to {@link classifyEnterpriseSize}.
 *
 * @category Sellers
 * @since 0.1.0
 */
export type SizeStandardName = "EU-2003/361" | "US-SBA";

/**
 * Facts about an enterprise used by {@link classifyEnterpriseSize}. A {@link Seller} is
 * accepted as is.
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface EnterpriseFacts {
  /** Headcount (EU: staff in annual work units; SBA: average employees over 12 months). */
  readonly employees?: number | undefined;
  /** Annual turnover (EU) or average annual receipts (SBA). */
  readonly annualTurnover?: Money | undefined;
  /** Annual balance-sheet total (EU only). */
  readonly balanceSheetTotal?: Money | undefined;
  /** NAICS code (SBA only), e.g. `"455110"`. */
  readonly naicsCode?: string | undefined;
}

/**
 * One US SBA size standard: for a NAICS industry, the largest size (in average employees or in
 * average annual receipts) at which a business is still "small".
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface SbaSizeStandard {
  /** 6-digit NAICS code. */
  readonly naicsCode: string;
  /** NAICS industry title. */
  readonly title: string;
  /** Measure: `"employees"` (average employees) or `"receipts"` (average annual receipts). */
  readonly measure: "employees" | "receipts";
  /** Ceiling: employees (a count) or receipts in USD millions, as a decimal string. */
  readonly limit: string;
  /** Where the figure comes from (CFR / Federal Register citation). */
  readonly source?: string;
  /** Date from which the figure applied (ISO `YYYY-MM-DD`), when known. */
  readonly effective?: string;
  /** Date after which the figure no longer applies (ISO), when known. */
  readonly supersededOn?: string;
}

/**
 * Result of {@link classifyEnterpriseSize}.
 *
 * When `size` is `undefined`, classification was impossible and `missing` names the facts
 * that would have decided it.
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface EnterpriseSizeResult {
  /** The standard applied. */
  readonly standard: SizeStandardName;
  /** The size class, or `undefined` when the facts given could not decide it. */
  readonly size: EnterpriseSize | undefined;
  /**
   * True for micro, small and medium (SME). When `size` is undecided it can still be `true`
   * (EU: fewer than 250 staff and turnover ≤ €50M or balance sheet ≤ €43M settles SME status
   * whatever the missing fact); otherwise `undefined`.
   */
  readonly isSme: boolean | undefined;
  /** Names of the facts that were missing and needed (`"employees"`, `"annualTurnover"`...). */
  readonly missing: readonly string[];
  /** Human-readable reason, quoting the ceilings applied. */
  readonly reason: string;
}
