/**
 * Receipts-per-employee inputs of the jobs module: a plain amount, a Money, or an entry of
 * `receiptsPerEmployeeTable` (any object with a `receiptsPerEmployee`, such as the result of
 * `adjustReceiptsPerEmployee`). One reader for `directJobs`, `estimateJobs` and
 * `adjustReceiptsPerEmployee`. Never exported from the package.
 */
import { toNonEmptyString } from "../../_lib/validate.js";
import { toJobsAmount, type JobsAmount } from "./amount.js";

/** Whether a value is a receipts-per-employee figure (an object with a `receiptsPerEmployee` key). */
export function isReceiptsFigure(value: unknown): value is { readonly receiptsPerEmployee: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "receiptsPerEmployee" in value;
}

/**
 * A receipts-per-employee value read once: its amount and the figure's `id` (null for a plain
 * amount or an id-less figure). An `id` that is given (not `undefined` / `null`) must be a
 * non-empty string: a NaN, a number or an object was silently dropped before (#11, hostile run
 * on 3be9480).
 */
export function readReceiptsPerEmployee(value: unknown, fn: string, arg: string): { readonly amount: JobsAmount; readonly source: string | null } {
  if (!isReceiptsFigure(value)) return { amount: toJobsAmount(value, fn, arg), source: null };
  const amount = toJobsAmount(value.receiptsPerEmployee, fn, `${arg}.receiptsPerEmployee`);
  const id = (value as { readonly id?: unknown }).id;
  return { amount, source: id == null ? null : toNonEmptyString(id, fn, `${arg}.id`) };
}
