import type { EngineEvent } from '@ft/engine';
import { describe, expect, it } from 'vitest';
import { trapName, trapRecords } from './traps.ts';

const trap = (systemId: string, timeMs: number) =>
  ({ kind: 'trap', systemId, timeMs, trap: 'broken' }) as EngineEvent;
const log = { kind: 'log', systemId: 'A', timeMs: 0 } as EngineEvent;

describe('trapRecords', () => {
  it('lists traps newest first, by system, at most limit', () => {
    const events = [trap('A', 1), log, trap('B', 2), trap('A', 3)];
    expect(trapRecords(events, '', 10).map((t) => t.timeMs)).toEqual([3, 2, 1]);
    expect(trapRecords(events, 'A', 10).map((t) => t.timeMs)).toEqual([3, 1]);
    expect(trapRecords(events, '', 1).map((t) => t.timeMs)).toEqual([3]);
  });
  it('names traps as the MIB does', () => {
    expect(trapName('broken')).toBe('ftCompBroken');
    expect(trapName('stateChange')).toBe('ftCompStateChange');
  });
});
