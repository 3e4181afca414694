import type { Decimal } from "decimal.js";
import type { Money, NumericInput } from "../money/types.js";
import type { EnterpriseSize, Seller } from "../sellers/types.js";
import type { Sale } from "../share/types.js";

/**
 * A generated sale: a {@link Sale} whose date is always a `Date` at 00:00 UTC (the first day of
 * its month or year for coarser granularities).
 *
 * @category Synthetic
 * @since 0.1.0
 */
export interface SyntheticSale extends Sale {
  /** The UTC day of the sale. */
  readonly date: Date;
}

/**
 * Segment of a synthetic seller: a small or medium-sized business (`"smb"`), a large
 * third-party seller (`"large"`), or the marketplace operator's own retail (`"first-party"`).
 *
 * @category Synthetic
 * @since 0.1.0
 */
export type SyntheticSegment = "smb" | "large" | "first-party";

/**
 * A synthetic seller: a {@link Seller} (with `country`, `employees`, `annualTurnover`,
 * `balanceSheetTotal` and `segment` always set) plus its EU size class. The size facts are
 * consistent with the segment: {@link isSmallOrMediumBusiness} under `"US-SBA"` (NAICS 454110,
 * bundled table) and under `"EU-2003/361"` (amounts read as euros) is `true` for every `"smb"`
 * seller and `false` for every `"large"` and `"first-party"` one, with the default calibration.
 *
 * @category Synthetic
 * @since 0.1.0
 */
export interface SyntheticSeller extends Seller {
  /** `"smb"`, `"large"` or `"first-party"` (same as `segment`). */
  readonly segment: SyntheticSegment;
  /**
   * EU 2003/361 size class implied by `employees` and `annualTurnover` / `balanceSheetTotal`
   * read as euros (first-party: `"large"`).
   */
  readonly sizeClass: EnterpriseSize;
  /** ISO 3166-1 alpha-2 country. */
  readonly country: string;
  /** Headcount: 1…249 for SMBs, ≥ 250 for large sellers and the first-party account. */
  readonly employees: number;
  /** Total turnover of the business (marketplace sales are a part of it), in the marketplace currency. */
  readonly annualTurnover: Money;
  /** Balance-sheet total (the model sets it equal to `annualTurnover`: asset turnover of 1). */
  readonly balanceSheetTotal: Money;
}

/**
 * One seller's totals for the synthetic year.
 *
 * @category Synthetic
 * @since 0.1.0
 */
export interface SyntheticSellerTotal {
  /** Seller id. */
  readonly sellerId: string;
  /** Segment of the seller. */
  readonly segment: SyntheticSegment;
  /** EU size class. */
  readonly sizeClass: EnterpriseSize;
  /** True when the seller joined during the year. */
  readonly isNew: boolean;
  /** Day the seller joined. */
  readonly joinedOn: Date;
  /** Sales on the marketplace during the year (exact cents). */
  readonly annualSales: Money;
  /** Units sold during the year. */
  readonly units: number;
  /** Headcount (the first-party account: the operator's retail headcount, ≥ 250). */
  readonly employees: number;
}

/**
 * A loan of the synthetic lending programme: a sales-based advance (a share of each period's
 * sales repays principal + fee), ready for `salesBasedAdvance` and `simulateRepayment`.
 *
 * @category Synthetic
 * @since 0.1.0
 */
export interface SyntheticLoan {
  /** Borrowing seller (an established SMB). */
  readonly sellerId: string;
  /** Amount lent (a multiple of $100). */
  readonly principal: Money;
  /** Fixed fee (principal × `loanFeeRate`, rounded half-even to the cent). */
  readonly fee: Money;
  /** Share of each period's sales collected. */
  readonly holdbackRate: Decimal;
  /** Funding day: the last day of a month; sales from the next day on repay the loan. */
  readonly fundedOn: Date;
}

/**
 * The {@link syntheticMarketplace} `sales` / `salesOf` options.
 *
 * @category Synthetic
 * @since 0.1.0
 */
export interface SyntheticSalesOptions {
  /** One sale per seller per `"year"`, `"month"` (default) or `"day"`. */
  readonly granularity?: "year" | "month" | "day";
  /** Only sellers of this segment (default: all). */
  readonly segment?: SyntheticSegment;
}

