import type { EngineEvent } from '@ft/engine';
import { describe, expect, it } from 'vitest';
import { Journal } from './journal.ts';

const log = (timeMs: number, message: string): EngineEvent => ({
  kind: 'log',
  timeMs,
  systemId: 'A',
  componentId: null,
  severity: 'info',
  message,
});

describe('Journal', () => {
  it('keeps commands and warps in order until a save takes them in', () => {
    const j = new Journal();
    j.command({ type: 'pull', target: 'A.cpu-1' }, 100);
    j.warp(100, 4_000);
    expect(j.pending()).toEqual([
      { kind: 'command', command: { type: 'pull', target: 'A.cpu-1' }, timeMs: 100 },
      { kind: 'warp', fromMs: 100, toMs: 4_000 },
    ]);
    j.saved();
    expect(j.pending()).toEqual([]);
    j.command({ type: 'insert', target: 'A.cpu-1' }, 4_500);
    expect(j.pending()).toHaveLength(1);
  });

  it('resumes at the latest time the page has seen, never earlier', () => {
    const j = new Journal();
    j.saw(2_500);
    j.command({ type: 'pull', target: 'A.cpu-1' }, 1_000);
    expect(j.resumeAtMs()).toBe(2_500);
    j.warp(2_500, 9_000);
    expect(j.resumeAtMs()).toBe(9_000);
  });

  it('tells the events a replay produces again from the new ones', () => {
    const j = new Journal();
    j.drained([log(10, 'a'), log(20, 'b')], 30);
    j.drained([log(30, 'c')], 30);
    // The replay over a save at 15 emits b, c, a second event at 30, and a later one.
    const replayed = [log(20, 'b'), log(30, 'c'), log(30, 'd'), log(31, 'e')];
    expect(j.unseen(replayed).map((e) => e.message)).toEqual(['d', 'e']);
  });

  it('counts the events at the edge afresh when time has moved', () => {
    const j = new Journal();
    j.drained([log(5, 'a')], 5);
    j.drained([], 8);
    expect(j.unseen([log(5, 'a'), log(8, 'x')]).map((e) => e.message)).toEqual(['x']);
  });
});
