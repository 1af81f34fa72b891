/**
 * The truth that silent data corruption is counted against. While any replica of a system may
 * hold a state a fault-free machine would not (an unflagged flip, a stuck bit, a corrupted image
 * copied by a resync, a system that went down), a fault-free copy of the workload runs beside the
 * system: the reference replica. It gets the same instruction budget as the replicas and is never
 * faulted; the voter compares every output it emits with the reference's, and the first output
 * that differs is one silent data corruption (lockstep.ts). Then the reference is re-based on the
 * system's state, so that the next departure counts again (the workload's running checksum would
 * otherwise make every later output differ from the original run).
 *
 * When every replica in lockstep is bit-identical to the reference, nothing can differ any more
 * and the reference stops (it costs a replica's worth of execution while it runs). While it runs,
 * votes go in steps that end at fixed instruction counts (lockstep.ts), and it is compared,
 * re-based and stopped only at those points and at a boot, so that none of it depends on how
 * `advance` was chunked.
 * docs/design.md, "Silent data corruption".
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { copyReplica, identicalReplicas, OUTPUT_CAPACITY } from '../cpu/complex.ts';
import { ACC_PER_SYSTEM, Acc, addCount } from './accounting.ts';
import { log } from './events.ts';
import type { World } from './world.ts';

/** How an emitted output was decided (for the message when it turns out to be wrong). */
export enum Decided {
  Unanimous = 0,
  BoardCheck = 1,
  DmrRule = 2,
  TmrMajority = 3,
}

/** Starts the reference from replica `r`'s state (call before the replica is changed). */
export function activateReference(w: World, s: number, r: number): void {
  if (w.referenceActive[s]) return;
  copyReplica(w.cpu, r, w.reference, s);
  w.referenceActive[s] = 1;
}

/** Stops the reference when every replica in lockstep is bit-identical to it. */
export function checkReference(w: World, s: number): void {
  if (!w.referenceActive[s]) return;
  let alive = 0;
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) {
    const r = s * REPLICAS_PER_SYSTEM + k;
    if (!w.inLockstep[r]) continue;
    alive++;
    if (!identicalReplicas(w.cpu, r, w.reference, s)) return;
  }
  // With no replica in lockstep (system down) the reference keeps the fault-free state for the boot.
  if (alive > 0) w.referenceActive[s] = 0;
}

/** Instructions between two points where the running reference is compared and re-based. */
export const REFERENCE_STEP_INSTRUCTIONS = 100;
/** Instructions between two checks whether the reference can stop (a multiple of the step). */
export const REFERENCE_CHECK_INSTRUCTIONS = 100_000;

/** The system's state becomes the new baseline (after a corruption was counted). */
function rebaseReference(w: World, s: number, r: number): void {
  copyReplica(w.cpu, r, w.reference, s);
}

/** A boot restarts the workload: the reference restarts the same way (memory kept). */
export function bootReference(w: World, s: number): void {
  if (!w.referenceActive[s]) return;
  w.reference.reset(s, false, w.instrTarget[s]);
}

/** Compares an emitted output with the reference replica's; the first difference is an SDC. */
export function compareWithReference(
  w: World,
  s: number,
  x: number,
  value: number,
  port: number,
  decided: Decided,
): void {
  const sc = w.scratch;
  if (sc.diverged) return;
  const ref = w.reference;
  const j = s * OUTPUT_CAPACITY + sc.referenceCursor;
  if (
    sc.referenceCursor < ref.outCount[s] &&
    ref.outIndex[j] === x &&
    ref.outValue[j] === value &&
    ref.outPort[j] === port
  ) {
    sc.referenceCursor++;
    return;
  }
  silentCorruption(w, s, decided);
}

const HOW: Record<Decided, string> = {
  [Decided.Unanimous]:
    'every element in lockstep emitted it (a corrupted image copied by a resync, or a fault on the last element)',
  [Decided.BoardCheck]: 'the board that flagged itself left, but the one kept was corrupted too',
  [Decided.DmrRule]: 'the DMR software rule kept the corrupted board',
  [Decided.TmrMajority]: 'two elements agreed on the same wrong value',
};

function silentCorruption(w: World, s: number, decided: Decided): void {
  w.scratch.diverged = true;
  addCount(w, s, Acc.Sdc);
  const n = w.acc[s * ACC_PER_SYSTEM + Acc.TxExecuted] + 1;
  log(
    w,
    s,
    -1,
    'critical',
    `Silent data corruption on ${w.systemName(s)}: output ${n} differs from a fault-free run; ${HOW[decided]}`,
  );
}

/**
 * After a vote with the reference running: outputs it made that the system did not emit are a
 * departure too; the consumed outputs are dropped; after a departure the reference is re-based on
 * the system's state; after a lockstep change it stops if nothing can differ any more.
 */
export function finishReference(w: World, s: number, horizon: number): void {
  if (!w.referenceActive[s]) return;
  const sc = w.scratch;
  const ref = w.reference;
  if (!sc.diverged) {
    const j = s * OUTPUT_CAPACITY + sc.referenceCursor;
    if (sc.referenceCursor < ref.outCount[s] && ref.outIndex[j] <= horizon) {
      w.timeUs = sc.timeBaseUs + ref.outIndex[j];
      silentCorruption(w, s, Decided.Unanimous);
    }
  }
  ref.consumeOutputs(s, sc.referenceCursor);
}

/**
 * The end of a reference step (a multiple of REFERENCE_STEP_INSTRUCTIONS): after a departure the
 * reference is re-based on the system's state; after a departure, a lockstep change, or every
 * REFERENCE_CHECK_INSTRUCTIONS, it stops if every replica in lockstep is bit-identical to it.
 * (So a fault that keeps corrupting, a stuck bit on the last board, counts once per injection.)
 */
export function afterReferenceStep(w: World, s: number, checkPoint: boolean): void {
  if (!w.referenceActive[s]) return;
  const sc = w.scratch;
  if (sc.diverged) {
    const first = firstInLockstep(w, s);
    if (first >= 0) rebaseReference(w, s, s * REPLICAS_PER_SYSTEM + first);
  }
  if (sc.diverged || sc.lockstepChanged || checkPoint) checkReference(w, s);
}

function firstInLockstep(w: World, s: number): number {
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++)
    if (w.inLockstep[s * REPLICAS_PER_SYSTEM + k]) return k;
  return -1;
}
