/**
 * The behaviour every ClassStore must have, as a vitest suite run against each implementation
 * (memory-store.test.ts, redis-store.test.ts), so the two cannot drift apart.
 */
import { expect, it } from 'vitest';
import type { ClassRecord, ClassStore, TraineeFields, TraineeProfile } from './types.ts';

const HOUR_MS = 3_600_000;

export function classRecord(id: string, code: string, nowMs = Date.now()): ClassRecord {
  return {
    classId: id,
    title: `Class ${id}`,
    code,
    joinUrl: `http://127.0.0.1/?join=${code}`,
    instructorKeyHash: `hash-${id}`,
    createdAtMs: nowMs,
    expiresAtMs: nowMs + HOUR_MS,
  };
}

const profile = (id: string): TraineeProfile => ({
  traineeId: id,
  name: `Trainee ${id}`,
  tokenHash: `token-${id}`,
  joinedAtMs: 1,
});

const fields = (): TraineeFields => ({
  group: null,
  assignment: null,
  connection: { connected: true, socketId: 's1', changedAtMs: 1 },
  progress: null,
});

/** Registers the contract tests; `store()` gives the store under test (fresh per file). */
export function storeContract(store: () => ClassStore, unique: () => string): void {
  it('creates a class and finds it by code and key hash; a code is never given twice', async () => {
    const s = store();
    const id = unique();
    const code = unique().slice(0, 6).toUpperCase();
    expect(await s.createClass(classRecord(id, code))).toBe(true);
    expect(await s.createClass(classRecord(unique(), code))).toBe(false);
    expect(await s.classIdByCode(code)).toBe(id);
    expect(await s.classIdByKeyHash(`hash-${id}`)).toBe(id);
    const snap = await s.getClass(id);
    expect(snap?.record.title).toBe(`Class ${id}`);
    expect(snap?.status.state).toBe('waiting');
    expect(snap?.assignment).toBeNull();
    expect(await s.getClass(unique())).toBeNull();
  });

  it('changes status and assignment', async () => {
    const s = store();
    const id = unique();
    const code = unique().slice(0, 6).toUpperCase();
    await s.createClass(classRecord(id, code));
    await s.setClassStatus(id, {
      state: 'running',
      changedAtMs: 5,
      startedAtMs: 5,
      endedAtMs: null,
    });
    await s.setClassAssignment(id, { kind: 'drill', lessonId: 'd-1', seed: 7 });
    const snap = await s.getClass(id);
    expect(snap?.status).toEqual({
      state: 'running',
      changedAtMs: 5,
      startedAtMs: 5,
      endedAtMs: null,
    });
    expect(snap?.assignment).toEqual({ kind: 'drill', lessonId: 'd-1', seed: 7 });
  });

  it('keeps the latest messages', async () => {
    const s = store();
    const id = unique();
    await s.createClass(classRecord(id, unique().slice(0, 6)));
    for (let i = 0; i < 5; i++) await s.addMessage(id, { text: `m${i}`, atMs: i }, 3);
    expect((await s.listMessages(id)).map((m) => m.text)).toEqual(['m2', 'm3', 'm4']);
  });

  it('adds trainees in order up to the cap, by token; fields change one at a time', async () => {
    const s = store();
    const id = unique();
    await s.createClass(classRecord(id, unique().slice(0, 6)));
    expect(await s.addTrainee(id, profile('a'), fields(), 2)).toBe('added');
    expect(await s.addTrainee(id, profile('b'), fields(), 2)).toBe('added');
    expect(await s.addTrainee(id, profile('c'), fields(), 2)).toBe('full');
    expect(await s.traineeIdByTokenHash(id, 'token-b')).toBe('b');
    expect(await s.traineeIdByTokenHash(id, 'token-x')).toBeNull();
    await s.setTraineeField(id, 'a', 'group', 'Table 1');
    await s.setTraineeField(id, 'b', 'connection', {
      connected: false,
      socketId: null,
      changedAtMs: 9,
    });
    const list = await s.listTrainees(id);
    expect(list.map((t) => t.profile.traineeId)).toEqual(['a', 'b']);
    expect(list[0].group).toBe('Table 1');
    expect(list[1].connection.connected).toBe(false);
    expect((await s.getTrainee(id, 'a'))?.profile.name).toBe('Trainee a');
    expect(await s.getTrainee(id, 'zz')).toBeNull();
    // A field write to a trainee that does not exist creates nothing.
    await s.setTraineeField(id, 'ghost', 'group', 'x');
    expect(await s.getTrainee(id, 'ghost')).toBeNull();
  });

  it('appends history up to the cap, keeping the first records', async () => {
    const s = store();
    const id = unique();
    await s.createClass(classRecord(id, unique().slice(0, 6)));
    await s.addTrainee(id, profile('a'), fields(), 10);
    for (let i = 0; i < 4; i++) {
      await s.appendHistory(id, 'a', 'steps', { index: i, atMs: i * 10, points: 5 }, 3);
    }
    await s.appendHistory(id, 'a', 'mistakes', { atMs: 3, text: 'pulled the good CPU' }, 3);
    // The same record again (a resent report) is kept once; another one is kept.
    await s.appendHistory(id, 'a', 'mistakes', { atMs: 3, text: 'pulled the good CPU' }, 3);
    await s.appendHistory(id, 'a', 'mistakes', { atMs: 9, text: 'pulled the good CPU' }, 3);
    const h = await s.getHistory(id, 'a');
    expect(h.steps.map((x) => x.index)).toEqual([0, 1, 2]);
    expect(h.mistakes).toEqual([
      { atMs: 3, text: 'pulled the good CPU' },
      { atMs: 9, text: 'pulled the good CPU' },
    ]);
  });

  it('keeps a session log with sequence numbers, refuses past the cap, restarts', async () => {
    const s = store();
    const id = unique();
    await s.createClass(classRecord(id, unique().slice(0, 6)));
    await s.addTrainee(id, profile('a'), fields(), 10);
    await s.startSession(id, 'a', { lessonId: 'l-1', seed: 3, rack: { preset: '4300-dmr' } });
    const cmd = { type: 'pull', target: 'A.cpu-1' } as const;
    expect(await s.appendSession(id, 'a', [{ timeMs: 1, command: cmd }], 3)).toEqual({
      ok: true,
      firstSeq: 0,
      watched: false,
    });
    await s.setWatching(id, 'a', 'sock', true);
    expect(
      await s.appendSession(
        id,
        'a',
        [
          { timeMs: 2, command: cmd },
          { timeMs: 3, command: cmd },
        ],
        3,
      ),
    ).toEqual({ ok: true, firstSeq: 1, watched: true });
    expect(await s.appendSession(id, 'a', [{ timeMs: 4, command: cmd }], 3)).toEqual({
      ok: false,
      reason: 'full',
    });
    const session = await s.getSession(id, 'a');
    expect(session.header).toEqual({ lessonId: 'l-1', seed: 3, rack: { preset: '4300-dmr' } });
    expect(session.entries.map((e) => [e.seq, e.timeMs])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(session.entries[0]).toEqual({ seq: 0, timeMs: 1, command: cmd });
    await s.startSession(id, 'a', { lessonId: null, seed: 4, rack: { preset: 'mixed' } });
    expect(await s.getSession(id, 'a')).toEqual({
      header: { lessonId: null, seed: 4, rack: { preset: 'mixed' } },
      entries: [],
    });
  });

  it('counts watchers of a session', async () => {
    const s = store();
    const id = unique();
    await s.createClass(classRecord(id, unique().slice(0, 6)));
    await s.addTrainee(id, profile('a'), fields(), 10);
    expect(await s.isWatched(id, 'a')).toBe(false);
    await s.setWatching(id, 'a', 'sock1', true);
    await s.setWatching(id, 'a', 'sock2', true);
    await s.setWatching(id, 'a', 'sock1', false);
    expect(await s.isWatched(id, 'a')).toBe(true);
    await s.setWatching(id, 'a', 'sock2', false);
    expect(await s.isWatched(id, 'a')).toBe(false);
    expect(await s.isWatched(id, 'nobody')).toBe(false);
  });
}
