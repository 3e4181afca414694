/**
 * Internal machinery of simulatePortfolio and simulatePortfolioAsync (#12): exact accumulation
 * of per-loan outcomes and the lender's daily flows in integer minor units (float64 while exact,
 * BigInt beyond, Decimal for a loan that ran on the Decimal engine), so that a sequential run and
 * a parallel run (whatever the split) give the same figures to the cent. Never exported.
 */
import { Decimal } from "../../_lib/decimal.js";
import { ConvergenceError } from "../../errors.js";
import { makeMoney } from "../../_lib/money.js";
import type { Money } from "../../money/types.js";
import type { CashFlow } from "../../tvm/types.js";
import { dayDate, type EngineResult, minorToDecimal } from "./engine.js";
import { decimalToScaled, MAX_SAFE } from "./intEngine.js";

/** Day-indexed float64 sums of integer minor units, exact: a day whose sum would leave the safe range moves to BigInt. */
export class DayFlows {
  private base = 0;
  private arr = new Float64Array(0);
  private used = new Uint8Array(0);
  private big: Map<number, bigint> | null = null;
  private dec: Map<number, Decimal> | null = null;

  private ensure(day: number): number {
    let idx = day - this.base;
    if (this.arr.length === 0 || idx < 0 || idx >= this.arr.length) {
      const lo = this.arr.length === 0 ? day - 64 : Math.min(this.base, day - 366);
      const hi = this.arr.length === 0 ? day + 1024 : Math.max(this.base + this.arr.length, day + 1 + Math.max(1024, this.arr.length));
      const arr = new Float64Array(hi - lo);
      const used = new Uint8Array(hi - lo);
      if (this.arr.length > 0) {
        arr.set(this.arr, this.base - lo);
        used.set(this.used, this.base - lo);
      }
      this.arr = arr;
      this.used = used;
      this.base = lo;
      idx = day - lo;
    }
    return idx;
  }

  /** Add a safe-integer amount of minor units on `day`. */
  add(day: number, minor: number): void {
    const idx = this.ensure(day);
    this.used[idx] = 1;
    const v = this.arr[idx]! + minor;
    if (v <= MAX_SAFE && v >= -MAX_SAFE) this.arr[idx] = v;
    else {
      this.big ??= new Map();
      this.big.set(day, (this.big.get(day) ?? 0n) + BigInt(this.arr[idx]!) + BigInt(minor));
      this.arr[idx] = 0;
    }
  }

  /** Add a Decimal amount (a Decimal-engine loan's payment, possibly below the minor unit). */
  addDecimal(day: number, amount: Decimal): void {
    const idx = this.ensure(day);
    this.used[idx] = 1;
    this.dec ??= new Map();
    const prev = this.dec.get(day);
    this.dec.set(day, prev === undefined ? amount : prev.plus(amount));
  }

  /** Add another DayFlows' sums (a worker's batch). */
  addAll(days: Int32Array, sums: Float64Array, big: ReadonlyMap<number, bigint> | null): void {
    for (let i = 0; i < days.length; i++) this.add(days[i]!, sums[i]!);
    if (big) {
      for (const [day, v] of big) {
        const idx = this.ensure(day);
        this.used[idx] = 1;
        this.big ??= new Map();
        this.big.set(day, (this.big.get(day) ?? 0n) + v);
      }
    }
  }

  /** The days with a flow and their float64 part (for a worker's reply), plus the BigInt part. */
  export(): { days: Int32Array; sums: Float64Array; big: Map<number, bigint> | null } {
    let n = 0;
    for (let i = 0; i < this.used.length; i++) n += this.used[i]!;
    const days = new Int32Array(n);
    const sums = new Float64Array(n);
    let k = 0;
    for (let i = 0; i < this.used.length; i++) {
      if (this.used[i]) {
        days[k] = this.base + i;
        sums[k] = this.arr[i]!;
        k++;
      }
    }
    return { days, sums, big: this.big };
  }

  /** Every day with a flow, ascending, as Decimal amounts in the currency's units. */
  toDecimals(digits: number): { day: number; amount: Decimal }[] {
    const out: { day: number; amount: Decimal }[] = [];
    for (let i = 0; i < this.used.length; i++) {
      if (!this.used[i]) continue;
      const day = this.base + i;
      let minor: number | bigint = this.arr[i]!;
      const b = this.big?.get(day);
      if (b !== undefined) minor = b + BigInt(minor);
      let amount = minorToDecimal(minor, digits);
      const d = this.dec?.get(day);
      if (d !== undefined) amount = amount.plus(d);
      out.push({ day, amount });
    }
    return out;
  }
}

/** One loan's outcome, in minor units (integer engine) or Decimal (Decimal engine). */
export interface LoanFigures {
  readonly principal: Money;
  readonly totalRepayment: Money;
  /** Σ payments and the balance left, in minor units; `null` when the loan ran on Decimal. */
  readonly paidMinor: number | null;
  readonly balanceMinor: number | null;
  readonly paidDec: Decimal | null;
  readonly balanceDec: Decimal | null;
  readonly payoffDay: number | null;
}

/** The outcome of one loan as the public result lists it. */
export interface LoanOutcome {
  readonly id: string;
  readonly sellerId: string;
  readonly principal: Money;
  readonly repaid: Money;
  readonly outstanding: Money;
  readonly paidOff: boolean;
  readonly payoffDate: Date | null;
}

