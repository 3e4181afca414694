/**
 * Internal helpers of the jobs module: amounts that may be a Money or a plain number, and
 * low / central / high ranges. Never exported from the package.
 */
import type { Decimal } from "decimal.js";
import { ErrorCode } from "../../errors.js";
import type { Money } from "../../money/types.js";
import { assertSameCurrency, toMoney } from "../../_lib/money.js";
import { rangeError, toDecimal } from "../../_lib/validate.js";

/** An amount with an optional currency (undefined when the caller passed a plain number). */
export interface JobsAmount {
  readonly amount: Decimal;
  readonly currency: string | undefined;
}

function isMoneyLike(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "currency" in value;
}

/** A Money or a number-like amount. */
export function toJobsAmount(value: unknown, fn: string, arg: string): JobsAmount {
  if (isMoneyLike(value)) {
    const m: Money = toMoney(value, fn, arg);
    return { amount: m.amount, currency: m.currency };
  }
  return { amount: toDecimal(value, fn, arg), currency: undefined };
}

/** The common currency of several amounts (undefined when none carries one); throws on a mismatch. */
export function commonCurrency(fn: string, amounts: readonly JobsAmount[]): string | undefined {
  let currency: string | undefined;
  for (const a of amounts) {
    if (a.currency === undefined) continue;
    if (currency === undefined) currency = a.currency;
    else assertSameCurrency(fn, currency, a.currency);
  }
  return currency;
}

/** Throw unless the amount is ≥ 0. */
export function assertNonNegative(d: Decimal, fn: string, arg: string, received: unknown): void {
  if (d.isNegative() && !d.isZero()) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, "must be ≥ 0", received, "a number ≥ 0");
}

/** Throw unless the amount is > 0. */
export function assertPositive(d: Decimal, fn: string, arg: string, received: unknown): void {
  if (!d.greaterThan(0)) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, "must be > 0", received, "a number > 0");
}
