import { Engine } from '@ft/engine';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EngineDriver } from '../scenario/engine-driver.ts';
import { runScenario } from '../scenario/runner.ts';
import { parseScenario } from '../scenario/schema.ts';
import { formatIssue } from '../schema/issues.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { decodeSession, encodeSession, shareLink } from './encode.ts';
import { makeSession } from './make.ts';
import { replaySession, sameBytes } from './replay.ts';
import { parseSession } from './schema.ts';
import type { Session } from './types.ts';

async function recorded(): Promise<{ session: Session; driver: EngineDriver }> {
  const driver = new EngineDriver(Engine.fromPreset('mixed', { seed: 3 }));
  const steps = parseScenario([
    { do: 'inject', target: 'B.cpu-1', fault: 'stuck-at' },
    {
      do: 'wait',
      until: { check: 'component', target: 'B.cpu-1', state: 'broken' },
      timeoutMs: 60000,
    },
    { do: 'pull', target: 'B.cpu-1' },
    { do: 'wait', ms: 1234.5 },
    { do: 'insert', target: 'B.cpu-1', replacement: true },
    { do: 'inject', target: 'C.disk-11-40-2', fault: 'disk-failure' },
    { do: 'warp', limitMs: 3_600_000 },
    { do: 'wait', until: { check: 'system', system: 'B', status: 'duplex' }, timeoutMs: 120000 },
    { do: 'insert', target: 'A.cpu-0' },
  ]);
  if (!steps.ok) throw new Error(steps.issues[0].message);
  await runScenario(steps.value, driver);
  driver.advanceNow(777);
  const session = makeSession({
    rack: { preset: 'mixed' },
    seed: 3,
    log: driver.log,
    endMs: driver.timeMs(),
  });
  return { session, driver };
}

describe('sessions', () => {
  it('replay to the same final state, byte for byte', async () => {
    const { session, driver } = await recorded();
    expect(session.log.length).toBeGreaterThan(5);
    const replay = replaySession(session);
    driver.engine.drainEvents();
    replay.engine.drainEvents();
    expect(replay.engine.timeMs).toBe(driver.timeMs());
    expect(sameBytes(replay.engine.save(), driver.engine.save())).toBe(true);
    const refusedInsert = session.log.findIndex(
      (e) => 'command' in e && e.command.type === 'insert' && e.command.target === 'A.cpu-0',
    );
    expect(replay.refused).toEqual([
      { index: refusedInsert, error: expect.stringMatching(/pull it before inserting/) },
    ]);
    const states = replay.events.filter((e) => e.kind === 'state' && e.componentId === 'B.cpu-1');
    expect(states.length).toBeGreaterThan(4);
  });

  it('replay to any earlier time (a timeline jump) matches the recording at that time', async () => {
    const { session } = await recorded();
    const half = replaySession(session, 5000);
    expect(half.engine.timeMs).toBe(5000);
    expect(half.engine.component('B.cpu-1')?.stateName).toBe('diagnostics');
  });

  it('travel in a link: encode, decode, same session', async () => {
    const { session } = await recorded();
    const link = shareLink(session);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.fragment.startsWith('session=')).toBe(true);
    expect(link.fragment).toMatch(/^session=[A-Za-z0-9_-]+$/);
    // Deflate pays, the more so as the log grows (its entries repeat themselves).
    expect(encodeSession(session).length).toBeLessThan(JSON.stringify(session).length);
    const long = {
      ...session,
      log: Array.from({ length: 500 }, (_, i) => ({
        timeMs: i * 1000,
        command: { type: 'pull' as const, target: `A.cpu-${i % 2}` },
      })),
      endMs: 500_000,
    };
    expect(encodeSession(long).length).toBeLessThan(JSON.stringify(long).length / 10);
    const back = decodeSession(`#${link.fragment}`);
    expect(back).toEqual({ ok: true, value: session });
  });

  it('say when a session is too long for a link', async () => {
    const { session } = await recorded();
    const link = shareLink(session, 100);
    expect(link.ok).toBe(false);
    expect(!link.ok && link.reason).toMatch(
      /^this session needs \d+ characters, more than a link holds \(100\): save it as a file instead$/,
    );
  });

  it('reject damaged links with a clear reason, never throwing', () => {
    const reason = (text: string) => {
      const r = decodeSession(text);
      return r.ok ? 'ok' : formatIssue(r.issues[0]);
    };
    expect(reason('')).toBe('(root): the link holds no session');
    expect(reason('session=ab$cd')).toBe('(root): the link is damaged: not base64url text');
    expect(reason('session=AAAAAAAA')).toMatch(/^\(root\): not a compressed session/);
    const notJson = toBase64Url(deflateSync(strToU8('hello')));
    expect(reason(notJson)).toMatch(/^\(root\): invalid JSON/);
    const bomb = toBase64Url(deflateSync(new Uint8Array(20 * 1024 * 1024)));
    expect(reason(bomb)).toBe('(root): the session inflates to more than 8388608 bytes');
    const wrong = toBase64Url(
      deflateSync(
        strToU8(
          JSON.stringify({
            format: 'ftserver-twin-session',
            version: 1,
            rack: { preset: 'mixed' },
            seed: 1,
            log: [{ timeMs: 5, command: { type: 'pull', target: 'nope' } }],
            endMs: 10,
          }),
        ),
      ),
    );
    expect(reason(wrong)).toBe(
      'log[0].command.target: expected a component id like "A.cpu-1", got "nope"',
    );
    fc.assert(
      fc.property(fc.string(), (s) => typeof decodeSession(s).ok === 'boolean'),
      { numRuns: 300 },
    );
  });

  it('check that times never go back', () => {
    const base = {
      format: 'ftserver-twin-session',
      version: 1,
      rack: { preset: '4300-dmr' },
      seed: 1,
      endMs: 100,
    };
    const r = parseSession({
      ...base,
      log: [
        { timeMs: 50, warpToNextEvent: 10 },
        { timeMs: 20, command: { type: 'pull', target: 'A.cpu-1' } },
      ],
    });
    expect(r.ok || formatIssue(r.issues[0])).toBe(
      'log[1].timeMs: 20 is before the previous entry (50); times never go back',
    );
    const end = parseSession({ ...base, endMs: 10, log: [{ timeMs: 50, warpToNextEvent: 10 }] });
    expect(end.ok || formatIssue(end.issues[0])).toBe('endMs: 10 is before the last entry (50)');
  });
});

describe('base64url', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
    expect(fromBase64Url('A')).toBeNull();
  });
});
