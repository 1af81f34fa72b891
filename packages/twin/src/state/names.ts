/** Display names looked up in the store: component labels and system names. */
import { OP_STATE_NAMES, SYSTEM_STATUS_NAMES } from '@ft/engine';
import type { Namer } from '../model/events.ts';
import type { TwinState, TwinStore } from './store.ts';

export function systemName(state: TwinState, systemId: string): string {
  const system = state.rack?.systems.find((s) => s.config.id === systemId);
  return system ? system.config.name : systemId || 'rack';
}

export function componentLabel(state: TwinState, id: string): string {
  return state.components[id]?.label ?? id;
}

export const opStateName = (state: number): string => OP_STATE_NAMES[state] ?? `state ${state}`;

export const systemStatusName = (status: number): string =>
  SYSTEM_STATUS_NAMES[status] ?? `status ${status}`;

/** A namer over a twin's current store, for announcements. */
export function storeNamer(store: TwinStore): Namer {
  return {
    component: (id) => componentLabel(store.getState(), id),
    system: (id) => systemName(store.getState(), id),
    opState: opStateName,
    systemStatus: systemStatusName,
  };
}
