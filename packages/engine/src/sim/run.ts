/**
 * Runs the CPU elements of one system for a slice of simulated time and votes on their outputs.
 *
 * Each online replica runs the same instructions into its own output buffer; the voter then
 * walks the buffers output by output, exactly as the comparators see I/O: agreement emits the
 * output to the I/O side (both I/O elements, mirrored disks); a disagreement removes an element
 * by the DMR or TMR rule (DESIGN.md §4) at the output where it happened; a three-way
 * disagreement emits nothing and stops the system. Allocation-free.
 */
import { OUTPUT_CAPACITY } from '../cpu/complex.ts';
import { Counter, LANE_DEPTH, LaneFlag } from '../snapshot.ts';
import { TIMING } from '../timing.ts';
import { pushEvent, log } from './events.ts';
import { DISK_BLOCKS, type World } from './world.ts';
import { OpState } from '../types.ts';
import { chooseDmrVictim } from './voter.ts';

const INSTRUCTIONS_PER_MS = TIMING.instructionsPerSimS.value / 1000;

/** Outcome of a vote that removes an element: handled by the caller (states, events). */
export interface VoteHandlers {
  remove(w: World, s: number, slot: number, reason: string): void;
  threeWay(w: World, s: number): void;
  simplexError(w: World, s: number, slot: number): void;
}

const alive = new Int32Array(3);
/** Element outvoted at the compare being resolved (for the lockstep lanes), or -1. */
let victimSlot = -1;
let victimValue = 0;

/** Runs system `s` for `dtMs` of simulated time. Returns replica-instructions executed. */
export function runSystem(w: World, s: number, dtMs: number, h: VoteHandlers): number {
  const cpu = w.cpu;
  let budget = w.carry[s] + dtMs * INSTRUCTIONS_PER_MS;
  let total = 0;
  while (budget >= 1) {
    // Elements flagged by their own checking logic leave before anything else is compared.
    for (let k = 0; k < 3; k++) {
      if (w.inLockstep[s * 3 + k] && w.flagged[s * 3 + k]) {
        if (countAlive(w, s) > 1) h.remove(w, s, k, 'error signalled by the board');
        else {
          h.simplexError(w, s, k);
          w.carry[s] = 0;
          return total;
        }
      }
    }
    const n = countAlive(w, s);
    if (n === 0) {
      w.carry[s] = 0;
      return total;
    }
    let steps = 0;
    for (let i = 0; i < n; i++) {
      const r = s * 3 + alive[i];
      cpu.clearOutputs(r);
      steps = cpu.run(r, Math.ceil(budget));
      total += steps;
    }
    budget -= steps;
    w.executed[s] += steps;
    if (!vote(w, s, n, h)) {
      w.carry[s] = 0;
      return total;
    }
  }
  w.carry[s] = budget;
  return total;
}

function countAlive(w: World, s: number): number {
  let n = 0;
  for (let k = 0; k < 3; k++) if (w.inLockstep[s * 3 + k]) alive[n++] = k;
  return n;
}

function same(cpu: World['cpu'], a: number, b: number, j: number): boolean {
  const ia = a * OUTPUT_CAPACITY + j;
  const ib = b * OUTPUT_CAPACITY + j;
  return (
    cpu.outValue[ia] === cpu.outValue[ib] &&
    cpu.outPort[ia] === cpu.outPort[ib] &&
    cpu.outStep[ia] === cpu.outStep[ib]
  );
}

/** True when every alive replica produced the same outputs and stopped at the same place. */
function unanimous(cpu: World['cpu'], s: number, n: number): boolean {
  const ra = s * 3 + alive[0];
  const count = cpu.outCount[ra];
  for (let i = 1; i < n; i++) {
    const rb = s * 3 + alive[i];
    if (cpu.outCount[rb] !== count || cpu.pc[rb] !== cpu.pc[ra]) return false;
    const a = ra * OUTPUT_CAPACITY;
    const b = rb * OUTPUT_CAPACITY;
    for (let j = 0; j < count; j++) {
      if (
        cpu.outValue[a + j] !== cpu.outValue[b + j] ||
        cpu.outStep[a + j] !== cpu.outStep[b + j] ||
        cpu.outPort[a + j] !== cpu.outPort[b + j]
      ) {
        return false;
      }
    }
  }
  return true;
}

