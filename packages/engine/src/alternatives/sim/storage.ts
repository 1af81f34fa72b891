/**
 * Data volumes: a RAID 1 pair (conventional server with mirrored disks, or a disk array with the
 * two halves on its two controllers) or one unmirrored disk. A lost half is rebuilt from the
 * other at the ftServer's rebuild rates; a volume with no current copy left is restored from
 * backup once a working disk is in, which takes hours.
 */
import { ALTERNATIVES } from '../parameters.ts';
import { hostPowered, partOk } from './conditions.ts';
import { log } from './events.ts';
import { schedule } from './timers.ts';
import { type AltState, TimerType } from './state.ts';

function cancelRebuild(w: AltState, d: number): void {
  if (w.rebuildEndMs[d] === 0) return;
  w.rebuildEndMs[d] = 0;
  w.diskGen[d]++;
}

function startRebuild(w: AltState, d: number): void {
  const rate = ALTERNATIVES.diskRebuildBytesPerS[w.diskPriority[d]].value;
  w.diskGen[d]++;
  w.rebuildStartMs[d] = w.timeMs;
  w.rebuildEndMs[d] = w.timeMs + (w.diskBytes / rate) * 1000;
  schedule(w, w.rebuildEndMs[d], TimerType.RebuildDone, d, w.diskGen[d]);
  log(w, w.sys[d], d, 'info', `${w.label(d)}: rebuilding from its mirror`);
}

/**
 * Brings one volume up to date with what is in the slots: starts rebuilds and restores, stops
 * those that lost their host's power or their disk.
 */
export function updateVolume(w: AltState, v: number): void {
  const vol = w.volumes[v];
  const powered = hostPowered(w, vol.host);
  if (vol.restoring && (!powered || !vol.disks.some((d) => partOk(w, d)))) {
    vol.restoring = false;
    vol.gen++;
  }
  for (const d of vol.disks) if (!powered || !partOk(w, d)) cancelRebuild(w, d);
  if (!powered || vol.restoring) return;
  const source = vol.disks.find((d) => partOk(w, d) && w.valid[d] === 1);
  if (source === undefined) {
    // No current copy to rebuild from: only the backup has the data.
    for (const d of vol.disks) cancelRebuild(w, d);
    const target = vol.disks.find((d) => partOk(w, d));
    if (target === undefined) return;
    vol.restoring = true;
    vol.gen++;
    vol.restoreEndMs = w.timeMs + ALTERNATIVES.restoreFromBackupMs.value;
    // Copies left out of the slots are older than what the restore brings back.
    for (const d of vol.disks) if (w.pulled[d]) w.valid[d] = 0;
    schedule(w, vol.restoreEndMs, TimerType.RestoreDone, v, vol.gen, target);
    log(w, vol.host, target, 'error', `${w.label(target)}: every copy lost; restoring from backup`);
    return;
  }
  for (const d of vol.disks) {
    if (d !== source && partOk(w, d) && !w.valid[d] && w.rebuildEndMs[d] === 0) startRebuild(w, d);
  }
}

export function updateVolumes(w: AltState): void {
  for (let v = 0; v < w.volumes.length; v++) updateVolume(w, v);
}

export function onRebuildDone(w: AltState, d: number, gen: number): void {
  if (w.diskGen[d] !== gen || w.rebuildEndMs[d] === 0) return;
  w.rebuildEndMs[d] = 0;
  w.valid[d] = 1;
  log(w, w.sys[d], d, 'info', `${w.label(d)}: mirror rebuilt`);
}

export function onRestoreDone(w: AltState, v: number, gen: number, disk: number): void {
  const vol = w.volumes[v];
  if (vol.gen !== gen || !vol.restoring) return;
  vol.restoring = false;
  if (partOk(w, disk)) {
    w.valid[disk] = 1;
    log(w, vol.host, disk, 'info', `${w.label(disk)}: volume restored from backup`);
  }
}

/** A disk broke or left its slot: its copy is no longer current. */
export function diskLost(w: AltState, d: number): void {
  cancelRebuild(w, d);
  const v = w.volumeOf[d];
  const other = w.volumes[v].disks.some((x) => x !== d && partOk(w, x) && w.valid[x] === 1);
  // A pulled disk that held the last current copy keeps it: putting it back restores the volume.
  if (w.broken[d] || other) w.valid[d] = 0;
}

/** Whether a media error on `d` is read from the mirror instead (true) or surfaces (false). */
export function readFromMirror(w: AltState, d: number): boolean {
  const p = w.partner[d];
  return p >= 0 && partOk(w, p) && w.valid[p] === 1 && w.rebuildEndMs[p] === 0;
}

/** 0..1 while a disk rebuilds or its volume is restored onto it; -1 otherwise. */
export function diskProgress(w: AltState, d: number): number {
  const end = w.rebuildEndMs[d];
  if (end > 0) {
    const start = w.rebuildStartMs[d];
    return Math.min(1, Math.max(0, (w.timeMs - start) / (end - start)));
  }
  const vol = w.volumes[w.volumeOf[d]];
  if (vol.restoring && partOk(w, d) && !w.valid[d]) {
    const start = vol.restoreEndMs - ALTERNATIVES.restoreFromBackupMs.value;
    return Math.min(1, Math.max(0, (w.timeMs - start) / (vol.restoreEndMs - start)));
  }
  return -1;
}
