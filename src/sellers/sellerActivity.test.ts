import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, ValidationError, ValidationTypeError } from "../errors.js";
import { money } from "../money/money.js";
import type { Sale } from "../share/types.js";
import { churnByInactivity } from "./churnByInactivity.js";
import { cohortGmvRetention } from "./cohortGmvRetention.js";
import { kaplanMeier } from "./kaplanMeier.js";
import { mergeSellerActivity } from "./mergeSellerActivity.js";
import { sellerLifetimeValue } from "./sellerLifetimeValue.js";
import { trackSellerActivity } from "./trackSellerActivity.js";
import { trackSellerActivityAsync } from "./trackSellerActivityAsync.js";

const sale = (sellerId: string, date: string, usd = "10", currency = "USD"): Sale => ({ sellerId, date, amount: money(usd, currency) });

// A hand-computed log: three monthly cohorts (Jan: a, b; Feb: c; Mar: d), a refund, sub-cent amounts.
const log: Sale[] = [
  sale("a", "2024-01-03", "100.00"),
  sale("b", "2024-01-09", "50.00"),
  sale("a", "2024-02-02", "150.00"),
  sale("c", "2024-02-14", "40.00"),
  sale("b", "2024-02-20", "-20.00"), // a refund: GMV, not activity
  sale("a", "2024-03-05", "0.005"),
  sale("c", "2024-03-06", "60.00"),
  sale("d", "2024-03-30", "10.00"),
];

describe("trackSellerActivity / mergeSellerActivity", () => {
  it("keeps first and last sale day and exact GMV per period in its JSON form", () => {
    const a = trackSellerActivity(log);
    expect([a.kind, a.currency, a.period, a.sellers, a.records]).toEqual(["seller-activity", "USD", "month", 4, 8]);
    const json = JSON.parse(JSON.stringify(a)) as { sellers: unknown[] };
    expect(json.sellers[1]).toEqual([
      "b",
      "2024-01-09",
      "2024-01-09",
      [
        ["2024-01-01", "50", 1],
        ["2024-02-01", "-20", 0],
      ],
    ]);
    expect(json.sellers[0]).toEqual([
      "a",
      "2024-01-03",
      "2024-03-05",
      [
        ["2024-01-01", "100", 1],
        ["2024-02-01", "150", 1],
        ["2024-03-01", "0.005", 1],
      ],
    ]);
  });

  it("merges shards in any order, from JSON too, to the state of the whole log", () => {
    const whole = JSON.stringify(trackSellerActivity(log));
    const x = trackSellerActivity(log.slice(0, 3));
    const y = trackSellerActivity(log.slice(3));
    expect(JSON.stringify(mergeSellerActivity(x, y))).toBe(whole);
    expect(JSON.stringify(mergeSellerActivity(y, x))).toBe(whole);
    expect(JSON.stringify(mergeSellerActivity(JSON.parse(JSON.stringify(y)) as typeof y, x))).toBe(whole);
  });

  it("reads an async iterable, once, like the sync version", async () => {
    let starts = 0;
    const source = {
      async *[Symbol.asyncIterator]() {
        starts += 1;
        yield* log;
      },
    };
    const a = await trackSellerActivityAsync(source);
    expect(starts).toBe(1);
    expect(JSON.stringify(a)).toBe(JSON.stringify(trackSellerActivity(log)));
  });

  it("groups by quarter", () => {
    expect(JSON.parse(JSON.stringify(trackSellerActivity(log, { period: "quarter" }))).sellers[0][3]).toEqual([["2024-01-01", "250.005", 3]]);
  });

  it("throws typed errors", async () => {
    expect(() => trackSellerActivity([sale("a", "2024-01-01"), sale("b", "2024-01-02", "1", "EUR")])).toThrow(CurrencyMismatchError);
    expect(() => trackSellerActivity([{ sellerId: "", date: "2024-01-01", amount: money("1", "USD") }])).toThrow(/trackSellerActivity: sales\[0\]\.sellerId/);
    expect(() => trackSellerActivity([{ sellerId: "a", date: "2024-02-30", amount: money("1", "USD") }])).toThrow(ValidationError);
    expect(() => trackSellerActivity(42 as never)).toThrow(ValidationTypeError);
    expect(() => trackSellerActivity(log, { period: "fortnight" as never })).toThrow(ValidationError);
    await expect(trackSellerActivityAsync(null as never)).rejects.toThrow(ValidationTypeError);
    expect(() => mergeSellerActivity()).toThrow(ValidationError);
    expect(() => mergeSellerActivity(trackSellerActivity(log), trackSellerActivity(log, { period: "week" }))).toThrow(/mergeSellerActivity: activities\[1\]\.period/);
    expect(() => mergeSellerActivity({ kind: "other" } as never)).toThrow(ValidationTypeError);
  });
});

