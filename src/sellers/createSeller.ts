import { toUtcDay } from "../_lib/dates.js";
import { toMoney } from "../_lib/money.js";
import { rangeError, toInteger, toNonEmptyString, toRecord, typeError, toOptions } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { Money } from "../money/types.js";
import type { DateInput } from "../time/types.js";
import type { Seller, SellerInput } from "./types.js";

/**
 * The {@link createSeller} function options.
 *
 * @category Sellers
 * @since 0.1.0
 */
export interface CreateSellerOptions {
  /** Reference day: `joinedOn` and `leftOn` may not be after it (a `Date` or ISO string). */
  readonly asOf?: DateInput | undefined;
}

const COUNTRY = /^[A-Z]{2}$/;

function nonNegativeMoney(value: unknown, fn: string, arg: string): Money {
  const m = toMoney(value, fn, arg);
  if (m.amount.isNegative() && !m.amount.isZero()) rangeError(fn, `${arg}.amount`, ErrorCode.OUT_OF_RANGE, "must be ≥ 0", m.amount, "an amount ≥ 0");
  return m;
}

/**
 * Validate a seller record and return a frozen {@link Seller}.
 *
 * Dates are truncated to their UTC calendar day. `country` is upper-cased and must be two
 * letters (ISO 3166-1 alpha-2). Optional fields that are `undefined` are left out of the result.
 *
 * @param input - the raw record (dates may be ISO strings)
 * @param options - `asOf`: no join (or leave) date may be after it
 * @returns a frozen, validated seller
 * @throws {@link ValidationTypeError} when `id` is missing or a field has the wrong type
 * @throws {@link ValidationError} when `id` is blank, a date is invalid, `joinedOn` is after `asOf`,
 *   `leftOn` is before `joinedOn`, `employees` is negative or not an integer, an amount is
 *   negative, the country is not two letters, or the NAICS code is not 2–6 digits
 *
 * @example
 * ```ts
 * import { createSeller, money } from "marketplace-economics";
 * const s = createSeller({ id: "s-1", joinedOn: "2017-04-03", country: "us", employees: 12, annualTurnover: money("2500000", "USD") });
 * s.country; //=> "US"
 * s.joinedOn.toISOString(); //=> "2017-04-03T00:00:00.000Z"
 * try {
 *   createSeller({ id: "s-2", joinedOn: "2019-01-01" }, { asOf: "2018-12-31" });
 * } catch (e) {
 *   (e as { code: string }).code; //=> "INVALID_DATE_ORDER"
 * }
 * ```
 *
 * @category Sellers
 * @since 0.1.0
 */
export function createSeller(input: SellerInput, options?: CreateSellerOptions): Seller {
  const fn = "createSeller";
  const r = toRecord(input, fn, "input");
  const o = toOptions(options, fn, "options", ["asOf"]);
  const id = toNonEmptyString(r["id"], fn, "input.id");
  const joinedOn = toUtcDay(r["joinedOn"], fn, "input.joinedOn");
  const asOf = o["asOf"] === undefined ? undefined : toUtcDay(o["asOf"], fn, "options.asOf");
  if (asOf && joinedOn.getTime() > asOf.getTime()) {
    rangeError(fn, "input.joinedOn", ErrorCode.INVALID_DATE_ORDER, `must not be after options.asOf (${asOf.toISOString().slice(0, 10)})`, joinedOn, "a join date on or before asOf");
  }
  const out: { -readonly [K in keyof Seller]: Seller[K] } = { id, joinedOn };
  if (r["country"] !== undefined) {
    if (typeof r["country"] !== "string") typeError(fn, "input.country", ErrorCode.INVALID_TYPE, "must be a string", r["country"], 'an ISO 3166-1 alpha-2 code such as "US"');
    const c = r["country"].toUpperCase();
    if (!COUNTRY.test(c)) rangeError(fn, "input.country", ErrorCode.OUT_OF_RANGE, "must be a two-letter country code", r["country"], 'an ISO 3166-1 alpha-2 code such as "US"');
    out.country = c;
  }
  if (r["employees"] !== undefined) out.employees = toInteger(r["employees"], fn, "input.employees", 0);
  if (r["annualTurnover"] !== undefined) out.annualTurnover = nonNegativeMoney(r["annualTurnover"], fn, "input.annualTurnover");
  if (r["balanceSheetTotal"] !== undefined) out.balanceSheetTotal = nonNegativeMoney(r["balanceSheetTotal"], fn, "input.balanceSheetTotal");
  if (r["segment"] !== undefined) out.segment = toNonEmptyString(r["segment"], fn, "input.segment");
  if (r["naicsCode"] !== undefined) {
    if (typeof r["naicsCode"] !== "string") typeError(fn, "input.naicsCode", ErrorCode.INVALID_TYPE, "must be a string", r["naicsCode"], '2 to 6 digits as a string, e.g. "455110"');
    if (!/^\d{2,6}$/.test(r["naicsCode"])) rangeError(fn, "input.naicsCode", ErrorCode.OUT_OF_RANGE, "must be 2 to 6 digits", r["naicsCode"], '2 to 6 digits as a string, e.g. "455110"');
    out.naicsCode = r["naicsCode"];
  }
  if (r["leftOn"] !== undefined) {
    const leftOn = toUtcDay(r["leftOn"], fn, "input.leftOn");
    if (leftOn.getTime() < joinedOn.getTime()) rangeError(fn, "input.leftOn", ErrorCode.INVALID_DATE_ORDER, "must not be before joinedOn", leftOn, "a date on or after joinedOn");
    if (asOf && leftOn.getTime() > asOf.getTime()) rangeError(fn, "input.leftOn", ErrorCode.INVALID_DATE_ORDER, "must not be after options.asOf", leftOn, "a date on or before asOf");
    out.leftOn = leftOn;
  }
  return Object.freeze(out);
}
