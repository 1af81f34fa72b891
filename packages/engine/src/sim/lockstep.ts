/**
 * Runs the CPU elements of one system and votes on their outputs, exactly as the comparators see
 * I/O: every replica in lockstep runs the same instructions into its own output buffer, and the
 * voter walks the buffers output by output, in order of instruction index. Agreement emits the
 * output to the I/O side (hash, counters, the journal on the mirrored disks, the lockstep lanes);
 * a disagreement removes an element by the rules in voter.ts at the output where it happened.
 *
 * Time and instructions: a system is entitled to one instruction per µs it runs for real
 * (`instrTarget`). Each replica runs to the first block leader at or after the target, so it may
 * hold one output a few instructions beyond it; outputs are voted only once the target has passed
 * them, at the simulated time of their instruction. A replica that loses a vote runs on alone to a
 * fixed point past that output (RUNOUT_INSTRUCTIONS) before it stops. With these rules the state
 * is the same however `advance` is chunked (docs/design.md, "Time"). What an emitted output does
 * is in emission.ts. Allocation-free.
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { type CpuComplex, OUTPUT_CAPACITY } from '../cpu/complex.ts';
import { LaneFlag } from '../snapshot.ts';
import { TIMING } from '../timing.ts';
import { Acc, addCount } from './accounting.ts';
import { lockstepCount } from './component-state.ts';
import { emit, emitRun, writeLanes } from './emission.ts';
import { removeElement, simplexError, threeWayDisagreement } from './isolation.ts';
import {
  afterReferenceStep,
  Decided,
  finishReference,
  REFERENCE_CHECK_INSTRUCTIONS,
  REFERENCE_STEP_INSTRUCTIONS,
} from './reference.ts';
import { systemUp } from './system-status.ts';
import { chooseDmrVictim, DmrRule, tmrOddOneOut } from './voter.ts';
import type { World } from './world.ts';

if (TIMING.instructionsPerSimS.value !== 1_000_000) {
  throw new Error('lockstep.ts maps one instruction to one simulated microsecond');
}

/** Longest stretch of running time voted at once (the slice grid of time-loop.ts). */
export const SLICE_US = 10_000;
/** Instructions a removed replica runs on alone past the output it lost on (≥ 2 slices). */
const RUNOUT_INSTRUCTIONS = 2 * SLICE_US;

const DMR_REASONS: Record<DmrRule, string> = {
  [DmrRule.Flag]: 'error signalled by the board',
  [DmrRule.SelfTest]: 'miscompare on I/O output; failed the board self-test',
  [DmrRule.Evidence]: 'miscompare on I/O output (DMR software rule: more recent board errors)',
  [DmrRule.Alternate]: 'miscompare on I/O output (DMR software rule)',
};

/**
 * Runs system `s` for `dtUs` of running time starting at simulated time `t0Us`: elements whose
 * board flagged an error leave first, then the replicas (and the reference replica, when active)
 * run to the new target and every output up to it is voted.
 */
export function executeSystem(w: World, s: number, t0Us: number, dtUs: number): void {
  const sc = w.scratch;
  w.timeUs = t0Us;
  // Before anything runs (so a crash here grants the system no instructions in this slice).
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) {
    const r = s * REPLICAS_PER_SYSTEM + k;
    if (!w.inLockstep[r] || !w.flagged[r]) continue;
    if (lockstepCount(w, s) > 1) {
      removeElement(w, s, k, DMR_REASONS[DmrRule.Flag]);
    } else {
      simplexError(w, s, k);
      return;
    }
  }
  const startTarget = w.instrTarget[s];
  const target = startTarget + dtUs;
  w.instrTarget[s] = target;
  sc.timeBaseUs = t0Us - startTarget;
  // Votes normally go up to the target. While the reference replica runs they go in steps that
  // end at multiples of REFERENCE_STEP_INSTRUCTIONS, where it is compared and re-based: those
  // points then do not depend on how time was chunked (the replicas may lag the target by less
  // than one step meanwhile).
  for (;;) {
    const done = w.votedTo[s];
    let bound = target;
    if (w.referenceActive[s]) {
      bound = (Math.floor(done / REFERENCE_STEP_INSTRUCTIONS) + 1) * REFERENCE_STEP_INSTRUCTIONS;
      if (bound > target) return;
    }
    if (bound <= done) return;
    const referenceStep = w.referenceActive[s] === 1;
    sc.diverged = false;
    sc.lockstepChanged = false;
    const running = voteTo(w, s, bound);
    w.votedTo[s] = bound;
    if (referenceStep) afterReferenceStep(w, s, bound % REFERENCE_CHECK_INSTRUCTIONS === 0);
    if (!running || !systemUp(w, s)) return;
  }
}

