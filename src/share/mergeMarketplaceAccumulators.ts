import { asMarketplace, createImpl, mergeInto, sameSettings } from "./_lib/marketplace.js";
import { rangeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { MarketplaceAccumulator } from "./types.js";

/**
 * Merge marketplace accumulators (shards) into a new one, without changing the inputs.
 *
 * Exact and order-independent: every total is an integer count of minor units, so any sharding
 * of a log, merged in any order (here, on another machine, from JSON), finalises to exactly the
 * single-pass figures. Per-seller totals add up and first-sale days take the earliest, so a
 * seller may appear in several shards (`sellerTotals: "keep"`). Grouped accumulators
 * (`sellerTotals: "grouped"`) hold folded figures, so their shards must partition the sellers
 * (e.g. by a hash of the seller id): a seller in two grouped shards would count twice.
 *
 * @param accumulators - one or more accumulators with the same settings (currency, period,
 *   precision, refunds, segments, seller interval, seller mode, thresholds, brackets, top-k)
 * @returns a new accumulator holding the combined state
 * @throws {@link ValidationError} when none is given (`EMPTY_INPUT`), settings differ
 *   (`CONFLICTING_OPTIONS`) or a seller has different segments in two shards
 * @throws {@link ValidationTypeError} when an argument is not a marketplace accumulator
 * @throws {@link CurrencyMismatchError} when currencies differ
 *
 * @example
 * ```ts
 * import { accumulateMarketplace, finalizeMarketplace, mergeMarketplaceAccumulators } from "marketplace-economics";
 * const options = { currency: "USD", period: "year" } as const;
 * const a = accumulateMarketplace([{ sellerId: "x", date: "2016-05-01", amountMinor: 100 }], () => "smb", options);
 * const b = accumulateMarketplace([{ sellerId: "x", date: "2017-05-01", amountMinor: 300 }], () => "smb", options);
 * const r = finalizeMarketplace(mergeMarketplaceAccumulators(b, a));
 * [r.sellers.sellers, r.sellers.newSellers.map((p) => [p.period, p.sellers])]; //=> [1, [["2016", 1]]]
 * ```
 *
 * @category Share
 * @since 0.3.0
 */
export function mergeMarketplaceAccumulators(...accumulators: readonly MarketplaceAccumulator[]): MarketplaceAccumulator {
  const fn = "mergeMarketplaceAccumulators";
  if (accumulators.length === 0) rangeError(fn, "accumulators", ErrorCode.EMPTY_INPUT, "must not be empty", accumulators, "at least one accumulator");
  const accs = accumulators.map((a, i) => asMarketplace(a, fn, `accumulators[${i}]`));
  const first = accs[0] as (typeof accs)[number];
  accs.forEach((a, i) => sameSettings(first.settings, a.settings, fn, `accumulators[${i}]`));
  const out = createImpl(first.settings);
  for (const a of accs) mergeInto(out, a);
  return out;
}
