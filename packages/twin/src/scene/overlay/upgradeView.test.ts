import type { SystemInfo } from '@ft/engine';
import { buildRack, getPreset } from '@ft/hardware';
import { describe, expect, it } from 'vitest';
import {
  componentHalves,
  gatewayBadge,
  halfOf,
  shortVersion,
  showsHalves,
  upgradeLabels,
} from './upgradeView.ts';

const upgrade = (
  state: SystemInfo['upgrade']['state'],
  productionSide = 0,
): SystemInfo['upgrade'] => ({
  state,
  productionSide,
  productionVersion: 'ftServer System Software 4.0.0',
  upgradeVersion: state === 'Idle' ? null : 'ftServer System Software 4.1.0',
  progress: -1,
});

describe('halves', () => {
  it('draws the halves apart only from Split to Merge', () => {
    const shown = (
      ['Idle', 'PrepareSplit', 'Split', 'PrepareMerge', 'Merge', 'Commit', 'Finish'] as const
    ).filter(showsHalves);
    expect(shown).toEqual(['Split', 'PrepareMerge', 'Merge']);
  });

  it('puts side 1 on the upgrade side and keeps power supplies and a third CPU out', () => {
    expect(halfOf('cpu', 0, 0)).toBe('production');
    expect(halfOf('io', 1, 0)).toBe('upgrade');
    expect(halfOf('cpu', 1, 1)).toBe('production');
    expect(halfOf('psu', 1, 0)).toBeNull();
    expect(halfOf('cpu', 2, 0)).toBeNull();
  });

  it('splits a 5600 into CPU 0 / I/O 10 / 12 and CPU 1 / I/O 11 / 13 with their parts', () => {
    const rack = buildRack(getPreset('5600-dmr'));
    const id = rack.systems[0].config.id;
    const { production, upgrade: up } = componentHalves(rack.components, id, 0);
    const local = (ids: string[]) => ids.map((x) => x.slice(id.length + 1));
    expect(local(production)).toEqual(expect.arrayContaining(['cpu-0', 'io-10', 'xio-12']));
    expect(local(up)).toEqual(expect.arrayContaining(['cpu-1', 'io-11', 'xio-13']));
    expect(local(production).some((x) => x.startsWith('psu'))).toBe(false);
    const specs = new Map(rack.components.map((c) => [c.id, c]));
    for (const c of up) expect(specs.get(c)?.side).toBe(1);
    for (const c of production) expect(specs.get(c)?.side).toBe(0);
    // Disks, adapters and ports go with their element.
    expect(up.some((c) => specs.get(c)?.kind === 'disk')).toBe(true);
    expect(up.some((c) => specs.get(c)?.kind === 'pci')).toBe(true);
  });
});

describe('labels', () => {
  it('names each half with its version while split', () => {
    expect(upgradeLabels(upgrade('Split'))).toEqual({
      production: 'PRODUCTION \u00b7 4.0.0',
      upgrade: 'UPGRADE SIDE \u00b7 4.1.0',
      single: null,
      singleStyle: 'note',
    });
    expect(upgradeLabels(upgrade('PrepareMerge')).upgrade).toBe('UPGRADE SIDE \u00b7 4.1.0');
  });

  it('shows one merge banner during Merge', () => {
    const l = upgradeLabels(upgrade('Merge'));
    expect(l.production).toBeNull();
    expect(l.single).toBe('MERGING\u2026 \u00b7 4.0.0 \u2192 4.1.0');
    expect(l.singleStyle).toBe('merge');
  });

  it('shows a quiet state note before the split and after the merge, nothing when idle', () => {
    expect(upgradeLabels(upgrade('PrepareSplit')).single).toBe(
      'ACTIVE UPGRADE \u00b7 PREPARING SPLIT \u2192 4.1.0',
    );
    expect(upgradeLabels(upgrade('Commit')).single).toContain('COMMIT');
    expect(upgradeLabels(upgrade('Finish')).production).toBeNull();
    expect(upgradeLabels(upgrade('Idle'))).toMatchObject({ production: null, single: null });
  });

  it('shortens product strings to their release number', () => {
    expect(shortVersion('ftServer System Software 4.0.0')).toBe('4.0.0');
    expect(shortVersion('beta')).toBe('beta');
    expect(shortVersion('a very long custom build name here')).toHaveLength(18);
  });
});

describe('gateway badge', () => {
  const gw = (role: SystemInfo['gateway']['role'], linkUp = true): SystemInfo['gateway'] => ({
    role,
    gatewayId: null,
    backupId: null,
    linkUp,
  });
  it('badges the gateway and its backup only', () => {
    expect(gatewayBadge(gw('gateway'))).toEqual({ text: 'ftGateway', linkUp: true });
    expect(gatewayBadge(gw('backup', false))).toEqual({ text: 'ftGateway backup', linkUp: false });
    expect(gatewayBadge(gw('client'))).toBeNull();
    expect(gatewayBadge(gw('direct'))).toBeNull();
  });
});
