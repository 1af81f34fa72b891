import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = new URL('.', import.meta.url).pathname;
const root = new URL('../../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('no code generated from strings at run time (CSP without unsafe-eval)', () => {
  it('the engine runs a rack with faults under node --disallow-code-generation-from-strings', () => {
    const r = spawnSync(
      process.execPath,
      ['--disallow-code-generation-from-strings', '--import', 'tsx', join(here, 'test/csp-run.ts')],
      { encoding: 'utf8', cwd: root },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.compiled).toBe(true);
    expect(result.fallback).toBe(false);
    for (const executed of result.executed) expect(executed).toBeGreaterThan(0);
  }, 120_000);

  it('no engine source builds a function from a string', () => {
    const offenders = sources(here).filter((file) =>
      /\bnew Function\s*\(|(?<![\w.])eval\s*\(/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