/** Runs the replicas in lockstep (and the reference) to `bound` and votes every output up to it. */
function voteTo(w: World, s: number, bound: number): boolean {
  const sc = w.scratch;
  const cpu = w.cpu;
  const ref = w.reference;
  for (;;) {
    const n = collectAlive(w, s);
    if (n === 0) return false;
    let horizon = bound;
    for (let i = 0; i < n; i++) {
      const r = s * REPLICAS_PER_SYSTEM + sc.alive[i];
      if (cpu.instructions[r] < bound && !cpu.full(r)) {
        w.replicaInstructions += cpu.run(r, bound - cpu.instructions[r]);
      }
      horizon = Math.min(horizon, cpu.instructions[r]);
    }
    if (w.referenceActive[s]) {
      if (ref.instructions[s] < bound && !ref.full(s)) ref.run(s, bound - ref.instructions[s]);
      horizon = Math.min(horizon, ref.instructions[s]);
    }
    if (!vote(w, s, n, horizon)) return false;
    if (horizon >= bound) return true;
  }
}

/** Fills scratch.alive with the slots in lockstep; returns how many. */
function collectAlive(w: World, s: number): number {
  let n = 0;
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) {
    if (w.inLockstep[s * REPLICAS_PER_SYSTEM + k]) w.scratch.alive[n++] = k;
  }
  return n;
}

/** Buffered outputs of replica `r` with an instruction index ≤ horizon. */
function countUpTo(w: World, r: number, horizon: number): number {
  const cpu = w.cpu;
  const base = r * OUTPUT_CAPACITY;
  const count = cpu.outCount[r];
  let j = 0;
  while (j < count && cpu.outIndex[base + j] <= horizon) j++;
  return j;
}

/** True when every alive replica has the same outputs up to the horizon. */
function unanimous(w: World, s: number, n: number, horizon: number): number {
  const cpu = w.cpu;
  const sc = w.scratch;
  const ra = s * REPLICAS_PER_SYSTEM + sc.alive[0];
  const k = countUpTo(w, ra, horizon);
  const a = ra * OUTPUT_CAPACITY;
  for (let i = 1; i < n; i++) {
    const rb = s * REPLICAS_PER_SYSTEM + sc.alive[i];
    if (countUpTo(w, rb, horizon) !== k) return -1;
    const b = rb * OUTPUT_CAPACITY;
    for (let j = 0; j < k; j++) {
      if (
        cpu.outValue[a + j] !== cpu.outValue[b + j] ||
        cpu.outIndex[a + j] !== cpu.outIndex[b + j] ||
        cpu.outPort[a + j] !== cpu.outPort[b + j]
      ) {
        return -1;
      }
    }
  }
  return k;
}

/** Votes every output up to `horizon`. Returns false if the system stopped. */
function vote(w: World, s: number, n: number, horizon: number): boolean {
  const cpu = w.cpu;
  const sc = w.scratch;
  sc.referenceCursor = 0;
  sc.victimSlot = -1;
  if (!w.trace) {
    const k = unanimous(w, s, n, horizon);
    if (k >= 0) {
      emitRun(w, s, s * REPLICAS_PER_SYSTEM + sc.alive[0], k);
      for (let i = 0; i < n; i++) cpu.consumeOutputs(s * REPLICAS_PER_SYSTEM + sc.alive[i], k);
      finishReference(w, s, horizon);
      return true;
    }
  }
  for (let i = 0; i < n; i++) sc.cursor[i] = 0;
  for (;;) {
    // The next instruction index at which any alive replica outputs.
    let x = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (sc.alive[i] < 0) continue;
      const r = s * REPLICAS_PER_SYSTEM + sc.alive[i];
      if (sc.cursor[i] < cpu.outCount[r]) {
        const index = cpu.outIndex[r * OUTPUT_CAPACITY + sc.cursor[i]];
        if (index <= horizon && index < x) x = index;
      }
    }
    if (x === Number.POSITIVE_INFINITY) break;
    w.timeUs = sc.timeBaseUs + x;
    let first = -1;
    let agree = true;
    for (let i = 0; i < n; i++) {
      if (sc.alive[i] < 0) continue;
      const r = s * REPLICAS_PER_SYSTEM + sc.alive[i];
      const j = r * OUTPUT_CAPACITY + sc.cursor[i];
      const has = sc.cursor[i] < cpu.outCount[r] && cpu.outIndex[j] === x;
      sc.has[i] = has ? 1 : 0;
      sc.value[i] = has ? cpu.outValue[j] : 0;
      sc.port[i] = has ? cpu.outPort[j] : 0;
      if (first < 0) first = i;
      else if (!same(w, first, i)) agree = false;
    }
    let winner = first;
    sc.decidedBy = Decided.Unanimous;
    if (!agree) {
      winner = decide(w, s, n);
      if (winner === -2) return false;
    }
    if (sc.has[winner]) {
      emit(w, s, sc.alive[winner], x, sc.value[winner], sc.port[winner], sc.decidedBy);
    } else if (sc.victimSlot >= 0) {
      // Nothing to emit at this index, but the lanes still show who was outvoted.
      writeLanes(w, s, -1, 0, LaneFlag.None);
      w.laneHead[s]++;
    }
    for (let i = 0; i < n; i++) if (sc.alive[i] >= 0 && sc.has[i]) sc.cursor[i]++;
  }
  for (let i = 0; i < n; i++) {
    if (sc.alive[i] >= 0) cpu.consumeOutputs(s * REPLICAS_PER_SYSTEM + sc.alive[i], sc.cursor[i]);
  }
  finishReference(w, s, horizon);
  return true;
}

