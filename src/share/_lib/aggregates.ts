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
  const sub = r["subMinorRows"];
  const subCount = sub === undefined || sub === null ? 0 : toCount(sub, fn, `${at}.subMinorRows`);
  if (subCount !== 0)
    rangeError(
      fn,
      `${at}.subMinorRows`,
      ErrorCode.SUB_MINOR_UNIT,
      `must be 0: the engine counted ${rows(subCount)} whose amount is not a whole number of minor units of ${acc.settings.currency}, which the SQL's integer casts rounded`,
      sub,
      `0: an amount column of integer minor units, or mapping.amountUnit "major" for an exact DECIMAL of major units with at most ${acc.settings.digits} decimals`,
    );
  const frac = r["fractionalUnitRows"];
  const fracCount = frac === undefined || frac === null ? 0 : toCount(frac, fn, `${at}.fractionalUnitRows`);
  if (fracCount !== 0)
    rangeError(
      fn,
      `${at}.fractionalUnitRows`,
      ErrorCode.NOT_INTEGER,
      `must be 0: the engine counted ${rows(fracCount)} whose units are not whole, which the SQL's integer casts rounded`,
      frac,
      "0: integer units",
    );
  const nul = r["nullAmountRows"];
  const nullCount = nul === undefined || nul === null ? 0 : toCount(nul, fn, `${at}.nullAmountRows`);
  if (nullCount !== 0)
    rangeError(
      fn,
      `${at}.nullAmountRows`,
      ErrorCode.MISSING_VALUE,
      `must be 0: the engine counted ${rows(nullCount)} whose amount is NULL (or did not fit the engine's integer type and was cast to NULL), which would be summed as nothing`,
      nul,
      "0: an amount on every row",
    );
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
