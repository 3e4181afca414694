/** Internal implementation of classifyEnterpriseSize; `fn` names the public caller for errors. */
import { Decimal } from "../../_lib/decimal.js";
import { CurrencyMismatchError, ErrorCode } from "../../errors.js";
import type { Money } from "../../money/types.js";
import { EU_SME_THRESHOLDS } from "../EU_SME_THRESHOLDS.js";
import { SBA_SIZE_STANDARDS_RETAIL } from "../SBA_SIZE_STANDARDS_RETAIL.js";
import type { EnterpriseFacts, EnterpriseSize, EnterpriseSizeResult, SbaSizeStandard, SizeStandardName } from "../types.js";
import { toMoney } from "../../_lib/money.js";
import { rangeError, toArray, toFunction, toInteger, toOption, toOptions, toRecord, typeError } from "../../_lib/validate.js";
import { dateTimeOf } from "../../_lib/dates.js";

const STANDARDS: readonly SizeStandardName[] = ["EU-2003/361", "US-SBA"];
type Tri = boolean | undefined;

type Converter = (amount: Money) => Money;

/**
 * An optional non-negative amount in `currency`. With a converter, an amount in another currency
 * is converted (once) and the result must be a non-negative Money in `currency`; the note of
 * the conversion is pushed to `notes` for the reason string.
 */
function optMoney(value: unknown, fn: string, arg: string, currency: string, convert?: { readonly f: Converter; readonly name: string; readonly notes: string[] }): Money | undefined {
  if (value === undefined) return undefined;
  let m = toMoney(value, fn, arg);
  if (m.currency !== currency && convert === undefined) throw new CurrencyMismatchError(fn, currency, m.currency);
  if (m.amount.isNegative() && !m.amount.isZero()) rangeError(fn, `${arg}.amount`, ErrorCode.OUT_OF_RANGE, "must be ≥ 0", m.amount, "an amount ≥ 0");
  if (m.currency !== currency && convert !== undefined) {
    const from = m.currency;
    const out: unknown = convert.f(m);
    const at = `${convert.name}(${arg}) result`;
    m = toMoney(out, fn, at);
    if (m.currency !== currency) throw new CurrencyMismatchError(fn, currency, m.currency);
    if (m.amount.isNegative() && !m.amount.isZero()) rangeError(fn, `${at}.amount`, ErrorCode.OUT_OF_RANGE, "must be ≥ 0", m.amount, "an amount ≥ 0");
    convert.notes.push(`${arg.replace(/^facts\./, "")} converted from ${from} with ${convert.name}`);
  }
  return m;
}

function result(standard: SizeStandardName, size: EnterpriseSize | undefined, missing: string[], reason: string, isSme?: boolean): EnterpriseSizeResult {
  return Object.freeze({ standard, size, isSme: size === undefined ? isSme : size !== "large", missing: Object.freeze(missing), reason });
}

function classifyEu(facts: Readonly<Record<string, unknown>>, options: Readonly<Record<string, unknown>>, fn: string): EnterpriseSizeResult {
  const staff = facts["employees"] === undefined ? undefined : toInteger(facts["employees"], fn, "facts.employees", 0);
  const notes: string[] = [];
  const toEur = options["toEur"] === undefined ? undefined : { f: toFunction<Converter>(options["toEur"], fn, "options.toEur"), name: "options.toEur", notes };
  const turnover = optMoney(facts["annualTurnover"], fn, "facts.annualTurnover", "EUR", toEur);
  const balance = optMoney(facts["balanceSheetTotal"], fn, "facts.balanceSheetTotal", "EUR", toEur);
  const r = classifyEuAmounts(staff, turnover, balance);
  return notes.length === 0 ? r : Object.freeze({ ...r, reason: `${r.reason} (${notes.join("; ")})` });
}

function classifyEuAmounts(staff: number | undefined, turnover: Money | undefined, balance: Money | undefined): EnterpriseSizeResult {
  const std = "EU-2003/361" as const;
  if (staff === undefined) {
    return result(std, undefined, ["employees"], "staff headcount is required by Art. 2 (the financial ceilings alone cannot decide)");
  }
  for (const size of ["micro", "small", "medium"] as const) {
    const c = EU_SME_THRESHOLDS[size];
    if (staff >= c.staff) continue;
    const t: Tri = turnover === undefined ? undefined : turnover.amount.lte(c.turnover);
    const b: Tri = balance === undefined ? undefined : balance.amount.lte(c.balanceSheet);
    if (t === true || b === true) {
      const which = t === true ? `turnover ≤ €${new Decimal(c.turnover).div(1e6).toString()}M` : `balance sheet ≤ €${new Decimal(c.balanceSheet).div(1e6).toString()}M`;
      return result(std, size, [], `${size}: staff ${staff} < ${c.staff} and ${which}`);
    }
    if (t === undefined || b === undefined) {
      const missing = [...(t === undefined ? ["annualTurnover"] : []), ...(b === undefined ? ["balanceSheetTotal"] : [])];
      // The size band is undecided, but SME status may already be settled by the medium
      // ceilings (fewer than 250 staff and turnover ≤ €50M or balance sheet ≤ €43M).
      const m = EU_SME_THRESHOLDS.medium;
      const sme = (turnover !== undefined && turnover.amount.lte(m.turnover)) || (balance !== undefined && balance.amount.lte(m.balanceSheet)) ? true : undefined;
      const tail = sme ? "; it is an SME either way (medium ceilings met)" : "";
      return result(std, undefined, missing, `staff ${staff} < ${c.staff} fits "${size}", but the financial ceiling cannot be checked without ${missing.join(" or ")}${tail}`, sme);
    }
  }
  return result(std, "large", [], staff >= 250 ? `large: staff ${staff} ≥ 250` : "large: both turnover > €50M and balance sheet > €43M");
}

