/**
 * Argument checking for the public API (`window.ftTwin`, `<ft-twin>` methods): valibot schemas
 * with messages that name the function, the argument and what was expected, and show what was
 * given (cut and escaped). A checked argument is the schema's own copy, never the caller's
 * object: what reaches the worker is plain data the twin built, so a Proxy, a getter or a
 * function hidden in an argument can neither reach `postMessage` nor crash the worker.
 */
import { describeValue, issuePath } from '@ft/hardware';
import * as v from 'valibot';

type Issue = v.BaseIssue<unknown>;

/** A bad argument: the message says which function, which argument, what was expected. */
export class ArgumentError extends TypeError {
  constructor(
    /** `ftTwin.pull`, … */
    readonly fn: string,
    /** `options.force`, `command.type`, … */
    readonly argument: string,
    readonly problem: string,
  ) {
    super(`ftTwin.${fn}: ${argument}: ${problem}.`);
    this.name = 'ArgumentError';
  }
}

/** Path of an issue below the argument, e.g. `options` + `force` → `options.force`. */
function where(argument: string, issue: Issue): string {
  const below = issuePath(issue.path);
  if (below === '(root)') return argument;
  return below.startsWith('[') ? `${argument}${below}` : `${argument}.${below}`;
}

/**
 * Refuses what cannot be copied to a worker (a Proxy, a function, a DOM node, a class instance
 * with private slots): structured cloning says so without running any of the caller's code.
 */
function copyable(fn: string, argument: string, value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  try {
    structuredClone(value);
  } catch {
    throw new ArgumentError(
      fn,
      argument,
      `expected plain data, got ${describeValue(value)} that cannot be copied to the engine (a Proxy, a function or an object with methods inside)`,
    );
  }
}

/**
 * Checks one argument against `schema`; returns the schema's copy of it.
 *
 * @example
 * checkArg('pull', 'options', pullOptions, { force: true }); // { force: true }
 */
export function checkArg<T>(
  fn: string,
  argument: string,
  schema: v.GenericSchema<unknown, T>,
  value: unknown,
): T {
  copyable(fn, argument, value);
  let result: v.SafeParseResult<v.GenericSchema<unknown, T>>;
  try {
    result = v.safeParse(schema, value, { abortEarly: true });
  } catch {
    throw new ArgumentError(fn, argument, `${describeValue(value)} could not be read`);
  }
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new ArgumentError(fn, where(argument, issue), issue.message);
}

/** "expected …, got …" for a schema's message. */
export const expected =
  (what: string) =>
  (issue: Issue): string =>
    `expected ${what}, got ${describeValue(issue.input)}`;

/** An object with only `entries` (an unknown field is named, with the valid ones). */
export function options<const E extends v.ObjectEntries>(
  entries: E,
  example: string,
  noun = 'an options object',
) {
  const allowed = Object.keys(entries).join(', ');
  const notObject = (issue: Issue) =>
    `expected ${noun} like ${example}, got ${describeValue(issue.input)}`;
  return v.pipe(
    v.custom<Record<string, unknown>>(
      (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
      notObject,
    ),
    v.strictObject(entries, (issue: Issue) =>
      issue.expected === 'never' ? `unknown field; valid fields: ${allowed}` : notObject(issue),
    ),
  );
}

/** A whole number in `min..max`. */
export function integer(what: string, min: number, max: number) {
  return v.pipe(
    v.number(expected(`${what} (a whole number ${min}..${max})`)),
    v.check(
      (n: number) => Number.isInteger(n) && n >= min && n <= max,
      expected(`${what} (a whole number ${min}..${max})`),
    ),
  );
}

export const bool = (what: string) => v.boolean(expected(`${what}: true or false`));

/** A non-empty id string; whether the rack has it is checked against the live list. */
export const idString = (what: string) =>
  v.pipe(v.string(expected(`a ${what} string`)), v.minLength(1, expected(`a ${what} string`)));
