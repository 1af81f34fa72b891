import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = new URL('.', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** Relative imports that load code (type-only imports are erased and cannot form a cycle). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm)) {
    out.push(resolve(dirname(file), m[1]));
  }
  return out;
}

describe('the engine source tree', () => {
  it('has no import cycles', () => {
    const files = sources(here);
    const graph = new Map(files.map((f) => [f, imports(f)]));
    const state = new Map<string, number>();
    const stack: string[] = [];
    const cycles: string[] = [];
    const visit = (f: string) => {
      state.set(f, 1);
      stack.push(f);
      for (const d of graph.get(f) ?? []) {
        if (!graph.has(d)) continue;
        if (state.get(d) === 1) {
          cycles.push(
            [...stack.slice(stack.indexOf(d)), d].map((x) => relative(here, x)).join(' → '),
          );
        } else if (!state.get(d)) visit(d);
      }
      stack.pop();
      state.set(f, 2);
    };
    for (const f of files) if (!state.get(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('names modules after what lives in them (no catch-all names)', () => {
    const vague = /^(ops|operations|actions|handlers|states|lifecycle|utils|helpers|misc)\.ts$/;
    const names = sources(here).map((f) => relative(here, f));
    expect(names.filter((n) => vague.test(n.split('/').pop() ?? ''))).toEqual([]);
  });

  it('keeps files small (past 400 lines only with a reason: generated code, the public types)', () => {
    const long = sources(here)
      .filter((f) => !f.endsWith('workload.generated.ts') && !f.endsWith('/types.ts'))
      .filter((f) => readFileSync(f, 'utf8').split('\n').length > 400)
      .map((f) => relative(here, f));
    expect(long).toEqual([]);
  });
});
