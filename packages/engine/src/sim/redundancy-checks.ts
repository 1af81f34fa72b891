/** Refusals shared by operator commands: never take the last good one of a pair out of service. */
import { cpuInLockstep, isOnline, lockstepCount } from './component-state.ts';
import { Kind } from './kinds.ts';
import type { World } from './world.ts';

/** Why taking component `c` out of service would stop something, or '' when it would not. */
export function lastOfPair(w: World, c: number): string {
  const s = w.sys[c];
  if (w.kind[c] === Kind.Cpu) {
    return lockstepCount(w, s) >= 2 ? '' : `${w.label(c)} is the last online CPU element`;
  }
  const p = w.partner[c];
  return p >= 0 && isOnline(w, p) ? '' : `its partner ${p >= 0 ? w.label(p) : ''} is not online`;
}

/** Whether component `c` is in service (a CPU element in lockstep, anything else online). */
export function inService(w: World, c: number): boolean {
  return w.kind[c] === Kind.Cpu ? cpuInLockstep(w, c) : isOnline(w, c);
}
