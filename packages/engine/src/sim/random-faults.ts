/**
 * Random faults drawn from per-part MTBF rates (timing.ts), each an exponential draw from the
 * engine's seeded PRNG, rescheduled after it fires. The OS crash rate is per system, drawn on the
 * element in slot 0.
 */
import { FAULT_MTBF_H, HOUR } from '../timing.ts';
import { FAULTS_BY_KIND } from './faults.ts';
import { schedule, TimerType } from './timers.ts';
import type { Kind } from './kinds.ts';
import type { World } from './world.ts';

export function scheduleRandomFaults(w: World): void {
  for (let c = 0; c < w.n; c++) {
    const faults = FAULTS_BY_KIND[w.kind[c] as Kind];
    for (let f = 0; f < faults.length; f++) scheduleRandomFault(w, c, f);
  }
}

/** Schedules the next occurrence of fault `f` (index in FAULTS_BY_KIND) on component `c`. */
export function scheduleRandomFault(w: World, c: number, f: number): void {
  const rates = FAULT_MTBF_H[w.specs[c].kind as keyof typeof FAULT_MTBF_H] as Record<
    string,
    number
  >;
  const fault = FAULTS_BY_KIND[w.kind[c] as Kind][f];
  if (fault === 'os-crash' && w.cpuSlot[c] !== 0) return;
  const mtbfH = rates[fault];
  if (!mtbfH) return;
  schedule(w, w.timeUs + w.prng.exponential(mtbfH * HOUR * 1000), TimerType.RandomFault, c, f);
}
