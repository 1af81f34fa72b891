import { buildRack, getPreset } from '@ft/hardware';
import { describe, expect, it } from 'vitest';
import { CPU_STATE_ARRAYS, CpuComplex } from '../cpu/complex.ts';
import { Engine } from '../engine.ts';
import { engine, sameBytes } from '../test/harness.ts';
import { readHeader, restoreInto, stateArrays } from './persist.ts';
import { WORLD_FIELDS } from './world-fields.ts';
import { World } from './world.ts';

function world(): World {
  return Engine.fromPreset('mixed', { seed: 3 }).world;
}

describe('one list of the World fields', () => {
  it('every field of a World is derived, composite, state or scratch: a new field must be listed', () => {
    const listed = new Set<string>([
      ...WORLD_FIELDS.derived,
      ...WORLD_FIELDS.composite,
      ...WORLD_FIELDS.state,
      ...WORLD_FIELDS.scratch,
    ]);
    const fields = Object.keys(world());
    const unlisted = fields.filter((f) => !listed.has(f));
    expect(unlisted).toEqual([]);
    // And nothing listed is stale.
    expect([...listed].filter((f) => !fields.includes(f))).toEqual([]);
  });

  it('every state array of a CPU complex is listed (images apart)', () => {
    const cpu = new CpuComplex({ systems: 1, replicasPerSystem: 1 });
    const views = Object.entries(cpu)
      .filter(([, v]) => ArrayBuffer.isView(v))
      .map(([k]) => k);
    const notState = ['program', 'leader', 'live', 'scratchDirty'];
    expect(views.filter((k) => !notState.includes(k)).sort()).toEqual([...CPU_STATE_ARRAYS].sort());
  });

  it('every state field survives save and restore (each one changed on its own)', () => {
    const source = engine('mixed', 5);
    source.advance(2000);
    const fields = source.world as unknown as Record<string, unknown>;
    for (const [name, view] of stateArrays(source.world)) {
      if (view.byteLength === 0) continue;
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      const index = Math.floor(bytes.length / 2);
      const before = bytes[index];
      bytes[index] ^= 0x5a;
      const saved = source.save();
      const restored = Engine.restore(saved);
      const target = new Map(stateArrays(restored.world)).get(name);
      if (!target) throw new Error(`${name} missing after restore`);
      const got = new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
      // The output buffers are saved up to their counts and a reference replica only while it
      // runs: a change past that is not state.
      const canonical = /\.out(Value|Port|Index)$/.test(name) || /^reference\./.test(name);
      if (!canonical) expect(got[index], name).toBe(bytes[index]);
      bytes[index] = before;
    }
    for (const name of WORLD_FIELDS.state) {
      const value = fields[name];
      if (ArrayBuffer.isView(value)) continue;
      const restored = Engine.restore(source.save()).world as unknown as Record<string, unknown>;
      expect(JSON.stringify(restored[name]), name).toBe(JSON.stringify(value));
    }
  });

  it('a restore into a fresh world of the same rack gives back the same bytes', () => {
    const a = engine('6600-tmr', 8);
    a.command({ type: 'inject', target: 'A.cpu-2', fault: 'bitflip-memory' });
    a.advance(1500);
    const saved = a.save();
    const w = new World(buildRack(getPreset('6600-tmr')), readHeader(saved).options);
    restoreInto(w, saved, readHeader(saved));
    const b = Engine.restore(saved);
    expect(sameBytes(b.save(), saved)).toBe(true);
  });

  it('rejects bytes that are not a saved state, or of another rack', () => {
    expect(() => Engine.restore(new Uint8Array([1, 2, 3]))).toThrow(/too short/);
    expect(() => Engine.restore(new Uint8Array(64))).toThrow(/not an ftServer twin state/);
    const saved = engine('4300-dmr').save();
    const other = engine('mixed').world;
    expect(() => restoreInto(other, saved, readHeader(saved))).toThrow(/saved state/);
  });
});

describe('one engine, one state', () => {
  it('engines side by side in one process, calls interleaved, save the same bytes as one alone', () => {
    const script: [number, Parameters<Engine['command']>[0]][] = [
      [300, { type: 'inject', target: 'A.cpu-1', fault: 'bitflip-register' }],
      [900, { type: 'inject', target: 'C.cpu-2', fault: 'stuck-at' }],
      [1500, { type: 'pull', target: 'B.disk-10-40-2' }],
      [2500, { type: 'insert', target: 'B.disk-10-40-2', replacement: true }],
    ];
    const alone = engine('mixed', 21);
    alone.setTrace(true);
    for (const [at, cmd] of script) {
      alone.advance(at - alone.timeMs);
      alone.command(cmd);
    }
    alone.advance(4000 - alone.timeMs);
    const reference = alone.save();
    // Three engines at once: two like the one alone, one different in between every call.
    const a = engine('mixed', 21);
    const b = engine('mixed', 21);
    const noise = engine('mixed', 99);
    for (const e of [a, b]) e.setTrace(true);
    for (const [at, cmd] of script) {
      for (const e of [a, noise, b]) {
        e.advance(Math.max(0, at - e.timeMs) + (e === noise ? 7 : 0));
        if (e !== noise) e.command(cmd);
        else noise.command({ type: 'inject', target: 'A.cpu-0', fault: 'bitflip-register' });
      }
    }
    for (const e of [a, b]) e.advance(4000 - e.timeMs);
    expect(sameBytes(a.save(), reference)).toBe(true);
    expect(sameBytes(b.save(), reference)).toBe(true);
  });
});
