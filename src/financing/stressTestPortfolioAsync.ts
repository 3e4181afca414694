import { toInteger } from "../_lib/validate.js";
import { xirr } from "../tvm/xirr.js";
import { workerScript, WorkerPool } from "./_lib/parallel.js";
import type { StressBatch, StressReply } from "./_lib/portfolioWorker.js";
import { type ScenarioOutcome, runScenarioInt, StressScratch, type StressIntLoan, type StressLoan, toOutcome } from "./_lib/stressBook.js";
import { finishStress, irrWith, prepareStress, runStressRange } from "./_lib/stressRun.js";
import type { PortfolioLoan } from "./simulatePortfolio.js";
import type { StressTestPortfolioOptions, StressTestResult } from "./stressTestPortfolio.js";
import type { FinancingSalesBySeller } from "./types.js";

/**
 * The {@link stressTestPortfolioAsync} function options: those of {@link stressTestPortfolio}
 * and the number of worker threads.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface StressTestPortfolioAsyncOptions extends StressTestPortfolioOptions {
  /**
   * Worker threads running the scenarios, an integer from 1 to 64 (default 1: everything runs in
   * this thread). With `n` > 1 the library splits the scenarios into `n` contiguous ranges, runs
   * each on a `worker_threads` worker and merges the exact integer figures in scenario order: the
   * result is identical to {@link stressTestPortfolio}'s.
   */
  readonly workers?: number;
}

const FN = "stressTestPortfolioAsync";

/**
 * {@link stressTestPortfolio} on several cores: the scenarios of the stress test are split
 * between `workers` worker threads. The result is identical to {@link stressTestPortfolio}'s,
 * to the cent, for any number of workers (every random draw is a hash of the seed and the
 * scenario, so a scenario does not depend on where it runs).
 *
 * ## Notes
 * - Work split and merge: the book is validated and read in this thread (the base run of every
 *   loan, the sellers' series in integer minor units); each worker receives the book once and a
 *   contiguous range of scenarios, runs them on the exact integer engine and replies with each
 *   scenario's integer totals and daily flow sums; this thread converts them to Decimal and
 *   computes each scenario's XIRR, in scenario order. A scenario with a loan off the integer
 *   path (an amount beyond 2^53 minor units) is rerun here on the Decimal engine.
 * - **When it pays.** The workers take the repayment loops; the preparation (validation, one
 *   base run per loan), the copy of the book to each worker (about 12 bytes per sale day) and
 *   one XIRR per scenario stay in this thread. Starting a worker costs tens of milliseconds, so
 *   it pays for books where loans × scenarios is in the hundreds of thousands or more, on idle
 *   cores: on a 2-core machine at load ~14, 2,000 advances × 20 scenarios took 3.1 s sequentially
 *   and 3.5 s with 2 workers (bench/README.md, "Stress test").
 * - The worker file ships with the package (`dist/financing/portfolioWorker.js` / `.cjs`); if it
 *   cannot be found (a bundler that inlined the library into one file), the run stays in this
 *   thread: same result, one core.
 *
 * @param loans - `{ id, sellerId, product, fundedOn? }[]` as for {@link stressTestPortfolio}
 * @param salesBySeller - a `Map` or record from seller id to its (base) sales series
 * @param options - the options of {@link stressTestPortfolio} and `workers`
 * @returns a promise of the frozen {@link StressTestResult}
 * @throws {@link ValidationError} (as a rejection) for every input {@link stressTestPortfolio}
 *   rejects (naming `stressTestPortfolioAsync`), and when `workers` is not an integer from 1 to 64
 * @throws {@link CurrencyMismatchError} when loans or sales mix currencies
 *
 * @example
 * ```ts
 * import { addPeriods, calendarDay, money, salesBasedAdvance, stressTestPortfolio, stressTestPortfolioAsync } from "marketplace-economics";
 * const product = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1" });
 * const days = Array.from({ length: 200 }, (_, i) => ({ date: addPeriods(calendarDay(2024, 1, 2), i, "day"), amount: money("100", "USD") }));
 * const options = { seed: 7, scenarios: 6, shock: { volatility: "0.3" } };
 * const out = await stressTestPortfolioAsync([{ id: "a", sellerId: "s", product }], { s: days }, { ...options, workers: 2 });
 * JSON.stringify(out) === JSON.stringify(stressTestPortfolio([{ id: "a", sellerId: "s", product }], { s: days }, options)); //=> true
 * out.scenarioCount; //=> 6
 * ```
 *
 * @category Financing
 * @since 0.3.0
 */
export async function stressTestPortfolioAsync(loans: readonly PortfolioLoan[], salesBySeller: FinancingSalesBySeller, options: StressTestPortfolioAsyncOptions): Promise<StressTestResult> {
  const p = prepareStress(FN, loans, salesBySeller, options, "integer", ["workers"]);
  const w = p.options["workers"];
  const workers = w === undefined ? 1 : toInteger(w, FN, "options.workers", 1, 64);
  const irrOf = irrWith(xirr);
  const n = Math.min(workers, p.count);
  const script = n > 1 ? await workerScript() : null;
  if (script === null) return finishStress(p, runStressRange(p, p.first, p.first + p.count, "integer", irrOf));
  const pool = new WorkerPool(n, script);
  let replies: StressReply[];
  const ranges = Array.from({ length: n }, (_, k) => [p.first + Math.floor((p.count * k) / n), p.first + Math.floor((p.count * (k + 1)) / n)] as const);
  try {
    replies = await Promise.all(
      ranges.map(([from, to]) => {
        const batch: StressBatch = { kind: "stress", model: p.model, ls: p.ls, granularity: p.ro.granularity, sellers: p.sellers, loans: p.loans.map(intView), loansBySeller: p.loansBySeller, from, to };
        return pool.run<StressReply>(batch);
      }),
    );
  } finally {
    await pool.close();
  }
  const outcomes: ScenarioOutcome[] = [];
  const scratch = new StressScratch();
  replies.forEach((reply, k) => {
    const from = ranges[k]![0];
    reply.results.forEach((x, j) => {
      outcomes.push(x === null ? runScenarioInt(FN, p.model, p.ls, from + j, p.sellers, p.loans, p.loansBySeller, p.ro, p.currency, scratch, irrOf) : toOutcome(x, p.digits, irrOf));
    });
  });
  return finishStress(p, outcomes);
}

/** The integer view of a loan (structured-clonable: no product object, no Decimal). */
function intView(l: StressLoan): StressIntLoan {
  return { seller: l.seller, fundedDay: l.fundedDay, untilDay: l.untilDay, principalMinor: l.principalMinor, baseDays: l.baseDays, holdback: l.holdback, term: l.term };
}