describe("churnByInactivity", () => {
  it("churns a seller after N days without a sale and censors the others (hand-computed)", () => {
    // asOf 2024-03-31, N = 30: a last sold 03-05 (26 days: active, censored at 88 days since 01-03);
    // b last sold 01-09 (82 days: churned at 01-09 + 30 → lifetime 30); c last 03-06 (active, 46);
    // d first and last 03-30 (active, censored at 1).
    const c = churnByInactivity(trackSellerActivity(log), { inactivityDays: 30, asOf: "2024-03-31" });
    expect([c.sellers, c.churned, c.active, c.churnRate.toString()]).toEqual([4, 1, 3, "0.25"]);
    expect(c.survival).toEqual({ kind: "survival-tally", times: [1, 30, 46, 88], events: [0, 1, 0, 0], censored: [1, 0, 1, 1] });
    expect(kaplanMeier(c.survival).rows.map((r) => r.survival.toFixed(4))).toEqual(["1.0000", "0.6667", "0.6667", "0.6667"]);
  });
  it("counts exactly N silent days as churn (boundary)", () => {
    const a = trackSellerActivity([sale("a", "2024-01-01")]);
    expect(churnByInactivity(a, { inactivityDays: 30, asOf: "2024-01-31" }).churned).toBe(1);
    expect(churnByInactivity(a, { inactivityDays: 30, asOf: "2024-01-30" }).churned).toBe(0);
  });
  it("defaults asOf to the last sale and rejects an asOf before it", () => {
    const a = trackSellerActivity(log);
    expect(churnByInactivity(a, { inactivityDays: 30 }).asOf.toISOString()).toBe("2024-03-30T00:00:00.000Z");
    expect(() => churnByInactivity(a, { inactivityDays: 30, asOf: "2024-03-01" })).toThrow(/churnByInactivity: options\.asOf must not be before the last sale/);
    expect(() => churnByInactivity(a, { inactivityDays: 0 })).toThrow(ValidationError);
    expect(() => churnByInactivity(a, undefined as never)).toThrow(ValidationTypeError);
  });
});

describe("cohortGmvRetention", () => {
  it("builds the exact GMV triangle (hand-computed)", () => {
    const r = cohortGmvRetention(trackSellerActivity(log));
    expect(r.cohorts.map((c) => [c.cohort, c.sellers, c.gmv.map((m) => m.amount.toString()), c.activeSellers, c.gmvRetention.map((x) => x?.toString() ?? null)])).toEqual([
      ["2024-01", 2, ["150", "130", "0.005"], [2, 1, 1], ["1", "0.86666666666666666667", "0.000033333333333333333333"]],
      ["2024-02", 1, ["40", "60"], [1, 1], ["1", "1.5"]],
      ["2024-03", 1, ["10"], [1], ["1"]],
    ]);
  });
  it("extends the columns to asOf", () => {
    const r = cohortGmvRetention(trackSellerActivity(log), { asOf: "2024-05-01" });
    expect(r.cohorts[2]?.gmv.map((m) => m.amount.toString())).toEqual(["10", "0", "0"]);
  });
  it("returns no cohort for an empty log", () => {
    expect(cohortGmvRetention(trackSellerActivity([])).cohorts).toEqual([]);
  });
});

describe("sellerLifetimeValue", () => {
  it("averages the take over sellers of the cohorts observed for the horizon (hand-computed)", () => {
    // horizon 2: cohorts Jan (150 + 130, 2 sellers) and Feb (40 + 60, 1 seller): (280 + 100) × 0.1 / 3 = 12.666… → 12.67.
    const v = sellerLifetimeValue(trackSellerActivity(log), { horizon: 2, takeRate: "0.1" });
    expect([v.method, v.cohorts, v.sellers, v.value.amount.toString(), v.curve.map((m) => m.amount.toString())]).toEqual(["cohort-historical", 2, 3, "12.67", ["6.33", "12.67"]]);
  });
  it("discounts period k by (1 + d)^k", () => {
    // horizon 2, d = 25 %: (190 + 190 / 1.25) / 3 = (190 + 152) / 3 = 114 GMV per seller.
    const v = sellerLifetimeValue(trackSellerActivity(log), { horizon: 2, discountRate: "0.25" });
    expect(v.value.amount.toString()).toBe("114");
  });
  it("throws when no cohort is observed for the horizon", () => {
    expect(() => sellerLifetimeValue(trackSellerActivity(log), { horizon: 4 })).toThrow(/sellerLifetimeValue: options\.horizon leaves no cohort/);
    expect(() => sellerLifetimeValue(trackSellerActivity(log), { horizon: 2, takeRate: 2 })).toThrow(ValidationError);
  });
});
