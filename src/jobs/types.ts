import type { Decimal } from "decimal.js";
import type { AmountInput } from "../money/types.js";

/**
 * A low / central / high range of one assumption, with `low ≤ central ≤ high`. A single value
 * stands for a range whose three points are equal.
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface JobsRangeInput<T> {
  /** Lowest plausible value of the assumption. */
  readonly low: T;
  /** Central (best-guess) value. */
  readonly central: T;
  /** Highest plausible value. */
  readonly high: T;
}

/**
 * A low / central / high result: three `Decimal`s, unrounded (round them only for display).
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface JobsRange {
  /** Lowest estimate. */
  readonly low: Decimal;
  /** Central estimate. */
  readonly central: Decimal;
  /** Highest estimate. */
  readonly high: Decimal;
}

/**
 * Employment or output split by effect, as in input-output analysis: direct (the sector that
 * receives the final demand), indirect (its suppliers, and their suppliers) and induced
 * (spending of the wages earned). `total = direct + indirect + induced`.
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface JobsEffects<T> {
  /** First-round effect in the sectors that face the final-demand change. */
  readonly direct: T;
  /** Supply-chain (inter-industry) effect. */
  readonly indirect: T;
  /** Household-spending effect; 0 when households are not closed into the model. */
  readonly induced: T;
  /** Sum of the three. */
  readonly total: T;
}

/**
 * A receipts-per-employee input of {@link directJobs} and {@link estimateJobs}: a Money, a plain
 * amount (currency units per employee per year), an entry of {@link receiptsPerEmployeeTable},
 * an {@link AdjustedReceiptsPerEmployee}, or any object with a `receiptsPerEmployee` (its `id`,
 * when a string, is reported as the source).
 *
 * @category Jobs
 * @since 0.3.0
 */
export type ReceiptsPerEmployeeInput = AmountInput | { readonly receiptsPerEmployee: AmountInput; readonly id?: string | null };
