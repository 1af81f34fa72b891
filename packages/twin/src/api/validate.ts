/**
 * Argument checks for the public API (`window.ftTwin`, the `<ft-twin>` methods). Each throws an
 * {@link ArgumentError} naming the function, the argument and what was expected, and returns
 * the twin's own checked copy of the value. Pure: the known ids, faults and LED roles are passed
 * in.
 */
import type { FaultDetail, FaultKind } from '@ft/engine';
import { describeValue, shown } from '@ft/hardware';
import * as v from 'valibot';
import { ArgumentError, bool, checkArg, expected, idString, integer, options } from './args.ts';

/** How many ids an "unknown id" message lists before it says "…". */
const ID_HINT_COUNT = 8;
/** Most simulated time one `step` or warp may cover: one simulated day. */
export const MAX_STEP_MS = 86_400_000;
/** Fastest speed that may be asked for (the engine reaches what the machine allows). */
export const MAX_SPEED = 1_000_000;

/** Commands whose `target` is a system id rather than a component id. */
export const SYSTEM_COMMANDS: readonly string[] = [
  'system',
  'upgrade',
  'gatewayLink',
  'samAlert',
  'samClearAlerts',
];

/**
 * A known id: a string the rack has. An unknown one lists close ids (or some ids).
 *
 * @example
 * expectId('state', 'id', 'A.cpu-1', ids); // 'A.cpu-1'
 */
export function expectId(
  fn: string,
  argument: string,
  id: unknown,
  known: readonly string[],
  what = 'component id',
): string {
  const value = checkArg(fn, argument, idString(`${what} (e.g. ${hint(known, 2)})`), id);
  if (!known.includes(value)) {
    const lower = value.toLowerCase();
    const near = known.filter((k) => k.toLowerCase().includes(lower));
    const list = near.length > 0 ? near : known;
    throw new ArgumentError(
      fn,
      argument,
      `unknown ${what} ${shown(value)}; known ids include ${hint(list)}`,
    );
  }
  return value;
}

/** A fault the component can suffer. */
export function expectFault(id: string, fault: unknown, valid: readonly FaultKind[]): FaultKind {
  if (typeof fault === 'string' && (valid as readonly string[]).includes(fault)) {
    return fault as FaultKind;
  }
  const options = valid.length > 0 ? valid.join(', ') : '(none: this component takes no faults)';
  throw new ArgumentError(
    'inject',
    'fault',
    `expected a fault ${id} can suffer, one of ${options}; got ${describeValue(fault)}`,
  );
}

const faultDetailSchema = options(
  {
    register: v.optional(integer('a register number', 0, 255)),
    bit: v.optional(integer('a bit number', 0, 31)),
    address: v.optional(integer('a word address', 0, 0x7fffffff)),
    block: v.optional(integer('a disk block', 0, 0x7fffffff)),
  },
  '{ register: 3, bit: 7 }',
  'fault details',
);

/** Optional details of an injected fault: `register`, `bit`, `address`, `block`. */
export function expectFaultDetail(detail: unknown): FaultDetail | undefined {
  if (detail === undefined) return undefined;
  return checkArg('inject', 'detail', faultDetailSchema, detail);
}

const pullSchema = options({ force: v.optional(bool('force')) }, '{ force: true }');
const insertSchema = options(
  { replacement: v.optional(bool('replacement')) },
  '{ replacement: true }',
);

export function expectPullOptions(value: unknown): { force: boolean } {
  const o = value === undefined ? {} : checkArg('pull', 'options', pullSchema, value);
  return { force: o.force ?? false };
}

export function expectInsertOptions(value: unknown): { replacement: boolean } {
  const o = value === undefined ? {} : checkArg('insert', 'options', insertSchema, value);
  return { replacement: o.replacement ?? false };
}

const speedSchema = v.custom<number | 'max'>(
  (s) => s === 'max' || (typeof s === 'number' && Number.isFinite(s) && s >= 0 && s <= MAX_SPEED),
  expected(`a speed: a number 0..${MAX_SPEED} (0 pauses, 1 is real time, 100 is 100×) or 'max'`),
);

/**
 * A speed multiplier: a number 0..MAX_SPEED (0 pauses) or 'max'. Returns the engine's value
 * (-1 for as fast as possible).
 */
export function expectSpeed(speed: unknown): number {
  const value = checkArg('setSpeed', 'speed', speedSchema, speed);
  return value === 'max' ? -1 : value;
}

const stepMsSchema = v.pipe(
  v.number(expected(`simulated milliseconds, a number > 0 and ≤ ${MAX_STEP_MS}`)),
  v.check(
    (n: number) => Number.isFinite(n) && n > 0 && n <= MAX_STEP_MS,
    expected(`simulated milliseconds, a number > 0 and ≤ ${MAX_STEP_MS}`),
  ),
);

/** What a step reports while it runs: simulated ms done and to do. */
export type StepProgress = (doneMs: number, totalMs: number) => void;

const stepOptionsSchema = options(
  {
    onProgress: v.optional(
      v.custom<StepProgress>(
        (f) => typeof f === 'function',
        expected('a function (doneMs, totalMs) => void'),
      ),
    ),
  },
  '{ onProgress: (doneMs, totalMs) => … }',
);

/** A step: 0 < simMs ≤ MAX_STEP_MS, and optionally a progress callback (it stays on the page). */
export function expectStep(
  simMs: unknown,
  stepOptions: unknown,
): { simMs: number; onProgress: StepProgress | null } {
  const ms = checkArg('step', 'simMs', stepMsSchema, simMs);
  if (stepOptions === undefined) return { simMs: ms, onProgress: null };
  // Not checkArg: a function is fine here, it is never sent to the worker.
  const result = v.safeParse(stepOptionsSchema, stepOptions, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const key = issue.path?.[0]?.key;
    throw new ArgumentError(
      'step',
      typeof key === 'string' ? `options.${key}` : 'options',
      issue.message,
    );
  }
  return { simMs: ms, onProgress: result.output.onProgress ?? null };
}

/** The limit of a time warp (`jumpToNextEvent`), in simulated ms: same range as a step. */
export function expectJumpMs(limitMs: unknown): number {
  return checkArg('jumpToNextEvent', 'limitMs', stepMsSchema, limitMs);
}

export function expectHandler(event: unknown, events: readonly string[], handler: unknown): void {
  checkArg(
    'on',
    'event',
    v.picklist(events, expected(`an event name, one of ${events.join(', ')}`)),
    event,
  );
  if (typeof handler !== 'function') {
    throw new ArgumentError('on', 'handler', `expected a function, got ${describeValue(handler)}`);
  }
}

/** One of the LED roles the component has. */
export function expectLedRole(id: string, role: unknown, roles: readonly string[]): string {
  if (typeof role === 'string' && roles.includes(role)) return role;
  throw new ArgumentError(
    'ledPosition',
    'role',
    `expected an LED ${id} has, one of ${roles.join(', ')}; got ${describeValue(role)}`,
  );
}

function hint(ids: readonly string[], count = ID_HINT_COUNT): string {
  if (ids.length === 0) return '(none loaded yet)';
  const listed = ids.slice(0, count).map((k) => shown(k));
  return ids.length > count ? `${listed.join(', ')}, …` : listed.join(', ');
}
