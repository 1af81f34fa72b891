/**
 * Saving and restoring the whole engine state as bytes: a JSON header (configuration, options and
 * every state field that is not a typed array) followed by every state typed array, 8-byte
 * aligned. The fields come from one list, WORLD_FIELDS in world.ts.
 */
import type { RackConfig } from '@ft/hardware';
import { CPU_STATE_ARRAYS } from '../cpu/complex.ts';
import { WORLD_FIELDS, type World, type WorldOptions } from './world.ts';

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

/** Every state typed array of the world, by name (composites as `cpu.regs`, `prng.state`...). */
export function stateArrays(w: World): [string, ArrayBufferView][] {
  const fields = w as unknown as Fields;
  const out: [string, ArrayBufferView][] = [];
  for (const name of WORLD_FIELDS.state) {
    const value = fields[name];
    if (ArrayBuffer.isView(value)) out.push([name, value]);
  }
  for (const complex of ['cpu', 'reference'] as const) {
    const c = w[complex] as unknown as Fields;
    for (const name of CPU_STATE_ARRAYS)
      out.push([`${complex}.${name}`, c[name] as ArrayBufferView]);
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

export function saveWorld(w: World): Uint8Array {
  const arrays = stateArrays(w);
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
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, json.length, true);
  out.set(json, 8);
  let at = start;
  for (const [, a] of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at = align8(at + a.byteLength);
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
