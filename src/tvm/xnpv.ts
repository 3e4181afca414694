import type { Decimal } from "decimal.js";
import { toDecimalInRange } from "../_lib/validate.js";
import { dayBasis } from "./_lib/daycount.js";
import { fromHp, hp, toHp } from "./_lib/decimal.js";
import { parseFlows } from "./_lib/flows.js";
import { exactNpv } from "./_lib/exactNpv.js";
import { parseXnpvOptions } from "./_lib/options.js";
import type { CashFlow } from "./types.js";
import type { NumericInput } from "../money/types.js";
import type { DayCountConvention } from "../time/types.js";

/**
 * The {@link xnpv} function options.
 *
 * @category TVM
 * @since 0.2.0
 */
export interface XnpvOptions {
  /** Day count that turns dates into years, as {@link XirrOptions} `dayCount`. Default `"ACT/365F"` (Excel's). */
  readonly dayCount?: DayCountConvention;
}

/**
 * Net present value of dated cash flows (Excel's `XNPV`), discounted to the earliest date.
 *
 * ## Notes
 * XNPV = Σᵢ aᵢ / (1 + rate)^tᵢ, tᵢ = {@link yearFraction}(d₀, dᵢ, dayCount) with d₀ the earliest
 * date; by default ACT/365F, tᵢ = (dᵢ - d₀)/365, as Excel. When the first flow is also the
 * earliest (Excel requires it), this is exactly Excel's XNPV; unsorted flows are accepted and
 * measured from the earliest date. Computed in 40-digit decimal arithmetic and rounded to 28
 * significant digits: same-day amounts are summed exactly first, then each day's discount factor is
 * the previous day's times w^gap (w = (1 + rate)^(-1/D) once, D = 365, 360, 365.25 or 364 days, or
 * 360 thirty-day units for the 30/360 family; ACT/ACT-ISDA: e^(-tᵢ·ln(1 + rate)) per day), so a
 * million flows take about a second. The rate must be > -1.
 *
 * ## References
 * Microsoft Excel `XNPV` documentation (example: 9 % → 2086.65).
 *
 * @param rate - annual discount rate as a decimal (0.09 = 9 %), > -1
 * @param flows - dated flows `{ date, amount }`, at least one
 * @param options - {@link XnpvOptions} (`dayCount`)
 * @returns present value at the earliest date, same unit as the amounts
 * @throws {@link ValidationError} when the rate is not > -1, flows is empty, a date is invalid, an amount is not a number, or
 *   an option is unknown (`UNKNOWN_OPTION`, also for an unknown `dayCount`)
 * @throws {@link CurrencyMismatchError} when Money amounts mix currencies
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
 * xnpv("0.09", flows, { dayCount: "ACT/360" }).toFixed(2); //=> "2074.52"
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function xnpv(rate: NumericInput, flows: readonly CashFlow[], options?: XnpvOptions): Decimal {
  const fn = "xnpv";
  const r = toDecimalInRange(rate, fn, "rate", -1, undefined, { lowerOpen: true });
  const dayCount = parseXnpvOptions(fn, options);
  const parsed = parseFlows(flows, fn, "lazy");
  const basis = dayBasis(dayCount);
  const decs = parsed.decimals ?? [];
  const first = parsed.firstDay;
  const n = parsed.n;
  const texts = new Array<string>(n);
  for (let i = 0; i < n; i++) texts[i] = decs[i]?.toString() ?? String(parsed.amounts[i]!);
  if (basis.D !== 1) {
    // Whole units (days, or 30/360 days): exact scaled-integer Horner (see _lib/exactNpv.ts).
    let keys: ArrayLike<number> = parsed.days;
    const time = basis.time;
    if (time !== undefined) {
      const at = time(first);
      const k = new Float64Array(n);
      for (let i = 0; i < n; i++) k[i] = i > 0 && parsed.days[i] === parsed.days[i - 1] ? k[i - 1]! : at(first + parsed.days[i]!);
      keys = k;
    }
    const H = hp();
    const fast = exactNpv(texts, keys, r, basis.D);
    if (fast !== undefined) return fromHp(new H(fast.toSignificantDigits(40).toString()));
  }
  // ACT/ACT-ISDA (times that are no whole number of any unit) or amounts beyond 10^±400:
  // 40-digit decimal, e^(-tᵢ·ln(1 + rate)) per distinct day.
  const H = hp();
  const lnBase = toHp(r).plus(1).ln();
  let acc = new H(0);
  for (let i = 0; i < n;) {
    const day = parsed.days[i]!;
    let sum = new H(texts[i]!);
    let j = i + 1;
    while (j < n && parsed.days[j] === day) sum = sum.plus(texts[j++]!);
    i = j;
    if (sum.isZero()) continue;
    const t = basis.years === undefined ? new H(day).div(basis.D) : toHp(basis.years(first, first + day));
    acc = acc.plus(lnBase.times(t).neg().exp().times(sum));
  }
  return fromHp(acc);
}
