import { ValidationError, ValidationTypeError } from "../../errors.js";
import { reraiseAs } from "../../_lib/validate.js";

/** An option path written in a message: `mapping.sellerSegments`, `options.columns.segment`... */
const PATH = /\b(?:mapping|options)(?:\.[A-Za-z_$][\w$]*)+/g;

/**
 * `reraiseAs(e, fn, rename)`, with every option path the message's text names renamed too, not
 * only the leading argument: "options.columns.segment or mapping.sellerSegments is required"
 * becomes "... or options.sellerSegments is required", the option the caller wrote (#13). The
 * received value (after ", received ") is never rewritten.
 */
export function reraiseNamed(e: unknown, fn: string, rename: (argument: string) => string): unknown {
  const out = reraiseAs(e, fn, rename);
  if (out === e || !(out instanceof ValidationError)) return out;
  const head = `${fn}: ${out.argument}`;
  if (!out.message.startsWith(head)) return out;
  const body = out.message.slice(head.length);
  const cut = body.indexOf(", received ");
  const must = cut < 0 ? body : body.slice(0, cut);
  const renamed = must.replace(PATH, (p) => rename(p));
  if (renamed === must) return out;
  const text = `${out.argument}${renamed}${cut < 0 ? "" : body.slice(cut)}`;
  const next = out instanceof TypeError ? new ValidationTypeError(fn, out.code, out.argument, text, out.expected) : new ValidationError(fn, out.code, out.argument, text, out.expected);
  Object.defineProperty(next, "cause", { value: e, writable: true, configurable: true, enumerable: false });
  return next;
}
