/**
 * Internal option parsing shared by the tvm solvers (irr, xirr, irrRoots, xirrRoots, xnpv).
 * One parser: every solver reads its options here, so a key means the same thing, has the same
 * default and fails with the same message everywhere. Never exported from the package.
 */
import { ErrorCode } from "../../errors.js";
import { rangeError, toDecimalInRange, toInteger, toOption, toOptions } from "../../_lib/validate.js";
import type { DayCountConvention } from "../../time/types.js";
import type { IrrRootPolicy } from "../types.js";

/** Every day count the dated solvers accept (the conventions of `yearFraction`). */
export const DAY_COUNTS: readonly DayCountConvention[] = ["ACT/365F", "ACT/360", "30/360", "30E/360", "ACT/ACT-ISDA", "ACT/365.25", "ACT/364", "30E+/360"];

/** Every root policy of irr / xirr. */
export const ROOT_POLICIES: readonly IrrRootPolicy[] = ["default", "closest-to-guess", "excel", "lowest", "highest", "unique"];

/** Parsed {@link IrrOptions} / {@link XirrOptions}. */
export interface SolverOptions {
  readonly guess: number;
  /** Newton iterations; `undefined` = the policy's default (50, Excel: 20 for IRR, 100 for XIRR). */
  readonly maxIterations: number | undefined;
  readonly root: IrrRootPolicy;
  readonly dayCount: DayCountConvention;
}

/** Parsed {@link RootsOptions}. */
export interface RangeOptions {
  readonly lower: number;
  readonly upper: number;
  readonly points: number;
  readonly dayCount: DayCountConvention;
}

/** The `dayCount` option (default ACT/365F, Excel's XIRR/XNPV basis). */
export function parseDayCount(value: unknown, fn: string): DayCountConvention {
  return value === undefined ? "ACT/365F" : toOption(value, fn, "options.dayCount", DAY_COUNTS);
}

/**
 * Options of irr (`dated` false) and xirr (`dated` true): `guess`, `maxIterations`, `root`, and
 * for xirr `dayCount`.
 */
export function parseSolverOptions(fn: string, options: unknown, dated: boolean): SolverOptions {
  const o: Readonly<Record<string, unknown>> = toOptions(options, fn, "options", dated ? ["guess", "maxIterations", "root", "dayCount"] : ["guess", "maxIterations", "root"]);
  const guess = o["guess"] === undefined ? 0.1 : toDecimalInRange(o["guess"], fn, "options.guess", -1, undefined, { lowerOpen: true }).toNumber();
  const maxIterations = o["maxIterations"] === undefined ? undefined : toInteger(o["maxIterations"], fn, "options.maxIterations", 1, 10_000);
  const root = o["root"] === undefined ? "default" : toOption(o["root"], fn, "options.root", ROOT_POLICIES);
  const dayCount = dated ? parseDayCount(o["dayCount"], fn) : "ACT/365F";
  return { guess, maxIterations, root, dayCount };
}

/** Options of irrRoots (`dated` false) and xirrRoots (`dated` true). */
export function parseRootsOptions(fn: string, options: unknown, dated: boolean): RangeOptions {
  const o: Readonly<Record<string, unknown>> = toOptions(options, fn, "options", dated ? ["lower", "upper", "gridPoints", "dayCount"] : ["lower", "upper", "gridPoints"]);
  const lower = o["lower"] === undefined ? -0.999 : toDecimalInRange(o["lower"], fn, "options.lower", -1, undefined, { lowerOpen: true }).toNumber();
  const upper = o["upper"] === undefined ? 100 : toDecimalInRange(o["upper"], fn, "options.upper", -1, undefined, { lowerOpen: true }).toNumber();
  if (!(upper > lower)) rangeError(fn, "options.upper", ErrorCode.OUT_OF_RANGE, "must be greater than options.lower", o["upper"], "a rate greater than options.lower");
  const points = o["gridPoints"] === undefined ? 2000 : toInteger(o["gridPoints"], fn, "options.gridPoints", 2, 1_000_000);
  const dayCount = dated ? parseDayCount(o["dayCount"], fn) : "ACT/365F";
  return { lower, upper, points, dayCount };
}

/** Options of xnpv: `dayCount` only. */
export function parseXnpvOptions(fn: string, options: unknown): DayCountConvention {
  const o: Readonly<Record<string, unknown>> = toOptions(options, fn, "options", ["dayCount"]);
  return parseDayCount(o["dayCount"], fn);
}
