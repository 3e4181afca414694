import { ErrorCode } from "../errors.js";
import { rangeError, toInteger, typeError } from "../_lib/validate.js";
import { workerScript, WorkerPool } from "./_lib/parallel.js";
import { finishPortfolio, planPortfolio, PortfolioState, prepareSeller, type ReadyLoan, runSellerHere, salesOf } from "./_lib/portfolioRun.js";
import type { WorkerLoan, WorkerReply } from "./_lib/portfolioWorker.js";
import { intTermsOf, type ReadSeries } from "./_lib/run.js";
import type { RoundingConst } from "./_lib/intEngine.js";
import { MAX_SERIES_ROWS } from "./_lib/validate.js";
import { xirr } from "../tvm/xirr.js";
import type { PortfolioLoan, PortfolioResult, SimulatePortfolioOptions } from "./simulatePortfolio.js";
import type { FinancingMinorSale, FinancingSale, FinancingSalesInput } from "./types.js";

/**
 * The {@link simulatePortfolioAsync} function options: those of {@link simulatePortfolio} and
 * the number of worker threads.
 *
 * @category Financing
 * @since 0.3.0
 */
export interface SimulatePortfolioAsyncOptions extends SimulatePortfolioOptions {
  /**
   * Worker threads running the loans, an integer from 1 to 64 (default 1: everything runs in
   * this thread). With `n` > 1 the library splits the book into batches of sellers, runs them on
   * `n` `worker_threads` and merges the exact integer figures: the result is identical to the
   * sequential run's.
   */
  readonly workers?: number;
}

const FN = "simulatePortfolioAsync";
/** Loans per batch sent to a worker. */
const BATCH_LOANS = 2_000;

/** An async iterable's rows, at most MAX_SERIES_ROWS (checked while iterating), or the value itself. */
async function collect(value: unknown, sellerId: string): Promise<unknown> {
  if (typeof value !== "object" || value === null) return value;
  let it: unknown;
  try {
    it = (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator];
  } catch {
    return value;
  }
  if (typeof it !== "function") return value;
  const out: unknown[] = [];
  try {
    for await (const row of value as AsyncIterable<unknown>) {
      if (out.length >= MAX_SERIES_ROWS)
        rangeError(FN, `salesBySeller["${sellerId}"]`, ErrorCode.OUT_OF_RANGE, `must have at most ${MAX_SERIES_ROWS} elements`, value, `a series of at most ${MAX_SERIES_ROWS} sales`);
      out.push(row);
    }
  } catch (err) {
    if (err instanceof Error && (err as { fn?: unknown }).fn === FN) throw err;
    typeError(FN, `salesBySeller["${sellerId}"]`, ErrorCode.INVALID_TYPE, "could not be iterated (its iterator threw)", undefined, "an array, a sync or async iterable of sales, or { days, minor } columns");
  }
  return out;
}

/**
 * {@link simulatePortfolio} for books that stream or need more than one core: each seller's
 * sales may also be an async iterable (a database cursor, a file reader), and with
 * `{ workers: n }` the loans run on `n` worker threads. The result is identical to
 * {@link simulatePortfolio}'s, to the cent, for any number of workers.
 *
 * ## Notes
 * - Sellers are read one at a time in first-loan order (an async series is read to its end
 *   before its loans run); with `includeLoans: false` the call holds O(loans) state plus the
 *   batches in flight (at most 2 × workers batches of about 2,000 loans and their series).
 * - Work split and merge: batches of whole sellers go to the free workers; each worker runs the
 *   exact integer engine and replies with per-loan integer figures and daily flow sums, which the
 *   main thread adds exactly (float64 below 2^53, BigInt beyond), so the split cannot change a
 *   cent. A loan whose amounts leave the safe-integer range is rerun here on Decimal.
 * - **When it pays.** Validation and reading of the sales happen in the calling thread; the
 *   workers take the repayment loops. Starting a worker costs tens of milliseconds and each batch
 *   is copied to it, so below about 10,000 loans, or on a machine whose cores are busy, the
 *   sequential run is as fast or faster; see bench/README.md for measured figures.
 * - The worker file ships with the package (`dist/financing/portfolioWorker.js` / `.cjs`); if
 *   it cannot be found (a bundler that inlined the library into one file), the run stays in this
 *   thread: same result, one core.
 *
 * @param loans - `{ id, sellerId, product, fundedOn? }[]`, ids unique, one currency
 * @param salesBySeller - a `Map` or record from seller id to its sales (any shape of
 *   {@link FinancingSalesInput}, or an async iterable of rows)
 * @param options - horizon, granularity, rounding, per-loan output, `workers`
 * @returns a promise of the frozen {@link PortfolioResult}
 * @throws {@link ValidationError} (as a rejection) for every input {@link simulatePortfolio}
 *   rejects, and when `workers` is not an integer from 1 to 64
 * @throws {@link CurrencyMismatchError} when loans or sales mix currencies
 *
 * @example
 * ```ts
 * import { calendarDay, money, salesBasedAdvance, simulatePortfolioAsync } from "marketplace-economics";
 * const product = salesBasedAdvance({ principal: money("1000", "USD"), fee: 100, holdbackRate: "0.1" });
 * async function* cents(c: number) {
 *   for (let i = 0; i < 200; i++) yield { day: calendarDay(2024, 1, 2).getTime() / 86_400_000 + i, minor: c };
 * }
 * const p = await simulatePortfolioAsync([{ id: "a", sellerId: "s1", product }, { id: "b", sellerId: "s2", product }], { s1: cents(10_000), s2: cents(0) }, { workers: 2 });
 * p.totalRepaid.amount.toString(); //=> "1100"
 * p.lossRateIfSalesStop.toString(); //=> "0.5"
 * ```
 *
 * @category Financing
 * @since 0.3.0
 */
