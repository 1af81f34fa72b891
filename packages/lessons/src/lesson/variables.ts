/**
 * Lesson variables: pools drawn by seed, and `{{name}}` / `{{name.field}}` substitution in every
 * string of a lesson (targets, texts, checks, solutions).
 */
import { mulberry32, pick } from '../prng.ts';
import { type FieldIssue, quote } from '../schema/issues.ts';
import type { Variable, VariableValue } from './types.ts';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9]+)(?:\.([A-Za-z0-9]+))?\s*\}\}/g;

/**
 * One value per variable, drawn from its pool with the seed, in declaration order.
 *
 * @example
 * drawVariables([{ name: 'cpu', pool: ['A.cpu-0', 'A.cpu-1'] }], 7); // { cpu: 'A.cpu-1' } (say)
 */
export function drawVariables(
  defs: readonly Variable[],
  seed: number,
): Record<string, VariableValue> {
  const next = mulberry32(seed ^ 0x5eed1e55);
  const out: Record<string, VariableValue> = {};
  for (const d of defs) out[d.name] = d.pool[pick(next, d.pool.length)];
  return out;
}

/** The k-th value of every pool (wrapping), to check each pool value at least once. */
export function nthValues(defs: readonly Variable[], k: number): Record<string, VariableValue> {
  return Object.fromEntries(defs.map((d) => [d.name, d.pool[k % d.pool.length]]));
}

/** "cpu = "A.cpu-1", fault.target = …", for messages. */
export function describeValues(values: Record<string, VariableValue>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name} = ${quote(value)}`)
    .join(', ');
}

function replaceIn(
  text: string,
  values: Record<string, VariableValue>,
  path: string,
  issues: FieldIssue[],
): string {
  return text.replace(PLACEHOLDER, (whole, name: string, field: string | undefined) => {
    const value = values[name];
    if (value === undefined) {
      const known = Object.keys(values);
      issues.push({
        path,
        message: `unknown variable ${quote(name)} in ${quote(whole)}; ${known.length ? `variables: ${known.join(', ')}` : 'the lesson declares no variables'}`,
      });
      return whole;
    }
    if (typeof value === 'string') {
      if (field === undefined) return value;
      issues.push({
        path,
        message: `variable ${quote(name)} is text: write {{${name}}}, not ${whole}`,
      });
      return whole;
    }
    if (field === undefined) {
      issues.push({
        path,
        message: `variable ${quote(name)} has fields (${Object.keys(value).join(', ')}): write {{${name}.${Object.keys(value)[0]}}}`,
      });
      return whole;
    }
    const fieldValue = value[field];
    if (fieldValue === undefined) {
      issues.push({
        path,
        message: `variable ${quote(name)} has no field ${quote(field)}; fields: ${Object.keys(value).join(', ')}`,
      });
      return whole;
    }
    return fieldValue;
  });
}

/**
 * A deep copy of `value` with every placeholder replaced; problems (unknown variables, wrong
 * fields) are added to `issues` with the path of the string they were in.
 */
export function substitute(
  value: unknown,
  values: Record<string, VariableValue>,
  issues: FieldIssue[],
  path = '',
): unknown {
  if (typeof value === 'string') return replaceIn(value, values, path || '(root)', issues);
  if (Array.isArray(value))
    return value.map((x, i) => substitute(x, values, issues, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, x] of Object.entries(value)) {
      out[key] = substitute(x, values, issues, path ? `${path}.${key}` : key);
    }
    return out;
  }
  return value;
}
