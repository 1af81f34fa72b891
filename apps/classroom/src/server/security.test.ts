import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ClassroomError } from '../client/connection.ts';
import type { ClassroomErrorEvent, Reply } from '../protocol.ts';
import {
  connectError,
  type Harness,
  nextEvent,
  PROGRESS,
  rawSocket,
  startHarness,
  waitFor,
} from './test-harness.ts';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** A raw trainee socket that joined the harness's class. */
async function rawTrainee(harness: Harness, name = 'Mallory') {
  const socket = rawSocket(harness.server.url, {
    role: 'trainee',
    code: harness.created.code,
    name,
  });
  harness.clients.push({ close: () => socket.close() });
  await nextEvent(socket, 'trainee:welcome');
  return socket;
}

describe('handshake', () => {
  it('refuses bad auth, unknown codes and keys with a code and a short message', async () => {
    h = await startHarness();
    const cases: [unknown, string][] = [
      [{}, 'invalid-auth'],
      [{ role: 'admin' }, 'invalid-auth'],
      [{ role: 'trainee', code: 'ZZZZZZ' }, 'invalid-auth'], // neither name nor token
      [{ role: 'trainee', code: 'ZZZZZZ', name: 'Eve' }, 'unknown-class'],
      [{ role: 'trainee', code: h.created.code, name: 'a\u202Eb' }, 'invalid-auth'],
      [{ role: 'trainee', code: h.created.code, name: 'x'.repeat(41) }, 'invalid-auth'],
      [{ role: 'instructor', key: 'A'.repeat(43) }, 'unknown-class'],
      [{ role: 'instructor', key: h.created.code }, 'invalid-auth'],
    ];
    for (const [auth, code] of cases) {
      const socket = rawSocket(h.server.url, auth);
      const error = await connectError(socket);
      socket.close();
      expect(error.data?.code, JSON.stringify(auth)).toBe(code);
      expect(error.message.length).toBeLessThan(200);
    }
  });

  it('accepts a join code typed in lower case with spaces', async () => {
    h = await startHarness();
    const t = await h.trainee('Ada', { code: ` ${h.created.code.toLowerCase()} ` });
    expect(t.welcome?.trainee.name).toBe('Ada');
  });

  it('slows down join-code guessing per address', async () => {
    h = await startHarness({ failedJoinsPerMinutePerIp: 3 });
    for (let i = 0; i < 3; i++) {
      const s = rawSocket(h.server.url, { role: 'trainee', code: 'QQQQQQ', name: 'Eve' });
      expect((await connectError(s)).data?.code).toBe('unknown-class');
      s.close();
    }
    const s = rawSocket(h.server.url, { role: 'trainee', code: h.created.code, name: 'Eve' });
    expect((await connectError(s)).data?.code).toBe('rate-limited');
    s.close();
  });

  it('refuses joins once the class has ended, and when it is full', async () => {
    h = await startHarness({ maxTraineesPerClass: 1 });
    await h.trainee('One');
    const full = rawSocket(h.server.url, { role: 'trainee', code: h.created.code, name: 'Two' });
    expect((await connectError(full)).data?.code).toBe('class-full');
    full.close();
    await h.instructor.setClassState('ended');
    const late = rawSocket(h.server.url, { role: 'trainee', code: h.created.code, name: 'Late' });
    expect((await connectError(late)).data?.code).toBe('class-ended');
    late.close();
  });
});

