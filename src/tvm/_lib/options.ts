/** Internal option parsing shared by the tvm root listers. Never exported from the package. */
import { ErrorCode } from "../../errors.js";
import { rangeError, toDecimalInRange, toInteger, toRecord } from "../../_lib/validate.js";

/** Parse {@link RootsOptions}-shaped options for xirrRoots / irrRoots. */
export function parseRootsOptions(fn: string, options: unknown): { lower: number; upper: number; points: number } {
  const o = toRecord(options, fn, "options", true);
  const lower = o["lower"] === undefined ? -0.999 : toDecimalInRange(o["lower"], fn, "options.lower", -1, undefined, { lowerOpen: true }).toNumber();
  const upper = o["upper"] === undefined ? 100 : toDecimalInRange(o["upper"], fn, "options.upper", -1, undefined, { lowerOpen: true }).toNumber();
  if (!(upper > lower)) rangeError(fn, "options.upper", ErrorCode.OUT_OF_RANGE, "must be greater than options.lower", o["upper"], "a rate greater than options.lower");
  const points = o["gridPoints"] === undefined ? 2000 : toInteger(o["gridPoints"], fn, "options.gridPoints", 2, 1_000_000);
  return { lower, upper, points };
}

