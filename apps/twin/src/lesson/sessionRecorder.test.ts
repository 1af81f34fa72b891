import { Engine } from '@ft/engine';
import { parseSession, replaySession, sameBytes, sessionFileText, shareLink } from '@ft/lessons';
import { describe, expect, it } from 'vitest';
import { SessionRecorder } from './sessionRecorder.ts';
import { HeadlessTwin, TestBus } from './test/headlessTwin.ts';

describe('the session recorder', () => {
  it('logs every command and warp at its simulated time, and the log replays to the same engine', async () => {
    const twin = new HeadlessTwin(Engine.fromPreset('4300-dmr', { seed: 4 }));
    const recorder = new SessionRecorder(twin.bus);
    twin.advance(1234.5);
    await twin.engine.command({
      type: 'inject',
      target: 'A.cpu-1',
      fault: 'stuck-at',
      detail: { register: 3, bit: 17 },
    });
    twin.advance(30_000);
    await twin.engine.command({ type: 'pull', target: 'A.cpu-1' });
    await twin.engine.command({ type: 'pull', target: 'A.cpu-1' }); // refused: already out
    twin.advance(2000);
    await twin.engine.command({ type: 'insert', target: 'A.cpu-1', replacement: true });
    twin.advance(90_000);
    const warpFrom = twin.core.timeMs;
    await twin.engine.jumpToNextEvent(3_600_000);
    twin.advance(777);

    expect(recorder.log.map((e) => ('command' in e ? e.command.type : 'warp'))).toEqual([
      'inject',
      'pull',
      'pull',
      'insert',
      'warp',
    ]);
    expect(recorder.log[0].timeMs).toBe(1234.5);
    expect(recorder.log[4]).toEqual({ timeMs: warpFrom, warpToNextEvent: 3_600_000 });
    expect(recorder.interrupted).toBeNull();

    const session = recorder.session({
      rack: { preset: '4300-dmr' },
      seed: 4,
      endMs: twin.core.timeMs,
    });
    const replay = replaySession(session);
    replay.engine.drainEvents();
    twin.core.drainEvents();
    expect(replay.engine.timeMs).toBe(twin.core.timeMs);
    expect(sameBytes(replay.engine.save(), twin.core.save())).toBe(true);
    expect(replay.refused.map((r) => r.index)).toEqual([2]);

    // The file and the link carry it unchanged.
    expect(parseSession(sessionFileText(session))).toEqual({ ok: true, value: session });
    expect(shareLink(session).ok).toBe(true);
  });

  it('ends a session no earlier than its last entry', () => {
    const bus = new TestBus();
    const recorder = new SessionRecorder(bus);
    bus.emit('command', {
      command: { type: 'pull', target: 'A.cpu-1' },
      result: { ok: true },
      timeMs: 500,
    });
    const session = recorder.session({ rack: { preset: '4300-dmr' }, seed: 1, endMs: 400 });
    expect(session.endMs).toBe(500);
    expect(parseSession(session).ok).toBe(true);
  });

  it('says when the log stops replaying exactly: the clock went back, or the worker restarted', () => {
    const bus = new TestBus();
    const recorder = new SessionRecorder(bus);
    const pull = { type: 'pull' as const, target: 'A.cpu-1' };
    bus.emit('command', { command: pull, result: { ok: true }, timeMs: 5000 });
    bus.emit('command', { command: pull, result: { ok: true }, timeMs: 1000 });
    expect(recorder.log).toHaveLength(1);
    expect(recorder.interrupted).toMatch(/clock went back/);

    const other = new SessionRecorder(bus);
    bus.emit('crash', { savedTimeMs: 2000 });
    expect(other.interrupted).toMatch(/simulation restarted/);
    other.dispose();
    recorder.dispose();
    bus.emit('command', { command: pull, result: { ok: true }, timeMs: 9000 });
    expect(recorder.log).toHaveLength(1);
  });
});
