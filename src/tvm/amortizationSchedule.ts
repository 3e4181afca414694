import { Decimal } from "../_lib/decimal.js";
import { ErrorCode } from "../errors.js";
import { rangeError, toDecimalInRange, toInteger, toRecord } from "../_lib/validate.js";
import { minorDigits, toRounding } from "../_lib/money.js";
import { parseAmount } from "./_lib/flows.js";
import { hp } from "./_lib/decimal.js";
import { pmt } from "./pmt.js";
import type { AmountInput, NumericInput } from "../money/types.js";

/**
 * The {@link amortizationSchedule} input.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface AmortizationScheduleInput {
  /** Amount borrowed (> 0). A Money sets the rounding digits from its currency. */
  readonly principal: AmountInput;
  /** Interest rate per period as a decimal (0.01 = 1 % a month), ≥ 0. */
  readonly rate: NumericInput;
  /** Number of payments (integer ≥ 1). */
  readonly nper: number;
  /** Regular payment (> 0); default: {@link pmt} rounded up to the minor unit (see Notes). */
  readonly payment?: NumericInput;
  /** Decimal places of every amount; default: the Money's currency minor unit, else 2. */
  readonly decimals?: number;
  /** Rounding of each period's interest; default `"half-even"`. */
  readonly rounding?: "half-even" | "half-up" | "half-down" | "down" | "up" | "floor" | "ceil";
}

/**
 * One period of an {@link AmortizationSchedule}. All amounts are positive Decimals.
 *
 * @category TVM
 * @since 0.1.0
 */
export interface AmortizationRow {
  /** Period number, 1-based. */
  readonly period: number;
  /** Payment made at the end of the period (interest + principal). */
  readonly payment: Decimal;
  /** Interest for the period: balance × rate, rounded. */
  readonly interest: Decimal;
  /** Principal repaid in the period. */
  readonly principal: Decimal;
  /** Balance after the payment. */
  readonly balance: Decimal;
}

/**
 * The result of {@link amortizationSchedule}: frozen rows and totals (`JSON.stringify` gives
 * Decimals as strings).
 *
 * @category TVM
 * @since 0.1.0
 */
export interface AmortizationSchedule {
  /** One row per period. */
  readonly rows: readonly AmortizationRow[];
  /** The regular payment used. */
  readonly payment: Decimal;
  /** Sum of all payments. */
  readonly totalPaid: Decimal;
  /** Sum of all interest. */
  readonly totalInterest: Decimal;
}

/**
 * Amortization table of a fixed-payment loan (payments at period ends), exact to the minor unit:
 * the last payment absorbs the rounding so the final balance is exactly zero.
 *
 * ## Notes
 * For each period k: interestₖ = round(balanceₖ₋₁ × rate), principalₖ = payment - interestₖ,
 * balanceₖ = balanceₖ₋₁ - principalₖ; the last payment is balanceₙ₋₁ + interestₙ. The default
 * payment is -{@link pmt}(rate, nper, principal) rounded up to the minor unit, so the last payment
 * differs from the regular one only by the accumulated interest rounding (a few minor units).
 * When the principal part of the first payment is under half a minor unit, per-period interest
 * rounding could swallow it (a near interest-only loan ending in a balloon): the default payment
 * is then raised to the smallest amount whose last payment is not larger, which may repay the
 * loan in fewer than `nper` periods. A given
 * payment too small to repay within `nper` periods leaves the remainder in the last payment (a
 * balloon). Amounts are exact decimals.
 *
 * ## References
 * Standard actuarial amortization (e.g. numpy-financial `ipmt`/`ppmt`: ppmt(0.1/12, 1, 60, 55000) = -710.25).
 *
 * @param input - {@link AmortizationScheduleInput}
 * @returns the {@link AmortizationSchedule}
 * @throws {@link ValidationError} when principal ≤ 0, rate < 0, nper not an integer ≥ 1 or payment ≤ 0
 *
 * @example
 * ```ts
 * import { amortizationSchedule } from "marketplace-economics";
 * const s = amortizationSchedule({ principal: 1000, rate: "0.01", nper: 12 });
 * s.payment.toFixed(2); //=> "88.85"
 * s.rows[0]?.interest.toFixed(2); //=> "10.00"
 * s.rows[11]?.balance.toFixed(2); //=> "0.00"
 * ```
 *
 * @category TVM
 * @since 0.1.0
 */