/** The common case: every output agreed. Emitted in bulk; lanes get the last LANE_DEPTH. */
function emitAll(w: World, s: number, replica: number): void {
  const cpu = w.cpu;
  const count = cpu.outCount[replica];
  const base = replica * OUTPUT_CAPACITY;
  const d0 = w.dataDisk[s * 2];
  const d1 = w.dataDisk[s * 2 + 1];
  const b0 = d0 >= 0 && writable(w.state[d0]) ? w.diskSlot[d0] * DISK_BLOCKS : -1;
  const b1 = d1 >= 0 && writable(w.state[d1]) ? w.diskSlot[d1] * DISK_BLOCKS : -1;
  let hash = w.outputHash[s];
  let seq = w.outputs[s];
  const blocks = w.diskBlocks;
  const lanesFrom = count - LANE_DEPTH;
  for (let j = 0; j < count; j++) {
    const value = cpu.outValue[base + j];
    hash = Math.imul(hash ^ value, 16777619) >>> 0;
    const block = seq & (DISK_BLOCKS - 1);
    if (b0 >= 0) blocks[b0 + block] = value;
    if (b1 >= 0) blocks[b1 + block] = value;
    seq++;
    if (j >= lanesFrom) writeLanes(w, s, replica % 3, value, LaneFlag.Agree);
  }
  w.outputHash[s] = hash;
  w.outputs[s] = seq;
  w.counters[s * 8 + Counter.TxCommitted] += count;
  w.counters[s * 8 + Counter.Compares] += count;
}

/** Walks the output buffers of the `n` alive replicas. Returns false if the system stopped. */
function vote(w: World, s: number, n: number, h: VoteHandlers): boolean {
  const cpu = w.cpu;
  if (!w.trace && unanimous(cpu, s, n)) {
    emitAll(w, s, s * 3 + alive[0]);
    return true;
  }
  let count = 0;
  for (let i = 0; i < n; i++) count = Math.max(count, cpu.outCount[s * 3 + alive[i]]);
  // After the last output, the replicas must also agree on where they stopped.
  const end = count;
  for (let j = 0; j <= end; j++) {
    let live = 0;
    for (let i = 0; i < n; i++) if (alive[i] >= 0) live++;
    const a = firstAlive(n);
    const ra = s * 3 + alive[a];
    if (live > 1) {
      let disagree = false;
      for (let i = a + 1; i < n; i++) {
        if (alive[i] < 0) continue;
        if (!agreeAt(cpu, ra, s * 3 + alive[i], j, end)) disagree = true;
      }
      if (disagree) {
        const outcome = decide(w, s, n, j, end, h);
        if (outcome < 0) return false;
        if (j === end) break;
        emit(w, s, s * 3 + outcome, j, LaneFlag.Agree);
        continue;
      }
    }
    if (j < end && j < cpu.outCount[ra]) emit(w, s, ra, j, LaneFlag.Agree);
  }
  return true;
}

function firstAlive(n: number): number {
  for (let i = 0; i < n; i++) if (alive[i] >= 0) return i;
  return 0;
}

function agreeAt(cpu: World['cpu'], ra: number, rb: number, j: number, end: number): boolean {
  if (j === end) {
    return cpu.pc[ra] === cpu.pc[rb] && cpu.outCount[ra] === cpu.outCount[rb];
  }
  const ha = j < cpu.outCount[ra];
  const hb = j < cpu.outCount[rb];
  if (ha !== hb) return false;
  return !ha || same(cpu, ra, rb, j);
}

/**
 * Resolves a disagreement at output `j`. Returns the slot whose output is emitted, or -1 when the
 * system stopped (three-way disagreement). Removed replicas are marked -1 in `alive`.
 */
