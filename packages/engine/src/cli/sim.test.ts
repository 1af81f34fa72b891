import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');
const entry = join(root, 'packages/engine/src/cli/sim.ts');

function sim(...args: string[]) {
  const r = spawnSync(tsx, [entry, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('pnpm sim (a real process)', () => {
  it('prints the same JSON for the same seed, byte for byte', () => {
    const args = [
      '--preset',
      'mixed',
      '--duration',
      '30d',
      '--faults',
      'mtbf',
      '--seed',
      '7',
      '--inject',
      '1h:A.cpu-1:stuck-at',
      '--json',
    ];
    const a = sim(...args);
    const b = sim(...args);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const report = JSON.parse(a.out);
    expect(report.systems).toHaveLength(3);
    for (const s of report.systems) {
      expect(s).toHaveProperty('availability');
      expect(s).toHaveProperty('downtimeS');
      expect(s).toHaveProperty('transactionsCommitted');
      expect(s).toHaveProperty('transactionsLost');
    }
    expect(report.systems[0].serviceCalls).toBeGreaterThanOrEqual(1);
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

  it('bad arguments and files: one line on stderr, exit code 2, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"systems": [{"id": "A", "model": "4300", "positionU": 41}]}');
    for (const args of [
      ['--preset', 'nope'],
      ['--config', bad],
      ['--config', join(dir, 'missing.json')],
      ['--duration', 'x'],
    ]) {
      const r = sim(...args);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
    }
    expect(sim('--config', bad).err).toMatch(/bad\.json: systems\[0\]\.positionU/);
  }, 60_000);
});
