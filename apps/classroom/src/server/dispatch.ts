/**
 * The edge of the socket: every incoming event passes here, in this order — rate limit (a token
 * bucket per socket), known event name, role, payload schema — before its handler runs. A
 * refusal at any step sends an `error` event (and a failed reply when the client asked for one)
 * and changes nothing. Nothing a client sends can throw out of here: handler failures become
 * `internal` refusals and a log line, never a crash. A socket that keeps sending refused
 * messages is disconnected.
 */
import {
  CLIENT_MESSAGES,
  type ClassroomErrorEvent,
  type ClientMessageName,
  type Reply,
} from '../protocol.ts';
import { TokenBucket } from '../rate-limit.ts';
import { parseWith } from '../validate.ts';
import { type ClassroomSocket, Refusal, type ServerContext } from './context.ts';
import type { Handler, Handlers } from './handler-types.ts';
import { instructorHandlers } from './instructor-handlers.ts';
import { traineeHandlers } from './trainee-handlers.ts';

const HANDLERS: Handlers = { ...instructorHandlers, ...traineeHandlers };

/**
 * Wires the dispatcher onto a connected socket.
 *
 * @example
 * io.on('connection', (socket) => attachDispatcher(ctx, socket));
 */
export function attachDispatcher(ctx: ServerContext, socket: ClassroomSocket): void {
  const bucket = new TokenBucket(ctx.limits.socketMessagesPerS, ctx.limits.socketBurst);
  let refusals = 0;

  socket.onAny((event: unknown, ...args: unknown[]) => {
    const ack =
      typeof args.at(-1) === 'function'
        ? (args.pop() as (reply: Reply<unknown>) => void)
        : undefined;
    const name = typeof event === 'string' ? event.slice(0, 64) : String(typeof event);
    const refuse = (code: ClassroomErrorEvent['code'], message: string) => {
      const error: ClassroomErrorEvent = { event: name, code, message };
      socket.emit('error', error);
      ack?.({ ok: false, error });
      refusals += 1;
      if (refusals > ctx.limits.socketMaxRefusals) {
        ctx.log(`disconnecting ${socket.data.role} socket after ${refusals} refused messages`);
        socket.disconnect(true);
      }
    };
    if (!bucket.take()) return refuse('rate-limited', 'too many messages; slow down');
    if (typeof event !== 'string' || !Object.hasOwn(CLIENT_MESSAGES, event)) {
      return refuse('unknown-event', 'no such message');
    }
    const key = event as ClientMessageName;
    const spec = CLIENT_MESSAGES[key];
    if (spec.role !== socket.data.role) {
      return refuse('forbidden', `only ${spec.role}s may send ${key}`);
    }
    if (args.length > 1) return refuse('invalid-message', 'send one payload object');
    const parsed = parseWith(spec.schema, args[0]);
    if (!parsed.ok) return refuse('invalid-message', parsed.message);
    const handler = HANDLERS[key] as Handler<typeof key>;
    handler(ctx, socket, parsed.value as never).then(
      (data) => ack?.({ ok: true, data }),
      (error: unknown) => {
        if (error instanceof Refusal) return refuse(error.code, error.message);
        ctx.log(`${key} failed: ${error instanceof Error ? error.stack : String(error)}`);
        refuse('internal', 'the server failed to handle this message');
      },
    );
  });
}
