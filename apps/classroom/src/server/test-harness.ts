/**
 * Test helpers: a server on a free port, a class, instructor and trainee clients (the real
 * client module over real sockets), raw sockets for forged or malformed messages, and waiting
 * for a condition without fixed sleeps.
 */
import {
  io as ioClient,
  type ManagerOptions,
  type Socket,
  type SocketOptions,
} from 'socket.io-client';
import { connectInstructor, createClass, type InstructorClient } from '../client/instructor.ts';
import {
  connectTrainee,
  type FaultOutcome,
  type TokenStore,
  type TraineeClient,
} from '../client/trainee.ts';
import type { ClassroomLimits } from '../limits.ts';
import type { CreatedClass, FaultDelivery } from '../protocol.ts';
import { type ClassroomServer, startClassroomServer } from './create-server.ts';

export interface Harness {
  server: ClassroomServer;
  logs: string[];
  created: CreatedClass;
  instructor: InstructorClient;
  clients: { close(): void }[];
  trainee(name: string, options?: TraineeOptions): Promise<TraineeClient>;
  close(): Promise<void>;
}

interface TraineeOptions {
  onFault?: (d: FaultDelivery) => FaultOutcome | Promise<FaultOutcome>;
  tokenStore?: TokenStore;
  code?: string;
}

/** Socket options for tests: websocket straight away, quick reconnection. */
export const FAST_SOCKET: Partial<ManagerOptions & SocketOptions> = {
  transports: ['websocket'],
  reconnectionDelay: 50,
  reconnectionDelayMax: 200,
};

export function memoryTokens(): TokenStore {
  const map = new Map<string, string>();
  return { get: (c) => map.get(c) ?? null, set: (c, t) => void map.set(c, t) };
}

/** A server, a class and its instructor, connected. */
export async function startHarness(
  limits: Partial<ClassroomLimits> = {},
  redisUrl: string | null = null,
): Promise<Harness> {
  const logs: string[] = [];
  const server = await startClassroomServer({
    port: 0,
    staticDir: null,
    redisUrl,
    limits: { faultAckTimeoutMs: 1500, ...limits },
    log: (line) => logs.push(line),
  });
  const created = await createClass(server.url, { title: 'Test class' });
  const clients: { close(): void }[] = [];
  const instructor = connectInstructor({
    url: server.url,
    instructorKey: created.instructorKey,
    socketOptions: FAST_SOCKET,
  });
  clients.push(instructor);
  await instructor.ready;
  return {
    server,
    logs,
    created,
    instructor,
    clients,
    async trainee(name, options = {}) {
      const t = connectTrainee({
        url: server.url,
        code: options.code ?? created.code,
        name,
        tokenStore: options.tokenStore ?? memoryTokens(),
        onFault: options.onFault ?? (() => ({ applied: true })),
        socketOptions: FAST_SOCKET,
        logFlushMs: 10,
      });
      clients.push(t);
      await t.ready;
      return t;
    },
    async close() {
      for (const c of clients) c.close();
      await server.close();
    },
  };
}

/** A bare socket with any auth, for messages the client module would never send. */
export function rawSocket(url: string, auth: unknown): Socket {
  return ioClient(url, {
    ...FAST_SOCKET,
    reconnection: false,
    auth: auth as Record<string, unknown>,
  });
}

/** Resolves with the socket's connect_error, or rejects if it connects. */
export function connectError(socket: Socket): Promise<Error & { data?: { code?: string } }> {
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (e) => resolve(e as Error & { data?: { code?: string } }));
    socket.once('connect', () => reject(new Error('connected, but a refusal was expected')));
  });
}

/** Waits until `condition()` holds, checking every 10 ms, up to `timeoutMs`. */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The next `event` the socket receives. */
export function nextEvent<T>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${event} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once(event, (value: T) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

export const PROGRESS = {
  lessonId: 'tmr-vote',
  stepIndex: 1,
  stepsTotal: 4,
  score: 10,
  maxScore: 40,
  mistakes: 0,
  systemStatus: 'duplex',
  elapsedMs: 30_000,
  finished: false,
} as const;
