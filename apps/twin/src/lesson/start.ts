/** What a lesson page URL asks for, and its class seed. */
import { quote } from '@ft/lessons';

export type Start =
  | { kind: 'menu' }
  | { kind: 'lesson'; id: string }
  | { kind: 'replay-link'; hash: string }
  | { kind: 'replay-file' };

/**
 * @example
 * startOf(new URLSearchParams('?lesson=cpu-hot-swap'), ''); // { kind: 'lesson', id: 'cpu-hot-swap' }
 * startOf(new URLSearchParams('?replay'), '#session=q1Z…'); // { kind: 'replay-link', hash: '#session=q1Z…' }
 */
export function startOf(params: URLSearchParams, hash: string): Start {
  if (hash.startsWith('#session=')) return { kind: 'replay-link', hash };
  if (params.has('replay')) return { kind: 'replay-file' };
  const id = params.get('lesson') ?? '';
  return id === '' ? { kind: 'menu' } : { kind: 'lesson', id };
}

/**
 * A class seed from `?seed=`: the number, or the problem with it (the lesson's own seed is used).
 *
 * @example
 * parseSeedParam('42'); // { seed: 42, problem: null }
 */
export function parseSeedParam(raw: string | null): {
  seed: number | undefined;
  problem: string | null;
} {
  if (raw === null) return { seed: undefined, problem: null };
  const n = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isInteger(n) && n <= 0xffffffff) return { seed: n, problem: null };
  const shown = quote(raw);
  return {
    seed: undefined,
    problem: `seed: expected a whole number 0…4294967295, got ${shown}; the lesson's own seed is used`,
  };
}
