/**
 * Saving and restoring the whole engine state as bytes: a JSON header (configuration, options and
 * every state field that is not a typed array) followed by every state typed array, 8-byte
 * aligned. The fields come from one list, WORLD_FIELDS in world-fields.ts.
 */
import type { RackConfig } from '@ft/hardware';
import { CPU_STATE_ARRAYS } from '../cpu/complex.ts';
import { WORLD_FIELDS } from './world-fields.ts';
import type { World, WorldOptions } from './world.ts';

const MAGIC = 0x32575446; // "FTW2"

export interface SavedHeader {
  config: RackConfig;
  options: WorldOptions;
  /** State fields that are not typed arrays, by name. */
  values: Record<string, unknown>;
  /** Typed arrays that follow the header, in order: name and byte length. */
  arrays: [string, number][];
}

type Fields = Record<string, unknown>;

const NOTHING = new Uint8Array(0);

/**
 * A state array as saved. Output buffers hold zeros past each replica's count. The reference
 * replica of a system is state only while it runs: when it does not, its entries are saved as
 * zeros and its image is left out (it is overwritten before it is next used).
 */
function savedView(
  w: World,
  complex: 'cpu' | 'reference',
  name: string,
  array: ArrayBufferView,
): ArrayBufferView {
  const c = w[complex];
  const outputs = name === 'outValue' || name === 'outPort' || name === 'outIndex';
  let view = outputs ? c.canonicalOutputs(array as Int32Array) : array;
  if (complex === 'reference') {
    const typed = (view === array ? (array as Int32Array).slice() : view) as Int32Array;
    const per = typed.length / c.replicas;
    for (let s = 0; s < c.replicas; s++)
      if (!w.referenceActive[s]) typed.fill(0, s * per, (s + 1) * per);
    view = typed;
  }
  return view;
}

/**
 * Every state typed array of the world, by name (composites as `cpu.regs`, `prng.state`...);
 * `forSave` gives them as saved (see savedView).
 */
export function stateArrays(w: World, forSave = false): [string, ArrayBufferView][] {
  const fields = w as unknown as Fields;
  const out: [string, ArrayBufferView][] = [];
  for (const name of WORLD_FIELDS.state) {
    const value = fields[name];
    if (ArrayBuffer.isView(value)) out.push([name, value]);
  }
  for (const complex of ['cpu', 'reference'] as const) {
    const c = w[complex];
    const cf = c as unknown as Fields;
    for (const name of CPU_STATE_ARRAYS) {
      const array = cf[name] as ArrayBufferView;
      out.push([`${complex}.${name}`, forSave ? savedView(w, complex, name, array) : array]);
    }
    c.images.forEach((image, r) => {
      const unused = forSave && complex === 'reference' && !w.referenceActive[r];
      out.push([`${complex}.images.${r}`, unused ? NOTHING : image]);
    });
  }
  out.push(['prng.state', w.prng.state]);
  return out;
}

function stateValues(w: World): Record<string, unknown> {
  const fields = w as unknown as Fields;
  const values: Record<string, unknown> = {};
  for (const name of WORLD_FIELDS.state) {
    const value = fields[name];
    if (!ArrayBuffer.isView(value)) values[name] = value;
  }
  return values;
}

/**
 * The state as bytes. With `into` (a buffer from an earlier save, reused when it is large
 * enough), no new buffer is allocated: the fault checker saves once per schedule.
 */
export function saveWorld(w: World, into?: Uint8Array): Uint8Array {
  const arrays = stateArrays(w, true);
  const header: SavedHeader = {
    config: w.rack.config,
    options: w.options,
    values: stateValues(w),
    arrays: arrays.map(([name, a]) => [name, a.byteLength]),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = align8(8 + json.length);
  let total = start;
  for (const [, a] of arrays) total = align8(total + a.byteLength);
  const out = into && into.byteLength >= total ? into.subarray(0, total) : new Uint8Array(total);
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, json.length, true);
  out.set(json, 8);
  out.fill(0, 8 + json.length, start);
  let at = start;
  for (const [, a] of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    const end = at + a.byteLength;
    at = align8(end);
    out.fill(0, end, at); // padding: zero, whatever a reused buffer held
  }
  return out;
}