/** Whether alive entries i and j made the same observation at the index being voted. */
function same(w: World, i: number, j: number): boolean {
  const sc = w.scratch;
  if (sc.has[i] !== sc.has[j]) return false;
  return sc.has[i] === 0 || (sc.value[i] === sc.value[j] && sc.port[i] === sc.port[j]);
}

/**
 * Resolves a disagreement at the index being voted. Returns the alive entry whose observation
 * stands, or -2 when the system stopped (three-way disagreement). Removed entries become -1.
 */
function decide(w: World, s: number, n: number): number {
  const sc = w.scratch;
  let a = -1;
  let b = -1;
  let c = -1;
  for (let i = 0; i < n; i++) {
    if (sc.alive[i] < 0) continue;
    if (a < 0) a = i;
    else if (b < 0) b = i;
    else c = i;
  }
  if (c < 0) {
    const d = chooseDmrVictim(w, s, sc.alive[a], sc.alive[b]);
    const guessed = d.rule === DmrRule.Evidence || d.rule === DmrRule.Alternate;
    if (guessed) addCount(w, s, Acc.RulePicks);
    sc.decidedBy = guessed ? Decided.DmrRule : Decided.BoardCheck;
    const victim = sc.alive[a] === d.victim ? a : b;
    remove(w, s, victim, DMR_REASONS[d.rule]);
    return victim === a ? b : a;
  }
  const odd = tmrOddOneOut(same(w, a, b), same(w, a, c), same(w, b, c));
  if (odd === -2) {
    addCount(w, s, Acc.Suppressed);
    sc.victimSlot = -1;
    writeLanes(w, s, -1, 0, LaneFlag.Suppressed);
    w.laneHead[s]++;
    const x = w.timeUs - sc.timeBaseUs;
    for (const i of [a, b, c]) {
      w.replicaInstructions += runOut(w.cpu, s * REPLICAS_PER_SYSTEM + sc.alive[i], x);
    }
    // The reference stops where the boards stop, so that a boot compares like with like; the
    // system is entitled to nothing past the stop.
    if (w.referenceActive[s]) runOut(w.reference, s, x);
    w.instrTarget[s] = x;
    w.votedTo[s] = x;
    threeWayDisagreement(w, s);
    return -2;
  }
  const victim = [a, b, c][odd];
  sc.decidedBy = Decided.TmrMajority;
  remove(w, s, victim, 'outvoted 2 to 1 on I/O output');
  return victim === a ? b : a;
}

/** The element of alive entry `i` leaves: lanes remember its output, it runs out, it is shot. */
function remove(w: World, s: number, i: number, reason: string): void {
  const sc = w.scratch;
  const slot = sc.alive[i];
  sc.victimSlot = slot;
  sc.victimValue = sc.value[i];
  // Counted, so that the total of replica-instructions is the same however time was chunked.
  w.replicaInstructions += runOut(w.cpu, s * REPLICAS_PER_SYSTEM + slot, w.timeUs - sc.timeBaseUs);
  sc.alive[i] = -1;
  removeElement(w, s, slot, reason);
}

/**
 * A replica that left lockstep at instruction `x` runs on alone (its outputs dropped, its page
 * writes untracked) to the first block leader RUNOUT_INSTRUCTIONS past `x`, so that where it
 * stops does not depend on how far the others had run when the vote happened.
 */
function runOut(cpu: CpuComplex, r: number, x: number): number {
  const until = x + RUNOUT_INSTRUCTIONS;
  let steps = 0;
  while (cpu.instructions[r] < until) {
    cpu.clearOutputs(r);
    steps += cpu.run(r, until - cpu.instructions[r], true);
  }
  cpu.clearOutputs(r);
  return steps;
}
