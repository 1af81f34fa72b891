/**
 * Simulated time: the engine advances in slices, fires timers at their exact microsecond, and
 * skips what needs no execution. Time warp is per system: a system runs instruction by instruction
 * only while something needs real execution (a fault to detect, a resync copying, a reference
 * replica to keep up, the rate warm-up); the others only accrue time (accounting.ts), at no cost
 * per slice. When no system needs execution, the clock jumps to the next timer.
 *
 * Why the state is the same however `advance` is chunked (docs/design.md, "Time"): times are
 * whole microseconds; slices are cut at timer times, at multiples of SLICE_US and where `advance`
 * ends, and nothing depends on the last kind of cut: executed instructions and votes depend only on
 * each system's instruction target (lockstep.ts), resync copies happen at fixed points of running
 * time (resync.ts), which systems run for real is decided only at timers, commands and the ends of
 * the SLICE_US grid cells slices ran through (a cell once started is sliced to its end), and what
 * systems do inside one slice is put in time order at its end (events, service calls).
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { accountAll, account } from './accounting.ts';
import { orderEventsSince, capEvents } from './events.ts';
import { executeSystem, SLICE_US } from './lockstep.ts';
import { COPY_QUANTUM_US, copyQuantum } from './resync.ts';
import { openPendingCalls, refreshCallRoutes } from './service.ts';
import { systemUp } from './system-status.ts';
import { nextTimerUs } from './timers.ts';
import type { World } from './world.ts';

/** Whether system `s` needs real execution even when time warp is allowed. */
function needsExecution(w: World, s: number): boolean {
  if (w.timeUs < w.warmUntilUs[s] || w.rsPhase[s] === 1 || w.referenceActive[s]) return true;
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) {
    const r = s * REPLICAS_PER_SYSTEM + k;
    if (w.inLockstep[r] && w.flagged[r]) return true;
  }
  return false;
}

/** Re-decides which systems run for real (only at timers, commands and the slice grid). */
function decide(w: World): void {
  for (let s = 0; s < w.m; s++) {
    const hot = needsExecution(w, s) ? 1 : 0;
    if (hot !== w.hot[s]) {
      account(w, s);
      w.hot[s] = hot;
      account(w, s);
    }
  }
  refreshCallRoutes(w);
}

function paused(w: World, s: number): boolean {
  return w.pauseUntilUs[s] > 0;
}

/** Whether system `s` runs its workload for real now. */
function executing(w: World, s: number): boolean {
  return (
    systemUp(w, s) &&
    !paused(w, s) &&
    (w.hot[s] === 1 || !w.warp) &&
    w.management.systems[s].sam.appUp
  );
}

/** Whether system `s` has work inside a slice (running, or copying a resync). */
function active(w: World, s: number): boolean {
  return executing(w, s) || (w.rsPhase[s] === 1 && systemUp(w, s) && !paused(w, s));
}

/**
 * Runs `durationUs` of simulated time; with `warp`, systems that need no execution skip it.
 * `onTimer` fires each due timer (the engine's dispatch).
 */
export function advanceTime(
  w: World,
  durationUs: number,
  warp: boolean,
  onTimer: (w: World) => void,
): void {
  const end = w.timeUs + durationUs;
  if (w.warp !== warp) {
    accountAll(w);
    w.warp = warp;
    accountAll(w);
  }
  while (w.timeUs < end) {
    const now = w.timeUs;
    // Re-decide after a command or timer, and at the end of each grid cell slices ran through
    // (never merely where an advance call or a jump happened to stop: chunking must not matter).
    if (w.reevaluate || w.sliceUntilUs === now) {
      decide(w);
      w.reevaluate = false;
    }
    let next = Math.min(end, nextTimerUs(w));
    // A grid cell, once slicing started in it, is sliced to its end even if every system went
    // quiet meanwhile (a crash inside a slice must not change where the next decision falls).
    let slicing = now < w.sliceUntilUs;
    for (let s = 0; s < w.m && !slicing; s++) slicing = active(w, s);
    if (slicing) {
      w.sliceUntilUs = (Math.floor(now / SLICE_US) + 1) * SLICE_US;
      next = Math.min(next, w.sliceUntilUs);
      runSlice(w, now, next);
    }
    w.timeUs = next;
    onTimer(w);
  }
}

function runSlice(w: World, t0: number, t1: number): void {
  const sc = w.scratch;
  const mark = w.events.length;
  sc.inSlice = true;
  for (let s = 0; s < w.m; s++) if (active(w, s)) runSystemSlice(w, s, t0, t1);
  sc.inSlice = false;
  w.timeUs = t1;
  openPendingCalls(w);
  orderEventsSince(w, mark);
  capEvents(w);
}

/** One system through one slice: execution in steps that end at copy points of a resync. */
function runSystemSlice(w: World, s: number, t0: number, t1: number): void {
  let t = t0;
  while (t < t1 && systemUp(w, s) && !paused(w, s)) {
    const copying = w.rsPhase[s] === 1;
    const stepEnd = copying
      ? Math.min(t1, t + COPY_QUANTUM_US - (w.copyClockUs[s] % COPY_QUANTUM_US))
      : t1;
    if (executing(w, s)) {
      executeSystem(w, s, t, stepEnd - t);
      if (!systemUp(w, s) || paused(w, s)) break;
    }
    if (copying && w.rsPhase[s] === 1) {
      w.copyClockUs[s] += stepEnd - t;
      if (w.copyClockUs[s] % COPY_QUANTUM_US === 0) {
        w.timeUs = stepEnd;
        copyQuantum(w, s);
      }
    }
    t = stepEnd;
  }
}
