import { describeHostileTable, type HostileRow } from "../../test/support/hostile.js";
import { money } from "../money/money.js";
import type { Sale } from "../share/types.js";
import { classifyEnterpriseSize } from "./classifyEnterpriseSize.js";
import { cohortsByPeriod } from "./cohortsByPeriod.js";
import { cohortSurvival } from "./cohortSurvival.js";
import { countNewSellers } from "./countNewSellers.js";
import { countSellersAboveSales } from "./countSellersAboveSales.js";
import { countSellersByCountry } from "./countSellersByCountry.js";
import { createSeller } from "./createSeller.js";
import { isSmallOrMediumBusiness } from "./isSmallOrMediumBusiness.js";
import { salesBrackets } from "./salesBrackets.js";
import { sumSalesBySeller } from "./sumSalesBySeller.js";

const B = (x: unknown) => x as never;
const s1 = createSeller({ id: "a", joinedOn: "2017-01-01" });
const usd = money("1", "USD");
const ok: Sale = { sellerId: "a", date: new Date("2017-01-02T00:00:00Z"), amount: usd };
const y = { start: "2017-01-01", end: "2018-01-01" };

const TABLE: readonly HostileRow[] = [
  { fn: "createSeller", kind: "date", slot: "input.joinedOn", call: (x) => createSeller({ id: "a", joinedOn: B(x) }) },
  { fn: "createSeller", kind: "date", slot: "options.asOf", call: (x) => createSeller({ id: "a", joinedOn: "2017-01-01" }, { asOf: B(x) }), valid: ["undefined"] },
  { fn: "createSeller", kind: "integer", slot: "input.employees", call: (x) => createSeller({ id: "a", joinedOn: "2017-01-01", employees: B(x) }) },
  { fn: "createSeller", kind: "money", slot: "input.annualTurnover", call: (x) => createSeller({ id: "a", joinedOn: "2017-01-01", annualTurnover: B(x ?? null) }) },
  { fn: "classifyEnterpriseSize", kind: "integer", slot: "facts.employees", call: (x) => classifyEnterpriseSize({ employees: B(x ?? "x") }, "EU-2003/361") },
  { fn: "classifyEnterpriseSize", kind: "money", slot: "facts.annualTurnover", call: (x) => classifyEnterpriseSize({ employees: 3, annualTurnover: B(x ?? null) }, "EU-2003/361") },
  { fn: "classifyEnterpriseSize", kind: "moneyUsd", slot: "facts.annualTurnover (SBA, USD)", call: (x) => classifyEnterpriseSize({ naicsCode: "454110", annualTurnover: B(x ?? null) }, "US-SBA") },
  { fn: "classifyEnterpriseSize", kind: "money", slot: "options.toEur result", call: (x) => classifyEnterpriseSize({ employees: 3, annualTurnover: usd }, "EU-2003/361", { toEur: () => B(x) }) },
  { fn: "isSmallOrMediumBusiness", kind: "integer", slot: "facts.employees", call: (x) => isSmallOrMediumBusiness({ employees: B(x ?? "x") }) },
  { fn: "countNewSellers", kind: "array", slot: "sellers", call: (x) => countNewSellers(B(x), y) },
  { fn: "countNewSellers", kind: "date", slot: "interval.start", call: (x) => countNewSellers([s1], { start: B(x), end: "2018-01-01" }) },
  { fn: "countNewSellers", kind: "dateObject", slot: "sellers[0].joinedOn", call: (x) => countNewSellers([{ id: "a", joinedOn: B(x) }], y) },
  { fn: "cohortsByPeriod", kind: "array", slot: "sellers", call: (x) => cohortsByPeriod(B(x), "month") },
  { fn: "cohortSurvival", kind: "date", slot: "options.asOf", call: (x) => cohortSurvival([s1], { asOf: B(x) }) },
  { fn: "countSellersByCountry", kind: "date", slot: "interval.end", call: (x) => countSellersByCountry([s1], { start: "2017-01-01", end: B(x) }) },
  { fn: "countSellersAboveSales", kind: "moneyUsd", slot: "threshold", call: (x) => countSellersAboveSales([ok], B(x), y) },
  { fn: "countSellersAboveSales", kind: "moneyUsd", slot: "sellerSales[1].amount", call: (x) => countSellersAboveSales([ok, { ...ok, amount: B(x) }], usd, y) },
  { fn: "countSellersAboveSales", kind: "date", slot: "sellerSales[0].date", call: (x) => countSellersAboveSales([{ ...ok, date: B(x) }], usd, y) },
  { fn: "salesBrackets", kind: "moneyUsd", slot: "boundaries[1]", call: (x) => salesBrackets([ok], [usd, B(x)]) },
  { fn: "salesBrackets", kind: "array", slot: "boundaries", call: (x) => salesBrackets([ok], B(x)) },
  { fn: "sumSalesBySeller", kind: "moneyUsd", slot: "sales[1].amount", call: (x) => sumSalesBySeller([ok, { ...ok, amount: B(x) }]) },
];

describeHostileTable("sellers hostile inputs", TABLE);
