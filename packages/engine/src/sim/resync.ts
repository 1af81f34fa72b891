/**
 * Resynchronisation of a CPU element, for real: the memory image is copied page by page from an
 * element in lockstep while the workload keeps running and dirtying pages; dirty pages are copied
 * again in further passes; then the system pauses for the last dirty pages and the registers.
 * Durations follow the modelled memory size and the calibrated copy bandwidth.
 *
 * The copy advances in steps of COPY_QUANTUM_US of running time, each after the workload has run
 * up to that point (lockstep.ts), so what is copied does not depend on how time is chunked.
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { copyExecutionState } from '../cpu/complex.ts';
import { TIMING } from '../timing.ts';
import { OpState } from '../types.ts';
import { account } from './accounting.ts';
import { msToUs, setState } from './component-state.ts';
import { log } from './events.ts';
import { schedule, TimerType } from './timers.ts';
import type { World } from './world.ts';

/** Running time between two copy steps. */
export const COPY_QUANTUM_US = 10_000;

const GIB = 1024 * 1024 * 1024;

/** Modelled bytes one simulated page stands for. */
export function pageBytes(w: World, s: number): number {
  return (w.memoryGB[s] * GIB) / w.cpu.pages;
}

function firstInLockstep(w: World, s: number): number {
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++)
    if (w.inLockstep[s * REPLICAS_PER_SYSTEM + k]) return k;
  return -1;
}

/** Starts resynchronising CPU slot `slot`; returns false if no source is online or one is busy. */
export function startResync(w: World, s: number, slot: number): boolean {
  if (w.rsPhase[s] !== 0) return false;
  const source = firstInLockstep(w, s);
  if (source < 0) return false;
  const pages = w.cpu.pages;
  w.rsTarget[s] = slot;
  w.rsSource[s] = source;
  w.rsPhase[s] = 1;
  w.rsPass[s] = 1;
  w.rsCursor[s] = 0;
  w.rsCarry[s] = 0;
  w.rsCopied[s] = 0;
  w.copyClockUs[s] = 0;
  w.rsPassPages[s] = pages;
  w.cpu.dirty.fill(1, s * pages, (s + 1) * pages);
  const c = w.sysCpu[s * REPLICAS_PER_SYSTEM + slot];
  const from = w.sysCpu[s * REPLICAS_PER_SYSTEM + source];
  setState(w, c, OpState.Initializing, `resynchronising memory from ${w.label(from)}`);
  return true;
}

/** Keeps the copy going when the source leaves lockstep (TMR: another source may remain). */
export function resyncSourceLost(w: World, s: number, slot: number): boolean {
  if (w.rsPhase[s] !== 1 || w.rsSource[s] !== slot) return true;
  const next = firstInLockstep(w, s);
  if (next < 0) return false;
  w.rsSource[s] = next;
  return true;
}

/** Stops a resync in progress; the target goes offline (it tries again when it can). */
export function abortResync(w: World, s: number): void {
  if (w.rsPhase[s] === 0) return;
  const target = w.rsTarget[s];
  w.rsPhase[s] = 0;
  w.rsTarget[s] = -1;
  w.rsSource[s] = -1;
  const c = target >= 0 ? w.sysCpu[s * REPLICAS_PER_SYSTEM + target] : -1;
  if (c >= 0 && w.state[c] === OpState.Initializing) {
    setState(w, c, OpState.Offline, 'resynchronisation aborted');
  }
}

/** One copy step: the pages COPY_QUANTUM_US of bandwidth can copy, from the cursor on. */
export function copyQuantum(w: World, s: number): void {
  if (w.rsPhase[s] !== 1) return;
  const cpu = w.cpu;
  const pages = cpu.pages;
  const dirty = cpu.dirty;
  const base = s * pages;
  const from = w.replica(s, w.rsSource[s]);
  const to = w.replica(s, w.rsTarget[s]);
  const pagesPerUs = TIMING.copyBandwidthBytesPerS.value / pageBytes(w, s) / 1e6;
  let budget = w.rsCarry[s] + COPY_QUANTUM_US * pagesPerUs;
  let p = w.rsCursor[s];
  while (p < pages && budget >= 1) {
    if (dirty[base + p] === 1) {
      cpu.copyPages(from, to, p, 1);
      dirty[base + p] = 0;
      budget -= 1;
      w.rsCopied[s] += 1;
    }
    p++;
  }
  while (p < pages && dirty[base + p] === 0) p++;
  w.rsCursor[s] = p;
  w.rsCarry[s] = p < pages ? budget : 0;
  if (p >= pages) endPass(w, s);
}

function countDirty(w: World, s: number): number {
  const pages = w.cpu.pages;
  const dirty = w.cpu.dirty;
  let n = 0;
  for (let p = s * pages; p < (s + 1) * pages; p++) n += dirty[p];
  return n;
}

function endPass(w: World, s: number): void {
  const remaining = countDirty(w, s);
  const converged = remaining <= 1 || remaining > 0.75 * w.rsPassPages[s];
  if (!converged && w.rsPass[s] < TIMING.resyncMaxPasses.value) {
    w.rsPass[s]++;
    w.rsCursor[s] = 0;
    w.rsPassPages[s] = remaining;
    return;
  }
  stopAndCopy(w, s, remaining);
}

/** The final pause: the last dirty pages and the registers are copied with the OS stopped. */
function stopAndCopy(w: World, s: number, remaining: number): void {
  const cpu = w.cpu;
  const pages = cpu.pages;
  const from = w.replica(s, w.rsSource[s]);
  const to = w.replica(s, w.rsTarget[s]);
  for (let p = 0; p < pages; p++) {
    if (cpu.dirty[s * pages + p] === 1) {
      cpu.copyPages(from, to, p, 1);
      cpu.dirty[s * pages + p] = 0;
    }
  }
  copyExecutionState(cpu, from, cpu, to);
  w.flagged[to] = 0;
  const bytes = remaining * pageBytes(w, s);
  const pauseMs =
    TIMING.resyncFixedPauseMs.value + (bytes / TIMING.copyBandwidthBytesPerS.value) * 1000;
  w.rsPhase[s] = 2;
  w.pauseUntilUs[s] = w.timeUs + msToUs(pauseMs);
  account(w, s);
  schedule(w, w.pauseUntilUs[s], TimerType.PauseEnd, s);
  const c = w.sysCpu[s * REPLICAS_PER_SYSTEM + w.rsTarget[s]];
  log(
    w,
    s,
    c,
    'info',
    `${w.label(c)} of ${w.systemName(s)}: final stop-and-copy of ${remaining} dirty pages ` +
      `(${(bytes / 1e6).toFixed(0)} MB) after ${w.rsPass[s]} passes; OS paused ${(pauseMs / 1000).toFixed(2)} s`,
  );
}

/** Resync progress for the UI: passes fill 0..0.95, the pause 0.95..1. */
export function resyncProgress(w: World, s: number): number {
  if (w.rsPhase[s] === 2) return 0.97;
  if (w.rsPhase[s] !== 1) return -1;
  const pass = w.rsPass[s];
  const within = w.rsCursor[s] / w.cpu.pages;
  if (pass === 1) return 0.8 * within;
  return Math.min(0.95, 0.8 + (0.15 * (pass - 2 + within)) / TIMING.resyncMaxPasses.value);
}