/**
 * Calibration of {@link syntheticMarketplace}: the report's targets and the model's assumptions.
 * Every field has a default in {@link defaultSyntheticCalibration}; pass any subset to override.
 *
 * @category Synthetic
 * @since 0.1.0
 */
export interface SyntheticCalibration {
  /** Target SMB share of all sales (report: half). */
  readonly smbShareOfSales: Decimal;
  /** Third-party share of all sales; `undefined` = the 2018 letter's figure for the year (nearest published year). */
  readonly thirdPartyShareOfSales: Decimal | undefined;
  /** Share of SMB sellers that joined during the year (report: 300,000 / 1,000,000). */
  readonly newSellerShare: Decimal;
  /** Annual sales threshold (report: US$1 million). */
  readonly salesThreshold: Money;
  /** Share of SMBs whose annual sales exceed the threshold (report: 20,000 / 1,000,000). */
  readonly shareAboveThreshold: Decimal;
  /** σ of ln(annual sales) of SMBs (assumption; μ is solved from the two fields above). */
  readonly salesLogSd: Decimal;
  /**
   * Largest annual turnover of an SMB, and so its largest annual marketplace sales (default
   * $41.5 million: the SBA receipts standard of NAICS 454110, below the EU medium turnover
   * ceiling of €50 million). Above the ceiling of a size standard, top SMBs classify as large.
   */
  readonly smbSalesCap: Money;
  /** Smallest marketplace share of an SMB's turnover; the share is uniform from it to 1 (assumption). */
  readonly smbMarketplaceShareMin: Decimal;
  /** Smallest marketplace share of a large seller's turnover (uniform, assumption). */
  readonly largeMarketplaceShareMin: Decimal;
  /** Largest marketplace share of a large seller's turnover (uniform, assumption). */
  readonly largeMarketplaceShareMax: Decimal;
  /**
   * Smallest turnover (and balance-sheet total) of a large seller and of the first-party account
   * (assumption; must exceed `smbSalesCap`; default $60 million, above the SBA 454110 and EU
   * ceilings).
   */
  readonly largeTurnoverFloor: Money;
  /** Median turnover per employee of a seller's business (assumption; employees = turnover / it). */
  readonly revenuePerEmployee: Money;
  /** σ of ln(turnover per employee) across sellers (assumption). */
  readonly revenuePerEmployeeLogSd: Decimal;
  /** Jobs per SMB seller (report: 900,000 / 1,000,000). */
  readonly jobsPerSmb: Decimal;
  /** Lending per SMB seller (report: US$1 billion / 1,000,000). */
  readonly lendingPerSmb: Money;
  /** Share of SMBs offered and taking a loan, among established SMBs with enough sales (assumption). */
  readonly loanTakeUpRate: Decimal;
  /** Minimum annual sales to be eligible for a loan (assumption). */
  readonly loanMinAnnualSales: Money;
  /** Smallest and largest loan (Amazon Lending, 2017 press: "$1,000 … up to $750,000"). */
  readonly loanPrincipalMin: Money;
  /** Largest loan. */
  readonly loanPrincipalMax: Money;
  /** Fixed fee as a share of principal (assumption). */
  readonly loanFeeRate: Decimal;
  /** Share of each period's sales collected (assumption; ≤ 6 decimal places). */
  readonly loanHoldbackRate: Decimal;
  /** Large third-party sellers per SMB seller (assumption). */
  readonly largeSellersPerSmb: Decimal;
  /** Share of a full year's sales in each month, January to December (12 values, any positive scale). */
  readonly seasonality: readonly Decimal[];
  /** Median average item price of a seller (assumption). */
  readonly medianItemPrice: Money;
  /** σ of ln(average item price) across sellers (assumption). */
  readonly itemPriceLogSd: Decimal;
  /** Countries of the sellers with weights (default: all US, like the report's US figures). */
  readonly countries: readonly {
    /** ISO 3166-1 alpha-2 code. */
    readonly country: string;
    /** Relative weight (> 0). */
    readonly weight: Decimal;
  }[];
  /**
   * Earliest join day of an established seller (default: 20 years before the report,
   * `"1998-01-01T00:00:00.000Z"`): 00:00 UTC of that day as an ISO 8601 string in the
   * `Date.prototype.toISOString` form (`new Date(c.marketplaceOpenedOn)` gives the `Date`).
   * A string since 0.2.0, so that no exported or returned calibration holds a mutable `Date`;
   * the override in {@link SyntheticCalibrationInput} takes a `Date` or an ISO date string.
   */
  readonly marketplaceOpenedOn: string;
}

