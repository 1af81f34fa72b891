/**
 * Saving and restoring the whole engine state as bytes: a JSON header (configuration, clock,
 * timers, reasons, pending events) followed by every typed array of the world, 8-byte aligned.
 */
import type { RackConfig } from '@ft/hardware';
import type { Timer } from './timers.ts';
import type { World, WorldOptions } from './world.ts';

const MAGIC = 0x31575446; // "FTW1"

export interface SavedHeader {
  config: RackConfig;
  options: WorldOptions;
  timeMs: number;
  timerSeq: number;
  callSeq: number;
  warpHoldUntilMs: number;
  replicaInstructions: number;
  timers: Timer[];
  reason: string[];
  events: World['events'];
  ops: World['ops'];
  arrays: [string, number][];
}

export function saveWorld(w: World): Uint8Array {
  const arrays = w.typedArrays();
  const header: SavedHeader = {
    config: w.rack.config,
    options: w.options,
    timeMs: w.timeMs,
    timerSeq: w.timerSeq,
    callSeq: w.callSeq,
    warpHoldUntilMs: w.warpHoldUntilMs,
    replicaInstructions: w.replicaInstructions,
    timers: w.timers,
    reason: w.reason,
    events: w.events,
    ops: w.ops,
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
  if (bytes.byteLength < 8) throw new Error('saved state: too short');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) throw new Error('saved state: not an ftServer twin state');
  const length = dv.getUint32(4, true);
  if (8 + length > bytes.byteLength) throw new Error('saved state: truncated header');
  return JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as SavedHeader;
}

/** Copies the saved arrays and scalars into a freshly built world of the same configuration. */
export function restoreInto(w: World, bytes: Uint8Array, header: SavedHeader): void {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const arrays = new Map(w.typedArrays());
  let at = align8(8 + length);
  for (const [name, byteLength] of header.arrays) {
    const target = arrays.get(name);
    if (!target || target.byteLength !== byteLength || at + byteLength > bytes.byteLength) {
      throw new Error(`saved state: array ${name} does not fit this configuration`);
    }
    new Uint8Array(target.buffer, target.byteOffset, byteLength).set(
      bytes.subarray(at, at + byteLength),
    );
    at = align8(at + byteLength);
  }
  w.timeMs = header.timeMs;
  w.timerSeq = header.timerSeq;
  w.callSeq = header.callSeq;
  w.warpHoldUntilMs = header.warpHoldUntilMs;
  w.replicaInstructions = header.replicaInstructions;
  w.timers = header.timers;
  header.reason.forEach((r, i) => {
    w.reason[i] = r;
  });
  w.events = header.events;
  w.ops = header.ops;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
