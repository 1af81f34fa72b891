import type { ComponentInfo } from '@ft/engine';
import { describe, expect, it } from 'vitest';
import { faultButtons, hasDiskPriority, serviceButtons } from './actions.ts';

const cpu = {
  id: 'A.cpu-1',
  kind: 'cpu',
  safeToPull: false,
  pullWarning: 'This is the last online CPU element: the system will go down',
  faults: ['bitflip-register', 'stuck-at'],
  actions: ['pull', 'bringDown', 'setRestartPolicy'],
} as unknown as ComponentInfo;

describe('faultButtons', () => {
  it('offers one inject button per fault with its label and test id', () => {
    const b = faultButtons(cpu);
    expect(b.map((x) => x.testId)).toEqual([
      'action.inject.bitflip-register',
      'action.inject.stuck-at',
    ]);
    expect(b[0].label).toBe('Inject: bit flip (register)');
    expect(b[1].command).toEqual({ type: 'inject', target: 'A.cpu-1', fault: 'stuck-at' });
  });
});

describe('serviceButtons', () => {
  const b = Object.fromEntries(serviceButtons(cpu).map((x) => [x.testId, x]));
  it('enables exactly what the engine allows', () => {
    expect(b['action.pull'].enabled).toBe(true);
    expect(b['action.insert'].enabled).toBe(false);
    expect(b['action.insert-new'].enabled).toBe(false);
    expect(b['action.bring-down'].enabled).toBe(true);
    expect(b['action.bring-up'].enabled).toBe(false);
    expect(b['action.clear-mtbf'].enabled).toBe(false);
  });
  it('asks to confirm an unsafe pull', () => {
    expect(b['action.pull'].confirm).toBe(true);
    expect(b['action.pull'].danger).toBe(true);
  });
  it('distinguishes insert same from a new replacement', () => {
    expect(b['action.insert'].command).toEqual({
      type: 'insert',
      target: 'A.cpu-1',
      replacement: false,
    });
    expect(b['action.insert-new'].command).toEqual({
      type: 'insert',
      target: 'A.cpu-1',
      replacement: true,
    });
  });
  it('offers restore link for NICs and rebuild priority for disks only', () => {
    expect(b['action.restore-link']).toBeUndefined();
    const nic = { ...cpu, kind: 'nic', actions: [] } as unknown as ComponentInfo;
    expect(serviceButtons(nic).some((x) => x.testId === 'action.restore-link')).toBe(true);
    expect(hasDiskPriority(cpu)).toBe(false);
    expect(hasDiskPriority({ ...cpu, kind: 'disk' } as ComponentInfo)).toBe(true);
  });
});

describe('maintenance buttons', () => {
  const ids = (info: ComponentInfo) => serviceButtons(info).map((b) => b.testId);
  it('offers diagnostics, firmware and dump where they apply', () => {
    expect(ids(cpu)).toEqual(
      expect.arrayContaining([
        'action.run-diagnostics',
        'action.update-firmware',
        'action.take-dump',
      ]),
    );
    const disk = { ...cpu, kind: 'disk' } as ComponentInfo;
    expect(ids(disk)).toContain('action.run-diagnostics');
    expect(ids(disk)).not.toContain('action.take-dump');
    const psu = { ...cpu, kind: 'psu' } as ComponentInfo;
    expect(ids(psu)).not.toContain('action.run-diagnostics');
  });
  it('follows info.actions once the engine lists maintenance commands', () => {
    const listed = { ...cpu, actions: ['runDiagnostics'] } as unknown as ComponentInfo;
    const b = Object.fromEntries(serviceButtons(listed).map((x) => [x.testId, x]));
    expect(b['action.run-diagnostics'].enabled).toBe(true);
    expect(b['action.take-dump'].enabled).toBe(false);
  });
});