/**
 * Overrides accepted by {@link syntheticMarketplace}: any subset of {@link SyntheticCalibration},
 * with numbers, strings or Decimals for rates, and a `Date` or an ISO date string
 * (`"2000-01-01"`) for `marketplaceOpenedOn`.
 *
 * @category Synthetic
 * @since 0.1.0
 */
export type SyntheticCalibrationInput = {
  readonly [K in keyof SyntheticCalibration]?: SyntheticCalibration[K] extends Decimal | undefined
    ? NumericInput
    : K extends "marketplaceOpenedOn"
      ? Date | string
      : SyntheticCalibration[K] extends readonly Decimal[]
        ? readonly NumericInput[]
        : SyntheticCalibration[K] extends readonly { readonly country: string; readonly weight: Decimal }[]
          ? readonly { readonly country: string; readonly weight: NumericInput }[]
          : SyntheticCalibration[K];
};

/**
 * The {@link syntheticMarketplace} function options.
 *
 * @category Synthetic
 * @since 0.1.0
 */
export interface SyntheticMarketplaceOptions {
  /** PRNG seed, an integer 0 … 2^32 − 1. Same seed → same marketplace. */
  readonly seed: number;
  /** Number of SMB sellers (the report: over 1,000,000 US SMBs), an integer 1 … 50,000,000. */
  readonly sellers: number;
  /**
   * Calendar year simulated (default 2017, the report's year), 1999 … 2100. With the default
   * calibration (SMB share of sales 0.5) only 2015 onwards work, since the third-party share of
   * earlier years (letter of 2018) is below 0.5; for earlier years pass a lower `smbShareOfSales`.
   */
  readonly year?: number;
  /** Calibration overrides. */
  readonly calibration?: SyntheticCalibrationInput;
}

/**
 * Parameters the generator solved from the calibration (documented in {@link syntheticMarketplace}).
 *
 * @category Synthetic
 * @since 0.1.0
 */
export interface SyntheticModel {
  /** μ of ln(annual SMB sales in dollars) = ln(threshold) − σ · Φ⁻¹(1 − shareAboveThreshold). */
  readonly salesLogMean: Decimal;
  /** σ of ln(annual SMB sales). */
  readonly salesLogSd: Decimal;
  /** Median annual SMB sales, exp(μ). */
  readonly medianSmbSales: Money;
  /** Expected annual SMB sales, E[min(S, cap)] (closed form). */
  readonly expectedSmbSales: Money;
  /** Revenue per job = expectedSmbSales / jobsPerSmb: pass it to `estimateJobs` / `directJobs`. */
  readonly revenuePerJob: Money;
  /** Third-party share of sales used. */
  readonly thirdPartyShareOfSales: Decimal;
  /** Number of large third-party sellers. */
  readonly largeSellerCount: number;
}

/**
 * The report's figures scaled to the marketplace's number of SMB sellers.
 *
 * @category Synthetic
 * @since 0.1.0
 */
export interface SyntheticTargets {
  /** smbShareOfSales. */
  readonly smbShareOfSales: Decimal;
  /** newSellerShare × SMB sellers. */
  readonly newSmbs: Decimal;
  /** shareAboveThreshold × SMB sellers. */
  readonly smbsAboveThreshold: Decimal;
  /** jobsPerSmb × SMB sellers. */
  readonly jobs: Decimal;
  /** lendingPerSmb × SMB sellers. */
  readonly totalLent: Money;
}

/**
 * Figures of the synthetic marketplace computed exactly in one pass over every seller (no sale
 * is stored): what the library's own functions must find when run over the streams.
 *
 * @category Synthetic
 * @since 0.1.0
 */
