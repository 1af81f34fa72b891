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
