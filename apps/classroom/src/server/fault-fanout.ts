/**
 * Injecting a fault into trainees' twins: one Socket.IO broadcast with acknowledgements (across
 * every server process through the adapter), a timeout, and a report of who acknowledged
 * (delivered: applied or refused by their engine), who stayed silent (lost) and who was not
 * connected (offline). The broadcast's callback gets the answers that came in time, even when
 * some did not, so a slow trainee never hides the others.
 *
 * Acknowledgements are what each trainee's client says (its engine runs in its browser), like
 * its progress; they are checked for shape, fault id and membership of the target.
 */
import {
  FaultAckSchema,
  type FaultDelivery,
  type FaultReport,
  type ParsedClientMessage,
} from '../protocol.ts';
import { newId } from '../secrets.ts';
import { parseWith } from '../validate.ts';
import type { TraineeRecord } from '../store/types.ts';
import type { ClassroomSocket, ServerContext } from './context.ts';
import { openClass, resolveTarget } from './handler-types.ts';
import { rooms } from './rooms.ts';

/**
 * @example
 * const report = await injectFault(ctx, socket, { target: { to: 'all' }, component: 'A.cpu-1', fault: 'stuck-at' });
 * report.delivered.length; // trainees whose twin acknowledged
 */
export async function injectFault(
  ctx: ServerContext,
  socket: ClassroomSocket,
  { target, component, fault }: ParsedClientMessage<'injectFault'>,
): Promise<FaultReport> {
  const startedMs = performance.now();
  const { classId } = socket.data;
  await openClass(ctx, socket);
  const delivery: FaultDelivery = {
    faultId: newId(),
    command: { type: 'inject', target: component, fault },
    issuedAtMs: ctx.now(),
  };
  const broadcast = (to: string | string[]) =>
    new Promise<unknown[]>((resolve) => {
      ctx.io
        .to(to)
        .timeout(ctx.limits.faultAckTimeoutMs)
        .emit('fault', delivery, (_timedOut: Error | null, responses: unknown[]) =>
          resolve(responses ?? []),
        );
    });

  let targeted: TraineeRecord[];
  let answers: unknown[];
  if (target.to === 'all') {
    // The room is known without the store: send first, read the roster while acks come in.
    [answers, targeted] = await Promise.all([
      broadcast(rooms.trainees(classId)),
      ctx.store.listTrainees(classId),
    ]);
  } else {
    targeted = resolveTarget(await ctx.store.listTrainees(classId), target);
    const to = targeted
      .filter((t) => t.connection.connected)
      .map((t) => rooms.trainee(classId, t.profile.traineeId));
    answers = to.length === 0 ? [] : await broadcast(to);
  }
  const targetedIds = new Set(targeted.map((t) => t.profile.traineeId));
  const online = targeted.filter((t) => t.connection.connected).map((t) => t.profile.traineeId);

  const delivered = new Map<string, FaultReport['delivered'][number]>();
  for (const answer of answers) {
    const ack = parseWith(FaultAckSchema, answer);
    if (!ack.ok || ack.value.faultId !== delivery.faultId) continue;
    const { traineeId, applied, error } = ack.value;
    if (!targetedIds.has(traineeId) || delivered.has(traineeId)) continue;
    delivered.set(
      traineeId,
      error === undefined ? { traineeId, applied } : { traineeId, applied, error },
    );
  }
  const onlineSet = new Set(online);
  const report: FaultReport = {
    faultId: delivery.faultId,
    command: delivery.command,
    target,
    issuedAtMs: delivery.issuedAtMs,
    durationMs: Math.round(performance.now() - startedMs),
    targeted: targeted.length,
    delivered: [...delivered.values()],
    lost: online.filter((id) => !delivered.has(id)),
    offline: [...targetedIds].filter((id) => !onlineSet.has(id) && !delivered.has(id)),
  };
  ctx.io.to(rooms.instructors(classId)).emit('faultReport', report);
  return report;
}
