/** The shape of a message handler, and helpers every handler uses. */
import type { ClientMessageName, ClientReplies, ParsedClientMessage, Target } from '../protocol.ts';
import type { ClassSnapshot, TraineeRecord } from '../store/types.ts';
import { quoteValue } from '../text.ts';
import { type ClassroomSocket, Refusal, type ServerContext } from './context.ts';

export type Handler<K extends ClientMessageName> = (
  ctx: ServerContext,
  socket: ClassroomSocket,
  payload: ParsedClientMessage<K>,
) => Promise<ClientReplies[K]>;

export type Handlers = { [K in ClientMessageName]: Handler<K> };

/** The socket's class, or a refusal when it has expired. */
export async function currentClass(
  ctx: ServerContext,
  socket: ClassroomSocket,
): Promise<ClassSnapshot> {
  const snapshot = await ctx.store.getClass(socket.data.classId);
  if (!snapshot) throw new Refusal('not-found', 'this class has expired');
  return snapshot;
}

/** The socket's class, refusing when it has ended. */
export async function openClass(
  ctx: ServerContext,
  socket: ClassroomSocket,
): Promise<ClassSnapshot> {
  const snapshot = await currentClass(ctx, socket);
  if (snapshot.status.state === 'ended') throw new Refusal('class-ended', 'this class has ended');
  return snapshot;
}

/** How long a process trusts its copy of a class's state for trainee messages. */
const CLASS_CACHE_MS = 1000;

/**
 * The socket's class for the frequent trainee messages (progress, session log), refusing when
 * it has ended: read from the store at most once a second per process, as with Redis each
 * read is a round trip per message. A class that just ended may take one more second of
 * progress; instructor commands always read the store.
 */
export async function openClassForTrainee(
  ctx: ServerContext,
  socket: ClassroomSocket,
): Promise<ClassSnapshot> {
  const { classId } = socket.data;
  const cached = ctx.classCache.get(classId);
  const nowMs = ctx.now();
  let snapshot = cached && nowMs - cached.readAtMs < CLASS_CACHE_MS ? cached.snapshot : null;
  if (!snapshot) {
    snapshot = await currentClass(ctx, socket);
    if (ctx.classCache.size > 10_000) ctx.classCache.clear(); // only a cache: bounded
    ctx.classCache.set(classId, { snapshot, readAtMs: nowMs });
  }
  if (snapshot.status.state === 'ended') throw new Refusal('class-ended', 'this class has ended');
  return snapshot;
}

/**
 * The trainees a target names, in join order. Unknown ids are refused (nothing is sent), so a
 * typo never silently skips a trainee.
 */
export function resolveTarget(
  trainees: TraineeRecord[],
  target: Target | undefined,
): TraineeRecord[] {
  if (!target || target.to === 'all') return trainees;
  if (target.to === 'group') return trainees.filter((t) => t.group === target.group);
  const byId = new Map(trainees.map((t) => [t.profile.traineeId, t]));
  const unknown = target.traineeIds.find((id) => !byId.has(id));
  if (unknown !== undefined) {
    throw new Refusal('not-found', `no trainee ${quoteValue(unknown)} in this class`);
  }
  return [...new Set(target.traineeIds)].map((id) => byId.get(id) as TraineeRecord);
}
