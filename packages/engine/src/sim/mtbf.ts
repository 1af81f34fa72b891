/**
 * Per-device MTBF bookkeeping (ftSMC): each fault is recorded; with the threshold policy, once
 * enough samples exist and the mean time between them is below the threshold, the device stays
 * broken instead of restarting. "Never restart" and "always restart" override the threshold.
 */
import { TIMING } from '../timing.ts';
import type { RestartPolicy } from '../types.ts';
import { FAULT_RING, Policy } from './kinds.ts';
import type { World } from './world.ts';

export const POLICY_NAMES: readonly RestartPolicy[] = ['threshold', 'never', 'always'];

export function initMtbf(w: World): void {
  w.mtbfThresholdS.fill(TIMING.mtbfThresholdS.value);
}

/** Records a fault; returns true when the device may restart, false when it must stay broken. */
export function recordFault(w: World, c: number): boolean {
  const count = w.faultCount[c];
  w.faultTimesS[c * FAULT_RING + (count % FAULT_RING)] = w.timeUs / 1e6;
  if (count < 65535) w.faultCount[c] = count + 1;
  const policy = w.policy[c] as Policy;
  if (policy === Policy.Never) return false;
  if (policy === Policy.Always) return true;
  const mtbf = mtbfS(w, c);
  const samples = Math.min(w.faultCount[c], FAULT_RING);
  return !(mtbf !== null && samples >= TIMING.mtbfMinSamples.value && mtbf < w.mtbfThresholdS[c]);
}

/** Mean time between the remembered faults, in seconds, or null with fewer than two. */
export function mtbfS(w: World, c: number): number | null {
  const count = w.faultCount[c];
  const samples = Math.min(count, FAULT_RING);
  if (samples < 2) return null;
  const newest = w.faultTimesS[c * FAULT_RING + ((count - 1) % FAULT_RING)];
  const oldest = w.faultTimesS[c * FAULT_RING + ((count - samples) % FAULT_RING)];
  return (newest - oldest) / (samples - 1);
}

export function clearMtbf(w: World, c: number): void {
  w.faultCount[c] = 0;
  w.faultTimesS.fill(0, c * FAULT_RING, (c + 1) * FAULT_RING);
}
