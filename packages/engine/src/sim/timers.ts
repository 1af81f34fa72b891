/**
 * Scheduled engine work. The list is kept sorted by a key made only of the timer's own fields
 * (time, then type, target, argument), never by when it was scheduled: two systems running in
 * the same slice may schedule in either order, and the list, what fires first and the saved
 * bytes must not depend on it. A timer for a component carries the component's generation; if
 * the component changed state since, the timer is stale and ignored.
 */
import type { World } from './world.ts';

/** Timer types; at the same time, lower values fire first. */
export enum TimerType {
  /** System: the stop-and-copy pause of a resync ends. */
  PauseEnd = 0,
  /** The component's current phase (shot, diagnostics, initializing, dumping...) ends. */
  Phase = 1,
  /** Service call `target` reaches its next step (arg = CallStep). */
  Service = 2,
  /** Component: the service engineer replaces the part (auto-repair). */
  Repair = 3,
  /** NIC `target`: a technician restores its network link (auto-repair). */
  LinkRepair = 4,
  /** System `target`: the current Active Upgrade step ends. */
  Upgrade = 5,
  /** System `target`: SAM samples resources / restarts the application (arg = SamTimer). */
  Sam = 6,
  /** Component: a random fault drawn from its MTBF (arg = fault index). */
  RandomFault = 7,
}

export interface Timer {
  atUs: number;
  type: TimerType;
  target: number;
  gen: number;
  arg: number;
}

function before(a: Timer, b: Timer): boolean {
  if (a.atUs !== b.atUs) return a.atUs < b.atUs;
  if (a.type !== b.type) return a.type < b.type;
  if (a.target !== b.target) return a.target < b.target;
  if (a.arg !== b.arg) return a.arg < b.arg;
  return a.gen < b.gen;
}

/** Schedules work at `atUs` (rounded up to a whole microsecond). */
export function schedule(w: World, atUs: number, type: TimerType, target: number, arg = 0): void {
  const gen = type === TimerType.Phase ? w.gen[target] : 0;
  const timer: Timer = { atUs: Math.ceil(atUs), type, target, gen, arg };
  const list = w.timers;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(timer, list[mid])) hi = mid;
    else lo = mid + 1;
  }
  list.splice(lo, 0, timer);
}

export function nextTimerUs(w: World): number {
  return w.timers.length > 0 ? w.timers[0].atUs : Number.POSITIVE_INFINITY;
}

/** Removes every timer of a type for a target (e.g. a pending repair when a part is replaced). */
export function cancel(w: World, type: TimerType, target: number): void {
  w.timers = w.timers.filter((t) => !(t.type === type && t.target === target));
}
