import type { Decimal } from "decimal.js";
import { describe, expectTypeOf, it } from "vitest";
import type { Money } from "../money/types.js";
import { attributeJobsToMarketplace, type MarketplaceJobsAttribution } from "./attributeJobsToMarketplace.js";
import { directJobs, type DirectJobsResult } from "./directJobs.js";
import { estimateJobs, type JobsEstimate } from "./estimateJobs.js";
import { inputOutputImpact, type InputOutputImpactResult } from "./inputOutputImpact.js";
import { jobsFromMultiplier, type JobsFromMultiplierResult } from "./jobsFromMultiplier.js";
import { leontiefInverse } from "./leontiefInverse.js";
import { receiptsPerEmployeeTable } from "./receiptsPerEmployeeTable.js";

declare const usd: Money;

describe("jobs types", () => {
  it("directJobs takes Money, numbers or a table entry and returns Decimal jobs", () => {
    expectTypeOf(directJobs(usd, receiptsPerEmployeeTable["retail-44-45-2002"])).toEqualTypeOf<DirectJobsResult>();
    expectTypeOf(directJobs(1, "2").jobs).toEqualTypeOf<Decimal>();
    // @ts-expect-error a Date is not an amount
    directJobs(new Date(), 1);
    // @ts-expect-error unknown table key
    void receiptsPerEmployeeTable["retail-2030"];
  });

  it("jobsFromMultiplier results keep nullable components", () => {
    const r = jobsFromMultiplier({ output: usd, jobsPerMillion: 10, type: "type-II" });
    expectTypeOf(r).toEqualTypeOf<JobsFromMultiplierResult>();
    expectTypeOf(r.direct).toEqualTypeOf<Decimal | null>();
    // @ts-expect-error type must be "type-I" or "type-II"
    jobsFromMultiplier({ output: 1, jobsPerMillion: 1, type: "III" });
  });

  it("leontiefInverse returns a readonly number matrix", () => {
    const l = leontiefInverse([[0.1]]);
    expectTypeOf(l).toEqualTypeOf<readonly (readonly number[])[]>();
    // @ts-expect-error the result is readonly
    l[0]![0] = 1;
    // @ts-expect-error a vector is not a matrix
    leontiefInverse([0.1]);
  });

  it("inputOutputImpact and estimateJobs return their documented shapes", () => {
    const r = inputOutputImpact({ technicalCoefficients: [[0.1]], employmentPerOutput: [1], finalDemandChange: [1] });
    expectTypeOf(r).toEqualTypeOf<InputOutputImpactResult>();
    expectTypeOf(r.jobs.induced).toEqualTypeOf<number>();
    const e = estimateJobs({ sales: { low: 1, central: 2, high: 3 }, revenuePerEmployee: 1 });
    expectTypeOf(e).toEqualTypeOf<JobsEstimate>();
    expectTypeOf(e.central).toEqualTypeOf<Decimal>();
    expectTypeOf(attributeJobsToMarketplace([{ employees: 1, marketplaceShare: 0.5 }])).toEqualTypeOf<MarketplaceJobsAttribution>();
  });
});
