/**
 * The one table of the hostile harness (issue #11, item 2): a row for every export of the root
 * barrel. A function row gives a valid baseline call (fresh arguments every time) and the slots
 * the harness fills with bad values: every argument and every nested field of the baseline is a
 * slot (walked automatically: option keys, fields of records, the first element of arrays and
 * its fields), plus `extraSlots` for optional keys the baseline leaves out. The harness fails
 * when an exported function has no row, so a new export cannot escape.
 *
 * Nothing here imports vitest: the worker threads of the harness load this file.
 */
import { Decimal } from "decimal.js";
import * as lib from "../../src/index.js";

/** A path into the argument list: `[2, "when"]` is the `when` key of the third argument. */
export type SlotPath = readonly (string | number)[];

/** A row of the table. */
export interface ExportRow {
  /** Export name in the root barrel. */
  readonly name: string;
  /** `function`: run through the catalogue; `class`: an error class; `value`: a constant (checked deep-frozen). */
  readonly kind: "function" | "class" | "value";
  /** Baseline arguments (a call that succeeds), built fresh for every case. */
  readonly args?: () => unknown[];
  /** Optional keys absent from the baseline that also receive bad values. */
  readonly extraSlots?: readonly SlotPath[];
  /** Argument indexes the function documents it mutates (an accumulator). */
  readonly mutatesArgs?: readonly number[];
  /** The result is a mutable object by design (an accumulator): not checked for frozenness. */
  readonly mutableResult?: boolean;
  /** Exercise a result with lazy parts (an accumulator, a model with methods); checked like the result. */
  readonly probe?: (result: unknown) => unknown;
  /**
   * A type guard: every value is a valid argument (NaN, an Invalid Date... simply answer `false`),
   * so a clean result is never `accepted-invalid`; untyped errors, hangs etc. still fail.
   */
  readonly anyInput?: boolean;
  /**
   * The documented result holds bigints (the DuckDB aggregates: totals beyond 2^53), which
   * `JSON.stringify` rejects: the JSON check serialises them as strings.
   */
  readonly bigintResult?: boolean;
  /** A "class" row for a re-exported third-party constructor (decimal.js's Decimal), which is not an ES class. */
  readonly external?: boolean;
  /** Why a row is not run through the catalogue. */
  readonly note?: string;
}

const usd = (amount: string): lib.Money => lib.money(amount, "USD");
const eur = (amount: string): lib.Money => lib.money(amount, "EUR");
const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** `n` consecutive days of sales of `amount` USD from `start`. */
function dailySales(n: number, amount: string, start: Date): { date: Date; amount: lib.Money }[] {
  return Array.from({ length: n }, (_, i) => ({ date: new Date(start.getTime() + i * 86_400_000), amount: usd(amount) }));
}

const advance = (): lib.SalesBasedAdvance => lib.salesBasedAdvance({ principal: usd("10000"), fee: 1500, holdbackRate: "0.1" });

const shareSales = (): lib.Sale[] => [
  { sellerId: "smb-1", date: day(2017, 3, 1), amount: usd("60"), units: 3 },
  { sellerId: "smb-2", date: day(2017, 3, 1), amount: usd("40"), units: 2 },
  { sellerId: "brand", date: day(2017, 3, 1), amount: usd("100"), units: 5 },
];
// The caller's callback must not itself crash on a bad sale, or its TypeError would be counted against the library.
const segmentOf = (s: lib.Sale): "smb" | "other" => (typeof s?.sellerId === "string" && s.sellerId.startsWith("smb") ? "smb" : "other");
const shareOptions = (): lib.SalesShareOptions<"smb" | "other"> => ({ currency: "USD", precision: 4, segments: ["smb", "other"], refunds: "net" });
const finalize = (acc: unknown): unknown => lib.finalizeShare(acc as lib.ShareAccumulator);

const marketplaceOptions = (): lib.MarketplaceAccumulatorOptions => ({
  currency: "USD",
  period: "quarter",
  thresholds: [usd("50")],
  brackets: [1000, 5000],
  topK: [1, 2],
  sellerInterval: { start: "2017-01-01", end: "2018-01-01" },
});
const minorSales = (): lib.MinorUnitSale[] => [
  { sellerId: "smb-1", date: day(2017, 3, 1), amountMinor: 6000, units: 3 },
  { sellerId: "smb-2", date: "2017-05-01", amountMinor: 4000n, units: 2 },
  { sellerId: "brand", date: day(2017, 8, 1), amountMinor: 10000 },
];
const finalizeMarket = (acc: unknown): unknown => lib.finalizeMarketplace(acc as lib.MarketplaceAccumulator);
const filledMarketplace = (): lib.MarketplaceAccumulator => lib.accumulateMarketplace(minorSales(), segmentOf as (s: lib.AnySale) => string, marketplaceOptions());
const marketplaceRows = (): lib.MarketplaceAggregates => ({
  periods: [{ segment: "smb", period: "2017-01-01", gmvMinor: 6000, units: 3, orders: 1 }],
  sellers: [{ sellerId: "smb-1", segment: "smb", gmvMinor: "6000", orders: 1, firstSale: "2017-03-01" }],
});

function filledAccumulator(currency = "USD"): lib.ShareAccumulator {
  const acc = lib.createShareAccumulator({ precision: 4 });
  lib.addSale(acc, { sellerId: "a", date: day(2017, 1, 1), amount: lib.money("30", currency), units: 1 }, "smb");
  lib.addSale(acc, { sellerId: "b", date: day(2017, 1, 2), amount: lib.money("70", currency), units: 2 }, "other");
  return acc;
}