export function amortizationSchedule(input: AmortizationScheduleInput): AmortizationSchedule {
  const fn = "amortizationSchedule";
  const o = toRecord(input, fn, "input");
  const pa = parseAmount(o["principal"], fn, "input.principal", true);
  const principal = pa.dec ?? new Decimal(pa.num);
  if (!principal.greaterThan(0)) rangeError(fn, "input.principal", ErrorCode.OUT_OF_RANGE, "must be > 0", o["principal"], "an amount > 0");
  const rate = toDecimalInRange(o["rate"], fn, "input.rate", 0, undefined);
  const n = toInteger(o["nper"], fn, "input.nper", 1, 100_000);
  const dp = o["decimals"] === undefined ? (pa.currency ? minorDigits(pa.currency) : 2) : toInteger(o["decimals"], fn, "input.decimals", 0, 12);
  const rm = toRounding(o["rounding"] ?? "half-even", fn, "input.rounding");
  // Every amount is computed in 40 significant digits (exact to the minor unit up to the bound
  // checked here, whatever decimal.js precision the user set) and handed back as a plain Decimal.
  const H = hp();
  const unitH = new H(10).pow(-dp);
  if (new H(principal).times(new H(rate).plus(1)).greaterThanOrEqualTo(new H(10).pow(36 - dp))) {
    rangeError(
      fn,
      "input.rate",
      ErrorCode.OUT_OF_RANGE,
      `makes a period's interest on input.principal exceed 10^${36 - dp}, beyond exact ${dp}-decimal arithmetic`,
      o["rate"],
      `principal × (1 + rate) < 10^${36 - dp}`,
    );
  }
  const out = (x: Decimal): Decimal => new Decimal(x.toString());
  const rateH = new H(rate);
  const run = (paymentIn: Decimal) => {
    const payment = new H(paymentIn);
    const rows: AmortizationRow[] = [];
    let balance = new H(principal);
    let totalPaid = new H(0);
    let totalInterest = new H(0);
    for (let k = 1; k <= n; k++) {
      const interest = balance.times(rateH).toDecimalPlaces(dp, rm);
      let pay = payment;
      if (k === n || pay.greaterThanOrEqualTo(balance.plus(interest))) pay = balance.plus(interest);
      const princ = pay.minus(interest);
      balance = balance.minus(princ);
      totalPaid = totalPaid.plus(pay);
      totalInterest = totalInterest.plus(interest);
      rows.push(Object.freeze({ period: k, payment: out(pay), interest: out(interest), principal: out(princ), balance: out(balance) }));
      if (balance.isZero()) break;
    }
    return { rows, totalPaid: out(totalPaid), totalInterest: out(totalInterest) };
  };
  let payment: Decimal;
  let table: ReturnType<typeof run>;
  if (o["payment"] === undefined) {
    const exact = new H(pmt(rate, n, principal).neg());
    payment = out(exact.toDecimalPlaces(dp, Decimal.ROUND_UP));
    table = run(payment);
    // When the principal part of the first payment is under half a minor unit, rounding each
    // period's interest can swallow it, so the loan would not amortize and end in a balloon.
    // Then take the smallest payment (in minor units) whose last payment is not larger than it:
    // a bisection over whole minor units, its iteration count fixed before it starts.
    if (exact.minus(new H(principal).times(rateH)).lessThan(unitH.div(2)) && table.rows.at(-1)!.payment.greaterThan(payment)) {
      let lo = new H(payment);
      let hi = new H(principal).plus(new H(principal).times(rateH)).toDecimalPlaces(dp, Decimal.ROUND_UP);
      const steps = Math.ceil(Math.log2(Math.max(2, hi.minus(lo).div(unitH).toNumber()))) + 2;
      for (let it = 0; it < steps && hi.minus(lo).greaterThan(unitH); it++) {
        const mid = lo.plus(hi).div(2).toDecimalPlaces(dp, Decimal.ROUND_DOWN);
        if (mid.lessThanOrEqualTo(lo) || mid.greaterThanOrEqualTo(hi)) break;
        if (run(out(mid)).rows.at(-1)!.payment.greaterThan(mid)) lo = mid;
        else hi = mid;
      }
      payment = out(hi);
      table = run(payment);
    }
  } else {
    payment = toDecimalInRange(o["payment"], fn, "input.payment", 0, undefined, { lowerOpen: true });
    table = run(payment);
  }
  const { rows, totalPaid, totalInterest } = table;
  return Object.freeze({ rows: Object.freeze(rows), payment, totalPaid, totalInterest });
}