function decide(w: World, s: number, n: number, j: number, end: number, h: VoteHandlers): number {
  const cpu = w.cpu;
  const slots: number[] = [];
  for (let i = 0; i < n; i++) if (alive[i] >= 0) slots.push(alive[i]);
  if (slots.length === 2) {
    const victim = chooseDmrVictim(w, s, slots[0], slots[1]);
    const keep = victim === slots[0] ? slots[1] : slots[0];
    markVictim(w, s, victim, j);
    const wrong = w.tainted[s * 3 + keep] === 1 && w.tainted[s * 3 + victim] === 0;
    if (wrong) {
      w.counters[s * 8 + Counter.Sdc] += 1;
      log(
        w,
        s,
        w.sysCpu[s * 3 + keep],
        'critical',
        `DMR miscompare resolved by software rule: kept the corrupted board; silent data corruption`,
      );
    }
    h.remove(w, s, victim, 'miscompare on I/O output (DMR software rule)');
    killAlive(n, victim);
    return keep;
  }
  // TMR: find two that agree.
  for (let x = 0; x < slots.length; x++) {
    for (let y = x + 1; y < slots.length; y++) {
      if (agreeAt(cpu, s * 3 + slots[x], s * 3 + slots[y], j, end)) {
        const odd = slots.find((k) => k !== slots[x] && k !== slots[y]) ?? -1;
        if (odd >= 0) {
          markVictim(w, s, odd, j);
          h.remove(w, s, odd, 'outvoted 2 to 1 on I/O output');
          killAlive(n, odd);
        }
        return slots[x];
      }
    }
  }
  w.counters[s * 8 + Counter.Suppressed] += 1;
  victimSlot = -1;
  writeLanes(w, s, -1, 0, LaneFlag.Suppressed);
  h.threeWay(w, s);
  return -1;
}

function killAlive(n: number, slot: number): void {
  for (let i = 0; i < n; i++) if (alive[i] === slot) alive[i] = -1;
}

/** The output goes to the I/O side: counted, hashed, journalled on the mirrored disk. */
function emit(w: World, s: number, replica: number, j: number, flag: LaneFlag): void {
  const cpu = w.cpu;
  const value = cpu.outValue[replica * OUTPUT_CAPACITY + j];
  const seq = w.outputs[s]++;
  w.counters[s * 8 + Counter.TxCommitted] += 1;
  w.counters[s * 8 + Counter.Compares] += 1;
  w.outputHash[s] = Math.imul(w.outputHash[s] ^ value, 16777619) >>> 0;
  const block = seq & (DISK_BLOCKS - 1);
  const d0 = w.dataDisk[s * 2];
  const d1 = w.dataDisk[s * 2 + 1];
  if (d0 >= 0 && writable(w.state[d0])) w.diskBlocks[w.diskSlot[d0] * DISK_BLOCKS + block] = value;
  if (d1 >= 0 && writable(w.state[d1])) w.diskBlocks[w.diskSlot[d1] * DISK_BLOCKS + block] = value;
  const removed = victimSlot;
  writeLanes(w, s, replica % 3, value, flag);
  if (w.trace) traceVote(w, s, j, value, removed);
}

function writable(state: number): boolean {
  return state === OpState.Duplex || state === OpState.Simplex || state === OpState.Initializing;
}

function writeLanes(w: World, s: number, winner: number, value: number, flag: LaneFlag): void {
  const head = w.laneHead[s] % LANE_DEPTH;
  for (let k = 0; k < 3; k++) {
    const i = (s * 3 + k) * LANE_DEPTH + head;
    if (k === victimSlot) {
      w.laneValue[i] = victimValue;
      w.laneFlag[i] = LaneFlag.Outvoted;
    } else if (w.inLockstep[s * 3 + k] || k === winner) {
      w.laneValue[i] = value;
      w.laneFlag[i] = flag;
    } else {
      w.laneFlag[i] = LaneFlag.None;
    }
  }
  victimSlot = -1;
  w.laneHead[s]++;
}

/** Remembers the outvoted element's own output for the lanes of this compare. */
function markVictim(w: World, s: number, slot: number, j: number): void {
  const r = s * 3 + slot;
  victimSlot = slot;
  victimValue = j < w.cpu.outCount[r] ? w.cpu.outValue[r * OUTPUT_CAPACITY + j] : 0;
}

function traceVote(w: World, s: number, j: number, value: number, removed: number): void {
  const values: (number | null)[] = [null, null, null];
  for (let k = 0; k < 3; k++) {
    const r = s * 3 + k;
    if ((w.inLockstep[r] || k === removed) && j < w.cpu.outCount[r]) {
      values[k] = w.cpu.outValue[r * OUTPUT_CAPACITY + j];
    }
  }
  pushEvent(w, {
    kind: 'vote',
    timeMs: w.timeMs,
    systemId: w.systemId(s),
    componentId: null,
    severity: 'info',
    message: `compare #${w.outputs[s]}: ${value}`,
    values,
    removed,
    emitted: true,
    output: value,
  });
}
