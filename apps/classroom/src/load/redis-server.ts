/**
 * Starts Debian's `redis-server` on a free loopback port for tests and the load tool: no
 * persistence, no config file, stopped with the returned handle (and killed if this process
 * exits first). Returns null with a reason when redis-server is not installed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

const REDIS_SERVER_PATHS = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];

export interface RedisServerHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The path of redis-server, or null. `REDIS_SERVER` overrides the search. */
export function findRedisServer(): string | null {
  const candidates = process.env.REDIS_SERVER ? [process.env.REDIS_SERVER] : REDIS_SERVER_PATHS;
  return candidates.find((p) => existsSync(p)) ?? null;
}

/**
 * Starts redis-server on a free port and waits until it accepts connections.
 *
 * @example
 * const redis = await startRedisServer();
 * if (!redis) console.log('redis-server is not installed: apt-get install redis-server');
 * else { process.env.REDIS_URL = redis.url; ...; await redis.stop(); }
 */
export async function startRedisServer(timeoutMs = 10_000): Promise<RedisServerHandle | null> {
  const bin = findRedisServer();
  if (!bin) return null;
  const port = await freePort();
  const child = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  child.stdout?.on('data', (d) => {
    output = (output + String(d)).slice(-4000);
  });
  child.stderr?.on('data', (d) => {
    output = (output + String(d)).slice(-4000);
  });
  try {
    await waitForPort(port, child, timeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(
      `redis-server did not start on port ${port}: ${(error as Error).message}\n${output}`,
    );
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', killOnExit);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not listening after ${timeoutMs} ms`);
}
