/**
 * Internal helpers for the annuity functions (pmt, pv, fv, nper, rate). Never exported.
 */
import type { Decimal } from "decimal.js";
import { toDecimal, toDecimalInRange, toOption, toRecord } from "../../_lib/validate.js";
import { parseAmount } from "./flows.js";
import { assertSameCurrency } from "../../_lib/money.js";
import { toHp } from "./decimal.js";

/** Parsed inputs, as 40-digit Decimals. */
export interface AnnuityArgs {
  readonly r: Decimal | undefined;
  readonly n: Decimal | undefined;
  readonly pmt: Decimal | undefined;
  readonly pv: Decimal | undefined;
  readonly fv: Decimal | undefined;
  readonly begin: boolean;
}

type Spec = { readonly rate?: unknown; readonly nper?: unknown; readonly pmt?: unknown; readonly pv?: unknown; readonly fv?: unknown; readonly options?: unknown };

/** Validate the annuity arguments present in `spec` (missing `fv` = 0). */
export function parseAnnuity(fn: string, spec: Spec): AnnuityArgs {
  let currency: string | undefined;
  const amount = (v: unknown, arg: string): Decimal => {
    const a = parseAmount(v, fn, arg, true);
    if (a.currency !== undefined) {
      if (currency === undefined) currency = a.currency;
      else assertSameCurrency(fn, currency, a.currency);
    }
    return toHp(a.dec ?? a.num);
  };
  const r = "rate" in spec ? toHp(toDecimalInRange(spec.rate, fn, "rate", -1, undefined, { lowerOpen: true })) : undefined;
  const n = "nper" in spec ? toHp(toDecimal(spec.nper, fn, "nper")) : undefined;
  const pmt = "pmt" in spec ? amount(spec.pmt, "pmt") : undefined;
  const pv = "pv" in spec ? amount(spec.pv, "pv") : undefined;
  const fv = spec.fv === undefined ? toHp(0) : amount(spec.fv, "fv");
  const o = toRecord(spec.options, fn, "options", true);
  const when = o["when"] === undefined ? "end" : toOption(o["when"], fn, "options.when", ["end", "begin"] as const);
  return { r, n, pmt, pv, fv, begin: when === "begin" };
}
