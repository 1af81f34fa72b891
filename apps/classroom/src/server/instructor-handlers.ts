/**
 * What an instructor can do: assign a lesson or drill (everyone or some), start/pause/end, inject
 * a fault, broadcast a message, group trainees, watch one trainee's session log, read the roster
 * and the report. The dispatcher has already checked the role and the payload.
 */
import type { ClassState } from '../protocol.ts';
import { buildReport, toCsv } from '../report.ts';
import type { ClassStatus, TraineeRecord } from '../store/types.ts';
import { Refusal, type ServerContext } from './context.ts';
import { injectFault } from './fault-fanout.ts';
import { currentClass, type Handlers, openClass, resolveTarget } from './handler-types.ts';
import { rooms } from './rooms.ts';
import { classView, rosterEntry } from './views.ts';

/** Allowed class-state changes (ending is allowed from any state but ended). */
const NEXT_STATES: Record<ClassState, readonly ClassState[]> = {
  waiting: ['running', 'ended'],
  running: ['running', 'paused', 'ended'],
  paused: ['running', 'paused', 'ended'],
  ended: [],
};

async function traineeExists(
  ctx: ServerContext,
  classId: string,
  traineeId: string,
): Promise<TraineeRecord> {
  const trainee = await ctx.store.getTrainee(classId, traineeId);
  if (!trainee) throw new Refusal('not-found', 'no such trainee in this class');
  return trainee;
}

export const instructorHandlers: Pick<
  Handlers,
  | 'assignLesson'
  | 'setClassState'
  | 'injectFault'
  | 'broadcast'
  | 'setGroup'
  | 'watchTrainee'
  | 'unwatchTrainee'
  | 'getRoster'
  | 'getReport'
> = {
  async assignLesson(ctx, socket, { assignment, target }) {
    const { classId } = socket.data;
    await openClass(ctx, socket);
    const trainees = resolveTarget(await ctx.store.listTrainees(classId), target);
    if (!target || target.to === 'all') {
      // For everyone: the class's assignment, and no one keeps an earlier one of their own.
      await ctx.store.setClassAssignment(classId, assignment);
      await Promise.all(
        trainees
          .filter((t) => t.assignment !== null)
          .map((t) => ctx.store.setTraineeField(classId, t.profile.traineeId, 'assignment', null)),
      );
      ctx.io.to(rooms.trainees(classId)).emit('assignment', { assignment });
    } else {
      await Promise.all(
        trainees.map((t) =>
          ctx.store.setTraineeField(classId, t.profile.traineeId, 'assignment', assignment),
        ),
      );
      const to = trainees.map((t) => rooms.trainee(classId, t.profile.traineeId));
      if (to.length > 0) ctx.io.to(to).emit('assignment', { assignment });
    }
    for (const t of trainees) ctx.roster.patch(classId, t.profile.traineeId, { assignment });
    return { traineeIds: trainees.map((t) => t.profile.traineeId) };
  },

  async setClassState(ctx, socket, { state }) {
    const { classId } = socket.data;
    const snapshot = await currentClass(ctx, socket);
    const from = snapshot.status.state;
    if (from === 'ended') throw new Refusal('class-ended', 'this class has ended');
    if (!NEXT_STATES[from].includes(state)) {
      throw new Refusal('invalid-state', `a ${from} class cannot be ${state}`);
    }
    const atMs = ctx.now();
    const status: ClassStatus = {
      state,
      changedAtMs: atMs,
      startedAtMs: snapshot.status.startedAtMs ?? (state === 'running' ? atMs : null),
      endedAtMs: state === 'ended' ? atMs : null,
    };
    await ctx.store.setClassStatus(classId, status);
    ctx.classCache.delete(classId);
    ctx.io.to(rooms.all(classId)).emit('classState', { state, atMs });
    return { state };
  },

  injectFault,

  async broadcast(ctx, socket, { text, target }) {
    const { classId } = socket.data;
    await openClass(ctx, socket);
    const message = { text, atMs: ctx.now() };
    if (!target || target.to === 'all') {
      await ctx.store.addMessage(classId, message, ctx.limits.maxKeptMessages);
      ctx.io.to(rooms.trainees(classId)).emit('message', message);
    } else {
      const trainees = resolveTarget(await ctx.store.listTrainees(classId), target);
      const to = trainees.map((t) => rooms.trainee(classId, t.profile.traineeId));
      if (to.length > 0) ctx.io.to(to).emit('message', message);
    }
    return { atMs: message.atMs };
  },

  async setGroup(ctx, socket, { traineeIds, group }) {
    const { classId } = socket.data;
    await currentClass(ctx, socket);
    const trainees = resolveTarget(await ctx.store.listTrainees(classId), {
      to: 'trainees',
      traineeIds,
    });
    await Promise.all(
      trainees.map((t) => ctx.store.setTraineeField(classId, t.profile.traineeId, 'group', group)),
    );
    for (const t of trainees) ctx.roster.patch(classId, t.profile.traineeId, { group });
    return { traineeIds: trainees.map((t) => t.profile.traineeId) };
  },

  async watchTrainee(ctx, socket, { traineeId }) {
    const { classId } = socket.data;
    await traineeExists(ctx, classId, traineeId);
    // Mark, join, then read: an entry appended meanwhile is in the snapshot or relayed (or both,
    // with the same seq), never neither.
    await ctx.store.setWatching(classId, traineeId, socket.id, true);
    socket.data.watching = [...new Set([...(socket.data.watching ?? []), traineeId])];
    await socket.join(rooms.watch(classId, traineeId));
    const session = await ctx.store.getSession(classId, traineeId);
    return { traineeId, header: session.header, entries: session.entries };
  },

  async unwatchTrainee(ctx, socket, { traineeId }) {
    const { classId } = socket.data;
    await socket.leave(rooms.watch(classId, traineeId));
    socket.data.watching = (socket.data.watching ?? []).filter((id) => id !== traineeId);
    await ctx.store.setWatching(classId, traineeId, socket.id, false);
    return {};
  },

  async getRoster(ctx, socket) {
    const snapshot = await currentClass(ctx, socket);
    const trainees = await ctx.store.listTrainees(socket.data.classId);
    return { roster: trainees.map((t) => rosterEntry(t, snapshot.assignment)) };
  },

  async getReport(ctx, socket) {
    const report = await classReport(ctx, socket.data.classId);
    return { report, csv: toCsv(report) };
  },
};

/** The report of a class (also served over HTTP). */
export async function classReport(ctx: ServerContext, classId: string) {
  const snapshot = await ctx.store.getClass(classId);
  if (!snapshot) throw new Refusal('not-found', 'this class has expired');
  const trainees = await ctx.store.listTrainees(classId);
  const histories = await Promise.all(
    trainees.map((t) => ctx.store.getHistory(classId, t.profile.traineeId)),
  );
  return buildReport(classView(snapshot), trainees, histories, ctx.now());
}
