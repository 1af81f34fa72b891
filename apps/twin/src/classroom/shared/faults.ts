/**
 * The instructor's fault picker: which components the chosen trainees' twins all have, and
 * which faults each can suffer. A trainee's rack is the one of their assigned lesson or drill, or
 * the free-play rack; the faults of a component come from @ft/lessons (`faultsFor`, the list the
 * server checks `injectFault` against), so the picker never offers one that would be refused.
 */
import type { FaultKindName } from '@ft/classroom/client';
import { faultsFor, type RackRef, rackModelOf, rackName } from '@ft/lessons';

/** The rack of a trainee who has no lesson: one ftServer 4300 in DMR. */
export const FREE_PLAY_RACK: RackRef = { preset: '4300-dmr' };
/** The engine seed of free play. */
export const FREE_PLAY_SEED = 1;

export interface ComponentChoice {
  id: string;
  /** `A · CPU element 1`: system and label, for the picker. */
  label: string;
  systemId: string;
  faults: readonly FaultKindName[];
}

/**
 * Components present in every rack given (same id in each), in the first rack's order, with
 * the faults each can suffer; components that can suffer none are left out.
 *
 * @example
 * faultChoices([{ preset: '4300-dmr' }])[0]; // { id: 'A.cpu-0', label: 'A · CPU element 0', faults: [...] }
 */
export function faultChoices(racks: readonly RackRef[]): ComponentChoice[] {
  const unique = new Map(racks.map((r) => [JSON.stringify(r), r]));
  const models = [...unique.values()].map((r) => rackModelOf(r));
  if (models.length === 0) return [];
  const everywhere = models.slice(1).map((m) => new Set(m.components.map((c) => c.id)));
  const choices: ComponentChoice[] = [];
  for (const c of models[0].components) {
    if (!everywhere.every((ids) => ids.has(c.id))) continue;
    const faults = faultsFor(c.id) as readonly FaultKindName[];
    if (faults.length === 0) continue;
    choices.push({ id: c.id, label: `${c.systemId} · ${c.label}`, systemId: c.systemId, faults });
  }
  return choices;
}

/** Names of the racks, for the picker's hint ("4300-dmr and mixed"). */
export function rackNames(racks: readonly RackRef[]): string[] {
  return [...new Set(racks.map(rackName))];
}
