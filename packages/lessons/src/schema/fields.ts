/**
 * Field schemas shared by scenarios, predicates, lessons and sessions, each with a message that
 * says what was expected (valibot's defaults speak of types, not of the domain).
 */
import { SYSTEM_ID_PATTERN } from '@ft/hardware';
import * as v from 'valibot';
import { quote } from './issues.ts';

/** Component kinds as they appear in component ids (`A.cpu-1`, `A.disk-10-40-1`). */
export const COMPONENT_KINDS = ['cpu', 'io', 'xio', 'disk', 'pci', 'nic', 'psu'] as const;

/** A rack-wide component id: system id, a dot, kind and element numbers, e.g. `A.disk-10-40-1`. */
export const COMPONENT_ID_PATTERN = new RegExp(
  `^${SYSTEM_ID_PATTERN.source.slice(1, -1)}\\.(${COMPONENT_KINDS.join('|')})-\\d+(-\\d+)*$`,
);

/** Longest free text (captions, step texts, feedback), in characters. */
export const MAX_TEXT_CHARS = 4000;
/** Longest simulated wait or time limit: 30 simulated days. */
export const MAX_SIM_MS = 30 * 24 * 3_600_000;

/** The kind part of a component id (`cpu` for `A.cpu-1`), or null. */
export function kindOfId(id: string): string | null {
  const m = /\.([a-z]+)-/.exec(id);
  return m ? m[1] : null;
}

/** The system part of a component id (`A` for `A.cpu-1`). */
export function systemOfId(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(0, dot);
}

/**
 * An object that accepts only the listed fields; an unknown field is named, with the allowed
 * ones, so a typo (`tagret`) is caught instead of silently ignored.
 */
export function strict<const E extends v.ObjectEntries>(entries: E, what = 'an object') {
  const allowed = Object.keys(entries).join(', ');
  return v.strictObject(entries, (issue) =>
    issue.expected === 'never'
      ? `unknown field; allowed fields: ${allowed}`
      : `expected ${what}, got ${quote(issue.input)}`,
  );
}

export const componentId = v.pipe(
  v.string((i) => `expected a component id like "A.cpu-1", got ${quote(i.input)}`),
  v.regex(
    COMPONENT_ID_PATTERN,
    (i) => `expected a component id like "A.cpu-1", got ${quote(i.input)}`,
  ),
);

export const systemId = v.pipe(
  v.string((i) => `expected a system id like "A", got ${quote(i.input)}`),
  v.regex(SYSTEM_ID_PATTERN, (i) => `expected a system id like "A", got ${quote(i.input)}`),
);

/** One of a fixed list of words. */
export function oneOf<const T extends readonly string[]>(options: T, what = 'one of') {
  return v.picklist(
    options,
    (i) => `expected ${what} ${options.join(', ')}; got ${quote(i.input)}`,
  );
}

export function text(maxChars = MAX_TEXT_CHARS) {
  return v.pipe(
    v.string((i) => `expected text, got ${quote(i.input)}`),
    v.maxLength(maxChars, `text is longer than ${maxChars} characters`),
  );
}

export function nonEmptyText(maxChars = MAX_TEXT_CHARS) {
  return v.pipe(
    text(maxChars),
    v.check((s) => s.trim() !== '', 'expected non-empty text'),
  );
}

/** Simulated milliseconds in `min..max`. */
export function simMs(min = 0, max = MAX_SIM_MS) {
  return v.pipe(
    v.number((i) => `expected simulated milliseconds (a number), got ${quote(i.input)}`),
    v.check(
      (n) => Number.isFinite(n) && n >= min && n <= max,
      (i) => `expected simulated milliseconds in ${min}..${max}, got ${quote(i.input)}`,
    ),
  );
}

/** A whole number in `min..max`. */
export function integer(min: number, max: number, what = 'a whole number') {
  return v.pipe(
    v.number((i) => `expected ${what}, got ${quote(i.input)}`),
    v.check(
      (n) => Number.isInteger(n) && n >= min && n <= max,
      (i) => `expected ${what} in ${min}..${max}, got ${quote(i.input)}`,
    ),
  );
}

export function bool(what = 'true or false') {
  return v.boolean((i) => `expected ${what}, got ${quote(i.input)}`);
}

/** An array of at most `max` items. */
export function list<T extends v.GenericSchema>(item: T, max: number, min = 0) {
  return v.pipe(
    v.array(item, (i) => `expected a list, got ${quote(i.input)}`),
    v.minLength(min, `expected at least ${min} item${min === 1 ? '' : 's'}`),
    v.maxLength(max, `expected at most ${max} items`),
  );
}

/** An engine seed: an integer 0..4294967295. */
export const seed = integer(0, 0xffffffff, 'a seed (integer)');
