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
 * and the reference stops (it costs a replica's worth of execution while it runs).
 * docs/design.md, "Silent data corruption".
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { copyReplica, identicalReplicas } from '../cpu/complex.ts';
import type { World } from './world.ts';

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

/** The system's state becomes the new baseline (after a corruption was counted). */
export function rebaseReference(w: World, s: number, r: number): void {
  copyReplica(w.cpu, r, w.reference, s);
  checkReference(w, s);
}

/** A boot restarts the workload: the reference restarts the same way (memory kept). */
export function bootReference(w: World, s: number): void {
  if (!w.referenceActive[s]) return;
  w.reference.reset(s, false, w.instrTarget[s]);
}
