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

/** Why `multiplier` is not a clock speed (0 pauses, -1 as fast as possible), or null. */
export function checkSpeed(multiplier: unknown): string | null {
  return typeof multiplier === 'number' &&
    Number.isFinite(multiplier) &&
    (multiplier >= 0 || multiplier === -1)
    ? null
    : `speed must be a number ≥ 0 (0 pauses) or -1 (as fast as possible), got ${String(multiplier)}`;
}

/**
 * A load request's seed checked, and its pacing (duty, starting speed) with their defaults; or
 * why the request cannot be loaded.
 * @example loadPacing({ rack: { preset: 'mixed' }, seed: 1, speed: 0 }, 0.75) // { duty: 0.75, speed: 0 }
 */
export function loadPacing(
  request: LoadRequest,
  defaultDuty: number,
): { duty: number; speed: number } | string {
  const seed = request?.seed;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    return `seed must be an integer in 0..4294967295, got ${String(seed)}`;
  }
  const duty = request.maxDuty ?? defaultDuty;
  if (typeof duty !== 'number' || !(duty >= 0.1 && duty <= 0.9)) {
    return `maxDuty must be a number in 0.1..0.9, got ${String(duty)}`;
  }
  const speed = request.speed ?? 1;
  return checkSpeed(speed) ?? { duty, speed };
}

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
