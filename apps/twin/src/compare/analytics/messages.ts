/**
 * Messages between the comparison page and its Monte Carlo workers, checked at both ends: a
 * malformed message gets a clear error reply (or is reported by the page), never a crash.
 */
import type { SeedResult } from '@ft/engine/alternatives';
import { quote } from '@ft/lessons';
import * as v from 'valibot';

/** At most this many seeds in one request (the page splits larger runs). */
export const MAX_SEEDS_PER_REQUEST = 10_000;
/** Longest simulated duration per seed, ms (100 years, as `pnpm compare`). */
export const MAX_DURATION_MS = 100 * 365 * 86_400_000;

export const runRequestSchema = v.strictObject({
  type: v.literal('run'),
  preset: v.pipe(v.string(), v.maxLength(64)),
  durationMs: v.pipe(v.number(), v.minValue(10_000), v.maxValue(MAX_DURATION_MS)),
  seeds: v.pipe(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffff_ffff))),
    v.minLength(1),
    v.maxLength(MAX_SEEDS_PER_REQUEST),
  ),
  mirroredDisks: v.boolean(),
});

export type RunRequest = v.InferOutput<typeof runRequestSchema>;

export type WorkerReply =
  | { type: 'seed'; result: SeedResult; wallMs: number }
  | { type: 'done' }
  | { type: 'error'; message: string };

/**
 * Checks a request from the page; returns it, or a one-line message naming the field.
 *
 * @example
 * parseRunRequest({ type: 'run', preset: '4300-dmr', durationMs: 1, seeds: [1], mirroredDisks: true });
 * // 'durationMs: expected a value ≥ 10000, got 1'
 */
export function parseRunRequest(data: unknown): RunRequest | string {
  const parsed = v.safeParse(runRequestSchema, data);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') || '(message)';
  return `${path}: ${issue.message.slice(0, 120)} (got ${quote(issue.input)})`;
}
