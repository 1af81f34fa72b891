/**
 * What the I/O side gets of an output the voter emitted: the stream hash, the counters, the
 * journal on the mirrored data disks, the lockstep lanes, the trace, and the comparison with the
 * reference replica (reference.ts). Allocation-free.
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { OUTPUT_CAPACITY } from '../cpu/complex.ts';
import { LANE_DEPTH, LaneFlag } from '../snapshot.ts';
import { OpState } from '../types.ts';
import { ACC_PER_SYSTEM, Acc } from './accounting.ts';
import { pushEvent } from './events.ts';
import { compareWithReference, Decided } from './reference.ts';
import { DISK_BLOCKS, IO_ELEMENTS_PER_SYSTEM } from './kinds.ts';
import type { World } from './world.ts';

/** The common case: every output agreed. Emitted in bulk; the lanes get the last LANE_DEPTH. */
export function emitRun(w: World, s: number, replica: number, count: number): void {
  if (count === 0) return;
  const cpu = w.cpu;
  const base = replica * OUTPUT_CAPACITY;
  const io = s * IO_ELEMENTS_PER_SYSTEM;
  const d0 = w.dataDisk[io];
  const d1 = w.dataDisk[io + 1];
  const b0 = d0 >= 0 && writable(w.state[d0]) ? w.diskSlot[d0] * DISK_BLOCKS : -1;
  const b1 = d1 >= 0 && writable(w.state[d1]) ? w.diskSlot[d1] * DISK_BLOCKS : -1;
  const k = s * ACC_PER_SYSTEM;
  let hash = w.outputHash[s];
  let seq = w.acc[k + Acc.TxExecuted];
  const blocks = w.diskBlocks;
  const lanesFrom = count - LANE_DEPTH;
  const slot = replica % REPLICAS_PER_SYSTEM;
  for (let j = 0; j < count; j++) {
    const value = cpu.outValue[base + j];
    hash = Math.imul(hash ^ value, 16777619) >>> 0;
    const block = seq & (DISK_BLOCKS - 1);
    if (b0 >= 0) blocks[b0 + block] = value;
    if (b1 >= 0) blocks[b1 + block] = value;
    seq++;
    if (j >= lanesFrom) writeLanes(w, s, slot, value, LaneFlag.Agree, j);
  }
  w.laneHead[s] += count;
  w.outputHash[s] = hash;
  w.acc[k + Acc.TxExecuted] = seq;
  w.acc[k + Acc.Compares] += count;
  if (w.referenceActive[s]) {
    for (let j = 0; j < count && !w.scratch.diverged; j++) {
      w.timeUs = w.scratch.timeBaseUs + cpu.outIndex[base + j];
      compareWithReference(
        w,
        s,
        cpu.outIndex[base + j],
        cpu.outValue[base + j],
        cpu.outPort[base + j],
        Decided.Unanimous,
      );
    }
  }
}

/** One output goes to the I/O side: counted, hashed, journalled on the mirrored disks. */
export function emit(
  w: World,
  s: number,
  slot: number,
  x: number,
  value: number,
  port: number,
  decided: Decided,
): void {
  const k = s * ACC_PER_SYSTEM;
  const seq = w.acc[k + Acc.TxExecuted];
  w.acc[k + Acc.TxExecuted] = seq + 1;
  w.acc[k + Acc.Compares] += 1;
  w.outputHash[s] = Math.imul(w.outputHash[s] ^ value, 16777619) >>> 0;
  const block = seq & (DISK_BLOCKS - 1);
  const io = s * IO_ELEMENTS_PER_SYSTEM;
  const d0 = w.dataDisk[io];
  const d1 = w.dataDisk[io + 1];
  if (d0 >= 0 && writable(w.state[d0])) w.diskBlocks[w.diskSlot[d0] * DISK_BLOCKS + block] = value;
  if (d1 >= 0 && writable(w.state[d1])) w.diskBlocks[w.diskSlot[d1] * DISK_BLOCKS + block] = value;
  const removed = w.scratch.victimSlot;
  writeLanes(w, s, slot, value, LaneFlag.Agree);
  w.laneHead[s]++;
  if (w.trace) traceVote(w, s, x, value, removed);
  if (w.referenceActive[s]) compareWithReference(w, s, x, value, port, decided);
}

function writable(state: number): boolean {
  return state === OpState.Duplex || state === OpState.Simplex || state === OpState.Initializing;
}

/** Writes one compare into the lanes at ring position laneHead + offset (callers move the head). */
export function writeLanes(
  w: World,
  s: number,
  winner: number,
  value: number,
  flag: LaneFlag,
  offset = 0,
): void {
  const sc = w.scratch;
  const head = (w.laneHead[s] + offset) % LANE_DEPTH;
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) {
    const i = (s * REPLICAS_PER_SYSTEM + k) * LANE_DEPTH + head;
    if (k === sc.victimSlot) {
      w.laneValue[i] = sc.victimValue;
      w.laneFlag[i] = LaneFlag.Outvoted;
    } else if (w.inLockstep[s * REPLICAS_PER_SYSTEM + k] || k === winner) {
      w.laneValue[i] = value;
      w.laneFlag[i] = flag;
    } else {
      w.laneValue[i] = 0;
      w.laneFlag[i] = LaneFlag.None;
    }
  }
  sc.victimSlot = -1;
}

function traceVote(w: World, s: number, x: number, value: number, removed: number): void {
  const values: (number | null)[] = [null, null, null];
  const sc = w.scratch;
  for (let i = 0; i < REPLICAS_PER_SYSTEM; i++) {
    const slot = sc.alive[i];
    if (slot >= 0 && sc.has[i]) values[slot] = sc.value[i];
  }
  if (removed >= 0) values[removed] = sc.victimValue;
  pushEvent(w, {
    kind: 'vote',
    timeMs: w.timeMs,
    systemId: w.systemId(s),
    componentId: null,
    severity: 'info',
    message: `compare #${w.acc[s * ACC_PER_SYSTEM + Acc.TxExecuted]} at instruction ${x}: ${value}`,
    values,
    removed,
    emitted: true,
    output: value,
  });
}