export function readHeader(bytes: Uint8Array): SavedHeader {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength < 8)
    throw new Error('saved state: too short');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) throw new Error('saved state: not an ftServer twin state');
  const length = dv.getUint32(4, true);
  if (8 + length > bytes.byteLength) throw new Error('saved state: truncated header');
  let header: SavedHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as SavedHeader;
  } catch {
    throw new Error('saved state: the header is not valid JSON');
  }
  if (!header || typeof header !== 'object' || !Array.isArray(header.arrays) || !header.values) {
    throw new Error('saved state: the header is incomplete');
  }
  return header;
}

/** Copies the saved arrays and values into a freshly built world of the same configuration. */
export function restoreInto(w: World, bytes: Uint8Array, header: SavedHeader): void {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const arrays = new Map(stateArrays(w));
  if (header.arrays.length !== arrays.size) {
    throw new Error('saved state: it does not hold the arrays this engine version saves');
  }
  let at = align8(8 + length);
  for (const [name, byteLength] of header.arrays) {
    const target = arrays.get(name);
    if (byteLength === 0 && name.startsWith('reference.images.')) continue;
    if (!target || target.byteLength !== byteLength || at + byteLength > bytes.byteLength) {
      throw new Error(
        `saved state: array ${String(name).slice(0, 40)} does not fit this configuration`,
      );
    }
    new Uint8Array(target.buffer, target.byteOffset, byteLength).set(
      bytes.subarray(at, at + byteLength),
    );
    at = align8(at + byteLength);
  }
  const fields = w as unknown as Fields;
  for (const name of WORLD_FIELDS.state) {
    if (ArrayBuffer.isView(fields[name])) continue;
    if (!(name in header.values)) throw new Error(`saved state: value ${name} is missing`);
    const value = header.values[name];
    if (name === 'reason') {
      (value as string[]).forEach((r, i) => {
        w.reason[i] = r;
      });
    } else {
      fields[name] = value;
    }
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

function sameView(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}

/**
 * Whether two worlds hold the same state, as their saves would show it, without saving
 * (the fault checker compares an engine with its restored copy this way).
 */
export function sameState(a: World, b: World): boolean {
  if (JSON.stringify(stateValues(a)) !== JSON.stringify(stateValues(b))) return false;
  const xs = stateArrays(a);
  const ys = stateArrays(b);
  for (let i = 0; i < xs.length; i++) {
    const [name, x] = xs[i];
    const y = ys[i][1];
    if (name.startsWith('reference.')) continue;
    if (/\.out(Value|Port|Index)$/.test(name)) continue;
    if (!sameView(x, y)) return false;
  }
  // The reference arrays as saved (small, but for the images of running references).
  const rx = stateArrays(a, true).filter(([n]) => n.startsWith('reference.'));
  const ry = stateArrays(b, true).filter(([n]) => n.startsWith('reference.'));
  for (let i = 0; i < rx.length; i++) if (!sameView(rx[i][1], ry[i][1])) return false;
  for (const complex of ['cpu'] as const) {
    const ca = a[complex];
    const cb = b[complex];
    for (let r = 0; r < ca.replicas; r++) {
      const n = ca.outCount[r];
      const base = r * ca.outputCapacity;
      for (let j = base; j < base + n; j++) {
        if (
          ca.outValue[j] !== cb.outValue[j] ||
          ca.outPort[j] !== cb.outPort[j] ||
          ca.outIndex[j] !== cb.outIndex[j]
        ) {
          return false;
        }
      }
    }
  }
  return true;
}
