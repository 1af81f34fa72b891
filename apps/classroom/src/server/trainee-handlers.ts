/**
 * What a trainee's client sends: small progress events (counters, plus a passed step or a mistake
 * when one happened) and its session log (header, then batches of timed engine commands). The
 * server keeps both, so a reload resumes, and relays them: progress to the roster, the log to
 * instructors watching that trainee.
 */
import type { ProgressView } from '../protocol.ts';
import { Refusal } from './context.ts';
import { type Handlers, openClassForTrainee } from './handler-types.ts';
import { rooms } from './rooms.ts';

function traineeIdOf(data: { traineeId?: string }): string {
  if (data.traineeId === undefined) throw new Refusal('forbidden', 'only trainees send this');
  return data.traineeId;
}

export const traineeHandlers: Pick<Handlers, 'progress' | 'sessionStart' | 'sessionCommands'> = {
  async progress(ctx, socket, { stepPassed, mistake, ...counters }) {
    const { classId } = socket.data;
    const traineeId = traineeIdOf(socket.data);
    await openClassForTrainee(ctx, socket);
    const progress: ProgressView = { ...counters, updatedAtMs: ctx.now() };
    const cap = ctx.limits.maxHistoryRecords;
    await Promise.all([
      ctx.store.setTraineeField(classId, traineeId, 'progress', progress),
      stepPassed && ctx.store.appendHistory(classId, traineeId, 'steps', stepPassed, cap),
      mistake && ctx.store.appendHistory(classId, traineeId, 'mistakes', mistake, cap),
    ]);
    ctx.roster.patch(classId, traineeId, { progress, lastSeenAtMs: progress.updatedAtMs });
    return {};
  },

  async sessionStart(ctx, socket, header) {
    const { classId } = socket.data;
    const traineeId = traineeIdOf(socket.data);
    await openClassForTrainee(ctx, socket);
    await ctx.store.startSession(classId, traineeId, header);
    if (await ctx.store.isWatched(classId, traineeId)) {
      ctx.io.to(rooms.watch(classId, traineeId)).emit('session:start', { traineeId, header });
    }
    return {};
  },

  async sessionCommands(ctx, socket, { entries }) {
    const { classId } = socket.data;
    const traineeId = traineeIdOf(socket.data);
    if (entries.length > ctx.limits.maxSessionBatch) {
      throw new Refusal(
        'invalid-message',
        `entries: at most ${ctx.limits.maxSessionBatch} per batch, got ${entries.length}`,
      );
    }
    await openClassForTrainee(ctx, socket);
    const appended = await ctx.store.appendSession(
      classId,
      traineeId,
      entries,
      ctx.limits.maxSessionEntries,
    );
    if (!appended.ok) {
      throw new Refusal(
        'session-log-full',
        `the session log keeps at most ${ctx.limits.maxSessionEntries} commands; start a new session`,
      );
    }
    if (appended.watched) {
      const records = entries.map((e, i) => ({ ...e, seq: appended.firstSeq + i }));
      ctx.io
        .to(rooms.watch(classId, traineeId))
        .emit('session:append', { traineeId, entries: records });
    }
    return { nextSeq: appended.firstSeq + entries.length };
  },
};
