import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const probe = new URL("./fixtures/tz-probe.ts", import.meta.url).pathname;
const run = (tz: string): Record<string, unknown> => JSON.parse(execFileSync(process.execPath, ["--import", "tsx", probe], { env: { ...process.env, TZ: tz }, encoding: "utf8" })) as Record<string, unknown>;

describe("time zone independence (issue #2)", () => {
  it("gives identical period, day-count and parsing results under UTC and zones with DST, half-hour offsets and skipped days", () => {
    const utc = run("UTC");
    expect(utc["tz"]).toBe("UTC");
    for (const tz of ["America/Los_Angeles", "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Chatham", "Pacific/Apia", "Pacific/Kiritimati"]) {
      const other = run(tz);
      expect({ ...other, tz: "UTC" }).toEqual(utc);
    }
  }, 60_000);
});
