/**
 * Scheduled engine work, kept sorted by time then insertion order so replay is deterministic.
 * A timer for a component carries the component's generation; if the component changed state
 * since, the timer is stale and ignored.
 */
import type { World } from './world.ts';

export enum TimerType {
  /** The component's current phase (shot, diagnostics, initializing, dumping...) ends. */
  Phase = 0,
  /** System: the stop-and-copy pause of a resync ends. */
  PauseEnd = 1,
  /** Component: a random fault drawn from its MTBF (arg = fault index). */
  RandomFault = 3,
  /** Component: the service engineer replaces the part (auto-repair). */
  Repair = 4,
  /** Service call `target` reaches its next step (arg = CallStep). */
  Service = 5,
  /** System `target`: the current Active Upgrade step ends. */
  Upgrade = 6,
  /** System `target`: SAM samples resources / restarts the application (arg = SamTimer). */
  Sam = 7,
}

export interface Timer {
  atMs: number;
  seq: number;
  type: TimerType;
  target: number;
  gen: number;
  arg: number;
}

export function schedule(w: World, atMs: number, type: TimerType, target: number, arg = 0): void {
  const gen = type === TimerType.Phase ? w.gen[target] : 0;
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

export function nextTimerMs(w: World): number {
  return w.timers.length > 0 ? w.timers[0].atMs : Number.POSITIVE_INFINITY;
}

/** Removes every timer of a type for a target (e.g. a pending repair when a part is replaced). */
export function cancel(w: World, type: TimerType, target: number): void {
  w.timers = w.timers.filter((t) => !(t.type === type && t.target === target));
}
