/**
 * simulatePortfolioAsync (#12, item 3): async iterables and worker threads give exactly the
 * sequential simulatePortfolio result; bad options are typed errors (rejections).
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import { money } from "../money/money.js";
import { revenueShareLoan } from "./revenueShareLoan.js";
import { salesBasedAdvance } from "./salesBasedAdvance.js";
import { simulatePortfolio } from "./simulatePortfolio.js";
import { simulatePortfolioAsync } from "./simulatePortfolioAsync.js";
import { termLoan } from "./termLoan.js";

const D0 = Date.UTC(2024, 0, 2) / 86_400_000;
const json = (x: unknown) => JSON.parse(JSON.stringify(x));
const SELLERS = 60;
const series = (s: number) => ({
  days: Int32Array.from({ length: 200 }, (_, i) => D0 + i),
  minor: Float64Array.from({ length: 200 }, (_, i) => ((s * 7919 + i * 104_729) % 40_000) - (i % 29 === 0 ? 5_000 : 0)),
});
const book: Record<string, ReturnType<typeof series>> = {};
for (let s = 0; s < SELLERS; s++) book[`s${s}`] = series(s);
const loans = Array.from({ length: 4_500 }, (_, k) => {
  const sellerId = `s${k % SELLERS}`;
  const principal = money(new Decimal(500 + (k % 37) * 25), "USD");
  const product =
    k % 10 === 0
      ? termLoan({ principal, annualRate: "0.09", termMonths: 3, startDate: "2024-01-05" })
      : k % 7 === 0
        ? revenueShareLoan({ principal, repaymentCap: "1.3", revenueShare: "0.07" })
        : salesBasedAdvance({ principal, fee: 40 + (k % 11), holdbackRate: new Decimal(5 + (k % 9)).div(100), ...(k % 3 === 0 ? { minimumPayment: { rate: "0.1", everyDays: 45 } } : {}) });
  return { id: `L${k}`, sellerId, product, fundedOn: new Date((D0 - 1 + (k % 20)) * 86_400_000) };
});

describe("simulatePortfolioAsync", () => {
  const sequential = json(simulatePortfolio(loans, book, { until: "2024-06-30" }));
  it("with 2 workers gives the sequential result to the cent (4,500 loans over 3 batches)", async () => {
    expect(sequential.loanCount).toBe(4_500);
    expect(json(await simulatePortfolioAsync(loans, book, { until: "2024-06-30", workers: 2 }))).toEqual(sequential);
  });
  it("reads async iterables in this thread, same result", async () => {
    const asyncBook = new Map(
      Object.entries(book).map(([id, c]) => [
        id,
        (async function* () {
          for (let i = 0; i < c.days.length; i++) yield { day: c.days[i]!, minor: c.minor[i]! };
        })(),
      ]),
    );
    expect(json(await simulatePortfolioAsync(loans, asyncBook, { until: "2024-06-30" }))).toEqual(sequential);
  });
  it("rejects a bad workers option and every input simulatePortfolio rejects, with typed errors", async () => {
    await expect(simulatePortfolioAsync(loans, book, { workers: 0 })).rejects.toMatchObject({ code: ErrorCode.OUT_OF_RANGE, fn: "simulatePortfolioAsync", argument: "options.workers" });
    await expect(simulatePortfolioAsync(loans, book, { workers: 1.5 })).rejects.toMatchObject({ fn: "simulatePortfolioAsync", argument: "options.workers" });
    await expect(simulatePortfolioAsync([], book)).rejects.toMatchObject({ code: ErrorCode.EMPTY_INPUT, fn: "simulatePortfolioAsync" });
    await expect(simulatePortfolioAsync(loans, { s0: book["s0"]! })).rejects.toMatchObject({ code: ErrorCode.MISSING_VALUE, fn: "simulatePortfolioAsync" });
  });
});
