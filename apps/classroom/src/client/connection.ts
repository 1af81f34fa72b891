/**
 * What instructor and trainee clients share: opening the socket, asking the server with an
 * acknowledgement (a typed reply or a ClassroomError), and telling a final refusal (bad key,
 * class ended: no retry) from a passing network failure (Socket.IO retries by itself).
 */
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type {
  ClientMessage,
  ClientMessageName,
  ClientReplies,
  ClientToServerEvents,
  InstructorAuth,
  Reply,
  ServerToClientEvents,
  TraineeAuth,
} from '../protocol.ts';

export type ClassroomClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A refusal from the server (`code` as in docs/classroom.md), or `timeout` / `disconnected`. */
export class ClassroomError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ClassroomError';
  }
}

export interface ConnectOptions {
  /** The classroom server, e.g. `http://127.0.0.1:4180` (or `location.origin` in a page). */
  url: string;
  /** How long a request waits for the server's reply. Default 10 s. */
  requestTimeoutMs?: number;
  /** Passed to socket.io-client (transports, reconnection delays...). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

export interface ConnectionEvent {
  connected: boolean;
  /** True when Socket.IO recovered the session (missed events replayed, no welcome). */
  recovered?: boolean;
  /** Why it dropped or was refused. */
  reason?: string;
}

export function openSocket(
  options: ConnectOptions,
  auth: () => InstructorAuth | TraineeAuth,
): ClassroomClientSocket {
  return io(options.url, {
    ...options.socketOptions,
    // A function: read again at every (re)connection, so a trainee's new token is used.
    auth: (cb) => cb(auth()),
  });
}

/** Sends a message and waits for its reply. */
export async function request<K extends ClientMessageName>(
  socket: ClassroomClientSocket,
  event: K,
  payload: ClientMessage<K>,
  timeoutMs: number,
): Promise<ClientReplies[K]> {
  let reply: Reply<ClientReplies[K]>;
  try {
    // The mapped event types are too general for emitWithAck's inference; the reply is typed here.
    const timed = socket.timeout(timeoutMs) as unknown as {
      emitWithAck(ev: string, p: unknown): Promise<Reply<ClientReplies[K]>>;
    };
    reply = await timed.emitWithAck(event, payload);
  } catch {
    throw new ClassroomError(
      'timeout',
      `${event}: no reply from the server within ${timeoutMs} ms`,
    );
  }
  if (!reply || typeof reply !== 'object')
    throw new ClassroomError('internal', `${event}: bad reply`);
  if (!reply.ok) throw new ClassroomError(reply.error.code, reply.error.message);
  return reply.data;
}

/** The refusal code of a `connect_error`, or null for a network failure Socket.IO retries. */
export function refusalCode(
  socket: ClassroomClientSocket,
  error: Error & { data?: unknown },
): string | null {
  if (socket.active) return null;
  const data = error.data as { code?: unknown } | undefined;
  return typeof data?.code === 'string' ? data.code : 'refused';
}
