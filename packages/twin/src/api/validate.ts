/**
 * Argument checks for the public `window.ftTwin` API. Each throws an Error that says what was
 * expected, so a script author sees the fix in the console. Pure: the known ids and faults are
 * passed in.
 */
import type { FaultKind } from '@ft/engine';

/** How many ids an "unknown id" message lists before it says "…". */
const ID_HINT_COUNT = 8;

export function expectId(id: unknown, known: readonly string[], what = 'component id'): string {
  if (typeof id !== 'string' || id.length === 0) {
    throw new Error(`Expected a ${what} string (e.g. ${hint(known)}), got ${describe(id)}.`);
  }
  if (!known.includes(id)) {
    const near = known.filter((k) => k.toLowerCase().includes(id.toLowerCase()));
    const list = near.length > 0 ? near : known;
    throw new Error(`Unknown ${what} ${JSON.stringify(id)}. Known ids include: ${hint(list)}.`);
  }
  return id;
}

export function expectFault(id: string, fault: unknown, valid: readonly FaultKind[]): FaultKind {
  if (typeof fault === 'string' && (valid as readonly string[]).includes(fault)) {
    return fault as FaultKind;
  }
  const options = valid.length > 0 ? valid.join(', ') : '(none: this component takes no faults)';
  throw new Error(
    `Fault ${describe(fault)} cannot be injected into ${id}: expected one of ${options}.`,
  );
}

/**
 * A speed multiplier: a finite number ≥ 0 (0 pauses) or 'max'. Returns the engine's value
 * (-1 for as fast as possible).
 */
export function expectSpeed(speed: unknown): number {
  if (speed === 'max') return -1;
  if (typeof speed === 'number' && Number.isFinite(speed) && speed >= 0) return speed;
  throw new Error(
    `Expected a speed: a number ≥ 0 (0 pauses, 1 is real time, 100 is 100×) or 'max', got ${describe(speed)}.`,
  );
}

/** Most simulated time one `step` may advance: one simulated day. */
export const MAX_STEP_MS = 86_400_000;

export function expectStepMs(simMs: unknown): number {
  if (typeof simMs === 'number' && Number.isFinite(simMs) && simMs > 0 && simMs <= MAX_STEP_MS) {
    return simMs;
  }
  throw new Error(
    `Expected a step in simulated milliseconds: a number > 0 and ≤ ${MAX_STEP_MS}, got ${describe(simMs)}.`,
  );
}

/** The limit of a time warp (`jumpToNextEvent`), in simulated ms: same range as a step. */
export function expectJumpMs(limitMs: unknown): number {
  if (
    typeof limitMs === 'number' &&
    Number.isFinite(limitMs) &&
    limitMs > 0 &&
    limitMs <= MAX_STEP_MS
  ) {
    return limitMs;
  }
  throw new Error(
    `jumpToNextEvent: expected a limit in simulated milliseconds, a number > 0 and ≤ ${MAX_STEP_MS}, got ${describe(limitMs)}.`,
  );
}

export function expectOptions<K extends string>(
  options: unknown,
  allowed: readonly K[],
  fn: string,
): Partial<Record<K, boolean>> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new Error(
      `${fn}: expected an options object like { ${allowed[0]}: true }, got ${describe(options)}.`,
    );
  }
  const out: Partial<Record<K, boolean>> = {};
  for (const [key, value] of Object.entries(options)) {
    if (!(allowed as readonly string[]).includes(key)) {
      throw new Error(
        `${fn}: unknown option ${JSON.stringify(key)}; expected ${allowed.join(', ')}.`,
      );
    }
    if (typeof value !== 'boolean') {
      throw new Error(`${fn}: option ${key} must be true or false, got ${describe(value)}.`);
    }
    out[key as K] = value;
  }
  return out;
}

export function expectHandler(event: unknown, events: readonly string[], handler: unknown): void {
  if (typeof event !== 'string' || !events.includes(event)) {
    throw new Error(`Unknown event ${describe(event)}: expected one of ${events.join(', ')}.`);
  }
  if (typeof handler !== 'function') {
    throw new Error(`Expected a handler function for '${event}', got ${describe(handler)}.`);
  }
}

function hint(ids: readonly string[]): string {
  if (ids.length === 0) return '(none loaded yet)';
  const shown = ids.slice(0, ID_HINT_COUNT).map((k) => JSON.stringify(k));
  return ids.length > ID_HINT_COUNT ? `${shown.join(', ')}, …` : shown.join(', ');
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  return typeof value;
}