export interface SyntheticAggregates {
  /** SMB sellers. */
  readonly smbCount: number;
  /** Large third-party sellers. */
  readonly largeSellerCount: number;
  /** All sellers (SMBs + large + the first-party account). */
  readonly sellerCount: number;
  /** SMBs that joined during the year. */
  readonly newSmbCount: number;
  /** SMBs with annual sales strictly above the threshold. */
  readonly smbsAboveThreshold: number;
  /** Sales by segment and in total. */
  readonly sales: { readonly smb: Money; readonly large: Money; readonly firstParty: Money; readonly total: Money };
  /** Units by segment and in total. */
  readonly units: { readonly smb: number; readonly large: number; readonly firstParty: number; readonly total: number };
  /** SMB sales / total sales. */
  readonly smbShareOfSales: Decimal;
  /** SMB units / total units. */
  readonly smbShareOfUnits: Decimal;
  /** (SMB + large) sales / total sales. */
  readonly thirdPartyShareOfSales: Decimal;
  /** Sales of all sellers per month, January to December. */
  readonly salesByMonth: readonly Money[];
  /** Total headcount of SMB sellers. */
  readonly smbEmployees: number;
  /** Sellers per EU size class (the first-party account counts as large). */
  readonly sizeClassCounts: { readonly micro: number; readonly small: number; readonly medium: number; readonly large: number };
  /** SMB sellers per country. */
  readonly smbCountryCounts: Readonly<Record<string, number>>;
  /** Jobs implied by SMB sales and the model's revenue per job: sales.smb / revenuePerJob. */
  readonly jobs: Decimal;
  /** The lending programme. */
  readonly lending: {
    /** Number of loans. */
    readonly loanCount: number;
    /** Σ principal. */
    readonly totalLent: Money;
    /** Σ fees. */
    readonly totalFees: Money;
    /** Σ over loans of the monthly holdbacks collected until year end (round half-even per month). */
    readonly repaidInYear: Money;
    /** Principal + fee not yet collected at year end. */
    readonly outstandingAtYearEnd: Money;
    /** Loans fully repaid by year end. */
    readonly loansRepaidInYear: number;
    /** Principal per dollar of the borrower's annual sales before rounding and limits. */
    readonly principalToSales: Decimal;
  };
  /** The report's figures scaled to this marketplace. */
  readonly targets: SyntheticTargets;
}

/**
 * A deterministic synthetic marketplace built by {@link syntheticMarketplace}. Sellers and sales
 * are generated lazily (iterables), so a million sellers use constant memory.
 *
 * @category Synthetic
 * @since 0.1.0
 */
export interface SyntheticMarketplace {
  /** Seed used. */
  readonly seed: number;
  /** Year simulated. */
  readonly year: number;
  /** First day of the year (00:00Z) and the first day after it: `[start, end)`. */
  readonly period: { readonly start: Date; readonly end: Date };
  /** Number of SMB sellers. */
  readonly smbCount: number;
  /** Number of large third-party sellers. */
  readonly largeSellerCount: number;
  /** All sellers including the first-party account. */
  readonly sellerCount: number;
  /** Calibration in force (defaults merged with overrides). */
  readonly calibration: SyntheticCalibration;
  /** Solved model parameters. */
  readonly model: SyntheticModel;
  /** Every seller, SMBs first, then large sellers, then the first-party account. */
  sellers(): Generator<SyntheticSeller, void, undefined>;
  /** Every seller's annual totals, in the same order. */
  sellerTotals(): Generator<SyntheticSellerTotal, void, undefined>;
  /** Every sale (positive periods only), seller by seller, in date order within a seller. */
  sales(options?: SyntheticSalesOptions): Generator<SyntheticSale, void, undefined>;
  /** One seller's sales as an array (at most 366 sales). */
  salesOf(sellerId: string, options?: SyntheticSalesOptions): readonly SyntheticSale[];
  /** One seller by id. */
  seller(sellerId: string): SyntheticSeller;
  /** The lending programme's loans (computed with the aggregates). */
  loans(): readonly SyntheticLoan[];
  /** Exact aggregates (one O(sellers) pass on first call, then cached). */
  aggregates(): SyntheticAggregates;
  /** `{ seed, year, smbCount, largeSellerCount, calibration, model }`. */
  toJSON(): unknown;
}