export async function simulatePortfolioAsync(
  loans: readonly PortfolioLoan[],
  salesBySeller: ReadonlyMap<string, FinancingSalesInput | AsyncIterable<FinancingSale | FinancingMinorSale>> | Readonly<Record<string, FinancingSalesInput | AsyncIterable<FinancingSale | FinancingMinorSale>>>,
  options?: SimulatePortfolioAsyncOptions,
): Promise<PortfolioResult> {
  const { plan, opts } = planPortfolio(FN, loans, salesBySeller, options, ["workers"]);
  const workers = opts["workers"] === undefined ? 1 : toInteger(opts["workers"], FN, "options.workers", 1, 64);
  const state = new PortfolioState(plan);
  const script = workers > 1 ? await workerScript() : null;
  const pool = script ? new WorkerPool(workers, script) : null;
  try {
    let batchSeries: ReadSeries[] = [];
    let batchLoans: WorkerLoan[] = [];
    let batchReady: ReadyLoan[] = [];
    let nextId = 0;
    const inflight = new Map<number, Promise<void>>();
    const merge = (reply: WorkerReply, ready: readonly ReadyLoan[], series: readonly ReadSeries[], loansSent: readonly WorkerLoan[]) => {
      const totals = state.totals!;
      for (let i = 0; i < ready.length; i++) {
        const r = ready[i]!;
        if (reply.unsafe[i]) runSellerHere(FN, state, [r], series[loansSent[i]!.seller]!);
        else {
          const p = reply.payoff[i]!;
          totals.addLoan(r.loan.index, r.loan.id, r.loan.sellerId, r.fundedDay, {
            principal: r.product.principal,
            totalRepayment: r.product.totalRepayment,
            paidMinor: reply.paid[i]!,
            balanceMinor: reply.balance[i]!,
            paidDec: null,
            balanceDec: null,
            payoffDay: Number.isNaN(p) ? null : p,
          });
        }
      }
      totals.flows.addAll(reply.days, reply.sums, reply.big);
    };
    const dispatch = async () => {
      if (batchLoans.length === 0 || !pool) return;
      const id = nextId++;
      const ready = batchReady;
      const series = batchSeries;
      const sent = batchLoans;
      batchSeries = [];
      batchLoans = [];
      batchReady = [];
      const ro = plan.ro;
      const job = pool.run({ id, granularity: ro.granularity, rm: ro.rm as RoundingConst, collect: ro.collect, series: series.map((s) => s.int!), loans: sent }).then((reply) => {
        merge(reply, ready, series, sent);
        inflight.delete(id);
      });
      job.catch(() => undefined); // handled where it is awaited (Promise.race / Promise.all)
      inflight.set(id, job);
      if (inflight.size >= 2 * workers) await Promise.race(inflight.values());
    };
    for (const { sellerId, loans: sellerLoans } of plan.sellers) {
      const sales = await collect(salesOf(plan, salesBySeller, sellerId), sellerId);
      const { ready, series } = prepareSeller(FN, state, sellerLoans, sales);
      if (ready.length === 0) continue;
      for (const r of ready) state.totalsFor(FN, r.product.principal.currency);
      const int = series?.int ?? null;
      const batchable =
        pool !== null &&
        int !== null &&
        ready.every((r) => {
          const t = intTermsOf(r.product);
          return t !== null && (t.kind === "holdback" || int.scale === 0);
        });
      if (!batchable) {
        runSellerHere(FN, state, ready, series);
        continue;
      }
      const slot = batchSeries.length;
      batchSeries.push(series!);
      for (const r of ready) {
        batchLoans.push({ seller: slot, fundedDay: r.fundedDay, untilDay: r.untilDay, terms: intTermsOf(r.product)! });
        batchReady.push(r);
      }
      if (batchLoans.length >= BATCH_LOANS) await dispatch();
    }
    await dispatch();
    await Promise.all(inflight.values());
  } finally {
    if (pool) await pool.close();
  }
  return finishPortfolio(FN, state, xirr) as PortfolioResult;
}
