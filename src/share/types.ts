import type { Decimal } from "decimal.js";
import type { AmountInput, Money } from "../money/types.js";
import type { DateInput } from "../time/types.js";

/**
 * One sale (an order line or an order): who sold, when, for how much, and optionally how many
 * units. A negative `amount` is a refund (see {@link salesShare} for how refunds are counted).
 *
 * @category Share
 * @since 0.1.0
 */
export interface Sale {
  /** Id of the seller ({@link Seller.id}). */
  readonly sellerId: string;
  /**
   * When the sale happened: a `Date` (an instant) or an ISO 8601 string (`"2024-03-01"` is that
   * UTC day). Periods are taken in UTC, so prefer strings or `Date.UTC(...)` over local-time
   * `new Date(2024, 0, 1)`, which is a different UTC day east of Greenwich.
   */
  readonly date: DateInput;
  /** Gross merchandise value of the sale; negative for a refund. */
  readonly amount: Money;
  /** Units sold (a finite number ≥ 0; negative for returned units). A sale without units counts as 1 unit. */
  readonly units?: number;
}

/**
 * Converts a sale's amount into the report currency; used when sales come in several
 * currencies. Return a {@link Money} in the target currency (or a plain amount in it).
 *
 * @category Share
 * @since 0.1.0
 */
export type CurrencyConverter = (amount: Money, sale: Sale) => AmountInput;

/**
 * Per-segment totals and shares, one entry of {@link SalesShareResult.segments}.
 *
 * @category Share
 * @since 0.1.0
 */
export interface SegmentShare<S extends string = string> {
  /** Segment name. */
  readonly segment: S;
  /** Net GMV of the segment (sales minus refunds). */
  readonly gmv: Money;
  /** Net units of the segment. */
  readonly units: Decimal;
  /** Number of sales (orders) of the segment; refund records are not counted (they reduce `gmv` and `units`). */
  readonly sales: number;
  /** Share of total GMV, rounded so that all segments sum to exactly 1. */
  readonly gmvShare: Decimal;
  /** Share of total units, rounded so that all segments sum to exactly 1. */
  readonly unitShare: Decimal;
  /** Share of the number of sales (refunds not counted), rounded so that all segments sum to exactly 1. */
  readonly salesShare: Decimal;
  /**
   * Under `refunds: "gross"` only: the segment's refunds as a positive amount (then `gmv` is the
   * gross GMV the shares are computed on).
   */
  readonly refunds?: Money;
  /** Under `refunds: "gross"` only: `gmv − refunds`, which may be negative. */
  readonly netGmv?: Money;
}

/**
 * Result of {@link salesShare} and {@link finalizeShare}.
 *
 * @category Share
 * @since 0.1.0
 */
export interface SalesShareResult<S extends string = string> {
  /** Report currency (`undefined` only when there were no sales and none was given). */
  readonly currency: string | undefined;
  /** Decimal places of every share. */
  readonly precision: number;
  /** Totals over all segments. */
  readonly total: {
    readonly gmv: Money | undefined;
    readonly units: Decimal;
    /** Number of sales over all segments (refund records not counted). */
    readonly sales: number;
  };
  /** One entry per segment, in declared order (or alphabetical when none were declared). */
  readonly segments: readonly SegmentShare<S>[];
  /** The same entries keyed by segment. */
  readonly bySegment: Readonly<Partial<Record<S, SegmentShare<S>>>>;
}

/**
 * Options of {@link salesShare}, {@link createShareAccumulator} and the streaming adapters.
 *
 * @category Share
 * @since 0.1.0
 */
export interface SalesShareOptions<S extends string = string> {
  /** Report currency. Default: the first sale's currency. Required with `convert`. */
  readonly currency?: string | undefined;
  /**
   * Converts amounts in other currencies into `currency` (which must then be given); without it
   * mixed currencies throw {@link CurrencyMismatchError}.
   */
  readonly convert?: CurrencyConverter | undefined;
  /** Decimal places of the shares (0–20). Default 10. */
  readonly precision?: number | undefined;
  /**
   * Declared segments: always present in the result (with zeros), and a sale mapped to any other
   * segment throws. Default: segments are discovered from the sales.
   */
  readonly segments?: readonly S[] | undefined;
  /**
   * Refund policy for negative amounts: `"net"` (default) subtracts them (a segment whose
   * refunds exceed its sales makes the shares undefined and throws); `"exclude"` skips them;
   * `"reject"` throws; `"gross"` (since 0.2.0, #11) computes GMV and unit shares over gross sales
   * and reports each segment's refunds separately (`refunds`, `netGmv`), so a refund-heavy
   * segment never makes the computation throw and no refund is dropped.
   */
  readonly refunds?: "net" | "exclude" | "reject" | "gross" | undefined;
}

/**
 * Serialised state of a {@link ShareAccumulator}, as returned by `toJSON()`. Stable across
 * versions with the same `version`.
 *
 * @category Share
 * @since 0.1.0
 */
export interface ShareAccumulatorJSON {
  /** Format version, always 1. */
  readonly version: 1;
  /** Report currency, or `null` before the first sale. */
  readonly currency: string | null;
  /** Share precision. */
  readonly precision: number;
  /** Refund policy. */
  readonly refunds: "net" | "exclude" | "reject" | "gross";
  /** Declared segments, or `null`. */
  readonly segments: readonly string[] | null;
  /** Number of sale records added (refunds included). */
  readonly sales: number;
  /** Totals per segment, keys sorted. */
  readonly totals: Readonly<Record<string, { readonly gmv: string; readonly units: string; readonly sales: number; readonly refunds?: string }>>;
}

/**
 * Streaming, mergeable state of a sales-share computation. Memory grows with the number of
 * segments, never with the number of sales. Build with {@link createShareAccumulator}, feed with
 * {@link addSale}, combine shards with {@link mergeAccumulators}, read with {@link finalizeShare},
 * store with `JSON.stringify` and restore with {@link shareAccumulatorFromJSON}.
 *
 * @category Share
 * @since 0.1.0
 */
export interface ShareAccumulator {
  /** Brand, always `"ShareAccumulator"`. */
  readonly kind: "ShareAccumulator";
  /** Report currency, `undefined` until fixed by the options or the first sale. */
  readonly currency: string | undefined;
  /**
   * Number of records added, refunds included (so it can exceed `finalizeShare(acc).total.sales`,
   * which counts sales only).
   */
  readonly sales: number;
  /** The serialisable state. */
  toJSON(): ShareAccumulatorJSON;
}
