import type { Figure } from './types.ts';

/**
 * A figure taken from public Stratus/NEC documentation.
 *
 * @example
 * const heightU = sourced(4, 'ftServer 4300 is 4U');
 */
export function sourced<T>(value: T, note?: string): Figure<T> {
  return note === undefined ? { value, source: 'src' } : { value, source: 'src', note };
}

/**
 * A figure that is our own modelling choice, to be corrected when a source turns up.
 *
 * @example
 * const watts = assumed(650, 'typical 1U/2U PSU of the period');
 */
export function assumed<T>(value: T, note?: string): Figure<T> {
  return note === undefined ? { value, source: 'assumed' } : { value, source: 'assumed', note };
}
