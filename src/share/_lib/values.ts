/** Internal: read a list of non-negative sizes (numbers, strings, Decimals or Money of one currency). */
import { Decimal } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import { assertSameCurrency, toMoney } from "../../_lib/money.js";
import { checkAmount, rangeError, toArray, toDecimal } from "../../_lib/validate.js";

export function toNonNegativeValues(values: unknown, fn: string, arg = "values"): Decimal[] {
  const list = toArray<unknown>(values, fn, arg);
  let currency: string | undefined;
  return list.map((v, i) => {
    let d: Decimal;
    if (typeof v === "object" && v !== null && !Decimal.isDecimal(v)) {
      const m = toMoney(v, fn, `${arg}[${i}]`);
      if (currency === undefined) currency = m.currency;
      else assertSameCurrency(fn, currency, m.currency);
      d = m.amount;
    } else {
      d = checkAmount(toDecimal(v, fn, `${arg}[${i}]`), fn, `${arg}[${i}]`, v);
    }
    if (d.isNegative() && !d.isZero()) rangeError(fn, `${arg}[${i}]`, ErrorCode.OUT_OF_RANGE, "must be ≥ 0", v, "a number ≥ 0");
    return d.isZero() ? new Decimal(0) : d;
  });
}

/** A number or Money (same currency as `currency`, if given) as a Decimal. */
export function toAmount(value: unknown, fn: string, arg: string): { amount: Decimal; currency: string | undefined } {
  if (typeof value === "object" && value !== null && !Decimal.isDecimal(value)) {
    const m = toMoney(value, fn, arg);
    return { amount: m.amount, currency: m.currency };
  }
  return { amount: checkAmount(toDecimal(value, fn, arg), fn, arg, value), currency: undefined };
}
