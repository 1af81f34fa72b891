/**
 * What the worker host runs for a load request: the ftServer Engine for a preset, a checked
 * configuration or a saved state, or a comparison machine (a conventional server, a failover
 * cluster). The comparison machines, the configuration schema and the comparison racks load
 * only for a request that needs them, so they stay out of the worker's first download (the
 * embed's first-frame budget).
 */
import {
  buildRack,
  getPreset,
  isComparisonModelId,
  PRESET_NAMES,
  type RackConfig,
} from '@ft/hardware';
import type { Simulation } from '../alternatives/simulation.ts';
import { isAltSave } from '../alternatives/sim/saveMagic.ts';
import { Engine } from '../engine.ts';
import type { LoadRequest } from './api.ts';

/**
 * The simulation a (seed-checked) load request asks for; throws with a message on a bad rack.
 * @example (await loadSimulation({ rack: { preset: '4300-dmr' }, seed: 1 })).rack.systems.length // 1
 */
export async function loadSimulation(request: LoadRequest): Promise<Simulation> {
  const saved = request.savedState;
  if (saved && isAltSave(saved)) {
    return (await import('../alternatives/simulation.ts')).restoreSimulation(saved);
  }
  if (saved) return Engine.restore(saved);
  const config = await rackConfig(request.rack);
  const options = {
    seed: request.seed,
    randomFaults: request.randomFaults === true,
    autoRepair: request.autoRepair === true,
  };
  if (isComparisonRack(config)) {
    const { createSimulation } = await import('../alternatives/simulation.ts');
    return createSimulation(buildRack(config), options);
  }
  return Engine.fromConfig(config, options);
}

/** An ftServer preset at once; anything else through the lazily loaded rackRequest.ts. */
async function rackConfig(rack: LoadRequest['rack']): Promise<RackConfig> {
  if (rack && typeof rack === 'object' && 'preset' in rack && PRESET_NAMES.includes(rack.preset)) {
    return getPreset(rack.preset);
  }
  return (await import('./rackRequest.ts')).rackOfRequest(rack);
}

/** Whether a rack holds comparison machines (run by the alternatives, not the ftServer engine). */
function isComparisonRack(config: RackConfig): boolean {
  return (
    (config.clusters?.length ?? 0) > 0 || config.systems.some((s) => isComparisonModelId(s.model))
  );
}
