import { makeMoney, toCurrency } from "../_lib/money.js";
import { toAmount, toRecord } from "../_lib/validate.js";
import type { Money, MoneyJSON } from "./types.js";

/**
 * Read back a Money from its JSON form (from {@link moneyToJSON} or `JSON.stringify`),
 * validating it.
 *
 * @param json - `{ amount: string, currency: string }`
 * @returns the Money
 * @throws {@link ValidationError} when the amount is not a decimal string or is outside the amount range (below 1e30, at most 40 decimal places), or the currency is unknown
 * @throws {@link ValidationTypeError} when `json` is not an object
 *
 * @example
 * ```ts
 * import { moneyFromJSON } from "marketplace-economics";
 * moneyFromJSON(JSON.parse('{"amount":"12.5","currency":"USD"}')).amount.toString(); //=> "12.5"
 * ```
 *
 * @category Money
 * @since 0.1.0
 */
export function moneyFromJSON(json: MoneyJSON): Money {
  const fn = "moneyFromJSON";
  const r = toRecord(json, fn, "json");
  const currency = toCurrency(r["currency"], fn, "json.currency");
  return makeMoney(toAmount(r["amount"], fn, "json.amount"), currency);
}
