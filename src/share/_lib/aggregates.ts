/** Internal: one aggregate row of either kind into an accumulator (shared by the sync and async entry points). */
import { epochDay, parseDateInput } from "../../_lib/dates.js";
import { ErrorCode } from "../../errors.js";
import { rangeError, toNonEmptyString } from "../../_lib/validate.js";
import { foldSeller, type MarketplaceAccumulatorImpl, SellerState, summaryOf, toMinorBig } from "./marketplace.js";
import { addPeriodRow as addPeriodTotals, addSellerRow, setGmv, toCount, toStateRecord } from "./marketplaceState.js";

/**
 * One aggregate period row. The counts `marketplaceAggregateSql` adds to each row (`subMinorRows`:
 * rows whose amount was not a whole number of minor units; `fractionalUnitRows`: rows whose units
 * were not whole; `nullAmountRows`: rows whose amount was NULL) must be 0 when present: otherwise the query's integer casts rounded those rows
 * and the totals are wrong, so the row is rejected, never summed (#13).
 */
export function addPeriodRow(acc: MarketplaceAccumulatorImpl, row: unknown, fn: string, at: string): void {
  const r = toStateRecord(row, fn, at);
  const rows = (n: number): string => `${n} row${n === 1 ? "" : "s"}`;
  // Each check count must be 0 (absent counts as 0): the code, what the engine counted, what is allowed.
  const checks: readonly (readonly [string, ErrorCode, (n: number) => string, string])[] = [
    [
      "subMinorRows",
      ErrorCode.SUB_MINOR_UNIT,
      (n) => `${rows(n)} whose amount is not a whole number of minor units of ${acc.settings.currency}, which the SQL's integer casts rounded`,
      `0: an amount column of integer minor units, or mapping.amountUnit "major" for an exact DECIMAL of major units with at most ${acc.settings.digits} decimals`,
    ],
    ["fractionalUnitRows", ErrorCode.NOT_INTEGER, (n) => `${rows(n)} whose units are not whole, which the SQL's integer casts rounded`, "0: integer units"],
    [
      "nullAmountRows",
      ErrorCode.MISSING_VALUE,
      (n) => `${rows(n)} whose amount is NULL (or did not fit the engine's integer type and was cast to NULL), which would be summed as nothing`,
      "0: an amount on every row",
    ],
  ];
  for (const [key, code, counted, allowed] of checks) {
    const value = r[key];
    const count = value === undefined || value === null ? 0 : toCount(value, fn, `${at}.${key}`);
    if (count !== 0) rangeError(fn, `${at}.${key}`, code, `must be 0: the engine counted ${counted(count)}`, value, allowed);
  }
  addPeriodTotals(acc, row, fn, at);
}

const NAMES = { segment: ".segment", gmv: ".gmvMinor", orders: ".orders", first: ".firstSale" };

export function addSellerAggregate(acc: MarketplaceAccumulatorImpl, row: unknown, fn: string, at: string): void {
  const r = toStateRecord(row, fn, at);
  const id = toNonEmptyString(r["sellerId"], fn, `${at}.sellerId`);
  const segment = toNonEmptyString(r["segment"], fn, `${at}.segment`);
  const st = acc.settings;
  if (st.mode === "keep") {
    addSellerRow(acc, id, segment, r["gmvMinor"], r["orders"], r["firstSale"], fn, at, NAMES);
    return;
  }
  // Grouped: one row per seller, folded at once.
  if (st.declared !== undefined && !st.declared.includes(segment))
    rangeError(fn, `${at}.segment`, ErrorCode.UNKNOWN_OPTION, "must be a declared segment", segment, st.declared.map((x) => JSON.stringify(x)).join(", "));
  const gmv = toMinorBig(r["gmvMinor"], st.currency, st.digits, fn, `${at}.gmvMinor`);
  if (st.refunds !== "net" && gmv < 0n) rangeError(fn, `${at}.gmvMinor`, ErrorCode.OUT_OF_RANGE, `must be ≥ 0 under refunds: ${JSON.stringify(st.refunds)}`, gmv.toString(), "a GMV ≥ 0");
  const orders = toCount(r["orders"], fn, `${at}.orders`);
  const f = r["firstSale"];
  const first = f === null || f === undefined ? Infinity : epochDay(parseDateInput(f, fn, `${at}.firstSale`));
  const s = new SellerState(segment);
  setGmv(s, gmv);
  s.orders = orders;
  s.first = first;
  foldSeller(summaryOf(acc.summaries, segment, st), s, st);
}