function classifySba(facts: Readonly<Record<string, unknown>>, options: Readonly<Record<string, unknown>>, fn: string): EnterpriseSizeResult {
  const std = "US-SBA" as const;
  const naicsRaw = facts["naicsCode"] ?? options["naicsCode"];
  if (naicsRaw === undefined) return result(std, undefined, ["naicsCode"], "the SBA size standard depends on the NAICS industry code");
  if (typeof naicsRaw !== "string") typeError(fn, "facts.naicsCode", ErrorCode.INVALID_TYPE, "must be a string", naicsRaw, 'a 6-digit NAICS code such as "454110"');
  const table = options["sizeStandards"] === undefined ? SBA_SIZE_STANDARDS_RETAIL : toArray<SbaSizeStandard>(options["sizeStandards"], fn, "options.sizeStandards");
  const row = table.find((r) => r.naicsCode === naicsRaw);
  if (row === undefined) {
    rangeError(
      fn,
      "facts.naicsCode",
      ErrorCode.UNKNOWN_OPTION,
      "has no size standard in the table",
      naicsRaw,
      `one of ${table.map((r) => r.naicsCode).join(", ")}, or pass options.sizeStandards from 13 CFR 121.201`,
    );
  }
  const limit = new Decimal(row.limit);
  if (row.measure === "employees") {
    if (facts["employees"] === undefined) return result(std, undefined, ["employees"], `NAICS ${row.naicsCode} is measured in employees (limit ${row.limit})`);
    const e = toInteger(facts["employees"], fn, "facts.employees", 0);
    return e <= limit.toNumber()
      ? result(std, "small", [], `small: ${e} employees ≤ ${row.limit} (NAICS ${row.naicsCode})`)
      : result(std, "large", [], `not small: ${e} employees > ${row.limit} (NAICS ${row.naicsCode})`);
  }
  const receipts = optMoney(facts["annualTurnover"], fn, "facts.annualTurnover", "USD");
  if (receipts === undefined) return result(std, undefined, ["annualTurnover"], `NAICS ${row.naicsCode} is measured in average annual receipts (limit $${row.limit} million)`);
  return receipts.amount.lte(limit.times(1e6))
    ? result(std, "small", [], `small: receipts ≤ $${row.limit} million (NAICS ${row.naicsCode})`)
    : result(std, "large", [], `not small: receipts > $${row.limit} million (NAICS ${row.naicsCode})`);
}

export function classifyImpl(facts: EnterpriseFacts, standard: SizeStandardName, options: unknown, fn: string): EnterpriseSizeResult {
  if (dateTimeOf(facts) !== undefined || Decimal.isDecimal(facts)) {
    typeError(fn, "facts", ErrorCode.INVALID_TYPE, "must be an object of enterprise facts", facts, "an object { employees?, annualTurnover?, balanceSheetTotal?, naicsCode? }");
  }
  const f = toRecord(facts, fn, "facts");
  const std = toOption(standard, fn, "standard", STANDARDS);
  const o = toOptions(options, fn, "options", ["toEur", "naicsCode", "sizeStandards"]);
  // Every field given is validated, whichever standard reads it (#11): a NaN naicsCode or a
  // Date as sizeStandards is a mistake even when the EU standard ignores it.
  if (o.toEur !== undefined) toFunction(o.toEur, fn, "options.toEur");
  if (o.naicsCode !== undefined && typeof o.naicsCode !== "string") typeError(fn, "options.naicsCode", ErrorCode.INVALID_TYPE, "must be a string", o.naicsCode, 'a 6-digit NAICS code such as "454110"');
  if (o.sizeStandards !== undefined) toArray<unknown>(o.sizeStandards, fn, "options.sizeStandards");
  if (f["naicsCode"] !== undefined && typeof f["naicsCode"] !== "string") typeError(fn, "facts.naicsCode", ErrorCode.INVALID_TYPE, "must be a string", f["naicsCode"], 'a 6-digit NAICS code such as "454110"');
  if (f["employees"] !== undefined) toInteger(f["employees"], fn, "facts.employees", 0);
  if (f["annualTurnover"] !== undefined) toMoney(f["annualTurnover"], fn, "facts.annualTurnover");
  if (f["balanceSheetTotal"] !== undefined) toMoney(f["balanceSheetTotal"], fn, "facts.balanceSheetTotal");
  return std === "EU-2003/361" ? classifyEu(f, o, fn) : classifySba(f, o, fn);
}
