import { Decimal } from "../_lib/decimal.js";
import { makeMoney } from "../_lib/money.js";
import { deepFreeze } from "../_lib/freeze.js";
import type { Money } from "../money/types.js";

/**
 * One published receipts-per-employee figure: sales of an industry divided by its paid
 * employees, with the totals it comes from and where they were published.
 *
 * @category Jobs
 * @since 0.1.0
 */
export interface ReceiptsPerEmployeeFigure {
  /** Key of the figure in {@link receiptsPerEmployeeTable}. */
  readonly id: string;
  /** NAICS code (1997 or 2002 NAICS, as published). */
  readonly naics: string;
  /** Industry title. */
  readonly industry: string;
  /** Reference year of the census. */
  readonly year: number;
  /** Sales ÷ paid employees, in US dollars of that year, rounded to whole dollars. */
  readonly receiptsPerEmployee: Money;
  /** Total sales of employer establishments of the industry (US dollars of that year). */
  readonly sales: Money;
  /** Paid employees for the pay period including March 12. */
  readonly paidEmployees: number;
  /** What the figure covers and what it leaves out. */
  readonly scope: string;
  /** Where the totals were published. */
  readonly source: string;
  /** How the figure was checked for this library. */
  readonly verification: string;
}

const CENSUS_SCOPE =
  "US employer establishments only (nonemployers excluded); employees = paid employees for the pay period including March 12 " +
  "(full- and part-time headcount, not full-time equivalents); sales in nominal dollars of the census year.";

function figure(id: string, naics: string, industry: string, year: number, salesDollars: string, paidEmployees: number, source: string, verification: string): ReceiptsPerEmployeeFigure {
  const sales = new Decimal(salesDollars);
  // sales / paidEmployees rounded half-even to whole dollars, in exact integer arithmetic (no
  // Decimal division at import: cold import, #10).
  const total = BigInt(salesDollars);
  const employees = BigInt(paidEmployees);
  const quotient = total / employees;
  const twiceRest = (total % employees) * 2n;
  const ratio = twiceRest > employees || (twiceRest === employees && quotient % 2n === 1n) ? quotient + 1n : quotient;
  return deepFreeze({
    id,
    naics,
    industry,
    year,
    receiptsPerEmployee: makeMoney(new Decimal(ratio.toString()), "USD"),
    sales: makeMoney(sales, "USD"),
    paidEmployees,
    scope: CENSUS_SCOPE,
    source,
    verification,
  });
}

const EC1997 =
  "US Census Bureau, 1997 Economic Census, Industry Statistics Sampler, NAICS 44-45 (Retail trade) and NAICS 454 " +
  "(Nonstore retailers) tables: establishments, sales ($1,000), annual payroll ($1,000), paid employees " +
  "(census.gov/epcd/ec97/industry/E44-45.HTM and E454.HTM, archived copy at webarchive.library.unt.edu).";

/**
 * A small table of US receipts-per-employee figures for retail and electronic shopping, from the
 * US Census Bureau's Economic Census, to turn sales into direct jobs with {@link directJobs}.
 *
 * Each entry keeps the published totals (sales, paid employees) beside the ratio so the figure
 * can be re-derived. The figures are old (1997 and 2002 censuses): they are the ones whose
 * totals could be checked against a stored copy of the Census publication. Pass your own figure
 * (a number, a Money, or an object shaped like these entries) to override them; for current
 * work use the latest Statistics of US Businesses (SUSB) or Economic Census release for
 * NAICS 454110 (2012/2017 NAICS) or the 2022 NAICS retail industries.
 *
 * ## Notes
 * `receiptsPerEmployee = sales / paidEmployees`, rounded half-even to whole dollars.
 * - `"retail-44-45-2002"`: $3,056,422 million / 14,647,675 = $208,663 (the Census HotReport
 *   prints 208,663).
 * - `"retail-44-45-1997"`: $2,460,886,012 thousand / 13,991,103 = $175,889 (HotReport: 175,889).
 * - `"nonstore-454-1997"`: $123,106,651 thousand / 505,993 = $243,297.
 * - `"electronic-shopping-4541-1997"`: $79,018,305 thousand / 218,406 = $361,795 (1997 NAICS
 *   4541 "Electronic shopping & mail-order houses"; includes catalog and TV mail order, not only
 *   online sellers).
 *
 * Not included, because no figure could be verified against a stored source: NAICS 454110 for
 * the 2012 or 2017 Economic Census, and SUSB receipts by firm size. Census releases these; we
 * did not copy numbers we could not check. Marketplace sellers' own ratios can differ widely
 * from these industry averages (many are small firms or nonemployers; fulfilment may be
 * outsourced to the marketplace), which is why {@link estimateJobs} takes a range.
 *
 * ## References
 * - US Census Bureau, 1997 Economic Census, Industry Statistics Sampler, NAICS 44-45 and 454.
 * - US Census Bureau, 2002 Economic Census, Economy-Wide Key Statistics, "HotReport" for Retail
 *   trade (NAICS 44-45): sales $3,056,422 million, 14,647,675 employees, sales per employee
 *   $208,663 (archived at webarchive.library.unt.edu, eot2008 collection).
 *
 * @example
 * ```ts
 * import { receiptsPerEmployeeTable } from "marketplace-economics";
 * receiptsPerEmployeeTable["retail-44-45-2002"].receiptsPerEmployee.amount.toString(); //=> "208663"
 * receiptsPerEmployeeTable["electronic-shopping-4541-1997"].paidEmployees; //=> 218406
 * ```
 *
 * @category Jobs
 * @since 0.1.0
 */
export const receiptsPerEmployeeTable: Readonly<{
  readonly "retail-44-45-2002": ReceiptsPerEmployeeFigure;
  readonly "retail-44-45-1997": ReceiptsPerEmployeeFigure;
  readonly "nonstore-454-1997": ReceiptsPerEmployeeFigure;
  readonly "electronic-shopping-4541-1997": ReceiptsPerEmployeeFigure;
}> = /* @__PURE__ */ Object.freeze({
  "retail-44-45-2002": /* @__PURE__ */ figure(
    "retail-44-45-2002",
    "44-45",
    "Retail trade",
    2002,
    "3056422000000",
    14_647_675,
    "US Census Bureau, 2002 Economic Census, Economy-Wide Key Statistics (Retail trade, NAICS 44-45 HotReport): " + "sales $3,056,422 million, employees 14,647,675, sales per employee $208,663.",
    "Totals and the published ratio read from an archived copy of the Census HotReport page; the ratio recomputes to $208,662.60.",
  ),
  "retail-44-45-1997": /* @__PURE__ */ figure(
    "retail-44-45-1997",
    "44-45",
    "Retail trade",
    1997,
    "2460886012000",
    13_991_103,
    EC1997,
    "Totals read from an archived copy of the Census table; the ratio ($175,889.35) matches the HotReport's revised 1997 figure 175,889.",
  ),
  "nonstore-454-1997": /* @__PURE__ */ figure(
    "nonstore-454-1997",
    "454",
    "Nonstore retailers",
    1997,
    "123106651000",
    505_993,
    EC1997,
    "Totals read from an archived copy of the Census table; the ratio is computed here (not printed by Census).",
  ),
  "electronic-shopping-4541-1997": /* @__PURE__ */ figure(
    "electronic-shopping-4541-1997",
    "4541",
    "Electronic shopping & mail-order houses",
    1997,
    "79018305000",
    218_406,
    EC1997,
    "Totals read from an archived copy of the Census table; the ratio is computed here (not printed by Census).",
  ),
});
