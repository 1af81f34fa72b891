/** fast-check arbitraries for valid rack configurations, shared by the tests of this package. */
import fc from 'fast-check';
import { MODELS, MODEL_IDS, pciSlotsPerSide } from '../models.ts';
import { PCI_ADAPTER_IDS } from '../parts.ts';
import type { ModelId, RackConfig, SystemConfig } from '../types.ts';

export const systemArb = (
  model: ModelId,
  id: string,
  positionU: number,
): fc.Arbitrary<SystemConfig> => {
  const spec = MODELS[model];
  return fc.record({
    id: fc.constant(id),
    name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
    model: fc.constant(model),
    positionU: fc.constant(positionU),
    mode: spec.tmrCapable.value
      ? fc.constantFrom('dmr' as const, 'tmr' as const)
      : fc.constant('dmr' as const),
    processorsPerElement: fc.constantFrom(...spec.cpu.processorsPerElement.value),
    memoryGB: fc.constantFrom(...spec.cpu.memoryGBOptions.value),
    disks: fc.integer({ min: 0, max: spec.coreIo.diskBays.value }),
    pciAdapters: fc.array(fc.constantFrom(...PCI_ADAPTER_IDS), {
      maxLength: pciSlotsPerSide(spec),
    }),
  });
};

/** Random racks: systems stacked bottom-up with random gaps, as many as fit in 42U. */
export const rackArb: fc.Arbitrary<RackConfig> = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
    plan: fc.array(
      fc.record({ model: fc.constantFrom(...MODEL_IDS), gapU: fc.integer({ min: 0, max: 3 }) }),
      {
        minLength: 1,
        maxLength: 10,
      },
    ),
    ids: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,15}$/), {
      minLength: 10,
      maxLength: 10,
    }),
  })
  .chain(({ name, plan, ids }) => {
    let nextU = 1;
    const systems: fc.Arbitrary<SystemConfig>[] = [];
    for (const [i, { model, gapU }] of plan.entries()) {
      const positionU = nextU + gapU;
      if (positionU + MODELS[model].heightU.value - 1 > 42) break;
      systems.push(systemArb(model, ids[i], positionU));
      nextU = positionU + MODELS[model].heightU.value;
    }
    if (systems.length === 0) systems.push(systemArb('4300', ids[0], 1));
    return fc.tuple(...systems).map((s): RackConfig => ({ name, heightU: 42, systems: s }));
  });
