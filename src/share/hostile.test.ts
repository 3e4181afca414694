import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { describeHostileTable, type HostileRow } from "../../test/support/hostile.js";
import { money } from "../money/money.js";
import { accumulateShare } from "./accumulateShare.js";
import { addSale } from "./addSale.js";
import { compoundAnnualGrowthRate } from "./compoundAnnualGrowthRate.js";
import { createShareAccumulator } from "./createShareAccumulator.js";
import { giniCoefficient } from "./giniCoefficient.js";
import { herfindahlHirschmanIndex } from "./herfindahlHirschmanIndex.js";
import { salesShare } from "./salesShare.js";
import { salesShareByPeriod } from "./salesShareByPeriod.js";
import { topShare } from "./topShare.js";
import { wilsonInterval } from "./wilsonInterval.js";
import { yearOverYearChange } from "./yearOverYearChange.js";
import type { Sale } from "./types.js";

const B = (x: unknown) => x as never;
const d = new Date("2017-01-01T00:00:00Z");
const ok: Sale = { sellerId: "a", date: d, amount: money("1", "USD") };
const seg = (s: Sale) => s.sellerId;
const withAmount = (x: unknown): Sale => ({ ...ok, amount: B(x) });
const withDate = (x: unknown): Sale => ({ ...ok, date: B(x) });

const TABLE: readonly HostileRow[] = [
  { fn: "salesShare", kind: "array", slot: "sales", call: (x) => salesShare(B(x), seg) },
  { fn: "salesShare", kind: "moneyUsd", slot: "sales[1].amount", call: (x) => salesShare([ok, withAmount(x)], seg) },
  { fn: "salesShare", kind: "date", slot: "sales[0].date", call: (x) => salesShare([withDate(x)], seg) },
  { fn: "salesShare", kind: "currency", slot: "options.currency", call: (x) => salesShare([ok], seg, { currency: B(x) }) },
  { fn: "salesShare", kind: "integer", slot: "options.precision", call: (x) => salesShare([ok], seg, { precision: B(x) }) },
  { fn: "addSale", kind: "moneyUsd", slot: "sale.amount", call: (x) => addSale(addSale(createShareAccumulator(), ok, "a"), withAmount(x), "a") },
  { fn: "addSale", kind: "date", slot: "sale.date", call: (x) => addSale(createShareAccumulator(), withDate(x), "a") },
  { fn: "accumulateShare", kind: "moneyUsd", slot: "sales[1].amount", call: (x) => accumulateShare([ok, withAmount(x)], seg) },
  { fn: "salesShareByPeriod", kind: "date", slot: "sales[0].date", call: (x) => salesShareByPeriod([withDate(x)], seg, { period: "month" }) },
  { fn: "salesShareByPeriod", kind: "moneyUsd", slot: "sales[1].amount", call: (x) => salesShareByPeriod([ok, withAmount(x)], seg, { period: "month" }) },
  { fn: "herfindahlHirschmanIndex", kind: "number", slot: "values[1]", call: (x) => herfindahlHirschmanIndex([1, B(x)]) },
  { fn: "herfindahlHirschmanIndex", kind: "array", slot: "values", call: (x) => herfindahlHirschmanIndex(B(x)) },
  { fn: "giniCoefficient", kind: "number", slot: "values[0]", call: (x) => giniCoefficient([B(x), 1]) },
  { fn: "topShare", kind: "number", slot: "values[0]", call: (x) => topShare([B(x)], 1) },
  { fn: "topShare", kind: "integer", slot: "k", call: (x) => topShare([1], B(x)) },
  { fn: "wilsonInterval", kind: "integer", slot: "successes", call: (x) => wilsonInterval(B(x), 10) },
  { fn: "wilsonInterval", kind: "integer", slot: "trials", call: (x) => wilsonInterval(1, B(x)) },
  { fn: "wilsonInterval", kind: "number", slot: "confidence", call: (x) => wilsonInterval(1, 10, B(x)), valid: ["undefined"] },
  { fn: "yearOverYearChange", kind: "number", slot: "current", call: (x) => yearOverYearChange(B(x), 1) },
  { fn: "compoundAnnualGrowthRate", kind: "number", slot: "years", call: (x) => compoundAnnualGrowthRate(1, 2, B(x)) },
  { fn: "compoundAnnualGrowthRate", kind: "number", slot: "begin", call: (x) => compoundAnnualGrowthRate(B(x), 2, 1) },
];

describeHostileTable("share hostile inputs", TABLE);

describe("share hostile inputs: degenerate inputs", () => {
  it("never returns NaN for degenerate but valid inputs", () => {
    expect(salesShare([], seg).segments).toEqual([]);
    // Changed on purpose (#11): one empty-input policy, a share of nothing is undefined.
    expect(() => topShare([], 2)).toThrowError(expect.objectContaining({ code: "EMPTY_INPUT", fn: "topShare" }));
    expect(giniCoefficient([0]).toString()).toBe("0");
    expect(yearOverYearChange(0, 0).relative).toBeUndefined();
    expect(new Decimal(wilsonInterval(0, 1).upper).isNaN()).toBe(false);
  });
});
