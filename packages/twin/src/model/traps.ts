/** SNMP trap records as the trap panel lists them. Pure. */
import type { EngineEvent, TrapEvent, TrapKind } from '@ft/engine';

/** Trap names of FTSERVER-TWIN-MIB (packages/engine/mib/FTSERVER-TWIN-MIB.txt). */
export const TRAP_NAMES: Readonly<Record<TrapKind, string>> = {
  broken: 'ftCompBroken',
  fixed: 'ftCompFixed',
  removed: 'ftCompRemoved',
  inserted: 'ftCompInserted',
  stateChange: 'ftCompStateChange',
};

export const MIB_PATH = 'packages/engine/mib/FTSERVER-TWIN-MIB.txt';

export const trapName = (kind: TrapKind): string => TRAP_NAMES[kind] ?? kind;

/** Trap records newest first, optionally of one system, at most `limit`. */
export function trapRecords(
  events: readonly EngineEvent[],
  systemId: string,
  limit: number,
): TrapEvent[] {
  const out: TrapEvent[] = [];
  for (let i = events.length - 1; i >= 0 && out.length < limit; i--) {
    const e = events[i];
    if (e.kind !== 'trap') continue;
    if (systemId && e.systemId !== systemId) continue;
    out.push(e);
  }
  return out;
}
