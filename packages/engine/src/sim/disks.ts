/**
 * Mirrored disks (RAID 1 over two I/O elements): every commit record is written to both halves;
 * a media error is retried on the mirror and the block rewritten; a new or returning half is
 * rebuilt block by block from its partner at the chosen priority.
 */
import { TIMING } from '../timing.ts';
import { type DiskPriority, OpState } from '../types.ts';
import { log } from './events.ts';
import { isOnline, refreshSystem, setState } from './states.ts';
import { DISK_BLOCKS, type World } from './world.ts';

export const DISK_PRIORITIES: readonly DiskPriority[] = ['low', 'normal', 'high'];

function rebuildBytesPerS(w: World, c: number): number {
  return TIMING.diskRebuildBytesPerS[DISK_PRIORITIES[w.diskPriority[c]]].value;
}

/** Starts rebuilding a disk from its partner (or returns it online if there is nothing to copy from). */
export function startRebuild(w: World, c: number): void {
  const p = w.partner[c];
  if (p < 0 || !isOnline(w, p)) {
    setState(w, c, OpState.Simplex, 'no mirror partner to rebuild from');
    refreshSystem(w, w.sys[c]);
    return;
  }
  w.rebuildPos[c] = 0;
  setState(w, c, OpState.Initializing, `rebuilding mirror from ${w.specs[p].path}`);
}

/** Advances every rebuild of system `s` by `dtMs`. */
export function rebuildTick(w: World, s: number, dtMs: number): void {
  for (const c of w.sysDisks[s]) {
    if (w.state[c] !== OpState.Initializing) continue;
    const p = w.partner[c];
    if (p < 0 || !isOnline(w, p)) continue;
    const blocksPerMs = rebuildBytesPerS(w, c) / (w.diskBytes[c] / DISK_BLOCKS) / 1000;
    const from = w.rebuildPos[c];
    const to = Math.min(DISK_BLOCKS, from + dtMs * blocksPerMs);
    const a = w.diskSlot[p] * DISK_BLOCKS;
    const b = w.diskSlot[c] * DISK_BLOCKS;
    const first = Math.floor(from);
    const last = Math.floor(to);
    if (last > first) w.diskBlocks.copyWithin(b + first, a + first, a + last);
    w.rebuildPos[c] = to;
    if (to >= DISK_BLOCKS) {
      setState(w, c, OpState.Duplex, 'mirror rebuilt');
      refreshSystem(w, s);
    }
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

export function rebuildProgress(w: World, c: number): number {
  return w.state[c] === OpState.Initializing ? w.rebuildPos[c] / DISK_BLOCKS : -1;
}
