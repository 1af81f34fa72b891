import type { EngineEvent } from '@ft/engine';
import { describe, expect, it } from 'vitest';
import { ALL_EVENTS, announcement, appendEvents, filterEvents, type Namer } from './events.ts';

const log = (i: number, over: Partial<EngineEvent> = {}): EngineEvent =>
  ({
    kind: 'log',
    timeMs: i,
    systemId: i % 2 ? 'A' : 'B',
    componentId: `X.c-${i}`,
    severity: i % 3 === 0 ? 'error' : 'info',
    message: `message ${i}`,
    ...over,
  }) as EngineEvent;

describe('appendEvents', () => {
  it('caps the log, dropping the oldest, and leaves out vote traces', () => {
    const base = [log(1), log(2)];
    const next = appendEvents(base, [log(3), log(4, { kind: 'vote' } as never)], 2);
    expect(next.map((e) => e.timeMs)).toEqual([2, 3]);
  });
  it('returns the same array for an empty batch', () => {
    const base = [log(1)];
    expect(appendEvents(base, [])).toBe(base);
  });
});

describe('filterEvents', () => {
  it('leaves trap records out unless asked for them', () => {
    const trap = {
      kind: 'trap',
      timeMs: 1,
      systemId: 'A',
      componentId: 'A.cpu-0',
      severity: 'info',
      message: 'trap',
    } as EngineEvent;
    const state = { ...trap, kind: 'state', timeMs: 2 } as EngineEvent;
    expect(filterEvents([trap, state], { ...ALL_EVENTS, traps: false }, 10)).toEqual([state]);
    expect(filterEvents([trap, state], ALL_EVENTS, 10)).toHaveLength(2);
  });

  const events = Array.from({ length: 10 }, (_, i) => log(i));
  it('returns newest first up to the limit', () => {
    expect(filterEvents(events, ALL_EVENTS, 3).map((e) => e.timeMs)).toEqual([9, 8, 7]);
  });
  it('filters by severity, system and text', () => {
    const f = { minSeverity: 'error' as const, systemId: 'A', text: '' };
    expect(filterEvents(events, f, 99).map((e) => e.timeMs)).toEqual([9, 3]);
    const t = { ...ALL_EVENTS, text: 'MESSAGE 4' };
    expect(filterEvents(events, t, 99).map((e) => e.timeMs)).toEqual([4]);
  });
});

describe('announcement', () => {
  const names: Namer = {
    component: (id) => (id === 'A.cpu-1' ? 'CPU element 1' : id),
    system: (id) => `ft4300-${id}`,
    opState: (s) => ['shot', 'duplex'][s] ?? '?',
    systemStatus: (s) => ['down', 'simplex', 'duplex'][s] ?? '?',
  };
  it('describes component state changes', () => {
    const e = { ...log(1), kind: 'state', componentId: 'A.cpu-1', from: 1, to: 0, reason: '' };
    expect(announcement(e as EngineEvent, names)).toBe('CPU element 1 of ft4300-A: duplex → shot');
  });
  it('describes system status changes and ignores logs', () => {
    const e = { ...log(1), kind: 'system', componentId: null, from: 2, to: 1 };
    expect(announcement(e as EngineEvent, names)).toBe('System ft4300-A: duplex → simplex');
    expect(announcement(log(1), names)).toBeNull();
  });
});