const sellers = (): lib.Seller[] => [
  lib.createSeller({ id: "a", joinedOn: "2017-01-05", country: "US" }),
  lib.createSeller({ id: "b", joinedOn: "2017-01-09", leftOn: "2017-02-10", country: "DE" }),
  lib.createSeller({ id: "c", joinedOn: "2017-01-20", leftOn: "2017-03-15" }),
  lib.createSeller({ id: "d", joinedOn: "2017-02-25", leftOn: "2017-03-28" }),
];
const interval = (): lib.DateInterval => ({ start: "2017-01-01", end: "2018-01-01" });
const survivalObservations = (): lib.SurvivalObservation[] => [
  { time: 6, event: true },
  { time: 6, event: false },
  { time: 10, event: true },
  { time: 12, event: false },
];
const activity = (): lib.SellerActivity => lib.trackSellerActivity(sellerSales());
/** A compressed repeat-purchase table with an interior BG/NBD maximum (the fitBgNbd doc example). */
const rfmSummaries = (): lib.RepeatPurchaseSummary[] => [
  { frequency: 0, recency: 0, T: 40, count: 60 },
  { frequency: 1, recency: 5, T: 40, count: 10 },
  { frequency: 1, recency: 35, T: 40, count: 8 },
  { frequency: 2, recency: 4, T: 40, count: 6 },
  { frequency: 2, recency: 30, T: 40, count: 5 },
  { frequency: 4, recency: 12, T: 40, count: 3 },
  { frequency: 6, recency: 39, T: 40, count: 3 },
];
/** The first twelve CDNOW customers with a repeat purchase (the fitGammaGamma doc example). */
const spendSummaries = (): lib.SpendSummary[] =>
  (
    [
      [2, "22.35"],
      [1, "11.77"],
      [7, "73.74"],
      [1, "11.77"],
      [2, "25.55"],
      [5, "29.44"],
      [10, "24.24"],
      [1, "9.99"],
      [3, "25.08"],
      [2, "32.30"],
      [1, "227.14"],
      [1, "80.46"],
    ] as const
  ).map(([frequency, monetaryValue]) => ({ frequency, monetaryValue }));
const feeScheduleInput = (): lib.FeeScheduleInput => ({
  name: "hostile",
  currency: "USD",
  categories: [
    { category: "media", rate: "0.15", minimumPerItem: "0.30", closingFeePerItem: "1.80" },
    { category: "electronics", rate: "0.08", minimumPerItem: usd("0.30") },
  ],
  defaultCategory: "electronics",
  perOrderFee: "0.25",
  perItemFee: "0.99",
  fulfilmentPerItem: "3.22",
  rounding: "half-even",
});
const feeSchedule = (): lib.FeeSchedule => lib.createFeeSchedule(feeScheduleInput());
const feeSales = (): lib.FeeSale[] => [
  { sellerId: "smb-1", category: "media", amount: usd("20.00"), units: 1, date: day(2024, 1, 2), deliveredOn: day(2024, 1, 5) },
  { sellerId: "brand", category: "electronics", amount: usd("999.00"), units: 2, date: "2024-01-10", deliveredOn: "2024-01-12" },
];
const feeSegment = (s: lib.FeeSale): string => (typeof s?.sellerId === "string" && s.sellerId.startsWith("smb") ? "smb" : "other");
const payoutOptions = (): lib.PayoutScheduleOptions => ({ delayDays: 3, cycleDays: 14, cycleStart: "2024-01-01", reserveRate: "0.1", reserveDays: 30 });
const sellerSales = (): lib.Sale[] => [
  { sellerId: "a", date: day(2017, 3, 1), amount: usd("600000") },
  { sellerId: "a", date: day(2017, 9, 1), amount: usd("500000") },
  { sellerId: "b", date: day(2017, 5, 1), amount: usd("1000000") },
  { sellerId: "c", date: day(2018, 1, 1), amount: usd("2000000") },
];

const flows5 = (): lib.CashFlow[] => [
  { date: "2008-01-01", amount: -10000 },
  { date: "2008-03-01", amount: 2750 },
  { date: "2008-10-30", amount: 4250 },
  { date: "2009-02-15", amount: 3250 },
  { date: "2009-04-01", amount: 2750 },
];

/** The error `f` throws (a baseline argument for the error guards). */
function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

/** The inline log of the duckdb rows: two sellers, a refund, cents as BIGINT. */
const DUCKDB_LOG =
  "SELECT * FROM (VALUES ('s1', DATE '2024-01-05', CAST(1250 AS BIGINT), 2, 'smb'), ('s2', DATE '2024-02-10', CAST(99900 AS BIGINT), 1, 'large'), ('s1', DATE '2024-01-20', CAST(-250 AS BIGINT), NULL, 'smb')) t(seller_id, ordered_on, amount_cents, qty, segment)";
const duckdbQuery = () => ({
  currency: "USD",
  columns: { sellerId: "seller_id", date: "ordered_on", amount: "amount_cents", units: "qty", segment: "segment" },
  amountUnit: "minor" as const,
  period: "month" as const,
  refunds: "net" as const,
  sellerInterval: { start: "2024-01-01", end: "2025-01-01" },
  sellers: true,
});

const fn = (name: string, args: () => unknown[], more: Partial<ExportRow> = {}): ExportRow => ({ name, kind: "function", args, ...more });
const cls = (name: string): ExportRow => ({ name, kind: "class", note: "error class: constructed by the library, not a computation; not run through the catalogue" });
const val = (name: string): ExportRow => ({ name, kind: "value", note: "constant: checked deep-frozen (no shared mutable state)" });

