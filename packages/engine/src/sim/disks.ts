/**
 * Mirrored disks (RAID 1 over two I/O elements): every commit record is written to both halves;
 * a media error is retried on the mirror and the block rewritten; a new or returning half is
 * rebuilt from its partner at the chosen priority. A rebuild is one phase whose end is a timer
 * (the blocks are copied then: the halves have received the same journal writes meanwhile), so
 * it takes the same simulated time whether time runs or warps.
 */
import { TIMING } from '../timing.ts';
import { type DiskPriority, OpState } from '../types.ts';
import { isOnline, setState } from './component-state.ts';
import { log } from './events.ts';
import { refreshSystem } from './system-status.ts';
import { DISK_BLOCKS } from './kinds.ts';
import type { World } from './world.ts';

export const DISK_PRIORITIES: readonly DiskPriority[] = ['low', 'normal', 'high'];

const NO_PARTNER = 'no mirror partner to rebuild from';
const PARTNER_LOST = 'mirror partner lost during the rebuild';

function rebuildBytesPerS(w: World, c: number): number {
  return TIMING.diskRebuildBytesPerS[DISK_PRIORITIES[w.diskPriority[c]]].value;
}

function rebuildReason(w: World, c: number): string {
  return `rebuilding mirror from ${w.specs[w.partner[c]].path}`;
}

/** Starts rebuilding a disk from its partner (or returns it online if there is nothing to copy from). */
export function startRebuild(w: World, c: number): void {
  const p = w.partner[c];
  if (p < 0 || !isOnline(w, p)) {
    setState(w, c, OpState.Simplex, NO_PARTNER);
    resumeWaitingPartner(w, c);
    refreshSystem(w, w.sys[c]);
    return;
  }
  w.rebuildBase[c] = 0;
  const ms = (w.diskBytes[c] / rebuildBytesPerS(w, c)) * 1000;
  setState(w, c, OpState.Initializing, rebuildReason(w, c), ms);
}

/** Share of the rebuild done, 0..1, or -1 when the disk is not rebuilding. */
export function rebuildProgress(w: World, c: number): number {
  if (w.state[c] !== OpState.Initializing) return -1;
  const start = w.phaseStartUs[c];
  const end = w.phaseEndUs[c];
  const base = w.rebuildBase[c];
  if (end <= start) return base;
  return base + (1 - base) * Math.min(1, Math.max(0, (w.timeUs - start) / (end - start)));
}

/** The rebuild priority changed: the rest of the rebuild runs at the new rate. */
export function rebuildPriorityChanged(w: World, c: number): void {
  if (w.state[c] !== OpState.Initializing) return;
  const done = rebuildProgress(w, c);
  w.rebuildBase[c] = done;
  const ms = (((1 - done) * w.diskBytes[c]) / rebuildBytesPerS(w, c)) * 1000;
  setState(w, c, OpState.Initializing, w.reason[c], ms);
}

/** The rebuild phase ended: the half is a copy of its partner, or waits if the partner went. */
export function rebuildDone(w: World, c: number): void {
  const p = w.partner[c];
  const s = w.sys[c];
  if (p < 0 || !isOnline(w, p)) {
    setState(w, c, OpState.Offline, PARTNER_LOST);
    refreshSystem(w, s);
    return;
  }
  const a = w.diskSlot[p] * DISK_BLOCKS;
  w.diskBlocks.copyWithin(w.diskSlot[c] * DISK_BLOCKS, a, a + DISK_BLOCKS);
  setState(w, c, OpState.Duplex, 'mirror rebuilt');
  refreshSystem(w, s);
}

/** A half came back online: a partner that waited for it starts its rebuild. */
function resumeWaitingPartner(w: World, c: number): void {
  const p = w.partner[c];
  if (p >= 0 && w.state[p] === OpState.Offline && w.reason[p] === PARTNER_LOST && isOnline(w, c)) {
    startRebuild(w, p);
  }
}

/** A read of `block` failed on disk `c`: retried on the mirror, the bad block rewritten. */
export function mediaError(w: World, c: number, block: number): boolean {
  const s = w.sys[c];
  const p = w.partner[c];
  const where = `${w.specs[c].path} block ${block}`;
  if (p >= 0 && isOnline(w, p)) {
    const a = w.diskSlot[p] * DISK_BLOCKS + block;
    w.diskBlocks[w.diskSlot[c] * DISK_BLOCKS + block] = w.diskBlocks[a];
    log(
      w,
      s,
      c,
      'warning',
      `Media error on ${where}: read retried on mirror ${w.specs[p].path}, block rewritten`,
    );
    return true;
  }
  log(w, s, c, 'error', `Media error on ${where}: no mirror to retry on, read failed`);
  return false;
}
