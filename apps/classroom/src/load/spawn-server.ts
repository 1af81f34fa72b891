/**
 * Runs `pnpm classroom` as a child process (the real CLI, through tsx) and waits for the URL it
 * prints. The scale-out test and the load tool use it to run one or several real server
 * processes, with or without REDIS_URL.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const CLI = path.join(REPO_ROOT, 'apps', 'classroom', 'src', 'cli.ts');

export interface ServerProcess {
  url: string;
  pid: number;
  /** What the process printed (last 4 KB), for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * @example
 * const server = await spawnClassroomServer({ redisUrl: 'redis://127.0.0.1:6379' });
 * ...; await server.stop();
 */
export async function spawnClassroomServer(
  options: { redisUrl?: string; timeoutMs?: number; args?: string[] } = {},
): Promise<ServerProcess> {
  const env = { ...process.env };
  if (options.redisUrl) env.REDIS_URL = options.redisUrl;
  else delete env.REDIS_URL;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, '--port', '0', '--no-app', ...(options.args ?? [])],
    { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4096);
  };
  child.stderr.on('data', keep);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `the classroom server printed no URL in ${options.timeoutMs ?? 60_000} ms:\n${output}`,
        ),
      );
    }, options.timeoutMs ?? 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      keep(chunk);
      const match = /classroom listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the classroom server exited with code ${code}:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid ?? -1,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
