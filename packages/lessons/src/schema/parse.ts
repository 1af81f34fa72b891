/** Running a schema over untrusted input without ever throwing. */
import * as v from 'valibot';
import { type FieldIssue, fromValibot, type Parsed } from './issues.ts';

/** Deepest JSON nesting accepted (well above any real file; guards the recursive schemas). */
export const MAX_JSON_DEPTH = 64;

/** Nesting depth of a JSON-like value, stopping early once past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  const items = Array.isArray(value) ? value : Object.values(value);
  for (const item of items) {
    const d = jsonDepth(item, limit - 1);
    if (d > deepest) deepest = d;
    if (deepest >= limit) break;
  }
  return deepest + 1;
}

/** Parses JSON text, or says where it broke. */
export function parseJson(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      issues: [{ path: '(root)', message: `invalid JSON: ${message.slice(0, 120)}` }],
    };
  }
}

/**
 * Validates `input` with `schema`: the parsed value, or field issues. Never throws, even for
 * absurdly nested input.
 */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): Parsed<v.InferOutput<S>> {
  if (jsonDepth(input) > MAX_JSON_DEPTH) {
    return {
      ok: false,
      issues: [{ path: '(root)', message: `nested more than ${MAX_JSON_DEPTH} levels deep` }],
    };
  }
  try {
    const result = v.safeParse(schema, input);
    if (result.success) return { ok: true, value: result.output };
    return { ok: false, issues: fromValibot(result.issues) };
  } catch (e) {
    const issue: FieldIssue = {
      path: '(root)',
      message: `could not be checked: ${e instanceof Error ? e.message.slice(0, 120) : 'unknown error'}`,
    };
    return { ok: false, issues: [issue] };
  }
}
