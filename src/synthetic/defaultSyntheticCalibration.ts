import { Decimal } from "../_lib/decimal.js";
import { makeMoney } from "../_lib/money.js";
import { deepFreeze } from "../_lib/freeze.js";
import type { SyntheticCalibration } from "./types.js";

function usd(amount: string) {
  return makeMoney(new Decimal(amount), "USD");
}

function build(): SyntheticCalibration {
  return deepFreeze({
    // Targets from smallBusinessImpactReport2018 (May 2018):
    smbShareOfSales: new Decimal("0.5"), // "half of all items purchased on Amazon"
    thirdPartyShareOfSales: undefined, // 2018 letter to shareholders, share of the simulated year
    newSellerShare: new Decimal("0.3"), // 300,000 started selling in 2017 / over 1,000,000 US SMBs
    salesThreshold: usd("1000000"), // "surpassed $1 million in sales in 2017"
    shareAboveThreshold: new Decimal("0.02"), // 20,000 / 1,000,000
    jobsPerSmb: new Decimal("0.9"), // 900,000 jobs / 1,000,000 SMBs
    lendingPerSmb: usd("1000"), // over $1 billion lent in 2017 / 1,000,000 SMBs
    // Assumptions of the model (not in the report):
    salesLogSd: new Decimal("2"),
    smbSalesCap: usd("41500000"), // SBA 454110 receipts standard ($41.5M) ≤ EU medium turnover (€50M)
    smbMarketplaceShareMin: new Decimal("0.3"),
    largeMarketplaceShareMin: new Decimal("0.05"),
    largeMarketplaceShareMax: new Decimal("0.5"),
    largeTurnoverFloor: usd("60000000"), // > $41.5M (SBA 454110); > €50M and €43M below $1.20 per €
    revenuePerEmployee: usd("150000"),
    revenuePerEmployeeLogSd: new Decimal("0.5"),
    loanTakeUpRate: new Decimal("0.08"),
    loanMinAnnualSales: usd("12000"),
    loanPrincipalMin: usd("1000"),
    loanPrincipalMax: usd("750000"),
    loanFeeRate: new Decimal("0.06"),
    loanHoldbackRate: new Decimal("0.2"),
    largeSellersPerSmb: new Decimal("0.002"),
    seasonality: Object.freeze(["0.070", "0.065", "0.075", "0.075", "0.080", "0.080", "0.080", "0.085", "0.080", "0.085", "0.100", "0.125"].map((s) => new Decimal(s))),
    medianItemPrice: usd("20"),
    itemPriceLogSd: new Decimal("0.6"),
    countries: Object.freeze([Object.freeze({ country: "US", weight: new Decimal(1) })]),
    marketplaceOpenedOn: "1998-01-01T00:00:00.000Z", // a string: an exported Date could be changed by anyone (#11)
  });
}

/**
 * The default calibration of {@link syntheticMarketplace}: the report's figures as targets and
 * the model's own assumptions.
 *
 * Targets (from {@link smallBusinessImpactReport2018}, per SMB seller so they scale):
 * `smbShareOfSales` 0.5; `newSellerShare` 0.3 (300,000 of 1,000,000 US SMBs started selling in
 * 2017); `salesThreshold` US$1,000,000 with `shareAboveThreshold` 0.02 (20,000 / 1,000,000);
 * `jobsPerSmb` 0.9 (900,000 jobs); `lendingPerSmb` US$1,000 (US$1 billion lent / 1,000,000).
 * `thirdPartyShareOfSales` is `undefined`: the generator reads the year's share from
 * {@link thirdPartySellerShareOfGms} (2017: 0.56).
 *
 * Assumptions (not in the report; change them freely): `salesLogSd` 2 (ln-sales σ; with the
 * 2 % / $1M target it gives a median of about $16,400 and a mean of about $120,000 per SMB, so
 * 1,000,000 SMBs sell about $120 billion, the order of half of Amazon's physical GMS: the 2018
 * letter gives $117 billion first-party plus $160 billion third-party for 2018); `smbSalesCap`
 * $41.5 million, the largest turnover of an SMB (the SBA receipts standard of NAICS 454110 in
 * {@link SBA_SIZE_STANDARDS_RETAIL}, the lower of it and the EU 2003/361 medium-enterprise
 * turnover ceiling of €50 million read as dollars); seller size facts: an SMB's marketplace
 * share of its turnover uniform on 0.3…1 (`smbMarketplaceShareMin`), a large seller's on
 * 0.05…0.5 (`largeMarketplaceShareMin` / `largeMarketplaceShareMax`), large sellers' and the
 * first-party account's turnover at least $60 million (`largeTurnoverFloor`: above the SBA
 * ceiling, and above the EU €50 million turnover / €43 million balance-sheet ceilings at any
 * rate below $1.20 per euro), turnover per employee lognormal with median $150,000 and σ 0.5
 * (`revenuePerEmployee`, `revenuePerEmployeeLogSd`), balance-sheet total = turnover; loans:
 * 8 % take-up among established SMBs with at least $12,000 of annual sales, $1,000 to $750,000
 * (the range Amazon Lending announced in 2017), 6 % fee, 20 % holdback; `largeSellersPerSmb` 0.002; a monthly
 * seasonality with a Q4 peak (Nov 10 %, Dec 12.5 %, Q4 31 % of a full year); item prices
 * lognormal with median $20 and σ 0.6; every seller in the US; established sellers joined on or
 * after 1998-01-01 ("first invited small businesses to sell 20 years ago").
 *
 * The object is deep-frozen (its Decimals and Money amounts too) and holds no `Date` (a frozen `Date` can still be changed with
 * `setUTCFullYear`): `marketplaceOpenedOn` is the ISO 8601 string `"1998-01-01T00:00:00.000Z"`,
 * the form `Date.prototype.toISOString` gives, so its JSON is the same as before 0.2.0.
 *
 * @example
 * ```ts
 * import { defaultSyntheticCalibration } from "marketplace-economics";
 * defaultSyntheticCalibration.newSellerShare.toString(); //=> "0.3"
 * defaultSyntheticCalibration.salesThreshold.amount.toString(); //=> "1000000"
 * defaultSyntheticCalibration.seasonality.length; //=> 12
 * defaultSyntheticCalibration.marketplaceOpenedOn; //=> "1998-01-01T00:00:00.000Z"
 * ```
 *
 * @category Synthetic
 * @since 0.1.0
 */
export const defaultSyntheticCalibration: SyntheticCalibration = /* @__PURE__ */ build();
