// Types for the `xirr` package (a devDependency that ships none), as the migration guide's
// snippet uses it: test/doc-typecheck.test.ts maps the specifier "xirr" here (its own `paths`),
// so this is a plain module and declares nothing globally. The signature follows
// node_modules/xirr/xirr.js (1.1.0): `xirr(transactions, options?)` returns a rate as a number.

/** One dated flow: `amount` (negative = paid out) on the day `when`. */
export interface XirrTransaction {
  amount: number;
  when: Date;
}

/** Newton-Raphson options of the package. */
export interface XirrOptions {
  guess?: number;
  epsilon?: number;
  maxIterations?: number;
}

/** The annual internal rate of return of `transactions` (days / 365), as a float. */
export default function xirr(transactions: readonly XirrTransaction[], options?: XirrOptions): number;
