// Type declarations for peer packages compared in the benchmarks that ship no types.
declare module "xirr" {
  interface XirrTransaction {
    amount: number;
    when: Date;
  }
  function xirr(transactions: XirrTransaction[], options?: { guess?: number; epsilon?: number; maxIterations?: number }): number;
  export default xirr;
}
