import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPurity, checkSource } from './check-engine-purity.mjs';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'check-engine-purity.mjs');

function write(root: string, rel: string, text: string): void {
  const full = path.join(root, rel);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
}

const CLEAN = `import { Rng } from './rng';
import type { Snapshot } from '@ft/engine/snapshot';
// Math.random and Date.now are banned; window.foo in a comment is fine.
/* import * as THREE from 'three'; document.body */
const msg = 'do not call performance.now() or use localStorage';
const tpl = \`window.\${msg.length} HTMLElement \${'document.x'}\`;
export const state = { window: 1, navigator: 2 };
export const w = state.window + state.navigator;
export function next(r: Rng): number { return r.next() * w + tpl.length; }
export type S = Snapshot;
`;

describe('check-engine-purity', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'purity-'));
    write(root, 'clean/src/index.ts', CLEAN);
    write(root, 'clean/src/bench/bench.ts', 'export const t0 = performance.now() + Date.now();\n');
    write(root, 'clean/src/voter.bench.ts', 'export const r = Math.random();\n');
    write(root, 'clean/src/voter.test.ts', 'export const t = Date.now();\n');
    write(
      root,
      'dirty/src/scene.ts',
      [
        "import React from 'react';",
        "import { createRoot } from 'react-dom/client';",
        "import * as THREE from 'three';",
        "import { Canvas } from '@react-three/fiber';",
        "export { Html } from '@react-three/drei';",
        "const lazy = () => import('three/examples/jsm/Addons.js');",
        'export const a = window.innerWidth;',
        'export const b = document.createElement("div");',
        'export const c = navigator.hardwareConcurrency;',
        "export const d = localStorage.getItem('x');",
        'export let e: HTMLElement | null = null;',
        'export const f = Math.random();',
        'export const g = Date.now();',
        'export const h = performance.now();',
        'export { React, createRoot, THREE, Canvas, lazy };',
        '',
      ].join('\n'),
    );
    // A test file may read the clock but still may not touch the DOM.
    write(root, 'dirty/src/io.test.ts', 'const t = Date.now();\nwindow.alert(String(t));\n');
    write(root, 'dirty/src/template.ts', ['export const s = `$', '{Math.random()}`;\n'].join(''));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('accepts clean code, comments, strings and bench/test files', () => {
    const result = checkPurity(['clean/src'], { cwd: root });
    expect(result.files).toBe(4);
    expect(result.violations).toEqual([]);
  });

  it("reports every Math.random and Date.now with file:line (imports and DOM are Biome's)", () => {
    const { violations } = checkPurity(['dirty/src'], { cwd: root });
    const scene = violations.filter((v) => v.file === 'dirty/src/scene.ts');
    expect(scene.map((v) => v.line)).toEqual([12, 13]);
    expect(scene[0].message).toContain('Math.random');
    expect(scene[1].message).toContain('Date.now');
    // A test file may read the clock (its DOM use is Biome's to refuse).
    expect(violations.filter((v) => v.file === 'dirty/src/io.test.ts')).toEqual([]);
    const tpl = violations.filter((v) => v.file === 'dirty/src/template.ts');
    expect(tpl).toHaveLength(1);
  });

  it('does not exempt a non-bench file for clock reads', () => {
    expect(checkSource('const t = Date.now();', 'src/benchmark.ts')).toHaveLength(1);
    expect(checkSource('const t = Date.now();', 'src/bench/run.ts')).toHaveLength(0);
  });

  it('CLI exits 1 listing file:line, and 0 on clean code', () => {
    const dirty = spawnSync(process.execPath, [SCRIPT, 'dirty/src'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(dirty.status).toBe(1);
    expect(dirty.stderr).toContain('dirty/src/scene.ts:12:');
    expect(dirty.stderr).toContain('dirty/src/scene.ts:13:');
    const clean = spawnSync(process.execPath, [SCRIPT, 'clean/src'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('4 files clean');
  });
});

describe("Biome's share of the purity rules (biome.json overrides)", () => {
  const ROOT = path.resolve(path.dirname(SCRIPT), '..');
  const BIOME = path.join(ROOT, 'node_modules', '.bin', 'biome');

  it('refuses UI imports, DOM globals and `performance` in the pure packages, and nowhere else', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'biome-purity-'));
    try {
      const config = readFileSync(path.join(ROOT, 'biome.json'), 'utf8').replace(
        /"\$schema":[^\n]*\n/,
        '',
      );
      writeFileSync(path.join(dir, 'biome.json'), config);
      const probe = [
        "import * as T from 'three';",
        "import { jsx } from 'react/jsx-runtime';",
        'export const a = [T, jsx, window.innerWidth, document.title, performance.now()];',
        '',
      ].join('\n');
      write(dir, 'packages/engine/src/probe.ts', probe);
      write(dir, 'packages/engine/src/pace.clock.ts', 'export const t = performance.now();\n');
      write(dir, 'packages/twin/src/probe.ts', probe);
      const lint = spawnSync(BIOME, ['lint', '--max-diagnostics=50', '.'], {
        cwd: dir,
        encoding: 'utf8',
      });
      const out = `${lint.stdout}${lint.stderr}`;
      const hits = (rule: string, file: string) =>
        out.split('\n').filter((l) => l.includes(file) && l.includes(rule)).length;
      expect(hits('noRestrictedImports', 'packages/engine/src/probe.ts')).toBe(2);
      expect(hits('noRestrictedGlobals', 'packages/engine/src/probe.ts')).toBe(3);
      expect(hits('noRestricted', 'pace.clock.ts')).toBe(0);
      expect(hits('noRestricted', 'packages/twin/src/probe.ts')).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
