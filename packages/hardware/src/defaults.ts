import { MODELS } from './models.ts';
import type { ModelId, RedundancyMode, SystemConfig } from './types.ts';

/** Default name of a system: `ft<model>-<id>`, e.g. `ft4300-A`. */
export function defaultSystemName(model: ModelId, id: string): string {
  return `ft${model}-${id}`;
}

/**
 * A system with the model's defaults for everything not given: DMR, the most processors per
 * element, the model's default memory, every disk bay filled, no PCI adapters.
 *
 * @example
 * defaultSystem('A', '4300', 1).memoryGB; // 4
 */
export function defaultSystem(
  id: string,
  model: ModelId,
  positionU: number,
  mode: RedundancyMode = 'dmr',
): SystemConfig {
  const spec = MODELS[model];
  const processors = spec.cpu.processorsPerElement.value;
  return {
    id,
    name: defaultSystemName(model, id),
    model,
    positionU,
    mode,
    processorsPerElement: processors[processors.length - 1],
    memoryGB: spec.cpu.defaultMemoryGB.value,
    disks: spec.coreIo.diskBays.value,
    pciAdapters: [],
  };
}
