import { describe, expectTypeOf, it } from "vitest";
import { money } from "../money/money.js";
import { classifyEnterpriseSize } from "./classifyEnterpriseSize.js";
import { cohortsByPeriod } from "./cohortsByPeriod.js";
import { createSeller } from "./createSeller.js";
import { isSmallOrMediumBusiness } from "./isSmallOrMediumBusiness.js";
import type { EnterpriseSize, Seller } from "./types.js";

describe("sellers types", () => {
  it("createSeller returns a readonly Seller", () => {
    const s = createSeller({ id: "a", joinedOn: "2017-01-01" });
    expectTypeOf(s).toEqualTypeOf<Seller>();
    // @ts-expect-error id is readonly
    s.id = "b";
    // @ts-expect-error joinedOn is required
    createSeller({ id: "a" });
  });
  it("a Seller is accepted as enterprise facts", () => {
    const s = createSeller({ id: "a", joinedOn: "2017-01-01", employees: 3, annualTurnover: money("1", "EUR") });
    expectTypeOf(classifyEnterpriseSize(s, "EU-2003/361").size).toEqualTypeOf<EnterpriseSize | undefined>();
    expectTypeOf(isSmallOrMediumBusiness(s)).toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error unknown standard
    classifyEnterpriseSize(s, "UK-CA2006");
  });
  it("periods are a closed union", () => {
    // @ts-expect-error "fortnight" is not a period
    cohortsByPeriod([], "fortnight");
  });
});
