/**
 * Hostile inputs for every function of the jobs module (in the style of
 * test/hostile-inputs.test.ts): NaN, ±Infinity, "abc", null, undefined, unknown currency, mixed
 * currencies, non-square and mismatched matrices. Each row asserts the error class and code.
 */
import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ErrorCode, ValidationError, ValidationTypeError } from "../errors.js";
import { attributeJobsToMarketplace } from "./attributeJobsToMarketplace.js";
import { directJobs } from "./directJobs.js";
import { estimateJobs } from "./estimateJobs.js";
import { inputOutputImpact } from "./inputOutputImpact.js";
import { jobsFromMultiplier } from "./jobsFromMultiplier.js";
import { leontiefInverse } from "./leontiefInverse.js";

type Ctor = abstract new (...args: never[]) => unknown;
const A = [
  [0.15, 0.25],
  [0.2, 0.05],
];
const io = (over: Record<string, unknown>) => () => inputOutputImpact({ technicalCoefficients: A, employmentPerOutput: [1, 1], finalDemandChange: [1, 1], ...over } as never);

const rows: readonly (readonly [string, () => unknown, Ctor, string])[] = [
  ["directJobs NaN sales", () => directJobs(Number.NaN, 1), ValidationError, ErrorCode.INVALID_NUMBER],
  ["directJobs Infinity sales", () => directJobs(Number.POSITIVE_INFINITY, 1), ValidationError, ErrorCode.INVALID_NUMBER],
  ["directJobs -Infinity revenue", () => directJobs(1, Number.NEGATIVE_INFINITY), ValidationError, ErrorCode.INVALID_NUMBER],
  ["directJobs 'abc'", () => directJobs("abc", 1), ValidationError, ErrorCode.INVALID_NUMBER],
  ["directJobs null", () => directJobs(null as never, 1), ValidationTypeError, ErrorCode.MISSING_VALUE],
  ["directJobs undefined", () => directJobs(1, undefined as never), ValidationTypeError, ErrorCode.MISSING_VALUE],
  ["directJobs Date", () => directJobs(new Date() as never, 1), ValidationTypeError, ErrorCode.INVALID_TYPE],
  ["directJobs unknown currency", () => directJobs({ amount: "1", currency: "XYZ" } as never, 1), ValidationError, ErrorCode.UNKNOWN_CURRENCY],
  ["directJobs mixed currencies", () => directJobs({ amount: "1", currency: "USD" } as never, { amount: "1", currency: "EUR" } as never), CurrencyMismatchError, ErrorCode.CURRENCY_MISMATCH],
  ["directJobs zero revenue", () => directJobs(1, 0), ValidationError, ErrorCode.OUT_OF_RANGE],
  ["jobsFromMultiplier NaN output", () => jobsFromMultiplier({ output: Number.NaN, jobsPerMillion: 1, type: "type-I" }), ValidationError, ErrorCode.INVALID_NUMBER],
  ["jobsFromMultiplier 'abc' multiplier", () => jobsFromMultiplier({ output: 1, jobsPerMillion: "abc", type: "type-I" }), ValidationError, ErrorCode.INVALID_NUMBER],
  ["jobsFromMultiplier null type", () => jobsFromMultiplier({ output: 1, jobsPerMillion: 1, type: null } as never), ValidationTypeError, ErrorCode.INVALID_TYPE],
  ["jobsFromMultiplier null options", () => jobsFromMultiplier(null as never), ValidationTypeError, ErrorCode.MISSING_VALUE],
  [
    "leontiefInverse NaN entry",
    () =>
      leontiefInverse([
        [Number.NaN, 0],
        [0, 0],
      ]),
    ValidationError,
    ErrorCode.INVALID_NUMBER,
  ],
  [
    "leontiefInverse Infinity entry",
    () =>
      leontiefInverse([
        [0, Number.POSITIVE_INFINITY],
        [0, 0],
      ]),
    ValidationError,
    ErrorCode.INVALID_NUMBER,
  ],
  ["leontiefInverse 'abc' entry", () => leontiefInverse([["abc"]] as never), ValidationError, ErrorCode.INVALID_NUMBER],
  ["leontiefInverse null", () => leontiefInverse(null as never), ValidationTypeError, ErrorCode.MISSING_VALUE] /* #11: a null or missing array is MISSING_VALUE, as ErrorCode documents (shared toArray) */,
  ["leontiefInverse null entry", () => leontiefInverse([[null]] as never), ValidationTypeError, ErrorCode.MISSING_VALUE],
  [
    "leontiefInverse non-square",
    () =>
      leontiefInverse([
        [0.1, 0.1, 0.1],
        [0.1, 0.1, 0.1],
      ]),
    ValidationError,
    ErrorCode.DIMENSION_MISMATCH,
  ],
  [
    "leontiefInverse column sum ≥ 1",
    () =>
      leontiefInverse([
        [0.9, 0],
        [0.1, 0],
      ]),
    ValidationError,
    ErrorCode.NOT_PRODUCTIVE,
  ],
  ["leontiefInverse singular", () => leontiefInverse([[1]]), ValidationError, ErrorCode.SINGULAR_MATRIX],
  ["inputOutputImpact NaN demand", io({ finalDemandChange: [Number.NaN, 1] }), ValidationError, ErrorCode.INVALID_NUMBER],
  [
    "inputOutputImpact undefined employment",
    io({ employmentPerOutput: undefined }),
    ValidationTypeError,
    ErrorCode.MISSING_VALUE,
  ] /* #11: a null or missing array is MISSING_VALUE, as ErrorCode documents (shared toArray) */,
  ["inputOutputImpact mismatched vector", io({ finalDemandChange: [1] }), ValidationError, ErrorCode.DIMENSION_MISMATCH],
  ["inputOutputImpact non-square", io({ technicalCoefficients: [[0.1, 0.1]] }), ValidationError, ErrorCode.DIMENSION_MISMATCH],
  ["inputOutputImpact bad households", io({ households: "abc" }), ValidationTypeError, ErrorCode.INVALID_TYPE],
  ["inputOutputImpact NaN corner", io({ households: { laborIncome: [0.1, 0.1], consumption: [0.1, 0.1], householdToHousehold: Number.NaN } }), ValidationError, ErrorCode.INVALID_NUMBER],
  ["estimateJobs NaN sales", () => estimateJobs({ sales: Number.NaN, revenuePerEmployee: 1 }), ValidationError, ErrorCode.INVALID_NUMBER],
  ["estimateJobs null revenue in range", () => estimateJobs({ sales: 1, revenuePerEmployee: { low: null, central: 1, high: 2 } as never }), ValidationTypeError, ErrorCode.MISSING_VALUE],
  ["estimateJobs Money multiplier", () => estimateJobs({ sales: 1, jobsPerMillion: { amount: "1", currency: "USD" } as never }), ValidationError, ErrorCode.OUT_OF_RANGE],
  ["estimateJobs unknown currency", () => estimateJobs({ sales: { amount: "1", currency: "usd" } as never, revenuePerEmployee: 1 }), ValidationError, ErrorCode.UNKNOWN_CURRENCY],
  ["attributeJobsToMarketplace NaN employees", () => attributeJobsToMarketplace([{ employees: Number.NaN, marketplaceShare: 0.5 }]), ValidationError, ErrorCode.INVALID_NUMBER],
  ["attributeJobsToMarketplace 'abc' share", () => attributeJobsToMarketplace([{ employees: 1, marketplaceShare: "abc" }]), ValidationError, ErrorCode.INVALID_NUMBER],
  [
    "attributeJobsToMarketplace undefined",
    () => attributeJobsToMarketplace(undefined as never),
    ValidationTypeError,
    ErrorCode.MISSING_VALUE,
  ] /* #11: a null or missing array is MISSING_VALUE, as ErrorCode documents (shared toArray) */,
];

describe("jobs hostile inputs", () => {
  it.each(rows)("%s throws the typed error", (_name, f, ctor, code) => {
    let caught: unknown;
    try {
      f();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ctor);
    expect((caught as { code: string }).code).toBe(code);
    expect((caught as Error).message).toMatch(/^(directJobs|jobsFromMultiplier|leontiefInverse|inputOutputImpact|estimateJobs|attributeJobsToMarketplace): /);
  });
});
