import type { ComponentInfo } from '@ft/engine';
import { describe, expect, it } from 'vitest';
import { mergeComponents } from './mergeComponents.ts';

const info = (id: string, over: Partial<ComponentInfo> = {}): ComponentInfo =>
  ({
    id,
    kind: 'cpu',
    systemId: 'A',
    label: id,
    path: '0',
    state: 15,
    stateName: 'duplex',
    health: 0,
    reason: '',
    safeToPull: false,
    pullWarning: 'last',
    progress: -1,
    faultCount: 0,
    mtbfS: null,
    restartPolicy: 'threshold',
    faults: ['stuck-at'],
    actions: ['pull'],
    ...over,
  }) as ComponentInfo;

describe('mergeComponents', () => {
  it('returns the same map when nothing changed', () => {
    const prev = { a: info('a'), b: info('b') };
    expect(mergeComponents(prev, [info('a'), info('b')])).toBe(prev);
  });
  it('keeps unchanged objects and replaces changed ones', () => {
    const prev = { a: info('a'), b: info('b') };
    const next = mergeComponents(prev, [info('a'), info('b', { actions: ['pull', 'bringDown'] })]);
    expect(next).not.toBe(prev);
    expect(next.a).toBe(prev.a);
    expect(next.b.actions).toEqual(['pull', 'bringDown']);
  });
  it('notices removed components', () => {
    const prev = { a: info('a'), b: info('b') };
    expect(Object.keys(mergeComponents(prev, [info('a')]))).toEqual(['a']);
  });
});
