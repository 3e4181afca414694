import type { Decimal } from "decimal.js";
import { ErrorCode } from "../errors.js";
import { makeMoney } from "../_lib/money.js";
import { rangeError, toDecimal, toInteger, toNonEmptyString, toOptions, toRecord, typeError } from "../_lib/validate.js";
import { assertPositive } from "./_lib/amount.js";
import { readReceiptsPerEmployee } from "./_lib/figure.js";
import { finiteDecimal } from "./_lib/validate.js";
import type { Money, NumericInput } from "../money/types.js";
import type { ReceiptsPerEmployeeInput } from "./types.js";

/**
 * A price index (deflator) series supplied by the caller: index levels by calendar year, with
 * the name and the source of the series. The library bundles no deflator: you choose the one
 * that fits (CPI-U, the GDP implicit price deflator, a retail-sales deflator…) and say where its
 * values come from.
 *
 * @category Jobs
 * @since 0.3.0
 */
export interface PriceIndexSeries {
  /** What the index measures, e.g. `"CPI-U, US city average, all items, annual average (1982-84 = 100)"`. */
  readonly name: string;
  /** Where the values were published, e.g. `"US BLS, series CUUR0000SA0"`. */
  readonly source: string;
  /** Index level (> 0) by year: `{ 1997: 160.5, 2017: 245.12 }`. Only the ratio of two levels is used, so any base year works. */
  readonly values: Readonly<Record<number, NumericInput>>;
}

/**
 * The {@link adjustReceiptsPerEmployee} function options.
 *
 * @category Jobs
 * @since 0.3.0
 */
export interface AdjustReceiptsPerEmployeeOptions {
  /** The price index series, see {@link PriceIndexSeries}. */
  readonly deflator: PriceIndexSeries;
  /** Price year of the result (an integer year present in `deflator.values`). */
  readonly toYear: number;
  /** Price year of the figure; defaults to the figure's `year` (a {@link receiptsPerEmployeeTable} entry has one). */
  readonly fromYear?: number;
}

/**
 * The result of {@link adjustReceiptsPerEmployee}: a receipts-per-employee figure restated in the
 * prices of another year, usable wherever {@link directJobs} and {@link estimateJobs} take a
 * receipts-per-employee figure. `JSON.stringify` gives the Decimals as strings.
 *
 * @category Jobs
 * @since 0.3.0
 */
export interface AdjustedReceiptsPerEmployee {
  /** `"<id of the figure>@<toYear>"` (e.g. `"nonstore-454-1997@2017"`), or `null` for a figure without an `id`. */
  readonly id: string | null;
  /** The adjusted receipts per employee (unrounded): a Money when the figure was a Money, else a Decimal. */
  readonly receiptsPerEmployee: Money | Decimal;
  /** The figure before adjustment, in `fromYear` prices. */
  readonly original: Decimal;
  /** The currency of the figure, or `null` for a plain number. */
  readonly currency: string | null;
  /** Price year of the figure. */
  readonly fromYear: number;
  /** Price year of the result. */
  readonly toYear: number;
  /** `index(toYear) ÷ index(fromYear)` (rounded to 20 significant digits; the result is computed without it). */
  readonly factor: Decimal;
  /** The deflator used: its name, source and the two index levels. */
  readonly deflator: { readonly name: string; readonly source: string; readonly fromIndex: Decimal; readonly toIndex: Decimal };
  /** The `source` text of the figure (a {@link receiptsPerEmployeeTable} entry has one), or `null`. */
  readonly figureSource: string | null;
}

const FN = "adjustReceiptsPerEmployee";
/** Most years in one deflator series. */
const MAX_YEARS = 10_000;

function indexLevel(values: Readonly<Record<string, unknown>>, year: number, arg: string): Decimal {
  const key = String(year);
  if (!Object.hasOwn(values, key)) {
    const years = Object.keys(values);
    const shown = years.length > 10 ? `${years.slice(0, 10).join(", ")}, …` : years.join(", ");
    rangeError(FN, arg, ErrorCode.OUT_OF_RANGE, `has no index level for ${key}`, year, `a year of deflator.values (${shown})`);
  }
  const d = toDecimal(values[key], FN, `deflator.values[${key}]`);
  assertPositive(d, FN, `deflator.values[${key}]`, values[key]);
  return d;
}

