/**
 * What a person (or the auto-repair of headless runs) does to an alternative rack: pull and
 * insert parts, restore a link, set a rebuild priority, power a system off and on, reset it,
 * crash its application. Parts that are not hot-swappable come out only while their server is
 * down: a conventional server cannot lose its CPU board and keep running.
 */
import type { CommandResult, DiskPriority, SystemAction } from '../../types.ts';
import { arrayPowered, partOk } from './conditions.ts';
import { log } from './events.ts';
import { partReplaced } from './calls.ts';
import { crashNode, powerChanged, setNodePhase, startRepair, tryBoot } from './node.ts';
import { applicationCrash } from './service.ts';
import { diskLost } from './storage.ts';
import { type AltState, NodePhase, ServicePhase } from './state.ts';

const fail = (error: string): CommandResult => ({ ok: false, error });
const OK: CommandResult = { ok: true };

const PRIORITIES: readonly DiskPriority[] = ['low', 'normal', 'high'];

function running(w: AltState, s: number): boolean {
  const phase = w.nodes[s].phase;
  return phase === NodePhase.Up || phase === NodePhase.Booting;
}

/** Why pulling `c` is refused, or ''. */
export function pullRefusal(w: AltState, c: number): string {
  if (w.pulled[c]) return `${w.label(c)} is already out`;
  const s = w.sys[c];
  if (w.specs[c].hotSwappable.value || !w.isServer[s] || !running(w, s)) return '';
  // Pulling the power cord is always possible (and stops the server).
  if (w.kind[c] === 'psu') return '';
  return `${w.label(c)} is not hot-swappable: ${w.systemName(s)} must be down first (power it off)`;
}

export function pull(w: AltState, c: number): CommandResult {
  const why = pullRefusal(w, c);
  if (why) return fail(why);
  const s = w.sys[c];
  w.pulled[c] = 1;
  log(w, s, c, 'warning', `${w.label(c)} pulled out of ${w.systemName(s)}`);
  if (w.kind[c] === 'disk') diskLost(w, c);
  if (w.isServer[s] && w.kind[c] === 'psu') powerChanged(w, s);
  return OK;
}

/** A new part goes into `c`'s slot (its old copy of any data is gone). */
export function fitNew(w: AltState, c: number): void {
  w.pulled[c] = 0;
  w.broken[c] = 0;
  w.delivered[c] = 0;
  w.linkDown[c] = 0;
  w.faultCount[c] = 0;
  w.reason[c] = '';
  if (w.kind[c] === 'disk') w.valid[c] = 0;
  partReplaced(w, c);
  log(w, w.sys[c], c, 'info', `Service engineer fits a new ${w.label(c)}`);
}

export function insert(w: AltState, c: number, replacement: boolean): CommandResult {
  if (!w.pulled[c]) return fail(`${w.label(c)} is already in`);
  const s = w.sys[c];
  if (replacement) fitNew(w, c);
  else {
    w.pulled[c] = 0;
    log(w, s, c, 'info', `${w.label(c)} put back into ${w.systemName(s)}`);
  }
  if (w.isServer[s]) {
    if (w.kind[c] === 'psu') powerChanged(w, s);
    else tryBoot(w, s);
  }
  return OK;
}

/**
 * Auto-repair when a part arrives: a hot-swappable part is changed at once; a cold one waits
 * for {@link repairWhenHarmless}.
 */
export function onPartDelivered(w: AltState, c: number): void {
  w.delivered[c] = 1;
  if (!w.options.autoRepair) return;
  const s = w.sys[c];
  if (w.specs[c].hotSwappable.value || !w.isServer[s]) {
    if (!w.pulled[c]) w.pulled[c] = 1;
    fitNew(w, c);
    if (w.isServer[s] && w.kind[c] === 'psu') powerChanged(w, s);
  }
}

/**
 * Auto-repair of a server with parts waiting for a cold swap: a down server is opened at once
 * (by tryBoot); a running one only when shutting it down harms nothing (it does not run the
 * service, or cannot serve anyway). A failed management card on a serving server waits for its
 * next outage.
 */
export function repairWhenHarmless(w: AltState, s: number): void {
  if (!w.options.autoRepair || !w.isServer[s]) return;
  let waiting = false;
  let needed = false;
  for (let c = 0; c < w.n; c++) {
    if (w.sys[c] !== s || !w.delivered[c] || w.specs[c].hotSwappable.value) continue;
    waiting = true;
    if (!w.managementOnly[c]) needed = true;
  }
  if (!waiting) return;
  const phase = w.nodes[s].phase;
  if (phase === NodePhase.Down) tryBoot(w, s);
  if (phase !== NodePhase.Up) return;
  const i = w.serviceOf[s];
  const svc = i >= 0 ? w.services[i] : null;
  const serving = svc !== null && svc.on === s && svc.phase === ServicePhase.Up;
  if (needed || !serving) startRepair(w, s);
}

export function restoreLink(w: AltState, c: number): CommandResult {
  if (w.kind[c] !== 'nic') return fail(`${w.label(c)} has no network link`);
  if (!w.linkDown[c]) return fail(`${w.label(c)} has its link`);
  w.linkDown[c] = 0;
  w.reason[c] = '';
  log(w, w.sys[c], c, 'info', `${w.label(c)}: link restored`);
  return OK;
}

export function setDiskPriority(w: AltState, c: number, priority: unknown): CommandResult {
  if (w.kind[c] !== 'disk') return fail(`${w.label(c)} is not a disk`);
  if (!PRIORITIES.includes(priority as DiskPriority))
    return fail(`priority must be one of ${PRIORITIES.join(', ')}`);
  w.diskPriority[c] = priority as DiskPriority;
  return OK;
}

/** Access to a whole system: power off and on, reset, crash its application. */
export function systemAction(w: AltState, s: number, action: SystemAction): CommandResult {
  const name = w.systemName(s);
  if (!w.isServer[s]) {
    if (action === 'powerOff' || action === 'powerOn') {
      w.arrayOff[s] = action === 'powerOff';
      log(w, s, -1, 'warning', `${name} powered ${action === 'powerOff' ? 'off' : 'on'}`);
      return OK;
    }
    return fail(`${name} is a disk array: it can only be powered off or on`);
  }
  const phase = w.nodes[s].phase;
  switch (action) {
    case 'powerOff':
      if (phase === NodePhase.Off) return fail(`${name} is already off`);
      setNodePhase(w, s, NodePhase.Off, 'powered off');
      w.nodes[s].cleanStop = phase === NodePhase.Up;
      log(w, s, -1, 'warning', `${name} shut down and powered off`);
      return OK;
    case 'powerOn':
      if (phase !== NodePhase.Off) return fail(`${name} is not powered off`);
      setNodePhase(w, s, NodePhase.Down, 'powered on');
      tryBoot(w, s);
      return OK;
    case 'reset':
      if (!running(w, s)) return fail(`${name} is not running`);
      crashNode(w, s, 'reset');
      return OK;
    case 'crashApplication':
      return applicationCrash(w, s, 'crashed on request')
        ? OK
        : fail(`the application does not run on ${name} now`);
    default:
      return fail(
        `unknown system action '${String(action).slice(0, 40)}'; expected powerOff, powerOn, reset or crashApplication`,
      );
  }
}

/** Whether a part is in service (for closing calls). */
export function inService(w: AltState, c: number): boolean {
  if (!partOk(w, c)) return false;
  const s = w.sys[c];
  if (w.kind[c] === 'disk') return w.valid[c] === 1;
  return w.isServer[s] ? w.nodes[s].phase === NodePhase.Up : arrayPowered(w, s);
}
