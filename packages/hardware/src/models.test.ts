import { describe, expect, it } from 'vitest';
import { LEDS, ledIndex } from './leds.ts';
import { MODELS, MODEL_IDS, layoutFor } from './models.ts';
import { DISKS, PCI_ADAPTERS } from './parts.ts';
import type { Figure } from './types.ts';

function figures(value: unknown, out: Figure<unknown>[] = []): Figure<unknown>[] {
  if (typeof value !== 'object' || value === null) return out;
  if ('source' in value && 'value' in value) {
    out.push(value as Figure<unknown>);
    return out;
  }
  for (const v of Object.values(value)) figures(v, out);
  return out;
}

describe('MODELS', () => {
  it.each(MODEL_IDS)('%s: layout stacks without gaps to the chassis height', (id) => {
    const spec = MODELS[id];
    expect(spec.id).toBe(id);
    let offsetU = 0;
    for (const slot of spec.layout) {
      expect(slot.offsetU).toBe(offsetU);
      const assembly =
        slot.kind === 'cpu' ? spec.cpu : slot.kind === 'io' ? spec.coreIo : spec.expansionIo;
      expect(slot.heightU).toBe(assembly?.heightU.value);
      offsetU += slot.heightU;
    }
    expect(offsetU).toBe(spec.heightU.value);
  });

  it('matches the sourced facts', () => {
    expect(MODELS['4300'].heightU).toMatchObject({ value: 4, source: 'src' });
    expect(MODELS['6600'].heightU).toMatchObject({ value: 10, source: 'src' });
    expect(MODELS['6600'].smpWays).toMatchObject({ value: 4, source: 'src' });
    expect(MODELS['4300'].cpu.processor.clockGHz).toMatchObject({ value: 3.2, source: 'src' });
    expect(MODELS['4300'].cpu.processor.l2CacheMB).toMatchObject({ value: 1, source: 'src' });
    expect(Math.max(...MODELS['4300'].cpu.memoryGBOptions.value)).toBe(8);
    expect(MODELS['4300'].expansionIo).toBeNull();
    expect(MODELS['5600'].expansionIo?.pciSlots.value).toBe(3);
    for (const id of MODEL_IDS) {
      expect(MODELS[id].coreIo).toMatchObject({ pciSlots: { value: 2 }, diskBays: { value: 3 } });
    }
  });

  it('only the 6600 is TMR capable, with a TMR-only third CPU bay', () => {
    expect(MODEL_IDS.filter((id) => MODELS[id].tmrCapable.value)).toEqual(['6600']);
    const spec = MODELS['6600'];
    expect(spec.layout.filter((s) => s.tmrOnly).map((s) => s.element)).toEqual([2]);
    expect(layoutFor(spec, 'dmr').map((s) => s.element)).toEqual([10, 11, 12, 13, 0, 1]);
    expect(layoutFor(spec, 'tmr')).toHaveLength(7);
  });

  it('every catalog figure says where it comes from', () => {
    const all = figures({ MODELS, LEDS, PCI_ADAPTERS, DISKS });
    expect(all.length).toBeGreaterThan(50);
    for (const f of all) {
      expect(['src', 'assumed']).toContain(f.source);
      expect(f.note, JSON.stringify(f)).toMatch(/\S/);
    }
  });
});

describe('LEDS', () => {
  it('lists the LEDs of each kind in LED-word order', () => {
    expect(LEDS.cpu.map((l) => l.role)).toEqual(['power', 'fault', 'safeToPull', 'activity']);
    expect(LEDS.io.map((l) => l.role)).toEqual(['power', 'fault', 'safeToPull', 'primary']);
    expect(LEDS.xio.map((l) => l.role)).toEqual(['power', 'fault', 'safeToPull']);
    expect(LEDS.disk.map((l) => l.role)).toEqual(['activity', 'fault', 'safeToPull']);
    expect(LEDS.pci.map((l) => l.role)).toEqual(['power', 'fault']);
    expect(LEDS.nic.map((l) => l.role)).toEqual(['activity', 'fault']);
    expect(LEDS.psu.map((l) => l.role)).toEqual(['power', 'fault']);
  });

  it('uses the conventional colours, all assumed', () => {
    const colour = {
      power: 'green',
      fault: 'amber',
      safeToPull: 'blue',
      activity: 'green',
      primary: 'green',
    };
    for (const leds of Object.values(LEDS)) {
      for (const l of leds) {
        expect(l.color.value).toBe(colour[l.role]);
        expect(l.color.source).toBe('assumed');
      }
      expect(leds.length).toBeLessThanOrEqual(16); // 2 bits each in a 32-bit word
    }
    expect(LEDS.io[3].label).toBe('PRIMARY');
  });

  it('ledIndex finds a role or returns -1', () => {
    expect(ledIndex('io', 'primary')).toBe(3);
    expect(ledIndex('disk', 'fault')).toBe(1);
    expect(ledIndex('psu', 'safeToPull')).toBe(-1);
  });
});
