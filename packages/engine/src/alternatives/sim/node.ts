/**
 * A conventional server (standalone, or a cluster node): crash and reboot, down until a part is
 * fitted, opened for a cold swap, powered off and on. No lockstep: whatever stops its one
 * CPU-memory unit stops the server.
 */
import { ALTERNATIVES } from '../parameters.ts';
import { bootable, partOk } from './conditions.ts';
import { log } from './events.ts';
import { schedule } from './timers.ts';
import { type AltState, NodePhase, TimerType } from './state.ts';

export function setNodePhase(
  w: AltState,
  s: number,
  phase: NodePhase,
  reason: string,
  durationMs = 0,
): void {
  const node = w.nodes[s];
  node.phase = phase;
  node.reason = reason;
  node.gen++;
  node.cleanStop = false;
  node.phaseStartMs = w.timeMs;
  node.phaseEndMs = durationMs > 0 ? w.timeMs + durationMs : 0;
  if (phase === NodePhase.Booting) schedule(w, node.phaseEndMs, TimerType.BootDone, s, node.gen);
  if (phase === NodePhase.Repair) schedule(w, node.phaseEndMs, TimerType.RepairDone, s, node.gen);
}

/** Parts of server `s` that arrived and wait for a cold swap (auto-repair fits them). */
function partsAwaitingSwap(w: AltState, s: number): boolean {
  for (let c = 0; c < w.n; c++) {
    if (w.sys[c] === s && w.delivered[c] && !w.specs[c].hotSwappable.value) return true;
  }
  return false;
}

/** Starts the OS when the server can boot; otherwise it stays down (or is opened for a swap). */
export function tryBoot(w: AltState, s: number): void {
  if (w.nodes[s].phase !== NodePhase.Down) return;
  if (w.options.autoRepair && partsAwaitingSwap(w, s)) {
    startRepair(w, s);
    return;
  }
  if (bootable(w, s)) {
    setNodePhase(w, s, NodePhase.Booting, 'booting', ALTERNATIVES.bootMs.value);
    log(w, s, -1, 'info', `${w.systemName(s)} boots`);
  }
}

/**
 * The OS stops without warning (a crash, a machine check, power lost): in-memory work is lost;
 * the server reboots by itself when it can, else waits down.
 */
export function crashNode(w: AltState, s: number, reason: string): void {
  const phase = w.nodes[s].phase;
  if (phase !== NodePhase.Up && phase !== NodePhase.Booting) return;
  log(w, s, -1, 'critical', `${w.systemName(s)} stops: ${reason}`);
  setNodePhase(w, s, NodePhase.Down, reason);
  tryBoot(w, s);
}

export function onBootDone(w: AltState, s: number, gen: number): void {
  const node = w.nodes[s];
  if (node.gen !== gen || node.phase !== NodePhase.Booting) return;
  if (bootable(w, s)) {
    setNodePhase(w, s, NodePhase.Up, 'running');
    log(w, s, -1, 'info', `${w.systemName(s)} is up`);
  } else {
    setNodePhase(w, s, NodePhase.Down, 'cannot boot');
  }
}

/** An engineer shuts the server down (if running), opens it and changes the delivered parts. */
export function startRepair(w: AltState, s: number): void {
  const phase = w.nodes[s].phase;
  if (phase === NodePhase.Repair || phase === NodePhase.Off) return;
  log(
    w,
    s,
    -1,
    'warning',
    `${w.systemName(s)} is shut down and opened to change parts (not hot-swappable)`,
  );
  setNodePhase(w, s, NodePhase.Repair, 'opened for repair', ALTERNATIVES.coldSwapMs.value);
  w.nodes[s].cleanStop = phase === NodePhase.Up;
}

export function onRepairDone(w: AltState, s: number, gen: number, fit: (c: number) => void): void {
  const node = w.nodes[s];
  if (node.gen !== gen || node.phase !== NodePhase.Repair) return;
  for (let c = 0; c < w.n; c++) {
    if (w.sys[c] === s && w.delivered[c] && !w.specs[c].hotSwappable.value) fit(c);
  }
  setNodePhase(w, s, NodePhase.Down, 'closed after repair');
  tryBoot(w, s);
}

/** Power to server `s` changed (a supply failed, was pulled or put back). */
export function powerChanged(w: AltState, s: number): void {
  const powered = w.partsOf(s, 'psu').some((c) => partOk(w, c));
  if (!powered) crashNode(w, s, 'power lost');
  else tryBoot(w, s);
}
