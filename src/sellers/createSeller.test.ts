import { describe, expect, it } from "vitest";
import { ValidationError, ValidationTypeError } from "../errors.js";
import { money } from "../money/money.js";
import { createSeller } from "./createSeller.js";

describe("createSeller", () => {
  it("validates and normalises a full record", () => {
    const s = createSeller(
      { id: "s1", joinedOn: "2017-04-03T15:30:00Z", country: "de", employees: 0, annualTurnover: money("0", "EUR"), segment: "smb", naicsCode: "454110", leftOn: "2018-01-01" },
      { asOf: "2018-06-30" },
    );
    expect(s.joinedOn.toISOString()).toBe("2017-04-03T00:00:00.000Z");
    expect(s.country).toBe("DE");
    expect(s.employees).toBe(0);
    expect(Object.isFrozen(s)).toBe(true);
  });
  it("leaves out undefined optional fields", () => {
    expect(Object.keys(createSeller({ id: "a", joinedOn: "2017-01-01", country: undefined }))).toEqual(["id", "joinedOn"]);
  });
  it("throws a typed error for a missing or blank id", () => {
    expect(() => createSeller({ joinedOn: "2017-01-01" } as never)).toThrowError(expect.objectContaining({ code: "MISSING_VALUE", argument: "input.id" }));
    expect(() => createSeller({ id: "  ", joinedOn: "2017-01-01" })).toThrow(ValidationError);
  });
  it("throws when joinedOn is after asOf", () => {
    expect(() => createSeller({ id: "a", joinedOn: "2019-01-01" }, { asOf: "2018-12-31" })).toThrowError(expect.objectContaining({ code: "INVALID_DATE_ORDER" }));
    expect(createSeller({ id: "a", joinedOn: "2018-12-31" }, { asOf: "2018-12-31" }).id).toBe("a");
  });
  it("throws on negative or fractional headcount", () => {
    expect(() => createSeller({ id: "a", joinedOn: "2017-01-01", employees: -1 })).toThrowError(expect.objectContaining({ code: "OUT_OF_RANGE" }));
    expect(() => createSeller({ id: "a", joinedOn: "2017-01-01", employees: 2.5 })).toThrowError(expect.objectContaining({ code: "NOT_INTEGER" }));
    expect(() => createSeller({ id: "a", joinedOn: "2017-01-01", employees: "3" as never })).toThrow(ValidationTypeError);
  });
  it("throws on invalid dates, negative amounts, bad country or NAICS, leftOn before joinedOn", () => {
    expect(() => createSeller({ id: "a", joinedOn: "2017-02-30" })).toThrowError(expect.objectContaining({ code: "INVALID_DATE" }));
    expect(() => createSeller({ id: "a", joinedOn: new Date("x") })).toThrowError(expect.objectContaining({ code: "INVALID_DATE" }));
    expect(() => createSeller({ id: "a", joinedOn: "2017-01-01", annualTurnover: money("-1", "EUR") })).toThrow(ValidationError);
    expect(() => createSeller({ id: "a", joinedOn: "2017-01-01", country: "USA" })).toThrow(ValidationError);
    expect(() => createSeller({ id: "a", joinedOn: "2017-01-01", naicsCode: "45-41" })).toThrow(ValidationError);
    expect(() => createSeller({ id: "a", joinedOn: "2017-01-01", leftOn: "2016-12-31" })).toThrowError(expect.objectContaining({ code: "INVALID_DATE_ORDER" }));
  });
  it("does not mutate its input", () => {
    const d = new Date("2017-01-01T10:00:00Z");
    createSeller({ id: "a", joinedOn: d });
    expect(d.toISOString()).toBe("2017-01-01T10:00:00.000Z");
  });
});
