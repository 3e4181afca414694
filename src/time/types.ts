/**
 * A calendar period. Weeks are ISO weeks (Monday to Sunday) unless an option says otherwise.
 *
 * @category Time
 * @since 0.1.0
 */
export type Period = "day" | "week" | "month" | "quarter" | "year";

/**
 * A day-count convention (ISDA 2006 Definitions § 4.16):
 * - `"ACT/365F"` — actual days / 365 (Actual/365 (Fixed), § 4.16(d)); Excel's XIRR basis;
 * - `"ACT/360"` — actual days / 360 (§ 4.16(e));
 * - `"30/360"` — 30/360 Bond Basis (§ 4.16(f)), the US convention without the February rule;
 * - `"30E/360"` — 30E/360 Eurobond Basis (§ 4.16(g));
 * - `"ACT/ACT-ISDA"` — Actual/Actual (ISDA) (§ 4.16(b)): days in leap years / 366 + days in other years / 365;
 * - `"ACT/365.25"`, `"ACT/364"` — actual days / 365.25 or / 364 (pyxirr's `ACT_365_25`, `ACT_364`; since 0.2.0);
 * - `"30E+/360"` — 30E+/360: d₁ = 31 → 30; d₂ = 31 → the 1st of the next month (pyxirr's `THIRTY_E_PLUS_360`; since 0.2.0).
 *
 * @category Time
 * @since 0.1.0
 */
export type DayCountConvention = "ACT/365F" | "ACT/360" | "30/360" | "30E/360" | "ACT/ACT-ISDA" | "ACT/365.25" | "ACT/364" | "30E+/360";

/**
 * A date input: a `Date` (its UTC calendar day is used) or an ISO 8601 string
 * (`"2024-03-31"` or `"2024-03-31T12:00:00Z"`).
 *
 * @category Time
 * @since 0.1.0
 */
export type DateInput = Date | string;
