// The input reading shared by aprRegZ and aprUnitedStatesRule (both take an AprRegZInput): the
// amounts (one currency, each > 0, kept exactly), the dated payments sorted by day, and the unit
// period of 12 CFR 1026 Appendix J (given, or detected from the payment dates).
import type { Decimal } from "decimal.js";
import { Decimal as D } from "../../_lib/decimal.js";
import { ErrorCode } from "../../errors.js";
import { rangeError, toArray, toInteger, toOption, toRecord, typeError } from "../../_lib/validate.js";
import { assertSameCurrency } from "../../_lib/money.js";
import { epochDay, parseAmount } from "./flows.js";
import { detectUnit, monthsBack, type UnitSpec } from "./regz.js";

const NAMED: Readonly<Record<string, UnitSpec>> = {
  day: { kind: "day" },
  week: { kind: "week", n: 1 },
  biweek: { kind: "week", n: 2 },
  semimonth: { kind: "semimonth" },
  month: { kind: "month", n: 1 },
  quarter: { kind: "month", n: 3 },
  semiyear: { kind: "month", n: 6 },
  year: { kind: "month", n: 12 },
};

function toUnit(value: unknown, fn: string): UnitSpec {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const o = value as { weeks?: unknown; months?: unknown };
    if (o.weeks !== undefined && o.months === undefined) return { kind: "week", n: toInteger(o.weeks, fn, "input.unitPeriod.weeks", 1, 52) };
    if (o.months !== undefined && o.weeks === undefined) return { kind: "month", n: toInteger(o.months, fn, "input.unitPeriod.months", 1, 12) };
    typeError(fn, "input.unitPeriod", ErrorCode.INVALID_TYPE, "must be a unit name, { weeks } or { months }", value, '"month", "week", ..., { weeks: n } or { months: n }');
  }
  return NAMED[toOption(value, fn, "input.unitPeriod", Object.keys(NAMED))]!;
}

/** An AprRegZInput read and checked. */
export interface AprInput {
  /** Day number of the advance. */
  readonly start: number;
  /** The amount financed as a float64 (its exact value is exact[0]). */
  readonly amountFinanced: number;
  /** Payments sorted by day (float64 amounts for the solver). */
  readonly pays: readonly { readonly day: number; readonly amount: number }[];
  readonly unit: UnitSpec;
  /** Exact amounts: [amount financed, ...payments in input order]. */
  readonly exact: readonly Decimal[];
}

/** Reads an AprRegZInput for `fn`, with at most `maxPayments` payments (checked before any is read). */
export function readAprInput(input: unknown, fn: string, maxPayments: number): AprInput {
  const o = toRecord(input, fn, "input");
  let currency: string | undefined;
  const exact: Decimal[] = [];
  const amount = (v: unknown, arg: string): number => {
    const a = parseAmount(v, fn, arg, false);
    if (a.currency !== undefined) {
      if (currency === undefined) currency = a.currency;
      else assertSameCurrency(fn, currency, a.currency);
    }
    if (!(a.num > 0)) rangeError(fn, arg, ErrorCode.OUT_OF_RANGE, "must be > 0", v, "an amount > 0");
    exact.push(a.dec ?? new D(a.num));
    return a.num;
  };
  const amountFinanced = amount(o["amountFinanced"], "input.amountFinanced");
  const start = epochDay(o["advanceDate"], fn, "input.advanceDate");
  const list = toArray<unknown>(o["payments"], fn, "input.payments", { nonEmpty: true, maxLength: maxPayments });
  const pays = list.map((p, j) => {
    const r = toRecord(p, fn, `input.payments[${j}]`);
    const day = epochDay(r["date"], fn, `input.payments[${j}].date`);
    if (day < start) rangeError(fn, `input.payments[${j}].date`, ErrorCode.INVALID_DATE_ORDER, "must not be before input.advanceDate", r["date"], "a date on or after the advance date");
    return { day, amount: amount(r["amount"], `input.payments[${j}].amount`) };
  });
  pays.sort((a, b) => a.day - b.day);
  let unit: UnitSpec;
  if (o["unitPeriod"] !== undefined) {
    unit = toUnit(o["unitPeriod"], fn);
  } else if (pays.length === 1) {
    const day = pays[0]!.day;
    const mb = monthsBack(start, day);
    if (mb.months >= 12) unit = { kind: "month", n: 12 };
    else if (mb.days === 0 && mb.months >= 1) unit = { kind: "month", n: mb.months };
    else unit = { kind: "days", n: Math.max(1, day - start) };
  } else {
    unit = detectUnit(
      start,
      pays.map((p) => p.day),
    );
  }
  return { start, amountFinanced, pays, unit, exact };
}
