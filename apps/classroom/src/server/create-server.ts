/**
 * Starts a classroom server: one HTTP server carrying the built app, the small HTTP API and
 * Socket.IO. Without Redis it keeps classes in memory with Socket.IO's in-memory adapter (one
 * process). With `redisUrl` it keeps classes in Redis and uses the Redis Streams adapter, so
 * several processes behind a load balancer share rooms, acknowledgements and recovered sessions.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { type ClassroomLimits, DEFAULT_LIMITS } from '../limits.ts';
import { WindowCounter } from '../rate-limit.ts';
import { MemoryClassStore } from '../store/memory-store.ts';
import { type RedisClient, RedisClassStore } from '../store/redis-store.ts';
import type { ClassStore } from '../store/types.ts';
import { onConnection } from './connection.ts';
import type { ClassroomIo, ServerContext } from './context.ts';
import { handshake } from './auth.ts';
import { createHttpHandler, hasBuiltApp } from './http.ts';
import { RosterBatcher } from './roster-batcher.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The built web app served by default: `pnpm build` writes it. */
export const DEFAULT_STATIC_DIR = path.join(REPO_ROOT, 'dist', 'twin');
export const DEFAULT_PORT = 4180;

export interface ClassroomServerOptions {
  /** 0 picks a free port. Default 4180. */
  port?: number;
  /** Default 127.0.0.1; 0.0.0.0 to serve a room's network. */
  host?: string;
  /** Redis for several processes (`REDIS_URL`); absent or null keeps everything in memory. */
  redisUrl?: string | null;
  /** The built app to serve; null serves none. Default dist/twin of this repository. */
  staticDir?: string | null;
  /** Base of join links (the load balancer's URL); default from each request's Host header. */
  publicUrl?: string | null;
  /** Path of the trainee page in join links. Default `/`. */
  joinPath?: string;
  /** Origins allowed to open sockets from other origins (`pnpm dev` on :5173). */
  corsOrigins?: string[];
  /** WebSocket only (no HTTP long-polling): load balancers then need no sticky sessions. */
  websocketOnly?: boolean;
  limits?: Partial<ClassroomLimits>;
  /** Where log lines go. Default stderr. */
  log?: (line: string) => void;
}

export interface ClassroomServer {
  /** `http://host:port` it listens on. */
  url: string;
  port: number;
  adapter: 'memory' | 'redis-streams';
  /** Whether the built app was found and is served. */
  servesApp: boolean;
  io: ClassroomIo;
  store: ClassStore;
  close(): Promise<void>;
}

/**
 * @example
 * const server = await startClassroomServer({ port: 0 });
 * console.log(server.url); // http://127.0.0.1:40123
 * await server.close();
 */
export async function startClassroomServer(
  options: ClassroomServerOptions = {},
): Promise<ClassroomServer> {
  const limits: ClassroomLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => process.stderr.write(`classroom: ${line}\n`));
  const staticDir = options.staticDir === undefined ? DEFAULT_STATIC_DIR : options.staticDir;

  let redis: RedisClient | null = null;
  if (options.redisUrl) {
    redis = createClient({ url: options.redisUrl });
    // Without a listener, a dropped Redis connection would be an uncaught 'error' event.
    redis.on('error', (error: Error) => log(`redis: ${error.message}`));
    await redis.connect();
  }
  const store: ClassStore = redis ? new RedisClassStore(redis) : new MemoryClassStore();
  const adapter = redis ? 'redis-streams' : 'memory';

  const io: ClassroomIo = new Server({
    serveClient: false,
    maxHttpBufferSize: limits.maxPacketBytes,
    transports: options.websocketOnly ? ['websocket'] : ['polling', 'websocket'],
    cors: options.corsOrigins?.length ? { origin: options.corsOrigins } : undefined,
    connectionStateRecovery: {
      maxDisconnectionDuration: limits.recoveryWindowMs,
      skipMiddlewares: true,
    },
    // Read blocks end early so a closing server's reader stops within 2 s.
    adapter: redis
      ? createAdapter(redis, { streamName: 'ftc:socket.io', blockTimeInMs: 2000 })
      : undefined,
  });

  const ctx: ServerContext = {
    io,
    store,
    limits,
    now: Date.now,
    roster: new RosterBatcher(io),
    classCache: new Map(),
    failedJoins: new WindowCounter(limits.failedJoinsPerMinutePerIp, 60_000),
    log,
  };
  const httpServer = http.createServer(
    createHttpHandler(ctx, {
      staticDir,
      publicUrl: options.publicUrl ? options.publicUrl.replace(/\/+$/, '') : null,
      joinPath: options.joinPath ?? '/',
      adapter,
      storeReady: () => redis === null || redis.isReady,
    }),
  );
  io.attach(httpServer);
  io.use(handshake(ctx));
  io.on('connection', (socket) => onConnection(ctx, socket));

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? DEFAULT_PORT, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    adapter,
    servesApp: hasBuiltApp(staticDir),
    io,
    store,
    async close() {
      ctx.roster.close();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      await store.close();
      if (redis?.isOpen) await redis.quit();
    },
  };
}
