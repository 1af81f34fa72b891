/**
 * Parsing at the edge: a schema and an unknown input give either the parsed value or one short
 * message naming the field, what was expected and (escaped, cut) what came.
 */
import * as v from 'valibot';
import { quoteValue } from './text.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Parses `input` with `schema`.
 *
 * @example
 * parseWith(v.object({ seed: v.number() }), { seed: 'x' });
 * // { ok: false, message: 'seed: expected number, got "x"' }
 */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): Parsed<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, message: describeIssue(result.issues[0]) };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  const where = path ? `${path}: ` : '';
  // Valibot's own messages quote the received value in full; ours are cut and escaped.
  const own = /received/i.test(issue.message);
  const what = own ? `expected ${issue.expected ?? 'a valid value'}` : issue.message;
  // Messages from @ft/lessons' schemas already quote what came.
  const got = /\bgot\b/.test(what) ? '' : `, got ${quoteValue(issue.input)}`;
  const text = `${where}${what}${got}`;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
