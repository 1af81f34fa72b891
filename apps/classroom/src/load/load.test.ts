/**
 * The two commands end to end, as a user runs them (node + tsx, real processes): bad arguments
 * end in one line and exit code 2; a small load run prints its one JSON line with nothing lost,
 * through one process and through two processes sharing a real redis-server.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findRedisServer } from './redis-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const run = (script: string, args: string[]) =>
  spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'apps/classroom/src', script), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, REDIS_URL: '' },
    },
  );

describe('pnpm classroom / classroom:load', () => {
  it('refuses bad arguments with one line and exit code 2', () => {
    const cases: [string, string[], RegExp][] = [
      [
        'cli.ts',
        ['--port', 'abc'],
        /^usage: --port must be an integer from 0 to 65535, got "abc"\n$/,
      ],
      ['cli.ts', ['--bogus'], /^usage: Unknown option '--bogus'/],
      [
        'cli.ts',
        ['--public-url', 'javascript:alert(1)'],
        /^usage: --public-url must be a http: or https: URL/,
      ],
      ['load/load.ts', [], /^usage: --trainees N is required\n$/],
      ['load/load.ts', ['--trainees', '0'], /^usage: --trainees must be an integer from 1 to 2000/],
      [
        'load/load.ts',
        ['--trainees', '2', '--url', 'http://127.0.0.1:1', '--processes', '2'],
        /^usage: --url uses/,
      ],
    ];
    for (const [script, args, pattern] of cases) {
      const r = run(script, args);
      expect(r.status, `${script} ${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(pattern);
    }
  }, 120_000);

  it('runs a small load through its own server and prints one JSON line', () => {
    const r = run('load/load.ts', ['--trainees', '3', '--faults', '2', '--gap-ms', '50', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]);
    expect(Object.keys(result)).toEqual(['trainees', 'delivered', 'lost', 'p50Ms', 'p99Ms']);
    expect(result).toMatchObject({ trainees: 3, delivered: 6, lost: 0 });
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
    expect(result.p50Ms).toBeGreaterThan(0);
  }, 120_000);

  it.skipIf(!findRedisServer() && !process.env.CI)(
    'runs through two processes sharing redis-server',
    () => {
      const r = run('load/load.ts', [
        '--trainees',
        '4',
        '--faults',
        '1',
        '--processes',
        '2',
        '--json',
      ]);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ trainees: 4, delivered: 4, lost: 0 });
    },
  );
});
