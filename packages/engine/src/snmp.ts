/**
 * SNMP view of the twin: the OIDs of the FTSERVER-TWIN-MIB (packages/engine/mib/) and the
 * variable bindings every trap carries. The MIB module and these constants are checked against
 * each other by snmp.test.ts, and the MIB against smilint.
 */
import type { OpState, TrapKind, VarBind } from './types.ts';

/** Enterprise arc of the twin's MIB [assumed: Stratus Computer's enterprise number 458]. */
export const MIB_ROOT = '1.3.6.1.4.1.458.103';
export const TRAP_OID_BASE = `${MIB_ROOT}.0`;
/** ftCompEntry: columns of the component table. */
export const COMP_ENTRY = `${MIB_ROOT}.1.1.1`;

export const TRAP_NUMBERS: Record<TrapKind, number> = {
  broken: 1,
  fixed: 2,
  removed: 3,
  inserted: 4,
  stateChange: 5,
};

export const TRAP_NAMES: Record<TrapKind, string> = {
  broken: 'ftCompBroken',
  fixed: 'ftCompFixed',
  removed: 'ftCompRemoved',
  inserted: 'ftCompInserted',
  stateChange: 'ftCompStateChange',
};

/** Component table columns sent in every trap, in order (name → column number). */
export const TRAP_COLUMNS = {
  ftCompId: 2,
  ftCompSystem: 3,
  ftCompPrevOpState: 7,
  ftCompOpState: 6,
  ftCompReason: 8,
  ftCompEventTime: 9,
} as const;

export function trapOid(kind: TrapKind): string {
  return `${TRAP_OID_BASE}.${TRAP_NUMBERS[kind]}`;
}

/** Varbinds of a trap for component table row `index` (1-based). */
export function trapVarbinds(
  index: number,
  componentId: string,
  systemId: string,
  from: OpState,
  to: OpState,
  reason: string,
  timeMs: number,
): VarBind[] {
  const col = (name: keyof typeof TRAP_COLUMNS) => `${COMP_ENTRY}.${TRAP_COLUMNS[name]}.${index}`;
  return [
    { name: 'ftCompId', oid: col('ftCompId'), value: componentId },
    { name: 'ftCompSystem', oid: col('ftCompSystem'), value: systemId },
    { name: 'ftCompPrevOpState', oid: col('ftCompPrevOpState'), value: from },
    { name: 'ftCompOpState', oid: col('ftCompOpState'), value: to },
    { name: 'ftCompReason', oid: col('ftCompReason'), value: reason },
    { name: 'ftCompEventTime', oid: col('ftCompEventTime'), value: Math.floor(timeMs / 10) },
  ];
}
