import { afterEach, describe, expect, it } from 'vitest';
import { connectInstructor } from '../client/instructor.ts';
import { connectTrainee } from '../client/trainee.ts';
import type { ClassMessage } from '../protocol.ts';
import {
  connectError,
  FAST_SOCKET,
  type Harness,
  memoryTokens,
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

describe('recovery', () => {
  it('recovers a trainee whose network dropped, with the events it missed', async () => {
    h = await startHarness();
    const a = await h.trainee('Ada');
    const messages: ClassMessage[] = [];
    const connections: boolean[] = [];
    a.on('message', (m) => messages.push(m));
    a.on('connection', (c) => {
      if (c.connected) connections.push(c.recovered === true);
    });
    const instructor = h.instructor;
    // Keep the client from reconnecting until the message was sent, then let it.
    a.socket.io.reconnection(false);
    a.socket.io.engine.close();
    await waitFor(() => instructor.roster()[0]?.connected === false, 'roster shows the drop');
    await instructor.broadcast('sent while you were away');
    a.socket.io.reconnection(true);
    a.socket.connect();
    await waitFor(() => messages.length === 1, 'missed message replayed');
    expect(connections).toEqual([true]);
    expect(a.socket.recovered).toBe(true);
    expect(messages[0].text).toBe('sent while you were away');
    await waitFor(() => instructor.roster()[0]?.connected === true, 'roster shows the return');
    // Still the same trainee, still able to act.
    await a.reportProgress(PROGRESS);
    expect(instructor.roster()).toHaveLength(1);
  });

  it('resumes a trainee who reloads the page: same trainee, progress and session log', async () => {
    h = await startHarness();
    const tokens = memoryTokens();
    const first = await h.trainee('Ada', { tokenStore: tokens });
    const id = first.traineeId;
    await first.reportProgress({ ...PROGRESS, stepPassed: { index: 0, atMs: 5000, points: 10 } });
    await first.startSession({ lessonId: 'tmr-vote', seed: 4, rack: { preset: '4300-dmr' } });
    first.logCommand({
      timeMs: 100,
      command: { type: 'inject', target: 'A.cpu-1', fault: 'stuck-at' },
    });
    first.logCommand({ timeMs: 900, command: { type: 'pull', target: 'A.cpu-1' } });
    await first.flush();
    first.close(); // the page goes away

    // The reloaded page has only the token in its storage, no name typed again.
    const second = connectTrainee({
      url: h.server.url,
      code: h.created.code,
      tokenStore: tokens,
      onFault: () => ({ applied: true }),
      socketOptions: FAST_SOCKET,
    });
    h.clients.push(second);
    const welcome = await second.ready;
    expect(welcome.resumed).toBe(true);
    expect(welcome.token).toBeUndefined();
    expect(welcome.trainee).toMatchObject({ traineeId: id, name: 'Ada' });
    expect(welcome.progress).toMatchObject({ stepIndex: 1, score: 10 });
    expect(welcome.steps).toEqual([{ index: 0, atMs: 5000, points: 10 }]);
    expect(welcome.session?.header).toEqual({
      lessonId: 'tmr-vote',
      seed: 4,
      rack: { preset: '4300-dmr' },
    });
    expect(
      welcome.session?.entries.map((e) => [e.seq, 'command' in e ? e.command.type : 'warp']),
    ).toEqual([
      [0, 'inject'],
      [1, 'pull'],
    ]);
    const roster = await h.instructor.refreshRoster();
    expect(roster).toHaveLength(1);
    expect(roster[0].connected).toBe(true);
  });

  it('refuses an unknown token without a name, and joins afresh with one', async () => {
    h = await startHarness();
    const bogus = 'B'.repeat(43);
    const socket = rawSocket(h.server.url, { role: 'trainee', code: h.created.code, token: bogus });
    expect((await connectError(socket)).data?.code).toBe('unknown-token');
    socket.close();
    const fresh = await h.trainee('Ada', { tokenStore: { get: () => bogus, set: () => {} } });
    expect(fresh.welcome?.resumed).toBe(false);
  });

  it('gives a reloading instructor the roster back', async () => {
    h = await startHarness();
    const a = await h.trainee('Ada');
    await h.trainee('Bob');
    await a.reportProgress({ ...PROGRESS, score: 30 });
    h.instructor.close();
    const again = connectInstructor({
      url: h.server.url,
      instructorKey: h.created.instructorKey,
      socketOptions: FAST_SOCKET,
    });
    h.clients.push(again);
    const welcome = await again.ready;
    expect(welcome.class.code).toBe(h.created.code);
    expect(welcome.class.joinUrl).toBe(h.created.joinUrl);
    expect(welcome.roster.map((e) => [e.name, e.connected, e.progress?.score ?? null])).toEqual([
      ['Ada', true, 30],
      ['Bob', true, null],
    ]);
    expect(again.roster()).toHaveLength(2);
  });
});
