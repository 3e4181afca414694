import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { dayBasis } from "./_lib/daycount.js";
import { parseAmounts, parseFlows } from "./_lib/flows.js";
import { datedProblem, periodicProblem } from "./_lib/problem.js";
import { type RootProblem, toProblem, uniformStep } from "./_lib/solver.js";

// _lib/problem.ts documents that datedProblem / periodicProblem build bit for bit the problem of
// `toProblem(parseFlows(value, fn, false), D)` / `toProblem(parseAmounts(value, fn, false), 1)`
// (the two-pass reference kept in _lib/solver.ts); these properties check that claim, merges of
// same-day flows, zero sums, unsorted input and the uniform-gap detection included.

const DAY = 86_400_000;
const plain = (p: RootProblem) => ({ a: [...p.a], k: [...p.k], n: p.n, D: p.D, absSum: p.absSum, signChanges: p.signChanges, step: p.step });

// amounts with zeros and exact cancellations, days with repeats and gaps, in any order
const amount = fc.oneof(
  fc.constant(0),
  fc.integer({ min: -5000, max: 5000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => Math.round(x * 100) / 100),
);
const flows = fc.array(fc.record({ day: fc.integer({ min: 0, max: 60 }), amount }), { minLength: 1, maxLength: 40 });

describe("problem builders agree with the two-pass reference toProblem", () => {
  test.prop([flows, fc.integer({ min: -3000, max: 3000 })])("datedProblem = toProblem(parseFlows(...), 365)", (list, start) => {
    const input = list.map((f) => ({ date: new Date((start + f.day) * DAY), amount: f.amount }));
    const want = plain(toProblem(parseFlows(input, "xirr", false), 365));
    expect(plain(datedProblem(input, "xirr", dayBasis("ACT/365F")))).toEqual(want);
  });

  test.prop([fc.array(amount, { minLength: 1, maxLength: 40 })])("periodicProblem = toProblem(parseAmounts(...), 1)", (values) => {
    const want = plain(toProblem(parseAmounts(values, "irr", false), 1));
    expect(plain(periodicProblem(values, "irr"))).toEqual(want);
  });
});

describe("toProblem and uniformStep on hand-computed cases", () => {
  it("same-day flows merge, zero sums drop, days re-base on the first non-zero flow", () => {
    const input = [
      { date: new Date(10 * DAY), amount: 5 },
      { date: new Date(10 * DAY), amount: -5 }, // day 10 sums to 0: dropped
      { date: new Date(12 * DAY), amount: -100 },
      { date: new Date(14 * DAY), amount: 60 },
      { date: new Date(14 * DAY), amount: 0 },
      { date: new Date(16 * DAY), amount: 70 },
    ];
    const p = toProblem(parseFlows(input, "xirr", false), 365);
    expect(plain(p)).toEqual({ a: [-100, 60, 70], k: [0, 2, 4], n: 3, D: 365, absSum: 240, signChanges: 1, step: 2 });
  });
  it("uniformStep: the common gap, or 0 when gaps differ or fewer than 2 flows", () => {
    expect(uniformStep(new Float64Array([0, 3, 6, 9]), 4)).toBe(3);
    expect(uniformStep(new Float64Array([0, 3, 7]), 3)).toBe(0);
    expect(uniformStep(new Float64Array([0]), 1)).toBe(0);
    expect(uniformStep(new Float64Array([0, 5, 9, 99]), 2)).toBe(5); // only the first n count
  });
});
