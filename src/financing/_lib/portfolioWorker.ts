/**
 * The worker thread of simulatePortfolioAsync (#12, item 3): runs batches of loans on the integer
 * engine and replies with per-loan figures and the batch's daily flows (exact float64 sums, the
 * days that left the safe range as BigInt). Nothing is validated here: the main thread has
 * validated every product and series and sends integer terms. Shipped by tsup as
 * dist/financing/portfolioWorker.{js,cjs}. Never exported from the package.
 */
import { parentPort } from "node:worker_threads";
import { PayBuffer, type Rational, type RoundingConst, runHoldbackInt, runTermLoanInt, UnsafeInteger, aggregateInt, type IntSeries } from "./intEngine.js";
import { DayFlows } from "./portfolio.js";
import { type IntScenario, runScenarioIntFigures, type ShockModel, StressScratch, type StressIntLoan, type StressSeller } from "./stressBook.js";
import type { FinancingGranularity } from "../types.js";

/** One loan of a batch, in integer terms. */
export interface WorkerLoan {
  readonly seller: number;
  readonly fundedDay: number;
  readonly untilDay: number;
  readonly terms:
    | {
        readonly kind: "holdback";
        readonly total: number;
        readonly rate: Rational;
        readonly minimum: { readonly amount: number; readonly everyDays: number; readonly forDays: number | null } | null;
        readonly maxTermDays: number | null;
      }
    | { readonly kind: "term"; readonly dueDays: Int32Array; readonly dueAmounts: Float64Array; readonly chargeCard: boolean };
}

/** A batch: the run options, the sellers' series and the loans. */
export interface WorkerBatch {
  readonly id: number;
  readonly granularity: FinancingGranularity;
  readonly rm: RoundingConst;
  readonly collect: boolean;
  readonly series: readonly IntSeries[];
  readonly loans: readonly WorkerLoan[];
}

/** The reply: per loan paid, balance, payoff day (NaN = none) and an unsafe flag (rerun on Decimal by the main thread). */
export interface WorkerReply {
  readonly id: number;
  readonly paid: Float64Array;
  readonly balance: Float64Array;
  readonly payoff: Float64Array;
  readonly unsafe: Uint8Array;
  readonly days: Int32Array;
  readonly sums: Float64Array;
  readonly big: Map<number, bigint> | null;
}

/** Run a batch (also usable in the main thread). */
export function runBatch(b: WorkerBatch): WorkerReply {
  const n = b.loans.length;
  const paid = new Float64Array(n);
  const balance = new Float64Array(n);
  const payoff = new Float64Array(n);
  const unsafe = new Uint8Array(n);
  const flows = new DayFlows();
  const pay = new PayBuffer();
  for (let i = 0; i < n; i++) {
    const l = b.loans[i]!;
    const s = b.series[l.seller]!;
    pay.length = 0;
    try {
      const t = l.terms;
      const r =
        t.kind === "term"
          ? runTermLoanInt(t.dueDays, t.dueAmounts, t.chargeCard, l.fundedDay, s, l.untilDay, null, pay)
          : runHoldbackInt(
              { rm: b.rm, total: t.total, rate: t.rate, minimum: t.minimum, maxTermDays: t.maxTermDays, collectShortfall: b.collect },
              l.fundedDay,
              aggregateInt(s, b.granularity, l.fundedDay, l.untilDay),
              l.untilDay,
              null,
              pay,
            );
      paid[i] = r.totalHoldback + r.totalTopUps;
      balance[i] = r.balance;
      payoff[i] = r.payoffDay === null ? NaN : r.payoffDay;
      for (let k = 0; k < pay.length; k++) flows.add(pay.day[k]!, pay.amount[k]!);
    } catch (err) {
      if (!(err instanceof UnsafeInteger)) throw err;
      unsafe[i] = 1;
    }
  }
  const f = flows.export();
  return { id: b.id, paid, balance, payoff, unsafe, days: f.days, sums: f.sums, big: f.big };
}

/** A range of stress-test scenarios over a whole book (stressTestPortfolioAsync). */
export interface StressBatch {
  readonly kind: "stress";
  readonly model: ShockModel;
  readonly ls: readonly { readonly r: number; readonly zeros: number }[];
  readonly granularity: FinancingGranularity;
  readonly sellers: readonly StressSeller[];
  readonly loans: readonly StressIntLoan[];
  readonly loansBySeller: readonly (readonly number[])[];
  readonly from: number;
  readonly to: number;
}

/** The integer figures of each scenario, `null` for one that must rerun in the calling thread (a loan off the integer path). */
export interface StressReply {
  readonly results: readonly (IntScenario | null)[];
}

/** Run a range of stress scenarios on the integer engine (also usable in the main thread). */
export function runStressBatch(b: StressBatch): StressReply {
  const scratch = new StressScratch();
  const results: (IntScenario | null)[] = [];
  for (let s = b.from; s < b.to; s++) {
    const x = runScenarioIntFigures(b.model, b.ls, s, b.sellers, b.loans, b.loansBySeller, b, scratch, null);
    results.push(x === null ? null : ({ ...x, dec: null, decFlows: null } as IntScenario));
  }
  return { results };
}

if (parentPort) {
  const port = parentPort;
  port.on("message", (b: WorkerBatch | StressBatch) => {
    if ((b as StressBatch).kind === "stress") {
      port.postMessage(runStressBatch(b as StressBatch));
      return;
    }
    const r = runBatch(b as WorkerBatch);
    port.postMessage(r, [r.paid.buffer, r.balance.buffer, r.payoff.buffer, r.unsafe.buffer, r.days.buffer, r.sums.buffer] as ArrayBuffer[]);
  });
}
