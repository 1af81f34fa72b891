/**
 * Scheduled work of an alternative rack, sorted by time then insertion order so that a replay
 * is deterministic. A timer carries its target's generation; when the target has moved on
 * (another phase began) the timer is stale and ignored by its handler.
 */
import type { AltState, Timer, TimerType } from './state.ts';

export function schedule(
  w: AltState,
  atMs: number,
  type: TimerType,
  target: number,
  gen = 0,
  arg = 0,
): void {
  const timer: Timer = { atMs, seq: w.timerSeq++, type, target, gen, arg };
  const list = w.timers;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].atMs <= atMs) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, timer);
}

export function nextTimerMs(w: AltState): number {
  return w.timers.length > 0 ? w.timers[0].atMs : Number.POSITIVE_INFINITY;
}

/** Removes and returns the first timer due at or before `ms`, or null. */
export function popDue(w: AltState, ms: number): Timer | null {
  if (w.timers.length === 0 || w.timers[0].atMs > ms) return null;
  return w.timers.shift() ?? null;
}
