import { afterEach, describe, expect, it } from 'vitest';
import type { Assignment, ClassMessage, FaultDelivery, SessionView } from '../protocol.ts';
import { type Harness, memoryTokens, PROGRESS, startHarness, waitFor } from './test-harness.ts';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const LESSON: Assignment = { kind: 'lesson', lessonId: 'tmr-vote', seed: 11 };
const DRILL: Assignment = { kind: 'drill', lessonId: 'hidden-cpu-fault', seed: 99 };

describe('class flows', () => {
  it('assigns a lesson to everyone, then a drill to one trainee', async () => {
    h = await startHarness();
    const a = await h.trainee('Ada');
    const b = await h.trainee('Bob');
    const seen: Record<string, (Assignment | null)[]> = { a: [], b: [] };
    a.on('assignment', (x) => seen.a.push(x));
    b.on('assignment', (x) => seen.b.push(x));
    expect((await h.instructor.assignLesson(LESSON)).traineeIds).toHaveLength(2);
    await h.instructor.assignLesson(DRILL, { to: 'trainees', traineeIds: [b.traineeId as string] });
    await waitFor(() => seen.a.length === 1 && seen.b.length === 2, 'assignments');
    expect(seen.a).toEqual([LESSON]);
    expect(seen.b).toEqual([LESSON, DRILL]);
    await waitFor(
      () =>
        h?.instructor
          .roster()
          .map((e) => e.assignment?.kind)
          .join() === 'lesson,drill',
      'roster assignments',
    );
    // A late joiner gets the class's lesson in its welcome.
    const c = await h.trainee('Cy');
    expect(c.welcome?.assignment).toEqual(LESSON);
    // Everyone again: the drill override goes.
    await h.instructor.assignLesson({ ...LESSON, seed: 12 });
    const roster = await h.instructor.refreshRoster();
    expect(roster.map((e) => e.assignment?.seed)).toEqual([12, 12, 12]);
  });

  it('starts, pauses and ends, telling everyone', async () => {
    h = await startHarness();
    const a = await h.trainee('Ada');
    const states: string[] = [];
    a.on('classState', (s) => states.push(s.state));
    await h.instructor.setClassState('running');
    await h.instructor.setClassState('paused');
    await h.instructor.setClassState('running');
    await h.instructor.setClassState('ended');
    await waitFor(() => states.length === 4, 'state changes');
    expect(states).toEqual(['running', 'paused', 'running', 'ended']);
    expect(h.instructor.classInfo?.state).toBe('ended');
    const again = await h.instructor
      .setClassState('running')
      .catch((e: { code: string }) => e.code);
    expect(again).toBe('class-ended');
    const late = await a.reportProgress(PROGRESS).catch((e: { code: string }) => e.code);
    expect(late).toBe('class-ended');
  });

  it('injects a fault into all, one or a group; reports delivered, lost and offline', async () => {
    h = await startHarness({ faultAckTimeoutMs: 400 });
    const got: Record<string, FaultDelivery[]> = { ada: [], bob: [], cy: [], dee: [] };
    const make = (
      name: keyof typeof got,
      outcome: () => Promise<{ applied: boolean; error?: string }>,
    ) =>
      h?.trainee(name, {
        onFault: (d) => {
          got[name].push(d);
          return outcome();
        },
      });
    const ada = await make('ada', async () => ({ applied: true }));
    const bob = await make('bob', async () => ({
      applied: false,
      error: "unknown component 'A.cpu-9'",
    }));
    // Cy's twin hangs: the fault is lost, not reported as delivered.
    const cy = await make('cy', () => new Promise(() => {}));
    const dee = await make('dee', async () => ({ applied: true }));
    dee?.close();
    await waitFor(
      () => h?.instructor.roster().find((e) => e.name === 'dee')?.connected === false,
      'dee offline',
    );

    const all = await h.instructor.injectFault({
      target: { to: 'all' },
      component: 'A.cpu-1',
      fault: 'stuck-at',
    });
    expect(all.targeted).toBe(4);
    expect(all.delivered).toEqual(
      expect.arrayContaining([
        { traineeId: ada?.traineeId, applied: true },
        { traineeId: bob?.traineeId, applied: false, error: "unknown component 'A.cpu-9'" },
      ]),
    );
    expect(all.delivered).toHaveLength(2);
    expect(all.lost).toEqual([cy?.traineeId]);
    expect(all.offline).toEqual([dee?.traineeId]);
    expect(got.ada[0].command).toEqual({ type: 'inject', target: 'A.cpu-1', fault: 'stuck-at' });
    expect(got.ada[0].faultId).toBe(all.faultId);

    const one = await h.instructor.injectFault({
      target: { to: 'trainees', traineeIds: [ada?.traineeId as string] },
      component: 'B.disk-10-40-1',
      fault: 'disk-failure',
    });
    expect(one).toMatchObject({ targeted: 1, lost: [], offline: [] });
    expect(got.bob).toHaveLength(1);

    await h.instructor.setGroup([ada?.traineeId as string, bob?.traineeId as string], 'Table 1');
    const group = await h.instructor.injectFault({
      target: { to: 'group', group: 'Table 1' },
      component: 'A.io-10',
      fault: 'pci-bus-error',
    });
    expect(group.delivered.map((d) => d.traineeId).sort()).toEqual(
      [ada?.traineeId, bob?.traineeId].sort(),
    );
    expect(got.ada).toHaveLength(3);
    expect(got.cy).toHaveLength(1);
  });

  it('reports a fault to every instructor tab', async () => {
    h = await startHarness();
    await h.trainee('Ada');
    const reports: string[] = [];
    h.instructor.on('faultReport', (r) => reports.push(r.faultId));
    const r = await h.instructor.injectFault({
      target: { to: 'all' },
      component: 'A.cpu-0',
      fault: 'self-check',
    });
    await waitFor(() => reports.length === 1, 'faultReport event');
    expect(reports).toEqual([r.faultId]);
  });

  it('broadcasts messages; a reload shows the class-wide ones again', async () => {
    h = await startHarness();
    const a = await h.trainee('Ada');
    const b = await h.trainee('Bob');
    const seen: ClassMessage[] = [];
    const seenB: ClassMessage[] = [];
    a.on('message', (m) => seen.push(m));
    b.on('message', (m) => seenB.push(m));
    await h.instructor.broadcast('  Check   the LEDs  ');
    await h.instructor.broadcast('Ada only', {
      to: 'trainees',
      traineeIds: [a.traineeId as string],
    });
    await waitFor(() => seen.length === 2 && seenB.length === 1, 'messages');
    expect(seen.map((m) => m.text)).toEqual(['Check the LEDs', 'Ada only']);
    const late = await h.trainee('Cy');
    expect(late.welcome?.messages.map((m) => m.text)).toEqual(['Check the LEDs']);
  });

  it('keeps a live roster from small progress events', async () => {
    h = await startHarness();
    const tokens = memoryTokens();
    const a = await h.trainee('Ada', { tokenStore: tokens });
    await waitFor(() => h?.instructor.roster().length === 1, 'roster join');
    expect(h.instructor.roster()[0]).toMatchObject({
      name: 'Ada',
      connected: true,
      progress: null,
    });
    await a.reportProgress({
      ...PROGRESS,
      stepPassed: { index: 0, title: 'Find the LED', atMs: 30_000, points: 10 },
    });
    await a.reportProgress({
      ...PROGRESS,
      stepIndex: 2,
      score: 5,
      mistakes: 1,
      systemStatus: 'simplex',
      elapsedMs: 60_000,
      simTimeMs: 61_250,
      mistake: { atMs: 55_000, text: 'Pulled the healthy partner' },
    });
    await waitFor(() => h?.instructor.roster()[0].progress?.stepIndex === 2, 'roster progress');
    expect(h.instructor.roster()[0].progress).toMatchObject({
      score: 5,
      mistakes: 1,
      systemStatus: 'simplex',
      elapsedMs: 60_000,
      simTimeMs: 61_250,
    });
    // …and a reload gets it back in the welcome (where a restored twin runs to).
    a.close();
    const again = await h.trainee('Ada', { tokenStore: tokens });
    expect(again.welcome?.resumed).toBe(true);
    expect(again.welcome?.progress?.simTimeMs).toBe(61_250);
  });

  it('mirrors one trainee session to a watching instructor, and only to them', async () => {
    h = await startHarness();
    const a = await h.trainee('Ada');
    const b = await h.trainee('Bob');
    await a.startSession({ lessonId: 'tmr-vote', seed: 11, rack: { preset: '4300-dmr' } });
    a.logCommand({ timeMs: 1000, command: { type: 'pull', target: 'A.cpu-1' } });
    await a.flush();
    let view: SessionView | null = null;
    const watch = await h.instructor.watchTrainee(a.traineeId as string, (v) => {
      view = structuredClone(v);
    });
    expect(watch.session.entries.map((e) => e.seq)).toEqual([0]);
    for (let i = 0; i < 120; i++)
      a.logCommand({ timeMs: 2000 + i, command: { type: 'insert', target: 'A.cpu-1' } });
    b.logCommand({ timeMs: 5, command: { type: 'pull', target: 'B.cpu-0' } });
    await a.flush();
    await b.flush();
    await waitFor(() => (view as SessionView | null)?.entries.length === 121, 'mirrored entries');
    const mirrored = view as unknown as SessionView;
    expect(mirrored.entries.map((e) => e.seq)).toEqual([...Array(121).keys()]);
    expect(mirrored.header).toEqual({
      lessonId: 'tmr-vote',
      seed: 11,
      rack: { preset: '4300-dmr' },
    });
    // A restart of the lesson starts a new log at the watcher too.
    await a.startSession({ lessonId: 'tmr-vote', seed: 12, rack: { preset: '4300-dmr' } });
    await waitFor(() => (view as SessionView | null)?.header?.seed === 12, 'session restart');
    expect((view as unknown as SessionView).entries).toEqual([]);
    await watch.stop();
    expect(await h.server.store.isWatched(h.created.classId, a.traineeId as string)).toBe(false);
    a.logCommand({ timeMs: 9, command: { type: 'pull', target: 'A.cpu-0' } });
    await a.flush();
    expect((view as unknown as SessionView).entries).toEqual([]);
  });

  it('keeps mirroring through an instructor network drop, and stops when the instructor leaves', async () => {
    h = await startHarness();
    const a = await h.trainee('Ada');
    const traineeId = a.traineeId as string;
    await a.startSession({ lessonId: null, seed: 1, rack: { preset: '4300-dmr' } });
    let entries = 0;
    await h.instructor.watchTrainee(traineeId, (v) => {
      entries = v.entries.length;
    });
    const instructor = h.instructor;
    instructor.socket.io.engine.close(); // the network drops and comes back (recovered)
    await waitFor(() => instructor.socket.connected && instructor.socket.recovered, 'recovery');
    a.logCommand({ timeMs: 1, command: { type: 'pull', target: 'A.cpu-1' } });
    await a.flush();
    await waitFor(() => entries === 1, 'relay after recovery');
    expect(await h.server.store.isWatched(h.created.classId, traineeId)).toBe(true);
    instructor.close();
    await waitFor(() => !instructor.socket.connected, 'instructor gone');
    const store = h.server.store;
    const classId = h.created.classId;
    let watched = true;
    for (let i = 0; i < 100 && watched; i++) {
      watched = await store.isWatched(classId, traineeId);
      if (watched) await new Promise((r) => setTimeout(r, 20));
    }
    expect(watched).toBe(false);
  });

  it('refuses a session log past its cap', async () => {
    h = await startHarness({ maxSessionEntries: 3 });
    const a = await h.trainee('Ada');
    const errors: string[] = [];
    a.on('error', (e) => errors.push(e.message));
    await a.startSession({ lessonId: null, seed: 1, rack: { preset: '4300-dmr' } });
    for (let i = 0; i < 5; i++)
      a.logCommand({ timeMs: i, command: { type: 'pull', target: 'A.cpu-1' } });
    await a.flush();
    expect(errors[0]).toContain('at most 3 commands');
  });

  it('writes the end-of-class report as JSON and CSV', async () => {
    h = await startHarness();
    await h.instructor.assignLesson(LESSON);
    const a = await h.trainee('=cmd|calc');
    await h.trainee('Bob');
    await a.reportProgress({ ...PROGRESS, stepPassed: { index: 0, atMs: 12_000, points: 10 } });
    await a.reportProgress({
      ...PROGRESS,
      mistakes: 1,
      mistake: { atMs: 20_000, text: 'Wrong disk' },
    });
    await h.instructor.setClassState('ended');
    const { report, csv } = await h.instructor.report();
    expect(report.class.state).toBe('ended');
    expect(report.trainees.map((t) => t.name)).toEqual(['=cmd|calc', 'Bob']);
    expect(report.trainees[0]).toMatchObject({
      score: 10,
      mistakes: 1,
      steps: [{ index: 0, atMs: 12_000, points: 10 }],
      mistakeLog: [{ atMs: 20_000, text: 'Wrong disk' }],
      assignment: LESSON,
    });
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(
      lines[1].startsWith(
        `'=cmd|calc,,lesson:tmr-vote,11,10,40,1,4,1,30,false,duplex,true,1@12s(+10),20s Wrong disk`,
      ),
    ).toBe(true);

    const http = await fetch(`${h.server.url}/api/report?format=csv`, {
      headers: { Authorization: `Bearer ${h.created.instructorKey}` },
    });
    expect(http.status).toBe(200);
    expect(http.headers.get('content-type')).toContain('text/csv');
    expect((await http.text()).split('\r\n')[1]).toBe(lines[1]);
  });
});
