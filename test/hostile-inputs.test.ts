/**
 * The shared hostile-input table (issue #2): every public function that takes a number, a date,
 * a currency or a Money is called with each hostile value in the argument's slot. It must throw
 * a ValidationError (RangeError) or ValidationTypeError (TypeError) — or a CurrencyMismatchError
 * for mixed currencies — whose message starts with the function's name. Never NaN, never a
 * silently wrong number. Modules add their rows to TABLE.
 */
import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";
import { CurrencyMismatchError } from "../src/index.js";
import { describeHostileTable, type HostileRow } from "./support/hostile.js";

const usd = lib.money("10", "USD");
const B = (x: unknown) => x as never;
/** US BLS CPI-U annual averages (series CUUR0000SA0), as in src/jobs/adjustReceiptsPerEmployee.test.ts. */
/** A fee schedule with an Amazon-like refund policy (src/fees/refundFees.test.ts). */
const FEES = lib.createFeeSchedule({ currency: "USD", categories: [{ category: "toys", rate: "0.15" }], refunds: { administrationRate: "0.2", administrationMax: "5.00" } });
const CPI = { name: "CPI-U", source: "US BLS, series CUUR0000SA0", values: { 1997: "160.5", 2017: "245.12" } };

const TABLE: readonly HostileRow[] = [
  // money
  { fn: "money", kind: "number", slot: "amount", call: (x) => lib.money(B(x), "USD") },
  { fn: "money", kind: "currency", slot: "currency", call: (x) => lib.money("1", B(x)) },
  { fn: "add", kind: "money", slot: "augend", call: (x) => lib.add(B(x), usd) },
  { fn: "add", kind: "money", slot: "addend", call: (x) => lib.add(usd, B(x)) },
  { fn: "subtract", kind: "money", slot: "subtrahend", call: (x) => lib.subtract(usd, B(x)) },
  { fn: "multiply", kind: "number", slot: "factor", call: (x) => lib.multiply(usd, B(x)) },
  { fn: "multiply", kind: "money", slot: "multiplicand", call: (x) => lib.multiply(B(x), "2") },
  { fn: "sum", kind: "array", slot: "amounts", call: (x) => lib.sum(B(x)) },
  { fn: "sum", kind: "money", slot: "amounts[1]", call: (x) => lib.sum([usd, B(x)]) },
  { fn: "compare", kind: "money", slot: "b", call: (x) => lib.compare(usd, B(x)) },
  { fn: "isZero", kind: "money", slot: "amount", call: (x) => lib.isZero(B(x)) },
  { fn: "isNegative", kind: "money", slot: "amount", call: (x) => lib.isNegative(B(x)) },
  { fn: "isPositive", kind: "money", slot: "amount", call: (x) => lib.isPositive(B(x)) },
  { fn: "roundToMinor", kind: "money", slot: "amount", call: (x) => lib.roundToMinor(B(x)) },
  { fn: "allocate", kind: "money", slot: "total", call: (x) => lib.allocate(B(x), [1, 1]) },
  { fn: "allocate", kind: "number", slot: "ratios[1]", call: (x) => lib.allocate(usd, [1, B(x)]) },
  { fn: "allocate", kind: "array", slot: "ratios", call: (x) => lib.allocate(usd, B(x)) },
  { fn: "toMinorUnits", kind: "money", slot: "amount", call: (x) => lib.toMinorUnits(B(x)) },
  { fn: "fromMinorUnits", kind: "currency", slot: "currency", call: (x) => lib.fromMinorUnits(1, B(x)) },
  { fn: "formatMoney", kind: "money", slot: "amount", call: (x) => lib.formatMoney(B(x)) },
  { fn: "minorUnitDigits", kind: "currency", slot: "currency", call: (x) => lib.minorUnitDigits(B(x)) },
  { fn: "moneyToJSON", kind: "money", slot: "amount", call: (x) => lib.moneyToJSON(B(x)) },
  // time
  { fn: "parseDate", kind: "date", slot: "value", call: (x) => lib.parseDate(B(x)) },
  { fn: "startOfPeriod", kind: "date", slot: "date", call: (x) => lib.startOfPeriod(B(x), "month") },
  { fn: "endOfPeriod", kind: "date", slot: "date", call: (x) => lib.endOfPeriod(B(x), "month") },
  { fn: "eachPeriod", kind: "date", slot: "start", call: (x) => lib.eachPeriod(B(x), "2024-12-31", "month") },
  { fn: "eachPeriod", kind: "date", slot: "end", call: (x) => lib.eachPeriod("2024-01-01", B(x), "month") },
  { fn: "addPeriods", kind: "date", slot: "date", call: (x) => lib.addPeriods(B(x), 1, "day") },
  { fn: "addPeriods", kind: "number", slot: "amount", call: (x) => lib.addPeriods("2024-01-01", B(x), "day") },
  { fn: "periodKey", kind: "date", slot: "date", call: (x) => lib.periodKey(B(x), "week") },
  { fn: "daysBetween", kind: "date", slot: "end", call: (x) => lib.daysBetween("2024-01-01", B(x)) },
  { fn: "yearFraction", kind: "date", slot: "start", call: (x) => lib.yearFraction(B(x), "2024-12-31", "ACT/365F") },
  { fn: "yearFraction", kind: "date", slot: "end", call: (x) => lib.yearFraction("2024-01-01", B(x), "ACT/ACT-ISDA") },
  // tvm
  { fn: "npv", kind: "number", slot: "rate", call: (x) => lib.npv(B(x), [-100, 60, 60]) },
  { fn: "npv", kind: "number", slot: "amounts[1]", call: (x) => lib.npv("0.1", [-100, B(x)]) },
  {
    fn: "xnpv",
    kind: "number",
    slot: "rate",
    call: (x) =>
      lib.xnpv(B(x), [
        { date: "2024-01-01", amount: -100 },
        { date: "2025-01-01", amount: 110 },
      ]),
  },
  {
    fn: "xirr",
    kind: "date",
    slot: "flows[1].date",
    call: (x) =>
      lib.xirr([
        { date: "2024-01-01", amount: -100 },
        { date: B(x), amount: 110 },
      ]),
  },
  {
    fn: "xirr",
    kind: "number",
    slot: "flows[1].amount",
    call: (x) =>
      lib.xirr([
        { date: "2024-01-01", amount: -100 },
        { date: "2025-01-01", amount: B(x) },
      ]),
  },
  { fn: "xirr", kind: "array", slot: "flows", call: (x) => lib.xirr(B(x)) },
  { fn: "irr", kind: "number", slot: "amounts[0]", call: (x) => lib.irr([B(x), 60, 60]) },
  { fn: "pmt", kind: "number", slot: "rate", call: (x) => lib.pmt(B(x), 12, 1000) },
  { fn: "pv", kind: "number", slot: "nper", call: (x) => lib.pv("0.01", B(x), -100) },
  { fn: "fv", kind: "number", slot: "pmt", call: (x) => lib.fv("0.01", 12, B(x), -100) },
  { fn: "aprRegZ", kind: "date", slot: "advanceDate", call: (x) => lib.aprRegZ({ amountFinanced: 1000, advanceDate: B(x), payments: [{ date: "2024-02-01", amount: 1010 }] }) },
  { fn: "aprRegZ", kind: "number", slot: "amountFinanced", call: (x) => lib.aprRegZ({ amountFinanced: B(x), advanceDate: "2024-01-01", payments: [{ date: "2024-02-01", amount: 1010 }] }) },
  // sellers and share
  { fn: "createSeller", kind: "date", slot: "joinedOn", call: (x) => lib.createSeller({ id: "s", joinedOn: B(x) }) },
  { fn: "countNewSellers", kind: "date", slot: "interval.start", call: (x) => lib.countNewSellers([], { start: B(x), end: "2018-01-01" }) },
  { fn: "countSellersAboveSales", kind: "money", slot: "threshold", call: (x) => lib.countSellersAboveSales([], B(x), { start: "2017-01-01", end: "2018-01-01" }) },
  { fn: "salesShare", kind: "date", slot: "sales[0].date", call: (x) => lib.salesShare([{ sellerId: "a", date: B(x), amount: usd }], () => "smb") },
  { fn: "salesShare", kind: "money", slot: "sales[0].amount", call: (x) => lib.salesShare([{ sellerId: "a", date: new Date(0), amount: B(x) }], () => "smb") },
  { fn: "herfindahlHirschmanIndex", kind: "number", slot: "shares[1]", call: (x) => lib.herfindahlHirschmanIndex([1, B(x)]) },
  { fn: "giniCoefficient", kind: "number", slot: "values[0]", call: (x) => lib.giniCoefficient([B(x), 1]) },
  { fn: "wilsonInterval", kind: "number", slot: "trials", call: (x) => lib.wilsonInterval(5, B(x), 0.95) },
  // financing
  { fn: "salesBasedAdvance", kind: "money", slot: "principal", call: (x) => lib.salesBasedAdvance({ principal: B(x), fee: 100, holdbackRate: "0.1" }) },
  { fn: "salesBasedAdvance", kind: "number", slot: "holdbackRate", call: (x) => lib.salesBasedAdvance({ principal: usd, fee: 1, holdbackRate: B(x) }) },
  {
    fn: "salesBasedAdvance",
    kind: "number",
    slot: "holdbackSchedule[0].rate",
    call: (x) => lib.salesBasedAdvance({ principal: usd, fee: 1, holdbackRate: "0.1", holdbackSchedule: [{ afterDays: 30, rate: B(x) }] }),
  },
  {
    fn: "salesBasedAdvance",
    kind: "number",
    slot: "holdbackSchedule[0].afterDays",
    call: (x) => lib.salesBasedAdvance({ principal: usd, fee: 1, holdbackRate: "0.1", holdbackSchedule: [{ afterDays: B(x), rate: "0.2" }] }),
  },
  {
    fn: "salesBasedAdvance",
    kind: "money",
    slot: "maxRemittance",
    call: (x) => lib.salesBasedAdvance({ principal: usd, fee: 1, holdbackRate: "0.1", maxRemittance: B(x) }),
    valid: ["undefined", "null", "a Decimal instead of Money", "a number instead of Money"],
  },
  {
    fn: "termLoan",
    kind: "money",
    slot: "originationFee",
    call: (x) => lib.termLoan({ principal: usd, annualRate: "0.1", termMonths: 12, startDate: "2024-01-01", originationFee: B(x) }),
    valid: ["undefined", "a Decimal instead of Money", "a number instead of Money"],
  },
  {
    fn: "termLoan",
    kind: "money",
    slot: "otherFees[0].amount",
    call: (x) => lib.termLoan({ principal: usd, annualRate: "0.1", termMonths: 12, startDate: "2024-01-01", otherFees: [{ name: "x", amount: B(x) }] }),
    valid: ["a Decimal instead of Money", "a number instead of Money"],
  },
  {
    fn: "earlyPayoff",
    kind: "date",
    slot: "payoffDate",
    call: (x) => lib.earlyPayoff(lib.simulateRepayment(lib.salesBasedAdvance({ principal: usd, fee: 1, holdbackRate: "0.1" }), [{ date: "2024-01-02", amount: usd }]), B(x)),
  },
  {
    fn: "checkFinanceChargeTolerance",
    kind: "number",
    slot: "input.disclosedFinanceCharge",
    call: (x) => lib.checkFinanceChargeTolerance({ disclosedFinanceCharge: B(x), financeCharge: 1, amountFinanced: 100 }),
  },
  { fn: "checkFinanceChargeTolerance", kind: "number", slot: "input.financeCharge", call: (x) => lib.checkFinanceChargeTolerance({ disclosedFinanceCharge: 1, financeCharge: B(x), amountFinanced: 100 }) },
  { fn: "checkFinanceChargeTolerance", kind: "number", slot: "input.amountFinanced", call: (x) => lib.checkFinanceChargeTolerance({ disclosedFinanceCharge: 1, financeCharge: 1, amountFinanced: B(x) }) },
  {
    fn: "renewFinancing",
    kind: "date",
    slot: "renewalDate",
    call: (x) =>
      lib.renewFinancing(
        lib.simulateRepayment(lib.salesBasedAdvance({ principal: usd, fee: 1, holdbackRate: "0.1" }), [{ date: "2024-01-02", amount: usd }]),
        lib.salesBasedAdvance({ principal: usd, fee: 1, holdbackRate: "0.1" }),
        B(x),
      ),
  },
  {
    fn: "renewFinancing",
    kind: "number",
    slot: "options.minRepaidShare",
    call: (x) =>
      lib.renewFinancing(
        lib.simulateRepayment(lib.salesBasedAdvance({ principal: usd, fee: 1, holdbackRate: "0.1" }), [{ date: "2024-01-02", amount: usd }]),
        lib.salesBasedAdvance({ principal: usd, fee: 1, holdbackRate: "0.1" }),
        "2024-01-01",
        { minRepaidShare: B(x) },
      ),
  },
  {
    fn: "renewFinancing",
    kind: "money",
    slot: "options.forgiven",
    call: (x) =>
      lib.renewFinancing(
        lib.simulateRepayment(lib.salesBasedAdvance({ principal: usd, fee: 1, holdbackRate: "0.1" }), [{ date: "2024-01-02", amount: usd }]),
        lib.salesBasedAdvance({ principal: usd, fee: 1, holdbackRate: "0.1" }),
        "2024-01-01",
        { forgiven: B(x) },
      ),
    valid: ["undefined", "a Decimal instead of Money", "a number instead of Money"],
  },
  { fn: "termLoan", kind: "number", slot: "annualRate", call: (x) => lib.termLoan({ principal: usd, annualRate: B(x), termMonths: 12, startDate: "2024-01-01" }) },
  { fn: "termLoan", kind: "date", slot: "startDate", call: (x) => lib.termLoan({ principal: usd, annualRate: "0.1", termMonths: 12, startDate: B(x) }) },
  { fn: "revenueShareLoan", kind: "number", slot: "revenueShare", call: (x) => lib.revenueShareLoan({ principal: usd, repaymentCap: "1.4", revenueShare: B(x) }) },
  {
    fn: "simulateRepayment",
    kind: "date",
    slot: "sales[0].date",
    call: (x) => lib.simulateRepayment(lib.salesBasedAdvance({ principal: usd, fee: 1, holdbackRate: "0.1" }), [{ date: B(x), amount: usd }]),
  },
  {
    fn: "simulateRepayment",
    kind: "money",
    slot: "sales[0].amount",
    call: (x) => lib.simulateRepayment(lib.salesBasedAdvance({ principal: usd, fee: 1, holdbackRate: "0.1" }), [{ date: "2024-01-01", amount: B(x) }]),
  },
  // fees
  { fn: "refundFees", kind: "number", slot: "options.amount", call: (x) => lib.refundFees(FEES, { category: "toys", amount: usd }, { amount: B(x) }), valid: ["undefined"] },
  {
    fn: "refundFees",
    kind: "moneyUsd",
    slot: "options.amount (Money)",
    call: (x) => lib.refundFees(FEES, { category: "toys", amount: usd }, { amount: B(x) }),
    valid: ["undefined", "a Decimal instead of Money", "a number instead of Money"],
  },
  { fn: "refundFees", kind: "moneyUsd", slot: "sale.amount", call: (x) => lib.refundFees(FEES, { category: "toys", amount: B(x) }) },
  {
    fn: "createFeeSchedule",
    kind: "number",
    slot: "refunds.administrationRate",
    call: (x) => lib.createFeeSchedule({ currency: "USD", categories: [{ category: "toys", rate: "0.15" }], refunds: { administrationRate: B(x) } }),
    valid: ["undefined"],
  },
  // jobs
  { fn: "directJobs", kind: "number", slot: "sales", call: (x) => lib.directJobs(B(x), 250_000) },
  { fn: "directJobs", kind: "number", slot: "revenuePerEmployee", call: (x) => lib.directJobs(1_000_000, B(x)) },
  { fn: "directJobs", kind: "number", slot: "revenuePerEmployee.receiptsPerEmployee", call: (x) => lib.directJobs(1_000_000, { receiptsPerEmployee: B(x) }) },
  {
    fn: "estimateJobs",
    kind: "number",
    slot: "revenuePerEmployee.central.receiptsPerEmployee",
    call: (x) => lib.estimateJobs({ sales: 1e6, revenuePerEmployee: { low: 1, central: { receiptsPerEmployee: B(x) }, high: 9e9 } }),
  },
  { fn: "adjustReceiptsPerEmployee", kind: "number", slot: "figure.receiptsPerEmployee", call: (x) => lib.adjustReceiptsPerEmployee({ receiptsPerEmployee: B(x), year: 1997 }, { deflator: CPI, toYear: 2017 }) },
  {
    fn: "adjustReceiptsPerEmployee",
    kind: "number",
    slot: "deflator.values[1997]",
    call: (x) => lib.adjustReceiptsPerEmployee({ receiptsPerEmployee: 1, year: 1997 }, { deflator: { ...CPI, values: { 1997: B(x), 2017: 245.12 } }, toYear: 2017 }),
  },
  { fn: "adjustReceiptsPerEmployee", kind: "integer", slot: "toYear", call: (x) => lib.adjustReceiptsPerEmployee({ receiptsPerEmployee: 1, year: 1997 }, { deflator: CPI, toYear: B(x) }) },
  { fn: "adjustReceiptsPerEmployee", kind: "integer", slot: "figure.year", call: (x) => lib.adjustReceiptsPerEmployee({ receiptsPerEmployee: 1, year: B(x) }, { deflator: CPI, toYear: 2017 }) },
  {
    fn: "adjustReceiptsPerEmployee",
    kind: "money",
    slot: "figure.receiptsPerEmployee (Money)",
    call: (x) => lib.adjustReceiptsPerEmployee({ receiptsPerEmployee: B(x), year: 1997 }, { deflator: CPI, toYear: 2017 }),
    valid: ["a number instead of Money", "a Decimal instead of Money"],
  },
  {
    fn: "leontiefInverse",
    kind: "number",
    slot: "A[0][1]",
    call: (x) =>
      lib.leontiefInverse([
        [0.1, B(x)],
        [0.2, 0.1],
      ]),
  },
  { fn: "leontiefInverse", kind: "array", slot: "A", call: (x) => lib.leontiefInverse(B(x)) },
  { fn: "jobsFromMultiplier", kind: "number", slot: "jobsPerMillion", call: (x) => lib.jobsFromMultiplier({ output: 1_000_000, jobsPerMillion: B(x), type: "type-I" }) },
  // data and synthetic
  { fn: "getThirdPartySellerShare", kind: "number", slot: "year", call: (x) => lib.getThirdPartySellerShare(B(x)) },
  { fn: "syntheticMarketplace", kind: "number", slot: "seed", call: (x) => lib.syntheticMarketplace({ seed: B(x), sellers: 10 }) },
  { fn: "syntheticMarketplace", kind: "number", slot: "sellers", call: (x) => lib.syntheticMarketplace({ seed: 1, sellers: B(x) }) },
];

describeHostileTable("hostile inputs", TABLE);

describe("mixed currencies", () => {
  it("throw CurrencyMismatchError", () => {
    expect(() => lib.add(usd, lib.money("1", "EUR"))).toThrow(CurrencyMismatchError);
  });
});
