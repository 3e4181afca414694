// Exact money, rounding, allocation and UTC calendar periods (money and time modules).
// Run: npx tsx examples/money-and-time.ts
import { add, allocate, eachPeriod, formatMoney, money, multiply, periodKey, roundToMinor, sum, yearFraction } from "marketplace-economics";

// 0.1 + 0.2 is 0.3: amounts are decimal.js Decimals, never floats.
console.log("0.1 + 0.2 =", add(money("0.1", "USD"), money("0.2", "USD")).amount.toString());

// A 10 % holdback of $123.45 is $12.345 until you decide how to round it.
const holdback = multiply(money("123.45", "USD"), "0.10");
console.log(holdback.amount.toString(), "→ half-even", roundToMinor(holdback).amount.toString(), "/ half-up", roundToMinor(holdback, "half-up").amount.toString());

// Split a $1,000 marketplace fee pool 3 ways without losing a cent.
const parts = allocate(money("1000", "USD"), [1, 1, 1]);
console.log(parts.map((p) => formatMoney(p)).join(" + "), "=", formatMoney(sum(parts)));

// Minor units come from Intl: yen has none, dinar has three.
console.log(formatMoney(money("1234.5", "JPY"), "ja-JP"), formatMoney(money("1.2345", "BHD"), "en-US"));

// Calendar periods in UTC (the same answer in every time zone).
const quarters = eachPeriod("2017-01-01", "2017-12-31", "quarter").map((d) => periodKey(d, "quarter"));
console.log(quarters.join(", "));

// Day counts (ISDA 2006 § 4.16) from 2017-01-31 to 2018-03-31.
for (const c of ["ACT/365F", "ACT/360", "30/360", "30E/360", "ACT/ACT-ISDA"] as const) {
  console.log(c.padEnd(13), yearFraction("2017-01-31", "2018-03-31", c).toFixed(6));
}
