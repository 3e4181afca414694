import { createImpl, settingsFromState } from "./_lib/marketplace.js";
import { restoreState, toStateRecord } from "./_lib/marketplaceState.js";
import { rangeError } from "../_lib/validate.js";
import { ErrorCode } from "../errors.js";
import type { MarketplaceAccumulator, MarketplaceAccumulatorJSON } from "./types.js";

/**
 * Restore a marketplace accumulator from its JSON state (`JSON.stringify(acc)`, an object or
 * its string), e.g. a shard computed in another process or machine.
 *
 * The state ({@link MarketplaceAccumulatorJSON}) is validated in full: a corrupted or
 * hand-edited state throws instead of giving wrong figures. Every format version written so far
 * (1) is accepted.
 *
 * @param json - the state object, or its JSON text
 * @returns a new accumulator equal to the one serialised
 * @throws {@link ValidationError} when the state is malformed (unknown kind or version, a non-integer
 *   amount, a key that is not a period start, a duplicate seller, counts that disagree)
 * @throws {@link ValidationTypeError} when a field has the wrong type
 *
 * @example
 * ```ts
 * import { accumulateMarketplace, finalizeMarketplace, marketplaceAccumulatorFromJSON } from "marketplace-economics";
 * const acc = accumulateMarketplace([{ sellerId: "a", date: "2017-01-01", amountMinor: 1999 }], () => "smb", { currency: "USD" });
 * const text = JSON.stringify(acc);
 * finalizeMarketplace(marketplaceAccumulatorFromJSON(text)).share.total.gmv?.amount.toFixed(2); //=> "19.99"
 * ```
 *
 * @category Share
 * @since 0.3.0
 */
export function marketplaceAccumulatorFromJSON(json: MarketplaceAccumulatorJSON | string): MarketplaceAccumulator {
  const fn = "marketplaceAccumulatorFromJSON";
  let value: unknown = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch {
      rangeError(fn, "json", ErrorCode.INVALID_TYPE, "must be valid JSON", json, "the output of JSON.stringify(accumulator)");
    }
  }
  const o = toStateRecord(value, fn, "json");
  const acc = createImpl(settingsFromState(o, fn));
  restoreState(acc, o, fn);
  return acc;
}
