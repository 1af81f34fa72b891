import { isComparisonModelId, isConventionalModelId } from './comparisonModels.ts';
import { MODELS } from './models.ts';
import type { ModelId, RedundancyMode, SystemConfig } from './types.ts';

/**
 * Default name of a system: `ft<model>-<id>` for an ftServer, e.g. `ft4300-A`; `<model>-<id>`
 * for a comparison machine, e.g. `conventional-A`.
 */
export function defaultSystemName(model: ModelId, id: string): string {
  return isComparisonModelId(model) ? `${model}-${id}` : `ft${model}-${id}`;
}

/**
 * A system with the model's defaults for everything not given: DMR (simplex for the comparison
 * machines), the most processors per element, the model's default memory, every disk bay filled
 * (a conventional server: two disks in RAID 1), no PCI adapters.
 *
 * @example
 * defaultSystem('A', '4300', 1).memoryGB; // 4
 * defaultSystem('A', 'conventional', 1).mirroredDisks; // true
 */
export function defaultSystem(
  id: string,
  model: ModelId,
  positionU: number,
  mode: RedundancyMode = isComparisonModelId(model) ? 'simplex' : 'dmr',
): SystemConfig {
  const spec = MODELS[model];
  const processors = spec.cpu.processorsPerElement.value;
  const base: SystemConfig = {
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
  return isConventionalModelId(model) ? { ...base, disks: 2, mirroredDisks: true } : base;
}
