import { getThirdPartySellerShare } from "../data/getThirdPartySellerShare.js";
import { toInteger, toOptions, toRecord } from "../_lib/validate.js";
import { computeState, type State } from "./_lib/aggregates.js";
import { resolveCalibration } from "./_lib/calibration.js";
import { FN } from "./_lib/cents.js";
import { emitSales, readSalesOptions, streamSales } from "./_lib/sales.js";
import { firstPartySeller, firstPartyTotal, largeSeller, largeTotal, parseSellerId, smbSeller, smbTotal } from "./_lib/sellers.js";
import { buildSetup } from "./_lib/setup.js";
import type { SyntheticMarketplace, SyntheticMarketplaceOptions, SyntheticSale, SyntheticSalesOptions } from "./types.js";

const MAX_SELLERS = 50_000_000;

/**
 * Build a deterministic synthetic marketplace whose sellers and sales reproduce the headline
 * figures of Amazon's 2018 Small Business Impact Report at any scale, generated lazily so that a
 * million sellers need no more memory than ten.
 *
 * The marketplace has `sellers` small and medium-sized businesses (SMBs: micro/small/medium by
 * the EU 2003/361 ceilings, in the US by default), `round(sellers × largeSellersPerSmb)` large
 * third-party sellers (≥ 250 staff, turnover ≥ `largeTurnoverFloor`) and one `"first-party"`
 * account (the operator's own retail).
 * Every seller is a pure function of `(seed, sellers, index)`, so `sellers()`, `sales()` and
 * `seller(id)` can be replayed, sharded or looked up in any order with identical results.
 *
 * ## Notes
 * Annual SMB sales are lognormal with μ solved so that P(S > threshold) = `shareAboveThreshold`;
 * the uniforms behind sales, "joined this year" and "took a loan" are stratified (Latin
 * hypercube), so the counts hit their targets within ±1 at every size; large-seller and
 * first-party sales are set from the realised SMB total so the SMB share of sales is exact to a
 * cent. What each calibration field targets, how it is solved, the size facts behind
 * {@link isSmallOrMediumBusiness}, and what is reproduced at which scales are explained in the
 * guide [Synthetic marketplace](../../docs/guides/synthetic-marketplace.md) (defaults in
 * {@link defaultSyntheticCalibration}).
 *
 * ## References
 * - Amazon, Small Business Impact Report (May 2018): see {@link smallBusinessImpactReport2018}.
 * - J. P. Bezos, 2018 Letter to Shareholders: see {@link thirdPartySellerShareOfGms}.
 * - M. D. McKay, R. J. Beckman, W. J. Conover, "A Comparison of Three Methods for Selecting
 *   Values of Input Variables…", Technometrics 21 (1979) (Latin hypercube sampling).
 * - P. J. Acklam, inverse normal CDF algorithm; D. Blackman, S. Vigna, xoshiro128** 1.1.
 *
 * @param options - `seed` (integer 0…2^32−1), `sellers` (SMB count, 1…50,000,000), `year`
 *   (default 2017), `calibration` overrides
 * @returns a {@link SyntheticMarketplace}: lazy `sellers()`, `sellerTotals()`, `sales()`, and
 *   exact `aggregates()` / `loans()` computed in one pass on first use
 * @throws {@link ValidationError} when the seed, seller count or year is out of range or not an
 *   integer, or a calibration field is out of its domain (an unknown key of `options`, of
 *   `calibration` or of the `sales` / `salesOf` options: `UNKNOWN_OPTION`);
 *   also when the third-party share is below the SMB share — by default the year's published
 *   share is used (years after 2018 use 2018's 0.58), which is below 0.5 before 2015, so for
 *   those years pass `calibration.thirdPartyShareOfSales` (and a lower `smbShareOfSales`)
 * @throws {@link ValidationTypeError} when `options` or a field has the wrong type
 *
 * @example
 * ```ts
 * import { syntheticMarketplace } from "marketplace-economics";
 * const m = syntheticMarketplace({ seed: 42, sellers: 10_000 });
 * const a = m.aggregates();
 * a.smbCount; //=> 10000
 * a.newSmbCount; //=> 3000
 * a.smbsAboveThreshold; //=> 200
 * a.smbShareOfSales.toDecimalPlaces(6).toString(); //=> "0.5"
 * a.lending.totalLent.amount.greaterThanOrEqualTo(10_000_000); //=> true
 * m.seller("smb-00001").segment; //=> "smb"
 * ```
 *
 * @category Synthetic
 * @since 0.1.0
 */
export function syntheticMarketplace(options: SyntheticMarketplaceOptions): SyntheticMarketplace {
  toRecord(options, FN, "options"); // required: undefined / null is MISSING_VALUE
  const opts: Record<string, unknown> = toOptions(options, FN, "options", ["seed", "sellers", "year", "calibration"]);
  const seed = toInteger(opts["seed"], FN, "seed", 0, 4_294_967_295);
  const smbCount = toInteger(opts["sellers"], FN, "sellers", 1, MAX_SELLERS);
  const year = opts["year"] === undefined ? 2017 : toInteger(opts["year"], FN, "year", 1999, 2100);
  const published = getThirdPartySellerShare(Math.min(2018, Math.max(1999, year)));
  const calibration = resolveCalibration(opts["calibration"], year, published);
  const s = buildSetup(seed, smbCount, year, calibration, calibration.thirdPartyShareOfSales ?? published);
  const { largeCount, model, frame } = s;
  let state: State | undefined;
  const getState = (): State => (state ??= computeState(s));

  const marketplace: SyntheticMarketplace = {
    seed,
    year,
    period: Object.freeze({ start: new Date(frame.startMs), end: new Date(frame.endMs) }),
    smbCount,
    largeSellerCount: largeCount,
    sellerCount: smbCount + largeCount + 1,
    calibration,
    model,
    *sellers() {
      for (let i = 0; i < smbCount; i++) yield smbSeller(s, i);
      if (largeCount > 0) {
        const st = getState();
        for (let j = 0; j < largeCount; j++) yield largeSeller(s, j, st.largeCents[j] ?? 0);
      }
      yield firstPartySeller(s, getState().firstPartyCents);
    },
    *sellerTotals() {
      for (let i = 0; i < smbCount; i++) yield smbTotal(s, i);
      const st = getState();
      for (let j = 0; j < largeCount; j++) yield largeTotal(s, j, st.largeCents[j] ?? 0);
      yield firstPartyTotal(s, st.firstPartyCents);
    },
    *sales(o?: SyntheticSalesOptions) {
      const { granularity, segment } = readSalesOptions(o);
      yield* streamSales(s, getState, granularity, segment);
    },
    salesOf(sellerId: string, o?: SyntheticSalesOptions) {
      const ref = parseSellerId(s, sellerId);
      const { granularity } = readSalesOptions(o);
      const out: SyntheticSale[] = [];
      emitSales(s, getState, ref, granularity, (sale) => out.push(sale));
      return Object.freeze(out);
    },
    seller(sellerId: string) {
      const ref = parseSellerId(s, sellerId);
      if (ref.kind === "smb") return smbSeller(s, ref.index);
      if (ref.kind === "large") return largeSeller(s, ref.index, getState().largeCents[ref.index] ?? 0);
      return firstPartySeller(s, getState().firstPartyCents);
    },
    loans() {
      return getState().loans;
    },
    aggregates() {
      return getState().aggregates;
    },
    toJSON() {
      return { seed, year, smbCount, largeSellerCount: largeCount, calibration, model };
    },
  };
  return Object.freeze(marketplace);
}
