import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES, simMain } from './sim-main.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');
const entry = join(root, 'packages/engine/src/cli/sim.ts');

/** Runs pnpm sim in this process: exit code, stdout, stderr. */
function sim(...args: string[]) {
  let out = '';
  let err = '';
  const code = simMain(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Runs pnpm sim as a real process. */
function simProcess(...args: string[]) {
  const started = performance.now();
  const r = spawnSync(tsx, [entry, ...args], { encoding: 'utf8', cwd: root });
  return {
    code: r.status,
    out: r.stdout,
    err: r.stderr,
    wallS: (performance.now() - started) / 1000,
  };
}

describe('pnpm sim', () => {
  it('prints the same JSON for the same seed, byte for byte, with executed and modelled apart', () => {
    const args = ['--preset', 'mixed', '--duration', '30d', '--faults', 'mtbf', '--seed', '7'];
    const inject = ['--inject', '1h:A.cpu-1:stuck-at', '--json'];
    const a = simProcess(...args, ...inject);
    const b = sim(...args, ...inject);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const report = JSON.parse(a.out);
    expect(report.systems).toHaveLength(3);
    for (const s of report.systems) {
      for (const key of [
        'availability',
        'downtimeS',
        'pausedS',
        'unreachableS',
        'transactionsLost',
      ]) {
        expect(s).toHaveProperty(key);
      }
      expect(s.transactionsExecuted).toBeGreaterThan(0);
      expect(s.transactionsExecuted).toBeLessThan(s.transactionsCommitted);
    }
    // The stuck-at board is broken and replaced: one call, several lifecycle events.
    expect(report.systems[0].serviceCalls).toBeGreaterThanOrEqual(1);
    expect(report.systems[0].events.serviceCall).toBeGreaterThan(report.systems[0].serviceCalls);
    expect(report.systems[0].pausedS).toBeGreaterThan(0);
  }, 120_000);

  it('reads a configuration file and reports per system', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 'rack.json');
    writeFileSync(file, JSON.stringify({ systems: [{ id: 'X', model: '4300', positionU: 3 }] }));
    const r = sim('--config', file, '--duration', '2h', '--inject', '1h:X.cpu-0:os-crash');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ft4300-X \(ftServer 4300, DMR\)/);
    expect(r.out).toMatch(/downtime\s+90\.000 s/);
  }, 60_000);

  it('every mistake: one line on stderr, exit code 2, nothing on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"systems": [{"id": "A", "model": "4300", "positionU": 41}]}');
    const big = join(dir, 'big.json');
    writeFileSync(big, ' '.repeat(MAX_CONFIG_BYTES + 1));
    const cases: [string[], RegExp][] = [
      [['--preset', 'nope'], /nope/],
      [['--config', bad], /bad\.json: systems\[0\]\.positionU/],
      [['--config', join(dir, 'missing.json')], /cannot read the file \(ENOENT\)/],
      [['--config', '/dev/zero'], /not a regular file/],
      [['--config', dir], /not a regular file/],
      [['--config', big], /larger than/],
      [['--preset', '4300-dmr', '--duration', 'x'], /not a duration/],
      [['--preset', '4300-dmr', '--duration', '1000000y'], /longer than 100y/],
      [['--preset', '4300-dmr', '--duration', `${'9'.repeat(25)}s`], /not a duration/],
      [['--preset', '4300-dmr', '--inject', '10m:A.psu-0:stuck-at'], /cannot suffer stuck-at/],
      [['--preset', '4300-dmr', '--inject', '10m:A.cpu-1:insert'], /is in the chassis/],
      [['--preset', '4300-dmr', '--inject', '10m:Z.cpu-1:pull'], /unknown component "Z.cpu-1"/],
      [['--preset', '4300-dmr', '--inject', '10m:A.nic-10-5:pull'], /cannot be pulled/],
      [
        [
          '--preset',
          '4300-dmr',
          '--inject',
          '1m:A.cpu-1:pull',
          '--inject',
          '2m:A.cpu-1:self-check',
        ],
        /out of the chassis/,
      ],
      [['--preset', `x\ny${'z'.repeat(400)}`], /x\\ny/],
      [['--preset', '4300-dmr', '--preset', 'mixed'], /given more than once/],
      [
        [
          '--preset',
          '4300-dmr',
          '--duration',
          '1h',
          '--inject',
          '30m:A.cpu-1:self-check',
          '--inject',
          '1801s:A.cpu-1:bitflip-register',
        ],
        /refused at that time: CPU element 1 is not running/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = sim(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.endsWith('\n')).toBe(true);
      expect(r.err.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err.length).toBeLessThan(400);
      expect(r.err, args.join(' ')).toMatch(message);
    }
  }, 60_000);

  it('a real process: exit code 2 and one line, quickly, for a mistake', () => {
    const r = simProcess('--config', '/dev/zero');
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
    // Startup (tsx, imports) dominates; the check itself takes milliseconds. Loose bound: the
    // machine running the tests is shared.
    expect(r.wallS).toBeLessThan(10);
  }, 60_000);
});
