/**
 * The snapshot: a compact, fixed layout of typed arrays that the engine writes and the UI reads
 * once per animation frame. One buffer holds everything, so it can live in a SharedArrayBuffer
 * (written in place, guarded by a sequence counter) or be transferred as an ArrayBuffer.
 *
 * Layout (byte offsets are computed by {@link snapshotLayout}; each block is 8-byte aligned):
 *
 * | block       | type          | length            | meaning                                          |
 * |-------------|---------------|-------------------|--------------------------------------------------|
 * | control     | Int32Array    | 4                 | [0] sequence (odd while the writer is writing), [1] components, [2] systems, [3] lane depth |
 * | clock       | Float64Array  | 4                 | [0] simulated time ms, [1] speed (-1 = as fast as possible, 0 = paused), [2] replica-instructions executed, [3] wall ms of the last slice |
 * | state       | Uint8Array    | components        | {@link OpState}                                  |
 * | health      | Uint8Array    | components        | {@link Health}                                   |
 * | flags       | Uint8Array    | components        | bit 0 safe to pull, bit 1 primary, bit 2 pulled out of the chassis, bit 3 online in lockstep |
 * | leds        | Uint32Array   | components        | 2 bits per LED (index i at bits 2i..2i+1): {@link LedDrive} |
 * | progress    | Float32Array  | components        | 0..1 for resync, rebuild, diagnostics, dump, boot; -1 when idle |
 * | faultCount  | Uint16Array   | components        | faults counted towards the MTBF                  |
 * | sysStatus   | Uint8Array    | systems           | {@link SystemStatus}                             |
 * | counters    | Float64Array  | systems × 12      | {@link Counter}: uptimeMs, downtimeMs, txCommitted, txLost, sdc, suppressed, pausedMs, compares, txExecuted, unreachableMs, serviceCalls, softwareRulePicks |
 * | laneValue   | Int32Array    | systems × 3 × D   | last D compared output words per CPU element (ring) |
 * | laneFlag    | Uint8Array    | systems × 3 × D   | {@link LaneFlag} per compare                      |
 * | laneHead    | Uint32Array   | systems           | total compares written (ring index = head % D)   |
 */
import type { Health, LedDrive, OpState, SystemStatus } from './types.ts';

export type { Health, LedDrive, OpState, SystemStatus };

export const LANE_DEPTH = 32;
/** Counters per system in the snapshot's counters block (a stride: system s starts at s × 12). */
export const COUNTERS_PER_SYSTEM = 12;
export const MAX_LANE_ELEMENTS = 3;

/** Index of each figure in a system's counters (the SystemCounters field of the same name). */
export enum Counter {
  UptimeMs = 0,
  DowntimeMs = 1,
  /** transactionsCommitted: executed plus extrapolated over time-warped running time. */
  TxCommitted = 2,
  TxLost = 3,
  Sdc = 4,
  Suppressed = 5,
  /** pausedMs: resync stop-and-copy (was PauseMs, same index). */
  PausedMs = 6,
  Compares = 7,
  /** transactionsExecuted: voted for real. */
  TxExecuted = 8,
  UnreachableMs = 9,
  ServiceCalls = 10,
  SoftwareRulePicks = 11,
}

export enum LaneFlag {
  None = 0,
  Agree = 1,
  /** This element's output differed from the one emitted (it was outvoted or removed). */
  Outvoted = 2,
  /** Three-way (or unresolvable) disagreement: nothing emitted. */
  Suppressed = 3,
}

export enum ComponentFlag {
  SafeToPull = 1,
  Primary = 2,
  Pulled = 4,
  Online = 8,
}

export interface SnapshotLayout {
  components: number;
  systems: number;
  byteLength: number;
  offsets: Record<SnapshotBlock, number>;
}

export type SnapshotBlock =
  | 'control'
  | 'clock'
  | 'state'
  | 'health'
  | 'flags'
  | 'leds'
  | 'progress'
  | 'faultCount'
  | 'sysStatus'
  | 'counters'
  | 'laneValue'
  | 'laneFlag'
  | 'laneHead';

