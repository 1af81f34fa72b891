/** Working memory of one call into the engine: never saved, never carried between calls. */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { ACC_PER_SYSTEM } from './accounting.ts';
import { LED_ROLES } from './kinds.ts';

/** A service call opened while systems run in a slice: opened in time order when it ends. */
export interface PendingCall {
  timeUs: number;
  system: number;
  component: number;
  reason: string;
  action: string | null;
}

export class Scratch {
  /** CPU slots taking part in the current vote (-1: removed during it). */
  readonly alive = new Int32Array(REPLICAS_PER_SYSTEM);
  /** Per alive slot: read position in its output buffer during a vote. */
  readonly cursor = new Int32Array(REPLICAS_PER_SYSTEM);
  /** Per alive slot: whether it has an output at the index being voted, and which. */
  readonly has = new Uint8Array(REPLICAS_PER_SYSTEM);
  readonly value = new Int32Array(REPLICAS_PER_SYSTEM);
  readonly port = new Int32Array(REPLICAS_PER_SYSTEM);
  /** Element outvoted at the compare being resolved (for the lockstep lanes), or -1. */
  victimSlot = -1;
  victimValue = 0;
  /** Simulated µs of instruction index 0 in the system running now (index → time). */
  timeBaseUs = 0;
  /** Read position in the reference replica's outputs during a vote. */
  referenceCursor = 0;
  /** The emitted stream left the fault-free one during this vote: re-baseline afterwards. */
  diverged = false;
  /** Lockstep changed during this step: compare the replicas with the reference after it. */
  lockstepChanged = false;
  /** How the output being voted was decided (lockstep.ts, Decided). */
  decidedBy = 0;
  /** One system's accumulators while its counters are written into a snapshot. */
  readonly accumulators = new Float64Array(ACC_PER_SYSTEM);
  /** LED drive per role while one LED word is assembled. */
  readonly leds = new Uint8Array(LED_ROLES.length);
  /** True while systems run inside a slice (service calls are then opened at its end). */
  inSlice = false;
  readonly pendingCalls: PendingCall[] = [];
}
