import type { Command, CommandResult } from '@ft/engine';
import type { SessionEntry } from '@ft/lessons';
import { describe, expect, it } from 'vitest';
import { type CommandBus, SessionRecorder } from './recorder.ts';

type Handler = (payload: never) => void;

function fakeBus() {
  const handlers = new Map<string, Set<Handler>>();
  const bus = {
    on(event: string, handler: Handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      set.add(handler);
      return () => set.delete(handler);
    },
    emit(event: string, payload: unknown) {
      for (const h of handlers.get(event) ?? []) (h as (p: unknown) => void)(payload);
    },
  };
  return bus as unknown as typeof bus & CommandBus;
}

const ok: CommandResult = { ok: true };

describe('SessionRecorder', () => {
  it('records commands and warps at their simulated times, in order', () => {
    const bus = fakeBus();
    const sent: SessionEntry[] = [];
    const recorder = new SessionRecorder(bus, (e) => sent.push(e));
    const pull: Command = { type: 'pull', target: 'A.cpu-1' };
    bus.emit('command', { command: pull, result: ok, timeMs: 1200.4 });
    bus.emit('warp', { fromMs: 1500, limitMs: 3_600_000, toMs: 90_000 });
    bus.emit('command', {
      command: pull,
      result: { ok: false, error: 'already removed' },
      timeMs: 90_000,
    });
    const expected = [
      { timeMs: 1200.4, command: pull },
      { timeMs: 1500, warpToNextEvent: 3_600_000 },
      { timeMs: 90_000, command: pull },
    ];
    expect(sent).toEqual(expected);
    expect(recorder.entries).toEqual(expected);
  });

  it('leaves out what the server would refuse, and says so', () => {
    const bus = fakeBus();
    const sent: SessionEntry[] = [];
    const recorder = new SessionRecorder(bus, (e) => sent.push(e));
    bus.emit('command', {
      command: { type: 'inject', target: 'A.cpu-1', fault: 'disk-failure' },
      result: ok,
      timeMs: 5,
    });
    expect(sent).toEqual([]);
    expect(recorder.skipped[0]).toMatch(/cannot suffer/);
  });

  it('stops listening when stopped', () => {
    const bus = fakeBus();
    const sent: SessionEntry[] = [];
    new SessionRecorder(bus, (e) => sent.push(e)).stop();
    bus.emit('command', { command: { type: 'pull', target: 'A.cpu-1' }, result: ok, timeMs: 5 });
    expect(sent).toEqual([]);
  });
});
