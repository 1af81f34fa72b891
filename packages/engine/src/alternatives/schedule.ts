/**
 * One fault schedule for all three architectures: every part of the ftServer rack draws its
 * faults from the same per-part rates as the engine's random faults (FAULT_MTBF_H), each
 * (part, fault) pair from its own seeded stream so that adding a stream never shifts another.
 * Each fault also carries one uniform draw, the same for every architecture, deciding what an
 * unprotected machine makes of a transient (crash or silent corruption).
 *
 * The ftServer runs one operating system; a cluster runs one per node. So the OS-crash stream is
 * drawn per CPU element: the ftServer and the conventional server use element 0's, the cluster
 * element 0's for node 1 and element 1's for node 2 (equivalents.ts maps every fault).
 */
import type { RackModel } from '@ft/hardware';
import { Prng } from '../prng.ts';
import { FAULT_MTBF_H, HOUR } from '../timing.ts';
import type { FaultKind } from '../types.ts';

export interface ScheduledFault {
  atMs: number;
  /** The ftServer part it strikes (equivalents.ts maps it onto the alternatives). */
  componentId: string;
  fault: FaultKind;
  /** Uniform in [0, 1): crash below the crash share, silent corruption above. */
  draw: number;
}

/** A 32-bit seed for stream (part, fault) of schedule `seed` (murmur3's finaliser). */
function streamSeed(seed: number, part: number, fault: number): number {
  let h = (seed ^ Math.imul(part + 1, 0x9e3779b1) ^ Math.imul(fault + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The faults that strike the parts of an ftServer rack in `[0, durationMs)`, in time order.
 *
 * @example
 * const faults = faultSchedule(buildRack(getPreset('4300-dmr')), 7, 365 * 24 * HOUR);
 * faults[0]; // { atMs: …, componentId: 'A.cpu-1', fault: 'memory-correctable', draw: 0.41… }
 */
export function faultSchedule(rack: RackModel, seed: number, durationMs: number): ScheduledFault[] {
  if (!Number.isInteger(seed)) throw new Error('seed must be an integer');
  if (!(durationMs >= 0) || !Number.isFinite(durationMs))
    throw new Error('durationMs must be a finite number ≥ 0');
  const out: (ScheduledFault & { stream: number })[] = [];
  let stream = 0;
  rack.components.forEach((part, p) => {
    const rates = (FAULT_MTBF_H as Record<string, Record<string, number>>)[part.kind] ?? {};
    Object.entries(rates).forEach(([fault, mtbfH], f) => {
      const id = stream++;
      if (!(mtbfH > 0)) return;
      const prng = new Prng(streamSeed(seed >>> 0, p, f));
      const meanMs = mtbfH * HOUR;
      for (let t = prng.exponential(meanMs); t < durationMs; t += prng.exponential(meanMs)) {
        out.push({
          atMs: t,
          componentId: part.id,
          fault: fault as FaultKind,
          draw: prng.next(),
          stream: id,
        });
      }
    });
  });
  out.sort((a, b) => a.atMs - b.atMs || a.stream - b.stream);
  return out.map(({ stream: _, ...fault }) => fault);
}
