import { getPreset } from '@ft/hardware';
import { describe, expect, it } from 'vitest';
import { comparisonRacks, FaultMap, mapFault } from './equivalents.ts';

describe('mapping ftServer faults onto the alternatives', () => {
  const racks = comparisonRacks(getPreset('5600-dmr'));

  it.each([
    ['A.cpu-0', 'stuck-at', 'A.cpu-0', 'A1.cpu-0', 'A.cpu-0'],
    ['A.cpu-1', 'stuck-at', 'A.cpu-1', 'A2.cpu-0', null],
    ['A.cpu-0', 'os-crash', 'A.cpu-0', 'A1.cpu-0', 'A.cpu-0'],
    ['A.cpu-1', 'os-crash', null, 'A2.cpu-0', null],
    ['A.io-11', 'pci-bus-error', 'A.io-11', 'A2.io-10', null],
    ['A.xio-13', 'pci-bus-error', 'A.xio-13', 'A2.xio-12', null],
    ['A.psu-1', 'psu-failure', 'A.psu-1', 'A2.psu-0', null],
    ['A.nic-11-5', 'nic-link-loss', 'A.nic-11-5', 'A2.nic-10-5', null],
    ['A.pci-11-1', 'adapter-failure', 'A.pci-11-1', 'A2.pci-10-1', null],
    ['A.pci-13-1', 'adapter-failure', 'A.pci-13-1', 'A2.pci-12-1', null],
    ['A.pci-12-1', 'adapter-failure', 'A.pci-12-1', 'A1.pci-12-1', 'A.pci-12-1'],
    ['A.disk-10-40-1', 'disk-failure', 'A.disk-10-40-1', 'AS.disk-10-40-1', 'A.disk-10-40-1'],
    ['A.disk-11-40-1', 'disk-failure', 'A.disk-11-40-1', 'AS.disk-11-40-1', 'A.disk-10-40-2'],
    ['A.disk-10-40-3', 'disk-failure', 'A.disk-10-40-3', 'AS.disk-10-40-3', null],
  ] as const)('%s %s → ftserver %s, cluster %s, conventional %s', (id, fault, ft, cl, conv) => {
    expect(mapFault(racks, id, fault, 'ftserver')).toBe(ft);
    expect(mapFault(racks, id, fault, 'cluster')).toBe(cl);
    expect(mapFault(racks, id, fault, 'conventional')).toBe(conv);
  });

  it('without RAID 1 the conventional server takes side 0 disk by disk', () => {
    const single = comparisonRacks(getPreset('4300-dmr'), { mirroredDisks: false });
    expect(mapFault(single, 'A.disk-10-40-3', 'disk-failure', 'conventional')).toBe(
      'A.disk-10-40-3',
    );
    expect(mapFault(single, 'A.disk-11-40-1', 'disk-failure', 'conventional')).toBeNull();
  });

  it('the TMR third element has no counterpart; unknown parts map to nothing', () => {
    const tmr = comparisonRacks(getPreset('6600-tmr'));
    expect(mapFault(tmr, 'A.cpu-2', 'stuck-at', 'ftserver')).toBe('A.cpu-2');
    expect(mapFault(tmr, 'A.cpu-2', 'stuck-at', 'cluster')).toBeNull();
    expect(mapFault(tmr, 'A.psu-2', 'psu-failure', 'conventional')).toBeNull();
    expect(mapFault(tmr, 'Z.cpu-0', 'stuck-at', 'cluster')).toBeNull();
  });

  it('every target exists in its rack, and FaultMap agrees with mapFault', () => {
    const map = new FaultMap(racks);
    for (const part of racks.ftserver.components) {
      for (const arch of ['ftserver', 'cluster', 'conventional'] as const) {
        const id = mapFault(racks, part.id, 'stuck-at', arch);
        if (id !== null) expect(racks[arch].components.some((c) => c.id === id)).toBe(true);
        expect(map.target(part.id, 'stuck-at', arch)).toBe(id);
      }
    }
  });
});
