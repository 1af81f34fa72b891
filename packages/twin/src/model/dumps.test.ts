import type { ComponentInfo } from '@ft/engine';
import { describe, expect, it } from 'vitest';
import { dumpTarget } from './dumps.ts';

const cpu = (id: string, stateName: string) =>
  ({ id, systemId: id.split('.')[0], kind: 'cpu', stateName }) as ComponentInfo;

describe('dumpTarget', () => {
  it('takes the highest-numbered CPU element in lockstep', () => {
    expect(dumpTarget('A', [cpu('A.cpu-0', 'duplex'), cpu('A.cpu-1', 'duplex')])).toBe('A.cpu-1');
    expect(
      dumpTarget('C', [
        cpu('C.cpu-0', 'triplex'),
        cpu('C.cpu-1', 'triplex'),
        cpu('C.cpu-2', 'shot'),
      ]),
    ).toBe('C.cpu-1');
  });
  it('returns null when only one element runs', () => {
    expect(dumpTarget('A', [cpu('A.cpu-0', 'simplex'), cpu('A.cpu-1', 'removed')])).toBeNull();
  });
});