export interface SnapshotViews {
  layout: SnapshotLayout;
  buffer: ArrayBufferLike;
  control: Int32Array;
  clock: Float64Array;
  state: Uint8Array;
  health: Uint8Array;
  flags: Uint8Array;
  leds: Uint32Array;
  progress: Float32Array;
  faultCount: Uint16Array;
  sysStatus: Uint8Array;
  counters: Float64Array;
  laneValue: Int32Array;
  laneFlag: Uint8Array;
  laneHead: Uint32Array;
}

const align8 = (n: number): number => (n + 7) & ~7;

/** Computes the byte offsets of every block for a rack of this size. */
export function snapshotLayout(components: number, systems: number): SnapshotLayout {
  const lanes = systems * MAX_LANE_ELEMENTS * LANE_DEPTH;
  const sizes: [SnapshotBlock, number][] = [
    ['control', 4 * 4],
    ['clock', 4 * 8],
    ['state', components],
    ['health', components],
    ['flags', components],
    ['leds', components * 4],
    ['progress', components * 4],
    ['faultCount', components * 2],
    ['sysStatus', systems],
    ['counters', systems * COUNTERS_PER_SYSTEM * 8],
    ['laneValue', lanes * 4],
    ['laneFlag', lanes],
    ['laneHead', systems * 4],
  ];
  const offsets = {} as Record<SnapshotBlock, number>;
  let at = 0;
  for (const [name, size] of sizes) {
    offsets[name] = at;
    at = align8(at + size);
  }
  return { components, systems, byteLength: at, offsets };
}

/** Creates typed-array views over a snapshot buffer (shared or not). */
export function snapshotViews(buffer: ArrayBufferLike, layout: SnapshotLayout): SnapshotViews {
  const { components: n, systems: m, offsets: o } = layout;
  const lanes = m * MAX_LANE_ELEMENTS * LANE_DEPTH;
  return {
    layout,
    buffer,
    control: new Int32Array(buffer, o.control, 4),
    clock: new Float64Array(buffer, o.clock, 4),
    state: new Uint8Array(buffer, o.state, n),
    health: new Uint8Array(buffer, o.health, n),
    flags: new Uint8Array(buffer, o.flags, n),
    leds: new Uint32Array(buffer, o.leds, n),
    progress: new Float32Array(buffer, o.progress, n),
    faultCount: new Uint16Array(buffer, o.faultCount, n),
    sysStatus: new Uint8Array(buffer, o.sysStatus, m),
    counters: new Float64Array(buffer, o.counters, m * COUNTERS_PER_SYSTEM),
    laneValue: new Int32Array(buffer, o.laneValue, lanes),
    laneFlag: new Uint8Array(buffer, o.laneFlag, lanes),
    laneHead: new Uint32Array(buffer, o.laneHead, m),
  };
}

/** Allocates a snapshot buffer, shared when the platform allows it. */
export function allocateSnapshot(layout: SnapshotLayout, shared: boolean): SnapshotViews {
  const buffer = shared
    ? new SharedArrayBuffer(layout.byteLength)
    : new ArrayBuffer(layout.byteLength);
  const views = snapshotViews(buffer, layout);
  views.control[1] = layout.components;
  views.control[2] = layout.systems;
  views.control[3] = LANE_DEPTH;
  return views;
}

/** Drive of LED `index` in an LED word. */
export function ledDrive(word: number, index: number): LedDrive {
  return ((word >>> (index * 2)) & 3) as LedDrive;
}

/**
 * Copies a consistent snapshot out of a shared buffer: retries while the writer is mid-write
 * (odd sequence) or the sequence changed during the copy. Returns false when it gave up.
 * `sourceBytes` is a Uint8Array over the whole shared buffer, made once by the caller, so that
 * the frame loop allocates nothing.
 */
export function readConsistent(
  control: Int32Array,
  sourceBytes: Uint8Array,
  target: Uint8Array,
  maxTries = 4,
): boolean {
  for (let i = 0; i < maxTries; i++) {
    const before = Atomics.load(control, 0);
    if ((before & 1) === 1) continue;
    target.set(sourceBytes);
    if (Atomics.load(control, 0) === before) return true;
  }
  return false;
}
