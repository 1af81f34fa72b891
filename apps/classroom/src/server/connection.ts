/**
 * A socket's life after the handshake: it joins its rooms, is marked connected on the roster and
 * gets its welcome — the whole state it needs to draw itself (an instructor: the class, join
 * code and roster; a trainee: assignment, progress, messages and its session log to resume the
 * twin where it was). A socket that Socket.IO recovered (connection-state recovery) already has
 * its rooms and gets the events it missed instead of a welcome. On disconnect, the roster says
 * so unless another socket of the same trainee has taken over.
 */
import type { TraineeWelcome } from '../protocol.ts';
import type { ClassroomSocket, ServerContext } from './context.ts';
import { attachDispatcher } from './dispatch.ts';
import { rooms } from './rooms.ts';
import { classView, instructorClassView, rosterEntry } from './views.ts';

export function onConnection(ctx: ServerContext, socket: ClassroomSocket): void {
  attachDispatcher(ctx, socket);
  const setup =
    socket.data.role === 'instructor' ? instructorJoined(ctx, socket) : traineeJoined(ctx, socket);
  setup.catch((error: unknown) => {
    ctx.log(`connection setup failed: ${error instanceof Error ? error.stack : String(error)}`);
    socket.emit('error', {
      event: 'connect',
      code: 'internal',
      message: 'the server could not set up this connection',
    });
    socket.disconnect(true);
  });
}

async function instructorJoined(ctx: ServerContext, socket: ClassroomSocket): Promise<void> {
  const { classId } = socket.data;
  // Watches end with the socket (a recovered socket keeps its list and marks them again).
  socket.on('disconnect', () => {
    for (const traineeId of socket.data.watching ?? []) {
      ctx.store
        .setWatching(classId, traineeId, socket.id, false)
        .catch((error: unknown) => ctx.log(`unwatch on disconnect failed: ${String(error)}`));
    }
  });
  if (socket.recovered) {
    await Promise.all(
      (socket.data.watching ?? []).map((id) => ctx.store.setWatching(classId, id, socket.id, true)),
    );
    return;
  }
  socket.data.watching = [];
  await socket.join([rooms.all(classId), rooms.instructors(classId)]);
  const snapshot = await ctx.store.getClass(classId);
  if (!snapshot) return void socket.disconnect(true);
  const trainees = await ctx.store.listTrainees(classId);
  socket.emit('instructor:welcome', {
    class: instructorClassView(snapshot),
    roster: trainees.map((t) => rosterEntry(t, snapshot.assignment)),
  });
}

async function traineeJoined(ctx: ServerContext, socket: ClassroomSocket): Promise<void> {
  const { classId, traineeId, resumed } = socket.data;
  if (traineeId === undefined) return void socket.disconnect(true);
  const nowMs = ctx.now();
  await ctx.store.setTraineeField(classId, traineeId, 'connection', {
    connected: true,
    socketId: socket.id,
    changedAtMs: nowMs,
  });
  socket.on('disconnect', () => {
    traineeLeft(ctx, classId, traineeId, socket.id).catch((error: unknown) =>
      ctx.log(`disconnect bookkeeping failed: ${String(error)}`),
    );
  });
  if (socket.recovered) {
    ctx.roster.patch(classId, traineeId, { connected: true, lastSeenAtMs: nowMs });
    return;
  }
  await socket.join([
    rooms.all(classId),
    rooms.trainees(classId),
    rooms.trainee(classId, traineeId),
  ]);
  const [snapshot, trainee, messages, history, session] = await Promise.all([
    ctx.store.getClass(classId),
    ctx.store.getTrainee(classId, traineeId),
    ctx.store.listMessages(classId),
    ctx.store.getHistory(classId, traineeId),
    ctx.store.getSession(classId, traineeId),
  ]);
  if (!snapshot || !trainee) return void socket.disconnect(true);
  const entry = rosterEntry(trainee, snapshot.assignment);
  if (resumed) {
    ctx.roster.patch(classId, traineeId, { connected: true, lastSeenAtMs: nowMs });
  } else {
    ctx.io.to(rooms.instructors(classId)).emit('roster:joined', entry);
  }
  const welcome: TraineeWelcome = {
    class: classView(snapshot),
    trainee: { traineeId, name: trainee.profile.name, group: trainee.group },
    resumed: resumed === true,
    assignment: entry.assignment,
    progress: trainee.progress,
    steps: history.steps,
    messages,
    session: session.header
      ? { traineeId, header: session.header, entries: session.entries }
      : null,
  };
  if (socket.data.newToken !== undefined) welcome.token = socket.data.newToken;
  socket.emit('trainee:welcome', welcome);
  // The token goes out once; recovered sessions must not carry it.
  socket.data.newToken = undefined;
}

async function traineeLeft(
  ctx: ServerContext,
  classId: string,
  traineeId: string,
  socketId: string,
) {
  const trainee = await ctx.store.getTrainee(classId, traineeId);
  if (!trainee || trainee.connection.socketId !== socketId) return;
  const nowMs = ctx.now();
  await ctx.store.setTraineeField(classId, traineeId, 'connection', {
    connected: false,
    socketId,
    changedAtMs: nowMs,
  });
  ctx.roster.patch(classId, traineeId, { connected: false, lastSeenAtMs: nowMs });
}