describe('roles and validation', () => {
  it('refuses a forged instructor command from a trainee, and nothing changes', async () => {
    h = await startHarness();
    let faults = 0;
    await h.trainee('Victim', {
      onFault: () => {
        faults++;
        return { applied: true };
      },
    });
    const mallory = await rawTrainee(h);
    const errorEvent = nextEvent<ClassroomErrorEvent>(mallory, 'error');
    const reply = (await mallory.timeout(2000).emitWithAck('injectFault', {
      target: { to: 'all' },
      component: 'A.cpu-1',
      fault: 'stuck-at',
    })) as Reply<unknown>;
    expect(reply).toEqual({
      ok: false,
      error: {
        event: 'injectFault',
        code: 'forbidden',
        message: 'only instructors may send injectFault',
      },
    });
    expect((await errorEvent).code).toBe('forbidden');
    for (const event of [
      'setClassState',
      'assignLesson',
      'getReport',
      'watchTrainee',
      'broadcast',
    ]) {
      const r = (await mallory.timeout(2000).emitWithAck(event, {})) as Reply<unknown>;
      expect(r.ok ? 'ok' : r.error.code, event).toBe('forbidden');
    }
    // The instructor's own command still works, and the victim got no forged fault.
    expect(faults).toBe(0);
    expect((await h.instructor.refreshRoster()).every((e) => e.assignment === null)).toBe(true);
  });

  it('refuses trainee messages from an instructor', async () => {
    h = await startHarness();
    const socket = h.instructor.socket as unknown as Socket;
    const reply = (await socket.timeout(2000).emitWithAck('progress', PROGRESS)) as Reply<unknown>;
    expect(reply.ok ? 'ok' : reply.error.code).toBe('forbidden');
  });

  it('answers malformed payloads and unknown events with an error event, and never crashes', async () => {
    h = await startHarness();
    const mallory = await rawTrainee(h);
    const errors: ClassroomErrorEvent[] = [];
    mallory.on('error', (e: ClassroomErrorEvent) => errors.push(e));
    const bad: [string, unknown[]][] = [
      ['progress', [null]],
      ['progress', ['string']],
      ['progress', [{ ...PROGRESS, score: 1e300 }]],
      ['progress', [{ ...PROGRESS, systemStatus: '<img src=x onerror=alert(1)>' }]],
      ['progress', [{ ...PROGRESS, stepPassed: { index: -1, atMs: 0, points: 0 } }]],
      ['progress', [PROGRESS, 'extra']],
      ['sessionStart', [{ lessonId: 'BAD ID', seed: 1, rack: { preset: '4300-dmr' } }]],
      ['sessionStart', [{ lessonId: null, seed: -1, rack: { preset: '4300-dmr' } }]],
      ['sessionCommands', [{ entries: [] }]],
      ['sessionCommands', [{ entries: [{ timeMs: 1, command: { type: 'x'.repeat(33) } }] }]],
      [
        'sessionCommands',
        [{ entries: [{ timeMs: 1, command: { type: 'inject', blob: 'y'.repeat(2000) } }] }],
      ],
      ['toString', [{}]],
      ['__proto__', [{}]],
      ['constructor', [{}]],
      ['x'.repeat(500), [{}]],
    ];
    for (const [event, args] of bad) mallory.emit(event, ...args);
    await waitFor(() => errors.length >= bad.length, 'one error per bad message');
    expect(errors.map((e) => e.code)).toEqual([
      ...Array(11).fill('invalid-message'),
      ...Array(4).fill('unknown-event'),
    ]);
    for (const e of errors) {
      expect(e.message.length).toBeLessThanOrEqual(200);
      expect(e.event.length).toBeLessThanOrEqual(64);
    }
    expect(errors[3].message).toContain('systemStatus');
    // Nothing was stored, and the server still serves everyone.
    const roster = await h.instructor.refreshRoster();
    expect(roster[0].progress).toBeNull();
    expect(h.logs.filter((l) => l.includes('failed'))).toEqual([]);
    const ok = (await mallory.timeout(2000).emitWithAck('progress', PROGRESS)) as Reply<unknown>;
    expect(ok.ok).toBe(true);
  });

  it('rate-limits a flooding socket and disconnects it when it keeps going', async () => {
    h = await startHarness({ socketMessagesPerS: 5, socketBurst: 10, socketMaxRefusals: 30 });
    const flooder = await rawTrainee(h, 'Flood');
    const codes: string[] = [];
    flooder.on('error', (e: ClassroomErrorEvent) => codes.push(e.code));
    const disconnected = nextEvent(flooder, 'disconnect');
    for (let i = 0; i < 60; i++) flooder.emit('progress', PROGRESS);
    expect(await disconnected).toBe('io server disconnect');
    expect(codes.filter((c) => c === 'rate-limited').length).toBeGreaterThanOrEqual(30);
    // A well-behaved trainee is unaffected.
    const calm = await h.trainee('Calm');
    await calm.reportProgress(PROGRESS);
  });

  it('closes a connection that sends a packet over the size limit', async () => {
    h = await startHarness({ maxPacketBytes: 4096 });
    const big = await rawTrainee(h, 'Big');
    const disconnected = nextEvent(big, 'disconnect');
    big.emit('sessionStart', { lessonId: null, seed: 1, rack: { blob: 'z'.repeat(10_000) } });
    expect(await disconnected).toBe('transport close');
  });

  it('never sends the instructor key to trainees', async () => {
    h = await startHarness();
    const received: unknown[] = [];
    const t = await h.trainee('Ada', {
      onFault: (d) => {
        received.push(d);
        return { applied: true };
      },
    });
    t.socket.onAny((...args: unknown[]) => received.push(args));
    received.push(t.welcome);
    await h.instructor.assignLesson({ kind: 'lesson', lessonId: 'tmr-vote', seed: 3 });
    await h.instructor.setClassState('running');
    await h.instructor.broadcast('Look at the console');
    await h.instructor.injectFault({
      target: { to: 'all' },
      component: 'A.cpu-1',
      fault: 'stuck-at',
    });
    await waitFor(() => received.length >= 5, 'events at the trainee');
    const everything = JSON.stringify(received);
    expect(everything).not.toContain(h.created.instructorKey);
    expect(everything).toContain('Look at the console');
  });

  it('rejects client requests with ClassroomError codes the page can show', async () => {
    h = await startHarness();
    const err = await h.instructor
      .injectFault({
        target: { to: 'trainees', traineeIds: ['nobody'] },
        component: 'A.cpu-1',
        fault: 'stuck-at',
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClassroomError);
    expect((err as ClassroomError).code).toBe('not-found');
    const state = await h.instructor.setClassState('paused').catch((e: unknown) => e);
    expect((state as ClassroomError).code).toBe('invalid-state');
  });
});