/** The table, one row per export of src/index.ts. */
export const EXPORTS_TABLE: readonly ExportRow[] = [
  cls("ConvergenceError"),
  cls("CurrencyMismatchError"),
  { name: "Decimal", kind: "class", external: true, note: "decimal.js's Decimal constructor re-exported (#16): not a library computation; not run through the catalogue" },
  cls("MarketplaceEconomicsError"),
  cls("ValidationError"),
  cls("ValidationTypeError"),
  val("EU_SME_THRESHOLDS"),
  val("ErrorCode"),
  val("HHI_MERGER_GUIDELINES_2023"),
  val("SBA_SIZE_STANDARDS_RETAIL"),
  val("defaultSyntheticCalibration"),
  val("receiptsPerEmployeeTable"),
  val("smallBusinessImpactReport2018"),
  val("thirdPartySellerShareOfGms"),

  // errors
  fn("isMarketplaceEconomicsError", () => [caught(() => lib.money("abc", "USD"))], { anyInput: true }),

  // data
  fn("getImpactReportFigure", () => ["jobsCreated"]),
  fn("getThirdPartySellerShare", () => [2017]),

  // money
  fn("add", () => [usd("0.1"), usd("0.2")]),
  fn("allocate", () => [usd("100"), [1, 1, 1]]),
  fn("compare", () => [usd("1.5"), usd("1.50")]),
  fn("formatMoney", () => [usd("1234.5"), "en-US", { fractionDigits: 2, currencyDisplay: "symbol", rounding: "half-even" }]),
  fn("fromMinorUnits", () => [1250, "USD"]),
  fn("isNegative", () => [usd("-0.01")]),
  fn("isPositive", () => [usd("0.01")]),
  fn("isZero", () => [usd("0.00")]),
  fn("minorUnitDigits", () => ["USD"]),
  fn("money", () => ["12.50", "USD"]),
  fn("moneyFromJSON", () => [{ amount: "12.5", currency: "USD" }]),
  fn("moneyToJSON", () => [usd("0.00000001")]),
  fn("multiply", () => [usd("123.45"), "0.1", "half-even"]),
  fn("roundToMinor", () => [usd("2.345"), "half-up"]),
  fn("subtract", () => [eur("10"), eur("0.01")]),
  fn("sum", () => [[usd("1.10"), usd("2.20")], "USD"]),
  fn("toMinorUnits", () => [usd("12.50")]),

  // time
  fn("addPeriods", () => ["2024-01-31", 1, "month"]),
  fn("calendarDay", () => [2024, 2, 29]),
  fn("daysBetween", () => ["2024-01-01", "2025-01-01"]),
  fn("eachPeriod", () => ["2024-01-15", "2024-03-01", "month", { weekStartsOn: 1 }]),
  fn("endOfPeriod", () => ["2024-02-10", "month", { weekStartsOn: 1 }]),
  fn("parseDate", () => ["2024-02-29"]),
  fn("periodKey", () => ["2024-05-17", "quarter"]),
  fn("startOfPeriod", () => ["2024-05-17", "week", { weekStartsOn: 1 }]),
  fn("yearFraction", () => ["2024-01-01", "2024-07-01", "ACT/365F"]),

  // tvm
  fn("amortizationSchedule", () => [{ principal: 1000, rate: "0.01", nper: 12, decimals: 2, rounding: "half-even" }], { extraSlots: [[0, "payment"]] }),
  fn("aprRegZ", () => [
    {
      amountFinanced: 5000,
      advanceDate: "1978-01-10",
      payments: Array.from({ length: 24 }, (_, k) => ({ date: day(1978, 2 + k, 10), amount: 230 })),
      unitPeriod: "month",
    },
  ]),
  fn("aprUnitedStatesRule", () => [
    {
      amountFinanced: 5000,
      advanceDate: "1978-01-10",
      payments: Array.from({ length: 24 }, (_, k) => ({ date: day(1978, 2 + k, 10), amount: 230 })),
      unitPeriod: "month",
    },
  ]),
  fn("checkAprTolerance", () => [{ disclosedApr: "0.098", apr: "0.0969", irregular: false, regime: "reg-z" }]),
  fn("checkFinanceChargeTolerance", () => [{ disclosedFinanceCharge: "1026", financeCharge: "1034.23", amountFinanced: "11760", securedByRealProperty: false }]),
  fn("cumipmt", () => [new Decimal("0.09").div(12), 360, 125000, 13, 24, { when: "end" }]),
  fn("cumprinc", () => [new Decimal("0.09").div(12), 360, 125000, 13, 24, { when: "end" }]),
  fn("effect", () => ["0.0525", 4]),
  fn("fv", () => ["0.075", 20, -2000, 0, { when: "end" }]),
  fn("ipmt", () => [new Decimal("0.1").div(12), 1, 24, 2000, 0, { when: "end" }]),
  fn("irr", () => [[-100, 39, 59, 55, 20], { guess: "0.1", maxIterations: 100 }]),
  fn("irrRoots", () => [[-100, 230, -132], { lower: "-0.5", upper: "1", gridPoints: 200 }]),
  fn("mirr", () => [[-120000, 39000, 30000, 21000, 37000, 46000], "0.1", "0.12"]),
  fn("nominal", () => ["0.053543", 4]),
  fn("nper", () => ["0.075", -2000, 0, 100000, { when: "end" }]),
  fn("npv", () => ["0.1", [-100, 60, 60], { convention: "numpy" }]),
  fn("pmt", () => [new Decimal("0.08").div(12), 60, 15000, 0, { when: "end" }]),
  fn("ppmt", () => [new Decimal("0.1").div(12), 1, 60, 55000, 0, { when: "end" }]),
  fn("pv", () => ["0.07", 20, 12000, 0, { when: "end" }]),
  fn("rate", () => [10, 0, -3500, 10000, { when: "end", guess: "0.1" }]),
  fn("xirr", () => [flows5(), { guess: "0.1", maxIterations: 100 }]),
  fn("xirrRoots", () => [
    [
      { date: "2023-01-01", amount: -100 },
      { date: "2024-01-01", amount: 230 },
      { date: "2024-12-31", amount: -132 },
    ],
    { lower: "-0.5", upper: "1", gridPoints: 200 },
  ]),
  fn("xnpv", () => ["0.09", flows5()]),

  // share
  fn("accumulateMarketplace", () => [minorSales(), segmentOf, marketplaceOptions()], {
    mutableResult: true,
    probe: finalizeMarket,
    extraSlots: [
      [2, "segments"],
      [2, "refunds"],
      [2, "sellerTotals"],
      [2, "precision"],
    ],
  }),
  fn("accumulateMarketplaceAsync", () => [minorSales(), segmentOf, marketplaceOptions()], { mutableResult: true, probe: finalizeMarket }),
  fn("accumulateShare", () => [shareSales(), segmentOf, shareOptions()], { mutableResult: true, probe: finalize, extraSlots: [[2, "convert"]] }),
  fn("accumulateShareAsync", () => [shareSales(), segmentOf, shareOptions()], { mutableResult: true, probe: finalize, extraSlots: [[2, "convert"]] }),
  fn("addSale", () => [lib.createShareAccumulator({ precision: 4 }), { sellerId: "s1", date: day(2018, 1, 2), amount: usd("9.99"), units: 2 }, "smb"], {
    mutatesArgs: [0],
    mutableResult: true,
    probe: finalize,
  }),
  fn("addMarketplaceSale", () => [lib.createMarketplaceAccumulator(marketplaceOptions()), { sellerId: "s1", date: day(2017, 1, 2), amountMinor: 999, units: 2 }, "smb"], {
    mutatesArgs: [0],
    mutableResult: true,
    probe: finalizeMarket,
  }),
  fn(
    "addMarketplaceColumns",
    () => [
      lib.createMarketplaceAccumulator(marketplaceOptions()),
      { segmentNames: ["smb", "other"], segment: [0, 1, 0], sellerNames: ["a", "b", "c"], seller: [0, 1, 2], day: [17169, 17200, 17300], amountMinor: [2500, 5000, 2500], units: [1, 2, 1] },
    ],
    { mutatesArgs: [0], mutableResult: true, probe: finalizeMarket },
  ),
  fn("addShareColumns", () => [lib.createShareAccumulator({ currency: "USD", precision: 4 }), { segmentNames: ["smb", "other"], segment: [0, 1, 0], amountMinor: [2500, 5000, 2500], units: [1, 2, 1] }], {
    mutatesArgs: [0],
    mutableResult: true,
    probe: finalize,
  }),
  fn("compoundAnnualGrowthRate", () => [100, 121, 2]),
  fn("createMarketplaceAccumulator", () => [marketplaceOptions()], {
    mutableResult: true,
    probe: finalizeMarket,
    extraSlots: [
      [0, "segments"],
      [0, "refunds"],
      [0, "sellerTotals"],
      [0, "precision"],
    ],
  }),
  fn("createShareAccumulator", () => [{ currency: "USD", precision: 4, segments: ["smb", "other"], refunds: "net" }], {
    mutableResult: true,
    probe: finalize,
    extraSlots: [[0, "convert"]],
  }),
  fn("finalizeMarketplace", () => [filledMarketplace()]),
  fn("finalizeShare", () => [filledAccumulator()]),
  fn("giniCoefficient", () => [[1, 2, 3, 4]]),
  fn("herfindahlHirschmanIndex", () => [[40, 30, 20, 10]]),
  fn("marketplaceAccumulatorFromAggregates", () => [marketplaceRows(), marketplaceOptions()], { mutableResult: true, probe: finalizeMarket }),
  fn("marketplaceAccumulatorFromAggregatesAsync", () => [marketplaceRows(), marketplaceOptions()], { mutableResult: true, probe: finalizeMarket }),
  fn("marketplaceAccumulatorFromJSON", () => [JSON.parse(JSON.stringify(filledMarketplace())) as unknown], { mutableResult: true, probe: finalizeMarket }),
  fn("mergeAccumulators", () => [filledAccumulator(), filledAccumulator()], { mutableResult: true, probe: finalize }),
  fn("mergeMarketplaceAccumulators", () => [filledMarketplace(), filledMarketplace()], { mutableResult: true, probe: finalizeMarket }),
  fn("salesShare", () => [shareSales(), segmentOf, shareOptions()], { extraSlots: [[2, "convert"]] }),
  fn("salesShareAsync", () => [shareSales(), segmentOf, shareOptions()], { extraSlots: [[2, "convert"]] }),
  fn("salesShareByPeriod", () => [sellerSales(), (s: lib.Sale) => s.sellerId, { period: "year", precision: 2, currency: "USD", refunds: "net" }], {
    extraSlots: [
      [2, "segments"],
      [2, "convert"],
    ],
  }),
  fn("salesShareByPeriodAsync", () => [sellerSales(), (s: lib.Sale) => s.sellerId, { period: "year", precision: 2, currency: "USD", refunds: "net" }], {
    extraSlots: [
      [2, "segments"],
      [2, "convert"],
    ],
  }),
  fn("shareAccumulatorFromJSON", () => [JSON.parse(JSON.stringify(filledAccumulator())) as unknown, { convert: (m: lib.Money) => m }], {
    mutableResult: true,
    probe: finalize,
  }),
  fn("topShare", () => [[50, 20, 10, 10, 10], 2]),
  fn("wilsonInterval", () => [500, 1000, 0.95]),
  fn("yearOverYearChange", () => [usd("120"), usd("100")]),

  // sellers
  fn(
    "classifyEnterpriseSize",
    () => [{ employees: 40, annualTurnover: usd("10500000"), balanceSheetTotal: usd("9000000") }, "EU-2003/361", { toEur: (m: lib.Money) => lib.money(m.amount.times("0.9"), "EUR") }],
    {
      extraSlots: [
        [0, "naicsCode"],
        [2, "naicsCode"],
        [2, "sizeStandards"],
      ],
    },
  ),
  fn("cohortSurvival", () => [sellers(), { period: "month", asOf: "2017-04-01" }]),
  fn("cohortSurvivalAsync", () => [sellers(), { period: "month", asOf: "2017-04-01" }]),
  fn("cohortsByPeriod", () => [sellers(), "month"]),
  fn("cohortsByPeriodAsync", () => [sellers(), "month"]),
  fn("countNewSellers", () => [sellers(), interval(), { distinctIds: true }]),
  fn("countNewSellersAsync", () => [sellers(), interval(), { distinctIds: true }]),
  fn("countSellersAboveSales", () => [sellerSales(), usd("1000000"), interval()]),
  fn("countSellersAboveSalesAsync", () => [sellerSales(), usd("1000000"), interval()]),
  fn("countSellersByCountry", () => [sellers(), interval()]),
  fn("countSellersByCountryAsync", () => [sellers(), interval()]),
  fn("createSeller", () => [
    {
      id: "s-1",
      joinedOn: "2017-04-03",
      country: "us",
      employees: 12,
      annualTurnover: usd("2500000"),
      balanceSheetTotal: usd("1000000"),
      segment: "smb",
      naicsCode: "454110",
      leftOn: "2018-01-01",
    },
    { asOf: "2019-01-01" },
  ]),
  fn("isSmallOrMediumBusiness", () => [{ employees: 120, annualTurnover: eur("45000000"), balanceSheetTotal: eur("40000000") }, "EU-2003/361", {}], {
    extraSlots: [
      [2, "toEur"],
      [2, "naicsCode"],
      [2, "sizeStandards"],
    ],
  }),
  fn("salesBrackets", () => [sellerSales(), [usd("10000"), usd("100000"), usd("1000000")], { interval: interval() }]),
  fn("salesBracketsAsync", () => [sellerSales(), [usd("10000"), usd("100000"), usd("1000000")], { interval: interval() }]),
  fn("sumSalesBySeller", () => [sellerSales(), interval()]),
  fn("sumSalesBySellerAsync", () => [sellerSales(), interval()]),
  // sellers: survival, activity-based churn, cohort GMV, lifetime value (#17)
  fn("churnByInactivity", () => [activity(), { inactivityDays: 30, asOf: "2018-01-31" }]),
  fn("cohortGmvRetention", () => [activity(), { asOf: "2018-01-31" }]),
  fn("kaplanMeier", () => [survivalObservations(), { confidence: "0.95", intervals: "log-log" }]),
  fn("mergeSellerActivity", () => [activity(), JSON.parse(JSON.stringify(activity())) as unknown]),
  fn("mergeSurvivalTallies", () => [lib.tallySurvival(survivalObservations()), lib.tallySurvival(survivalObservations())]),
  fn("sellerLifetimeValue", () => [activity(), { horizon: 2, takeRate: "0.15", discountRate: "0.01", asOf: "2018-01-31" }]),
  fn("tallySurvival", () => [survivalObservations()]),
  fn("tallySurvivalAsync", () => [survivalObservations()]),
  // sellers: BG/NBD and Gamma-Gamma (#17); CDNOW's published parameters as baselines
  fn("fitBgNbd", () => [rfmSummaries(), { maxIterations: 50_000 }], { extraSlots: [[0, 0, "count"]] }),
  fn("bgNbdExpectedPurchases", () => [{ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39]),
  fn("bgNbdConditionalExpectedPurchases", () => [{ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: 2, recency: 30.43, T: 38.86 }, 39]),
  fn("bgNbdProbabilityAlive", () => [
    { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    { frequency: 2, recency: 30.43, T: 38.86 },
  ]),
  fn("bgNbdProbabilityOfPurchases", () => [{ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2]),
  fn("fitGammaGamma", () => [spendSummaries(), { maxIterations: 50_000 }], { extraSlots: [[0, 0, "count"]] }),
  fn("gammaGammaExpectedSpend", () => [
    { p: 6.25, q: 3.74, gamma: 15.44 },
    { frequency: 2, monetaryValue: "22.35" },
  ]),
  fn("bgNbdLifetimeValue", () => [
    { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    { p: 6.25, q: 3.74, gamma: 15.44 },
    { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: "22.35" },
    { periods: 3, periodLength: 4.345, discountRate: "0.01", margin: "0.3" },
  ]),
  fn("trackSellerActivity", () => [sellerSales(), { period: "month", currency: "USD" }]),
  fn("trackSellerActivityAsync", () => [sellerSales(), { period: "month", currency: "USD" }]),

  // fees (#17)
  fn("createFeeSchedule", () => [feeScheduleInput()]),
  fn("mergePayouts", () => [lib.payoutSchedule(feeSchedule(), feeSales(), payoutOptions()), JSON.parse(JSON.stringify(lib.payoutSchedule(feeSchedule(), feeSales(), payoutOptions()))) as unknown]),
  fn("mergeTakeRates", () => [lib.takeRateBySegment(feeSchedule(), feeSales()), JSON.parse(JSON.stringify(lib.takeRateBySegment(feeSchedule(), feeSales()))) as unknown]),
  fn("payoutSchedule", () => [feeSchedule(), feeSales(), payoutOptions()], { extraSlots: [[2, "asOf"]] }),
  fn("payoutScheduleAsync", () => [feeSchedule(), feeSales(), payoutOptions()], { extraSlots: [[2, "asOf"]] }),
  fn("saleFees", () => [feeSchedule(), { sellerId: "smb-1", category: "media", amount: usd("24.00"), units: 2 }]),
  fn("refundFees", () => [
    lib.createFeeSchedule({ ...feeScheduleInput(), refunds: { administrationRate: "0.2", administrationMax: usd("5.00"), closing: "full-refund-only", fixedFees: true, fulfilment: false } }),
    { sellerId: "smb-1", category: "media", amount: usd("24.00"), units: 2 },
    { amount: usd("12.00") },
  ]),
  fn("takeRateBySegment", () => [feeSchedule(), feeSales(), feeSegment]),
  fn("takeRateBySegmentAsync", () => [feeSchedule(), feeSales(), feeSegment]),
  fn("unitEconomics", () => [
    feeSchedule(),
    { category: "electronics", price: usd("40.00"), unitsPerOrder: 3, costOfGoodsPerUnit: "15.00", fulfilmentPerUnit: "1.00", advertisingPerOrder: "2.00", advertisingRate: "0.05" },
  ]),
  val("ILLUSTRATIVE_FEE_SCHEDULE"),

  // financing
  fn("chainLadder", () => [[[100, "150", 165], [110, 170], [120]], { input: "cumulative", tailFactor: "1.05" }]),
  fn("costOfFinancing", () => [lib.simulateRepayment(advance(), dailySales(300, "400", day(2024, 1, 2))), { unitPeriod: "month" }]),
  // The options (#14) receive bad values too: termLoanPayoff, dayCount.
  fn("earlyPayoff", () => [lib.simulateRepayment(advance(), dailySales(300, "400", day(2024, 1, 2))), "2024-02-01"], {
    extraSlots: [
      [2, "termLoanPayoff"],
      [2, "dayCount"],
    ],
  }),
  // The options (#14) receive bad values too: termLoanPayoff, dayCount.
  fn("renewFinancing", () => [lib.simulateRepayment(advance(), dailySales(300, "400", day(2024, 1, 2))), advance(), "2024-07-01", { forgiven: usd("10"), minRepaidShare: "0.5" }], {
    extraSlots: [
      [3, "termLoanPayoff"],
      [3, "dayCount"],
    ],
  }),
  fn("auditOptInApr", () => [
    [
      {
        id: "a-1",
        disclosedApr: "0.35",
        result: lib.simulateRepayment(lib.salesBasedAdvance({ principal: usd("100"), fee: 10, holdbackRate: "0.1" }), dailySales(5, "400", day(2024, 9, 2))),
        exclusion: "modified",
      },
    ],
    { jurisdiction: "CA", periodEnd: "2024-12-31", everyMonths: 4, exclusions: ["legal-action"] },
  ]),
  fn("applicableDisclosureRules", () => [{ jurisdiction: "NY", productKind: "term-loan", amount: usd("12000"), date: "2024-03-01" }]),
  fn(
    "disclosure",
    () => [
      advance(),
      dailySales(365, "400", day(2023, 1, 1)),
      {
        method: "historical",
        months: 12,
        offerDate: "2024-01-01",
        excludeMonths: ["2023-12"],
        selection: "preceding",
        jurisdiction: "NY",
        aprMethod: "actuarial",
        renewal: { previous: lib.salesBasedAdvance({ principal: usd("5000"), fee: 500, holdbackRate: "0.1" }), paidToDate: usd("4000"), forgiven: usd("10") },
      },
    ],
    // renewal.accruedInterest (#14): a term loan's accrued interest, from renewFinancing's disclosureRenewal.
    {
      extraSlots: [
        [2, "projectedSales"],
        [2, "renewal", "accruedInterest"],
      ],
    },
  ),
  fn("revenueShareLoan", () => [{ principal: usd("50000"), repaymentCap: "1.4", revenueShare: "0.06" }]),
  fn(
    "rollRates",
    () => {
      const product = lib.salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1", minimumPayment: { rate: "0.2", everyDays: 60 } });
      return [
        [
          { id: "a", sellerId: "s1", product, fundedOn: "2024-01-01" },
          { id: "b", sellerId: "s2", product },
        ],
        { s1: dailySales(200, "100", day(2024, 1, 2)), s2: dailySales(200, "10", day(2024, 1, 2)) },
        { asOf: "2024-07-01", states: { behindWithinDays: 30, termDays: 365, chargeOffAfterDaysWithoutPayment: 120, chargeOffAfterDaysPastTerm: 30 }, rounding: "half-even", collectShortfall: true },
      ];
    },
    { extraSlots: [[2, "granularity"]] },
  ),
  fn(
    "salesBasedAdvance",
    () => [
      {
        principal: usd("9500"),
        fee: 500,
        holdbackRate: "0.15",
        minimumPayment: { rate: "0.1", everyDays: 90, forDays: 540 },
        maxTermDays: 720,
        holdbackSchedule: [{ afterDays: 90, rate: "0.2" }],
        maxRemittance: 400,
        prepaymentFeeRebate: "0.5",
      },
    ],
    {
      extraSlots: [[0, "factorRate"]],
    },
  ),
  fn(
    "simulatePortfolio",
    () => {
      const product = lib.salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1" });
      return [
        [
          { id: "a", sellerId: "s1", product, fundedOn: "2024-01-01" },
          { id: "b", sellerId: "s2", product },
        ],
        { s1: dailySales(200, "100", day(2024, 1, 2)), s2: dailySales(200, "0", day(2024, 1, 2)) },
        { until: "2024-12-31", rounding: "half-even", includeLoans: true },
      ];
    },
    { extraSlots: [[2, "granularity"]] },
  ),
  fn(
    "simulatePortfolioAsync",
    () => {
      const product = lib.salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1" });
      return [
        [
          { id: "a", sellerId: "s1", product, fundedOn: "2024-01-01" },
          { id: "b", sellerId: "s2", product },
        ],
        { s1: dailySales(200, "100", day(2024, 1, 2)), s2: dailySales(200, "0", day(2024, 1, 2)) },
        { until: "2024-12-31", rounding: "half-even", includeLoans: true, workers: 1 },
      ];
    },
    { extraSlots: [[2, "granularity"]] },
  ),
  fn("listDisclosureRules", () => []),
  fn("simulateRepayment", () => [advance(), dailySales(300, "400", day(2024, 1, 2)), { fundedOn: "2024-01-01", until: "2024-12-31", rounding: "half-even", collectShortfall: true }], {
    extraSlots: [[2, "granularity"]],
  }),
  fn(
    "simulateSalesScenarios",
    () => [
      advance(),
      dailySales(400, "400", day(2024, 1, 2)),
      {
        scenarios: [
          { name: "flat", factor: 1 },
          { name: "seasonal", monthlyFactors: Array.from({ length: 12 }, () => "1"), shocks: [{ from: "2024-04-01", to: "2024-06-30", factor: "0.5" }] },
        ],
      },
    ],
    {
      extraSlots: [
        [2, "scenarios", 1, "monthlyFactors"],
        [2, "scenarios", 1, "monthlyFactors", 0],
        [2, "granularity"],
        [2, "rounding"],
      ],
    },
  ),
  fn(
    "sizeOffer",
    () => [
      dailySales(365, "400", day(2023, 1, 1)),
      {
        shareOfTrailingSales: "0.08",
        factorRate: "1.1",
        targetTermDays: 365,
        principalStep: 100,
        maxHoldbackRate: "0.2",
        holdbackStep: "0.01",
        lookbackDays: 365,
        maxPrincipal: 50000,
        minPrincipal: 1000,
        maxTermDays: 720,
        asOf: "2024-01-01",
      },
    ],
    { extraSlots: [[1, "minimumPayment"]] },
  ),
  fn(
    "stressTestPortfolio",
    () => {
      const product = lib.salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1", minimumPayment: { rate: "0.2", everyDays: 60 }, maxTermDays: 150 });
      return [
        [
          { id: "a", sellerId: "s1", product, fundedOn: "2024-01-01" },
          { id: "b", sellerId: "s2", product },
        ],
        { s1: dailySales(120, "100", day(2024, 1, 2)), s2: dailySales(120, "20", day(2024, 1, 2)) },
        {
          seed: 42,
          scenarios: 1,
          firstScenario: 1,
          shock: { scope: "segment", correlation: "0.5", volatility: "0.3", level: "0.9", monthlyFactors: Array.from({ length: 12 }, () => "1") },
          segments: { s1: "x", s2: "y" },
          stopHazard: "0.05",
          percentiles: [5, 50, 95],
          balloon: "defaulted",
          until: "2024-06-30",
          rounding: "half-even",
          collectShortfall: true,
          includeScenarios: true,
        },
      ];
    },
    { extraSlots: [[2, "granularity"]] },
  ),
  fn(
    "stressTestPortfolioAsync",
    () => {
      const product = lib.salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1", minimumPayment: { rate: "0.2", everyDays: 60 }, maxTermDays: 150 });
      return [
        [
          { id: "a", sellerId: "s1", product, fundedOn: "2024-01-01" },
          { id: "b", sellerId: "s2", product },
        ],
        { s1: dailySales(120, "100", day(2024, 1, 2)), s2: dailySales(120, "20", day(2024, 1, 2)) },
        {
          seed: 42,
          scenarios: 1,
          firstScenario: 1,
          shock: { scope: "segment", correlation: "0.5", volatility: "0.3", level: "0.9", monthlyFactors: Array.from({ length: 12 }, () => "1") },
          segments: { s1: "x", s2: "y" },
          stopHazard: "0.05",
          percentiles: [5, 50, 95],
          balloon: "defaulted",
          until: "2024-06-30",
          rounding: "half-even",
          collectShortfall: true,
          includeScenarios: true,
          workers: 1,
        },
      ];
    },
    { extraSlots: [[2, "granularity"]] },
  ),
  fn(
    "termLoan",
    () => [{ principal: usd("12000"), annualRate: "0.12", termMonths: 12, startDate: "2017-01-15", chargeShortfallToCard: false, originationFee: 240, otherFees: [{ name: "documentation", amount: 50 }] }],
    { extraSlots: [[0, "schedule"]] },
  ),
  fn(
    "vintageCurves",
    () => {
      const product = lib.salesBasedAdvance({ principal: usd("1000"), fee: 100, holdbackRate: "0.1", maxTermDays: 120 });
      return [
        [
          { id: "a", sellerId: "s1", product, fundedOn: "2024-01-01" },
          { id: "b", sellerId: "s2", product },
        ],
        { s1: dailySales(200, "100", day(2024, 1, 2)), s2: dailySales(200, "5", day(2024, 1, 2)) },
        {
          asOf: "2024-07-01",
          period: "quarter",
          states: { behindWithinDays: 30, termDays: 90, chargeOffAfterDaysWithoutPayment: 120, chargeOffAfterDaysPastTerm: 30 },
          rounding: "half-even",
          collectShortfall: true,
        },
      ];
    },
    { extraSlots: [[2, "granularity"]] },
  ),

  // jobs
  fn(
    "attributeJobsToMarketplace",
    () => [
      [
        { id: "a", employees: 10, marketplaceShare: "0.6" },
        { id: "b", employees: 4, marketplaceSales: 50_000, totalSales: 200_000 },
      ],
    ],
    {
      extraSlots: [
        [0, 1, "marketplaceSales"],
        [0, 1, "totalSales"],
      ],
    },
  ),
  fn("directJobs", () => [1_000_000, 250_000]),
  fn("adjustReceiptsPerEmployee", () => [
    { receiptsPerEmployee: usd("243297"), year: 1997, id: "nonstore-454-1997" },
    { deflator: { name: "CPI-U", source: "US BLS, series CUUR0000SA0", values: { 1997: "160.5", 2017: "245.12" } }, toYear: 2017 },
  ]),
  fn(
    "estimateJobs",
    () => [
      {
        sales: { low: 60e9, central: 80e9, high: 100e9 },
        share: "0.5",
        revenuePerEmployee: { low: 175_889, central: 243_297, high: 361_795 },
        jobsPerDirectJob: { low: 1.5, central: 2.5, high: 3 },
      },
    ],
    { extraSlots: [[0, "jobsPerMillion"]] },
  ),
  fn("inputOutputImpact", () => [
    {
      technicalCoefficients: [
        [0.15, 0.25],
        [0.2, 0.05],
      ],
      employmentPerOutput: [10, 5],
      finalDemandChange: [100, 0],
      households: { laborIncome: [0.2, 0.1], consumption: [0.3, 0.2], householdToHousehold: 0 },
      sectorNames: ["a", "b"],
      tolerance: 1e-9,
    },
  ]),
  fn("jobsFromMultiplier", () => [{ output: 2_000_000, jobsPerMillion: 12, type: "type-II", directJobsPerMillion: 7, typeIJobsPerMillion: 9 }], {
    extraSlots: [
      [0, "directJobs"],
      [0, "jobsPerDirectJob"],
      [0, "typeIJobsPerDirectJob"],
    ],
  }),
  fn("inputOutputMultipliers", () => [
    {
      technicalCoefficients: [
        [0.15, 0.25],
        [0.2, 0.05],
      ],
      employmentPerOutput: [10, 5],
      households: { laborIncome: [0.3, 0.25], consumption: [0.05, 0.4], householdToHousehold: 0.05 },
      sectorNames: ["a", "b"],
      tolerance: 1e-9,
    },
  ]),
  fn("grossToNetAdditionality", () => [{ gross: 1000, leakage: "0.1", displacement: "0.25", substitution: 0, multiplier: "1.5", deadweight: "0.2" }]),
  fn("leontiefInverse", () => [
    [
      [0.15, 0.25],
      [0.2, 0.05],
    ],
    { tolerance: 1e-9 },
  ]),

  // synthetic
  fn("syntheticMarketplace", () => [{ seed: 42, sellers: 20, year: 2017, calibration: { newSellerShare: "0.3", marketplaceOpenedOn: "2000-01-01" } }], {
    probe: (m) => {
      const market = m as lib.SyntheticMarketplace;
      return Object.freeze({ aggregates: market.aggregates(), loans: market.loans(), sellers: [...market.sellers()].length });
    },
  }),

  // io (#13): the readers are lazy async iterables. The call validates the source (its kind, and
  // every chunk of an array) and the options, and those slots go through the catalogue; errors
  // of the cells themselves are raised while iterating, which the harness does not do (its probe
  // is synchronous): they are tested in src/io/readSalesCsv.test.ts and readSalesNdjson.test.ts.
  fn(
    "readSalesCsv",
    () => [
      ["sellerId,date,amount\n", "a,2024-01-01,1.50\n"],
      { currency: "USD", delimiter: ",", decimalSeparator: ".", thousandsSeparator: "", dateFormat: "YYYY-MM-DD", header: true, columns: { sellerId: "sellerId", date: "date", amount: "amount" } },
    ],
    {
      mutableResult: true,
      extraSlots: [
        [1, "amountUnit"],
        [1, "maxRecordLength"],
      ],
    },
  ),
  fn(
    "readSalesNdjson",
    () => [['{"sellerId":"a","date":"2024-01-01","amount":"1.50"}\n'], { currency: "USD", decimalSeparator: ".", dateFormat: "YYYY-MM-DD", columns: { sellerId: "sellerId", date: "date", amount: "amount" } }],
    {
      mutableResult: true,
      extraSlots: [
        [1, "amountUnit"],
        [1, "thousandsSeparator"],
        [1, "maxRecordLength"],
      ],
    },
  ),
  fn(
    "sellerSegments",
    () => [
      [
        { id: "a", employees: 12, annualTurnover: eur("1500000") },
        { id: "b", employees: 900 },
      ],
      { standard: "EU-2003/361", labels: { smb: "smb", other: "other", unknown: "unknown" }, missingSeller: "throw" },
    ],
    {
      probe: (t) => (t as lib.SellerSegments).segmentOf({ sellerId: "a" }),
      extraSlots: [[1, "classify"]],
    },
  ),

  // warehouse (#13)
  fn(
    "marketplaceAggregateSql",
    () => [
      { table: "shop.orders", amountUnit: "minor", columns: { sellerId: "seller_id", date: "day", amount: "cents", units: "qty", segment: "seg" } },
      { dialect: "duckdb", currency: "USD", period: "quarter", refunds: "net", sellerInterval: { start: "2024-01-01", end: "2025-01-01" } },
    ],
    {
      extraSlots: [
        [0, "from"],
        [0, "sellerSegments"],
      ],
    },
  ),

  // duckdb (#13), the subpath-only module (test/hostile/cases.ts imports its barrel beside the
  // root one). Each case runs on a fresh in-memory DuckDB (@duckdb/node-api is a dev dependency);
  // the log is an inline query. Its aggregates hold bigints by design (totals beyond 2^53).
  fn("duckdbMarketplaceAggregates", () => [{ sql: DUCKDB_LOG }, duckdbQuery()], {
    bigintResult: true,
    extraSlots: [
      [1, "sellerSegments"],
      [1, "missingSegment"],
      [1, "csv"],
      [1, "connection"],
    ],
  }),
  fn(
    "duckdbMarketplaceAccumulator",
    () => {
      const { currency, period, refunds, sellerInterval, ...query } = duckdbQuery();
      return [{ sql: DUCKDB_LOG }, { query, accumulator: { currency, period, refunds, sellerInterval, topK: [1], thresholds: [usd("10")] } }];
    },
    {
      mutableResult: true,
      probe: finalizeMarket,
      extraSlots: [
        [1, "query", "sellerSegments"],
        [1, "query", "connection"],
        [1, "accumulator", "precision"],
      ],
    },
  ),
];

/** The table by export name. */
export const EXPORTS_BY_NAME: ReadonlyMap<string, ExportRow> = new Map(EXPORTS_TABLE.map((r) => [r.name, r]));