/**
 * Restate a receipts-per-employee figure in the prices of another year with a deflator series
 * you supply, so that sales and receipts per employee are in the same dollars before
 * {@link directJobs} or {@link estimateJobs} divides one by the other.
 *
 * The bundled {@link receiptsPerEmployeeTable} figures are in 1997 or 2002 dollars; sales of a
 * recent year divided by them give too many jobs by the price change alone.
 *
 * ## Notes
 * `adjusted = receiptsPerEmployee × index(toYear) ÷ index(fromYear)`, in decimal.js, not
 * rounded. Only prices move: a deflator does not capture the growth of real receipts per employee
 * (productivity), which also makes old figures too low, so a price-adjusted 1997 figure still
 * overstates the jobs of a 2017 sales volume; prefer a current figure where one is published.
 * The choice of index is an assumption to state: a consumer price index (CPI-U) measures what
 * households pay, the GDP deflator all domestic output.
 *
 * ## References
 * - US Bureau of Labor Statistics, Consumer Price Index for All Urban Consumers (CPI-U), US city
 *   average, all items, series CUUR0000SA0, annual averages (1997: 160.5, 2002: 179.9, 2017:
 *   245.120), as used in the example and the jobs guide.
 *
 * @param figure - a {@link receiptsPerEmployeeTable} entry, or `{ receiptsPerEmployee, year?, id? }`
 *   with the amount in currency units per employee per year (> 0)
 * @param options - see {@link AdjustReceiptsPerEmployeeOptions}
 * @returns the adjusted figure with the factor, the index levels and the source of the deflator
 * @throws {@link ValidationError} when the amount is ≤ 0 or not numeric, an index level is ≤ 0 or
 *   not numeric, a year is not an integer from 0 to 9999, a year has no index level
 *   (`OUT_OF_RANGE`), the deflator's name or source or the figure's `id` is an empty string, or `fromYear` differs
 *   from the figure's `year` (`CONFLICTING_OPTIONS`)
 * @throws {@link ValidationTypeError} when `figure`, `options`, `deflator` or `deflator.values`
 *   is not an object, the figure's `id` is neither a string nor `null` / absent, or the amount,
 *   the deflator's name or source, or `fromYear` (for a figure without a `year`) is missing
 *
 * @example
 * ```ts
 * import { adjustReceiptsPerEmployee, directJobs, receiptsPerEmployeeTable } from "marketplace-economics";
 * const cpiU = { name: "CPI-U, US city average, annual average", source: "US BLS, series CUUR0000SA0", values: { 1997: "160.5", 2017: "245.12" } };
 * const rpe = adjustReceiptsPerEmployee(receiptsPerEmployeeTable["nonstore-454-1997"], { deflator: cpiU, toYear: 2017 });
 * rpe.id; //=> "nonstore-454-1997@2017"
 * rpe.factor.toFixed(6); //=> "1.527227"
 * rpe.original.toString(); //=> "243297"
 * const adjusted = rpe.receiptsPerEmployee; // Money | Decimal: a Money here, as the table's figure is one
 * ("amount" in adjusted ? adjusted.amount : adjusted).toFixed(2); //=> "371569.85"
 * directJobs(1_000_000_000, rpe).source; //=> "nonstore-454-1997@2017"
 * ```
 *
 * @category Jobs
 * @since 0.3.0
 */
export function adjustReceiptsPerEmployee(figure: ReceiptsPerEmployeeInput & { readonly year?: number }, options: AdjustReceiptsPerEmployeeOptions): AdjustedReceiptsPerEmployee {
  const f = toRecord(figure, FN, "figure");
  if (!("receiptsPerEmployee" in f)) {
    typeError(FN, "figure.receiptsPerEmployee", ErrorCode.MISSING_VALUE, "is required", figure, "a receiptsPerEmployeeTable entry or { receiptsPerEmployee, year?, id? }");
  }
  const { amount, source: id } = readReceiptsPerEmployee(f, FN, "figure");
  assertPositive(amount.amount, FN, "figure.receiptsPerEmployee", f["receiptsPerEmployee"]);
  const figureYear = f["year"] === undefined ? undefined : toInteger(f["year"], FN, "figure.year", 0, 9999);
  const figureSource = typeof f["source"] === "string" ? f["source"] : null;

  const o = toOptions(toRecord(options, FN, "options"), FN, "options", ["deflator", "toYear", "fromYear"]);
  const d = toOptions(toRecord(o["deflator"], FN, "deflator"), FN, "deflator", ["name", "source", "values"]);
  const name = toNonEmptyString(d["name"], FN, "deflator.name");
  const source = toNonEmptyString(d["source"], FN, "deflator.source");
  const values = toRecord(d["values"], FN, "deflator.values");
  const years = Object.keys(values);
  if (years.length > MAX_YEARS) rangeError(FN, "deflator.values", ErrorCode.OUT_OF_RANGE, `must have at most ${MAX_YEARS} years`, years.length, `at most ${MAX_YEARS} years`);
  for (const y of years) {
    if (!/^\d{1,4}$/.test(y)) rangeError(FN, "deflator.values", ErrorCode.OUT_OF_RANGE, `has a key that is not a year: ${JSON.stringify(y.slice(0, 20))}`, y, "keys that are integer years from 0 to 9999");
  }
  const toYear = toInteger(o["toYear"], FN, "toYear", 0, 9999);
  let fromYear: number;
  if (o["fromYear"] !== undefined) {
    fromYear = toInteger(o["fromYear"], FN, "fromYear", 0, 9999);
    if (figureYear !== undefined && figureYear !== fromYear) {
      rangeError(FN, "fromYear", ErrorCode.CONFLICTING_OPTIONS, `differs from the figure's year ${figureYear}`, fromYear, `${figureYear} or undefined`);
    }
  } else if (figureYear !== undefined) {
    fromYear = figureYear;
  } else {
    return typeError(FN, "fromYear", ErrorCode.MISSING_VALUE, "is required when the figure has no year", undefined, "an integer year present in deflator.values");
  }
  const fromIndex = indexLevel(values, fromYear, "fromYear");
  const toIndex = indexLevel(values, toYear, "toYear");
  const adjusted = finiteDecimal(amount.amount.times(toIndex).div(fromIndex), FN, "receiptsPerEmployee × index(toYear) ÷ index(fromYear)");
  const currency = amount.currency ?? null;
  return Object.freeze({
    id: id === null ? null : `${id}@${toYear}`,
    receiptsPerEmployee: currency === null ? adjusted : makeMoney(adjusted, currency),
    original: amount.amount,
    currency,
    fromYear,
    toYear,
    factor: toIndex.div(fromIndex),
    deflator: Object.freeze({ name, source, fromIndex, toIndex }),
    figureSource,
  });
}
