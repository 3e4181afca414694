/**
 * Financing benchmark (`npx tsx bench/financing.bench.ts`): daily simulation of one advance over
 * 365 days, and a portfolio of 10,000 advances × 365 days, each against a minimal hand-written
 * decimal.js loop doing the same arithmetic (holdback = round_half_even(sales × rate), trimmed
 * to the balance, balance and totals updated; for the portfolio also the lender's daily flows).
 * Prints a Markdown table; target: the library within 2x of the hand loop.
 */
import { Decimal } from "decimal.js";
import { money } from "../src/money/money.js";
import { salesBasedAdvance } from "../src/financing/salesBasedAdvance.js";
import { simulatePortfolio } from "../src/financing/simulatePortfolio.js";
import { simulateRepayment } from "../src/financing/simulateRepayment.js";
import type { FinancingSale, SalesBasedAdvance } from "../src/financing/types.js";
import { mulberry32 } from "./support/mulberry32.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 2);

// Deterministic pseudo-random daily sales, in cents.
function makeSeries(seed: number, days = 365): FinancingSale[] {
  const r = mulberry32(seed);
  return Array.from({ length: days }, (_, i) => ({
    date: new Date(T0 + i * DAY),
    amount: money(new Decimal(Math.floor(20_000 + r() * 60_000)).div(100), "USD"),
  }));
}

/** Best (minimum) mean time per call over `batches` batches of at least `minMs` each: robust to noise from other processes. */
function time(fn: () => void, minMs = 200, batches = 5): number {
  fn(); // warm-up
  let best = Infinity;
  for (let b = 0; b < batches; b++) {
    let runs = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      fn();
      runs++;
      elapsed = performance.now() - start;
    } while (elapsed < minMs);
    best = Math.min(best, elapsed / runs);
  }
  return best;
}

// The hand-written loop: same arithmetic, no validation, no result objects.
function handLoop(total: Decimal, rate: Decimal, sales: readonly FinancingSale[], flows?: Map<number, Decimal>): Decimal {
  let balance = total;
  let repaid = new Decimal(0);
  for (let i = 0; i < sales.length && balance.gt(0); i++) {
    const s = sales[i]!;
    let h = s.amount.amount.times(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
    if (h.gt(balance)) h = balance;
    balance = balance.minus(h);
    repaid = repaid.plus(h);
    if (flows) {
      const day = (s.date as Date).getTime() / DAY;
      const prev = flows.get(day);
      flows.set(day, prev === undefined ? h : prev.plus(h));
    }
  }
  return repaid;
}

const rows: string[] = [];
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));

// 1. One advance, 365 days of sales (never paid off within the year: full 365 iterations).
{
  const sales = makeSeries(1);
  const advance = salesBasedAdvance({ principal: money("100000", "USD"), fee: 12000, holdbackRate: "0.1" });
  const lib = time(() => void simulateRepayment(advance, sales));
  const hand = time(() => void handLoop(advance.totalRepayment.amount, advance.holdbackRate, sales));
  rows.push(`| simulateRepayment, 1 advance × 365 days (rows built) | ${fmt(lib)} ms | ${fmt(hand)} ms | ${(lib / hand).toFixed(2)}x |`);
}

// 2. Portfolio: 10,000 advances × 365 days over 100 distinct sellers' series.
{
  const SELLERS = 100;
  const LOANS = 10_000;
  const series: Record<string, FinancingSale[]> = {};
  for (let s = 0; s < SELLERS; s++) series[`s${s}`] = makeSeries(1000 + s);
  const loans: { id: string; sellerId: string; product: SalesBasedAdvance; fundedOn: string }[] = [];
  for (let k = 0; k < LOANS; k++) {
    loans.push({
      id: `L${k}`,
      sellerId: `s${k % SELLERS}`,
      product: salesBasedAdvance({ principal: money(50_000 + (k % 97) * 100, "USD"), fee: 5_000 + (k % 13) * 10, holdbackRate: new Decimal(5 + (k % 11)).div(100) }),
      fundedOn: "2024-01-01",
    });
  }
  const lib = time(() => void simulatePortfolio(loans, series, { includeLoans: false }), 1, 3);
  const hand = time(
    () => {
      const flows = new Map<number, Decimal>();
      let lent = new Decimal(0);
      for (const l of loans) {
        lent = lent.plus(l.product.principal.amount);
        handLoop(l.product.totalRepayment.amount, l.product.holdbackRate, series[l.sellerId]!, flows);
      }
    },
    1,
    3,
  );
  rows.push(`| simulatePortfolio, 10,000 advances × 365 days | ${fmt(lib)} ms | ${fmt(hand)} ms | ${(lib / hand).toFixed(2)}x |`);
}

console.log(`Node ${process.version}`);
console.log("");
console.log("| case | library | hand-written decimal.js loop | ratio |");
console.log("| --- | ---: | ---: | ---: |");
for (const r of rows) console.log(r);
