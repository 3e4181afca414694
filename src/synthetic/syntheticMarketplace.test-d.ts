import type { Decimal } from "decimal.js";
import { describe, expectTypeOf, it } from "vitest";
import type { Money } from "../money/types.js";
import type { Seller } from "../sellers/types.js";
import type { Sale } from "../share/types.js";
import { syntheticMarketplace } from "./syntheticMarketplace.js";
import type { SyntheticSeller } from "./types.js";

describe("syntheticMarketplace", () => {
  const m = syntheticMarketplace({ seed: 1, sellers: 10 });
  it("streams Sellers and Sales of the library's own types", () => {
    expectTypeOf(m.sellers()).toMatchTypeOf<Iterable<Seller>>();
    expectTypeOf(m.sellers()).toMatchTypeOf<Iterable<SyntheticSeller>>();
    expectTypeOf(m.sales()).toMatchTypeOf<Iterable<Sale>>();
    expectTypeOf(m.aggregates().smbShareOfSales).toEqualTypeOf<Decimal>();
    expectTypeOf(m.model.revenuePerJob).toEqualTypeOf<Money>();
    // Size facts are always set, so a SyntheticSeller classifies without missing facts.
    expectTypeOf<SyntheticSeller["employees"]>().toEqualTypeOf<number>();
    expectTypeOf<SyntheticSeller["balanceSheetTotal"]>().toEqualTypeOf<Money>();
  });
  it("rejects misuse", () => {
    // @ts-expect-error seed is required
    syntheticMarketplace({ sellers: 10 });
    // @ts-expect-error unknown granularity
    m.sales({ granularity: "week" });
    // @ts-expect-error rates are numbers, strings or Decimals
    syntheticMarketplace({ seed: 1, sellers: 10, calibration: { smbShareOfSales: true } });
  });
});
