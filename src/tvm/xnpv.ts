import type { Decimal } from "decimal.js";
import { toDecimalInRange } from "../_lib/validate.js";
import { fromHp, hp, toHp } from "./_lib/decimal.js";
import { parseFlows } from "./_lib/flows.js";
import type { CashFlow } from "./types.js";

/**
 * Net present value of dated cash flows (Excel's `XNPV`), discounted to the earliest date.
 *
 * ## Notes
 * XNPV = Σᵢ aᵢ / (1 + rate)^((dᵢ - d₀) / 365), with d₀ the earliest date (ACT/365F, as Excel).
 * When the first flow is also the earliest (Excel requires it), this is exactly Excel's XNPV;
 * unsorted flows are accepted and measured from the earliest date. Computed in 40-digit decimal
 * arithmetic (w = (1 + rate)^(-1/365) once, then integer powers) and rounded to 28 significant
 * digits. The rate must be > -1.
 *
 * ## References
 * Microsoft Excel `XNPV` documentation (example: 9 % → 2086.65).
 *
 * @param rate - annual discount rate as a decimal (0.09 = 9 %), > -1
 * @param flows - dated flows `{ date, amount }`, at least one
 * @returns present value at the earliest date, same unit as the amounts
 * @throws {ValidationError} when the rate is not > -1, flows is empty, a date is invalid or an amount is not a number
 * @throws {CurrencyMismatchError} when Money amounts mix currencies
 *
 * @example
 * ```ts
 * import { xnpv } from "marketplace-economics";
 * const flows = [
 *   { date: "2008-01-01", amount: -10000 },
 *   { date: "2008-03-01", amount: 2750 },
 *   { date: "2008-10-30", amount: 4250 },
 *   { date: "2009-02-15", amount: 3250 },
 *   { date: "2009-04-01", amount: 2750 },
 * ];
 * xnpv("0.09", flows).toFixed(2); //=> "2086.65"
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function xnpv(rate: Decimal | string | number, flows: readonly CashFlow[]): Decimal {
  const fn = "xnpv";
  const r = toDecimalInRange(rate, fn, "rate", -1, undefined, { lowerOpen: true });
  const parsed = parseFlows(flows, fn, true);
  const H = hp();
  const w = toHp(r).plus(1).pow(new H(-1).div(365));
  let acc = new H(0);
  const decs = parsed.decimals ?? [];
  for (let i = 0; i < parsed.n; i++) {
    acc = acc.plus(toHp(decs[i]!).times(w.pow(parsed.days[i]!)));
  }
  return fromHp(acc);
}
