/**
 * Which CPU elements of a system run in lockstep. Leaving drops the element's pending outputs and
 * keeps a resync going from another source where one is left; when the last element leaves, the
 * reference replica keeps the fault-free state until the system boots again (reference.ts).
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { activateReference } from './reference.ts';
import { abortResync, resyncSourceLost } from './resync.ts';
import type { World } from './world.ts';

export function joinLockstepSlot(w: World, s: number, slot: number): void {
  w.inLockstep[s * REPLICAS_PER_SYSTEM + slot] = 1;
  w.scratch.lockstepChanged = true;
}

export function leaveLockstepSlot(w: World, s: number, slot: number): void {
  const r = s * REPLICAS_PER_SYSTEM + slot;
  if (!w.inLockstep[r]) return;
  w.inLockstep[r] = 0;
  let left = 0;
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) left += w.inLockstep[s * REPLICAS_PER_SYSTEM + k];
  if (left === 0) activateReference(w, s, r);
  w.cpu.clearOutputs(r);
  w.scratch.lockstepChanged = true;
  if (!resyncSourceLost(w, s, slot)) abortResync(w, s);
}

/** Takes CPU element `c` out of the lockstep set (the system keeps running on the others). */
export function leaveLockstep(w: World, c: number): void {
  const slot = w.cpuSlot[c];
  if (slot >= 0) leaveLockstepSlot(w, w.sys[c], slot);
}
