/** Which CPU element a system-level "Take dump now" uses. Pure. */
import type { ComponentInfo } from '@ft/engine';

const IN_LOCKSTEP = new Set(['duplex', 'triplex']);

/**
 * The CPU element to dump from a running system: the highest-numbered element in lockstep, so
 * that element 0 keeps running; null when fewer than two are in lockstep (a dump would stop the
 * system, and the engine refuses).
 */
export function dumpTarget(systemId: string, components: readonly ComponentInfo[]): string | null {
  const cpus = components.filter(
    (c) => c.systemId === systemId && c.kind === 'cpu' && IN_LOCKSTEP.has(c.stateName),
  );
  if (cpus.length < 2) return null;
  return cpus.map((c) => c.id).sort()[cpus.length - 1];
}
