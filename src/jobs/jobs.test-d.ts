import type { Decimal } from "decimal.js";
import { describe, expectTypeOf, it } from "vitest";
import type { AmountInput, Money } from "../money/types.js";
import { attributeJobsToMarketplace, type MarketplaceJobsAttribution, type MarketplaceSellerEmployment } from "./attributeJobsToMarketplace.js";
import { directJobs, type DirectJobsResult } from "./directJobs.js";
import { estimateJobs, type EstimateJobsOptions, type JobsEstimate } from "./estimateJobs.js";
import { inputOutputImpact, type InputOutputImpactResult } from "./inputOutputImpact.js";
import { jobsFromMultiplier, type JobsFromFinalDemandOptions, type JobsFromMultiplierResult } from "./jobsFromMultiplier.js";
import { leontiefInverse } from "./leontiefInverse.js";
import { receiptsPerEmployeeTable } from "./receiptsPerEmployeeTable.js";
import type { JobsRangeInput } from "./types.js";

declare const usd: Money;

describe("jobs types", () => {
  it("money-or-number amounts are the money module's AmountInput (#10)", () => {
    expectTypeOf(directJobs).parameter(0).toEqualTypeOf<AmountInput>();
    expectTypeOf<AmountInput>().toExtend<Parameters<typeof directJobs>[1]>();
    expectTypeOf<EstimateJobsOptions["sales"]>().toEqualTypeOf<AmountInput | JobsRangeInput<AmountInput>>();
    expectTypeOf<AmountInput>().toExtend<EstimateJobsOptions["sales"]>();
    expectTypeOf<AmountInput>().toExtend<NonNullable<EstimateJobsOptions["revenuePerEmployee"]>>();
    expectTypeOf<MarketplaceSellerEmployment["marketplaceSales"]>().toEqualTypeOf<AmountInput | undefined>();
    expectTypeOf<MarketplaceSellerEmployment["totalSales"]>().toEqualTypeOf<AmountInput | undefined>();
    expectTypeOf<JobsFromFinalDemandOptions["output"]>().toEqualTypeOf<AmountInput>();
  });
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
