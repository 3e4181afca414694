import { describe, expect, it } from "vitest";
import { ValidationError, ValidationTypeError } from "../errors.js";
import { kaplanMeier } from "./kaplanMeier.js";
import { mergeSurvivalTallies } from "./mergeSurvivalTallies.js";
import { tallySurvival } from "./tallySurvival.js";

// Freireich et al. (1963), Blood 21, 699–716: remission times in weeks (Gehan's data; R MASS::gehan,
// KMsurv::drug6mp). 6-MP arm: relapses at 6,6,6,7,10,13,16,22,23; censored at 6,9,10,11,17,19,20,25,32,32,34,35.
const MP_EVENTS = [6, 6, 6, 7, 10, 13, 16, 22, 23];
const MP_CENSORED = [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
const mp = [...MP_EVENTS.map((time) => ({ time, event: true })), ...MP_CENSORED.map((time) => ({ time, event: false }))];
// Control (placebo) arm: every patient relapsed.
const CONTROL = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23].map((time) => ({ time, event: true }));

const eventRows = (r: ReturnType<typeof kaplanMeier>) => r.rows.filter((x) => x.events > 0);

describe("kaplanMeier", () => {
  it('reproduces R survfit (conf.type = "log") on the 6-MP arm', () => {
    // R: summary(survfit(Surv(t2, relapse) ~ 1, data = drug6mp)) — output printed in a course
    // R Markdown on Klein & Moeschberger's drug6mp data (time, n.risk, n.event, survival, std.err,
    // lower 95% CI, upper 95% CI); read in a public repository's rendered output of that call.
    const expected = [
      [6, 21, 3, "0.857", "0.0764", "0.720", "1.000"],
      [7, 17, 1, "0.807", "0.0869", "0.653", "0.996"],
      [10, 15, 1, "0.753", "0.0963", "0.586", "0.968"],
      [13, 12, 1, "0.690", "0.1068", "0.510", "0.935"],
      [16, 11, 1, "0.627", "0.1141", "0.439", "0.896"],
      [22, 7, 1, "0.538", "0.1282", "0.337", "0.858"],
      [23, 6, 1, "0.448", "0.1346", "0.249", "0.807"],
    ];
    const km = kaplanMeier(mp, { intervals: "log" });
    expect(eventRows(km).map((r) => [r.time, r.atRisk, r.events, r.survival.toFixed(3), r.standardError.toFixed(4), r.lower.toFixed(3), r.upper.toFixed(3)])).toEqual(expected);
    expect(km.median).toBe(23);
    expect(km.subjects).toBe(21);
    expect(km.events).toBe(9);
  });

  it("reproduces Stata sts list (log-log intervals, the default) on the 6-MP and control arms", () => {
    // Stata `sts list, by(group)` on the Gehan data (G. Rodríguez, Princeton WWS 509,
    // data.princeton.edu/pop509/gehan.html): Control t=1: 21 at risk, 2 failed, S 0.9048, SE 0.0641,
    // 95% CI 0.6700 to 0.97… (the stored excerpt is cut after "0.97"). Treated t=6: 0.8571 0.0764
    // [0.6197, 0.9516]; t=7: 0.8067 0.0869 [0.5631, 0.9228], as printed by a public survival-analysis
    // repository's Gehan walkthrough (log-log intervals, the same method as Stata's).
    const treated = eventRows(kaplanMeier(mp));
    expect(treated.slice(0, 2).map((r) => [r.survival.toFixed(4), r.standardError.toFixed(4), r.lower.toFixed(4), r.upper.toFixed(4)])).toEqual([
      ["0.8571", "0.0764", "0.6197", "0.9516"],
      ["0.8067", "0.0869", "0.5631", "0.9228"],
    ]);
    const control = kaplanMeier(CONTROL).rows[0];
    expect([control?.atRisk, control?.events, control?.survival.toFixed(4), control?.standardError.toFixed(4), control?.lower.toFixed(4), control?.upper.toFixed(4).slice(0, 4)]).toEqual([
      21,
      2,
      "0.9048",
      "0.0641",
      "0.6700",
      "0.97",
    ]);
  });

  it("gives the plain interval S ± z·SE clipped to [0, 1]", () => {
    const r = eventRows(kaplanMeier(mp, { intervals: "plain" }));
    // 0.857143 − 1.959964 × 0.076360 = 0.707483; upper 1.0067 clipped to 1.
    expect(r[0]?.lower.toFixed(4)).toBe("0.7075");
    expect(r[0]?.upper.toString()).toBe("1");
  });

  it("widens with the confidence level", () => {
    const r90 = eventRows(kaplanMeier(mp, { confidence: "0.9" }))[3];
    const r99 = eventRows(kaplanMeier(mp, { confidence: 0.99 }))[3];
    expect(r99?.lower.lessThan(r90?.lower ?? 0)).toBe(true);
    expect(r99?.upper.greaterThan(r90?.upper ?? 0)).toBe(true);
  });

  it("counts events before censorings at a tied time (6-MP: 21 at risk at week 6, 17 at week 7)", () => {
    const r = kaplanMeier(mp).rows;
    expect(r.slice(0, 2).map((x) => [x.time, x.atRisk, x.events, x.censored])).toEqual([
      [6, 21, 3, 1],
      [7, 17, 1, 0],
    ]);
  });

  it("accepts a tally, a merged tally, a JSON round trip and a generator with the same result", () => {
    const whole = kaplanMeier(mp);
    const t = mergeSurvivalTallies(tallySurvival(mp.slice(0, 10)), tallySurvival(mp.slice(10)));
    expect(JSON.stringify(kaplanMeier(t))).toBe(JSON.stringify(whole));
    expect(JSON.stringify(kaplanMeier(JSON.parse(JSON.stringify(t)) as typeof t))).toBe(JSON.stringify(whole));
    function* gen() {
      yield* mp;
    }
    expect(JSON.stringify(kaplanMeier(gen()))).toBe(JSON.stringify(whole));
  });

  describe("edge cases", () => {
    it("is 1 with a [1, 1] interval and no median when nothing happened", () => {
      const r = kaplanMeier([{ time: 3, event: false }]);
      expect(r.rows[0]?.survival.toString()).toBe("1");
      expect([r.rows[0]?.lower.toString(), r.rows[0]?.upper.toString(), r.median]).toEqual(["1", "1", null]);
    });
    it("falls to 0 with a zero SE and interval when the last subject has the event (control arm at week 23)", () => {
      const last = kaplanMeier(CONTROL).rows.at(-1);
      expect([last?.time, last?.survival.toString(), last?.standardError.toString(), last?.lower.toString(), last?.upper.toString()]).toEqual([23, "0", "0", "0", "0"]);
      expect(kaplanMeier(CONTROL).median).toBe(8);
    });
    it("returns an empty table for no observations", () => {
      expect(kaplanMeier([])).toMatchObject({ subjects: 0, events: 0, median: null, rows: [] });
    });
    it("is frozen", () => {
      const r = kaplanMeier(mp);
      expect(Object.isFrozen(r.rows[0])).toBe(true);
      expect(Object.isFrozen(r.rows[0]?.survival)).toBe(true);
    });
  });

  describe("validation", () => {
    it("throws typed errors named after the function", () => {
      expect(() => kaplanMeier([{ time: -1, event: true }])).toThrow(ValidationError);
      expect(() => kaplanMeier([{ time: Number.NaN, event: true }])).toThrow(/kaplanMeier: observations\[0\]\.time/);
      expect(() => kaplanMeier([{ time: 1, event: 1 as unknown as boolean }])).toThrow(ValidationTypeError);
      expect(() => kaplanMeier(null as never)).toThrow(ValidationTypeError);
      expect(() => kaplanMeier(mp, { confidence: 1 })).toThrow(/kaplanMeier: options\.confidence/);
      expect(() => kaplanMeier(mp, { intervals: "arcsine" as never })).toThrow(ValidationError);
      expect(() => kaplanMeier({ kind: "survival-tally", times: [2, 1], events: [1, 1], censored: [0, 0] })).toThrow(/strictly ascending/);
      expect(() => kaplanMeier({ kind: "survival-tally", times: [1], events: [-1], censored: [0] })).toThrow(ValidationError);
      expect(() => mergeSurvivalTallies()).toThrow(/mergeSurvivalTallies: tallies must not be empty/);
      expect(() => tallySurvival("abc" as never)).toThrow(ValidationTypeError);
    });
  });
});