/** The portfolio figures before freezing. */
export interface PortfolioFigures {
  readonly currency: string;
  readonly loanCount: number;
  readonly notYetFunded: number;
  readonly paidOffCount: number;
  readonly totalLent: Money;
  readonly totalDue: Money;
  readonly totalRepaid: Money;
  readonly totalOutstanding: Money;
  readonly principalLossIfSalesStop: Money;
  readonly lossRateIfSalesStop: Decimal;
  readonly cashFlows: readonly { readonly date: Date; readonly amount: Money }[];
  readonly irr: Decimal | null;
  readonly irrUnavailable: "no-rate-in-solver-range" | null;
  readonly loans: readonly LoanOutcome[];
}

/** Exact totals of a portfolio: BigInt minor units plus a Decimal part for Decimal-engine loans. */
export class PortfolioTotals {
  readonly flows = new DayFlows();
  private lent = 0n;
  private due = 0n;
  private repaid = 0n;
  private outstanding = 0n;
  private loss = 0n;
  private lentD = new Decimal(0);
  private dueD = new Decimal(0);
  private repaidD = new Decimal(0);
  private outstandingD = new Decimal(0);
  private lossD = new Decimal(0);
  paidOffCount = 0;
  loanCount = 0;
  notYetFunded = 0;
  readonly outcomes: (LoanOutcome | undefined)[] = [];

  constructor(
    readonly digits: number,
    readonly includeLoans: boolean,
  ) {}

  private static minorOf(m: Money, digits: number): bigint | null {
    const v = decimalToScaled(m.amount, digits);
    return v === v ? BigInt(v) : null;
  }

  /** Add one loan (its flows are added separately: {@link DayFlows.add}). */
  addLoan(index: number, id: string, sellerId: string, fundedDay: number, f: LoanFigures): void {
    this.loanCount++;
    const p = PortfolioTotals.minorOf(f.principal, this.digits);
    const t = PortfolioTotals.minorOf(f.totalRepayment, this.digits);
    if (p !== null) {
      this.lent += p;
      this.flows.add(fundedDay, -Number(p));
    } else {
      this.lentD = this.lentD.plus(f.principal.amount);
      this.flows.addDecimal(fundedDay, f.principal.amount.neg());
    }
    if (t !== null) this.due += t;
    else this.dueD = this.dueD.plus(f.totalRepayment.amount);
    let repaid: Decimal | null = null;
    let outstanding: Decimal | null = null;
    if (f.paidMinor !== null && p !== null) {
      this.repaid += BigInt(f.paidMinor);
      this.outstanding += BigInt(f.balanceMinor!);
      const gap = p - BigInt(f.paidMinor);
      if (gap > 0n) this.loss += gap;
    } else {
      const paid = f.paidDec ?? minorToDecimal(f.paidMinor!, this.digits);
      const bal = f.balanceDec ?? minorToDecimal(f.balanceMinor!, this.digits);
      this.repaidD = this.repaidD.plus(paid);
      this.outstandingD = this.outstandingD.plus(bal);
      if (paid.lessThan(f.principal.amount)) this.lossD = this.lossD.plus(f.principal.amount.minus(paid));
      repaid = paid;
      outstanding = bal;
    }
    if (f.payoffDay !== null) this.paidOffCount++;
    if (this.includeLoans) {
      const cur = f.principal.currency;
      this.outcomes[index] = Object.freeze({
        id,
        sellerId,
        principal: f.principal,
        repaid: makeMoney(repaid ?? minorToDecimal(f.paidMinor!, this.digits), cur),
        outstanding: makeMoney(outstanding ?? minorToDecimal(f.balanceMinor!, this.digits), cur),
        paidOff: f.payoffDay !== null,
        payoffDate: f.payoffDay === null ? null : dayDate(f.payoffDay),
      });
    }
  }

  /** Add the flows of a Decimal-engine run. */
  addDecimalFlows(e: EngineResult): void {
    for (let k = 0; k < e.payDays.length; k++) this.flows.addDecimal(e.payDays[k]!, e.payAmounts[k]!);
  }

  /** The frozen public figures (flows sorted by day; XIRR of the flows, `null` when the solver finds no root). */
  finish(currency: string, xirr: (flows: readonly CashFlow[]) => Decimal): PortfolioFigures {
    const d = this.digits;
    const m = (x: Decimal) => makeMoney(x, currency);
    const lent = minorToDecimal(this.lent, d).plus(this.lentD);
    const loss = minorToDecimal(this.loss, d).plus(this.lossD);
    const cashFlows = this.flows.toDecimals(d).map((f) => Object.freeze({ date: dayDate(f.day), amount: m(f.amount) }));
    let irr: Decimal | null = null;
    if (cashFlows.length > 0) {
      try {
        const r = xirr(cashFlows.map((f) => ({ date: f.date, amount: f.amount.amount })));
        irr = r.isFinite() ? r : null;
      } catch (err) {
        if (!(err instanceof ConvergenceError)) throw err;
      }
    }
    const loans: LoanOutcome[] = [];
    if (this.includeLoans) for (const o of this.outcomes) if (o !== undefined) loans.push(o);
    return Object.freeze({
      currency,
      loanCount: this.loanCount,
      notYetFunded: this.notYetFunded,
      paidOffCount: this.paidOffCount,
      totalLent: m(lent),
      totalDue: m(minorToDecimal(this.due, d).plus(this.dueD)),
      totalRepaid: m(minorToDecimal(this.repaid, d).plus(this.repaidD)),
      totalOutstanding: m(minorToDecimal(this.outstanding, d).plus(this.outstandingD)),
      principalLossIfSalesStop: m(loss),
      lossRateIfSalesStop: lent.isZero() ? new Decimal(0) : loss.div(lent),
      cashFlows: Object.freeze(cashFlows),
      irr,
      irrUnavailable: irr === null ? "no-rate-in-solver-range" : null,
      loans: Object.freeze(loans),
    });
  }
}
