// The one public re-export of decimal.js (#16): the import of a value is deliberate here.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { Decimal as DecimalJs } from "decimal.js";

/**
 * decimal.js's `Decimal` constructor, re-exported so that a user can build and type the
 * library's `Decimal` values without depending on decimal.js themselves.
 *
 * Every rate, share and money amount the library returns is a decimal.js `Decimal`, and every
 * numeric input accepts one. `import { Decimal } from "marketplace-economics"` works under npm,
 * pnpm and Yarn (Plug'n'Play included) because it resolves decimal.js from the library's own
 * dependency; `import { Decimal } from "decimal.js"` works only where decimal.js is installed
 * for the application (a flat npm `node_modules`), so under pnpm or Yarn PnP install decimal.js
 * yourself or use this export. It is the very constructor of the decimal.js copy the library
 * depends on (not the library's private, settings-locked clone): `Decimal.set()` on it never
 * changes the library's results, which are computed with private clones, and instances of
 * either pass `Decimal.isDecimal` and `instanceof Decimal`.
 *
 * @example
 * ```ts
 * import { Decimal, npv } from "marketplace-economics";
 * const rate = new Decimal("0.1");
 * npv(rate, [-100, 60, 60]).toFixed(6); //=> "4.132231"
 * npv(rate, [-100, 60, 60]) instanceof Decimal; //=> true
 * Decimal.isDecimal(rate); //=> true
 * ```
 *
 * @category Money
 * @since 0.3.0
 */
export const Decimal: typeof DecimalJs = DecimalJs;

/**
 * A decimal.js `Decimal` instance (the type of {@link Decimal}'s values): what the library
 * returns for rates, shares and amounts.
 *
 * @category Money
 * @since 0.3.0
 */
export type Decimal = DecimalJs;
