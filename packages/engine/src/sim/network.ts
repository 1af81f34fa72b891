/**
 * The system's links to the outside: the embedded NIC team (10/5 and 11/5) and the PCI adapter
 * pairs. Losing one half fails over to the other; losing both leaves the system up but
 * unreachable for that link, which is counted as its own figure (accounting.ts) and opens a
 * service call. In headless runs (autoRepair), a lost link is put right after TIMING.linkRepairMs.
 */
import { TIMING } from '../timing.ts';
import { type CommandResult, OpState } from '../types.ts';
import { account, linkLost } from './accounting.ts';
import { isOnline, setState } from './component-state.ts';
import { log } from './events.ts';
import { openServiceCall, partReplaced } from './service.ts';
import { schedule, TimerType } from './timers.ts';
import { Kind } from './kinds.ts';
import type { World } from './world.ts';

/** A NIC lost its link (cable, switch port): the team fails over to its partner if it can. */
export function loseLink(w: World, c: number): CommandResult {
  if (w.linkDown[c]) return { ok: false, error: `${w.label(c)} has already lost its link` };
  const s = w.sys[c];
  w.linkDown[c] = 1;
  const p = w.partner[c];
  if (isOnline(w, c)) setState(w, c, OpState.Offline, 'link lost');
  const over = p >= 0 && isOnline(w, p);
  log(
    w,
    s,
    c,
    over ? 'warning' : 'error',
    over
      ? `NIC team failed over from ${w.specs[c].path} to ${w.specs[p].path}`
      : 'Network lost: no NIC of the team has a link',
  );
  if (w.options.autoRepair)
    schedule(w, w.timeUs + TIMING.linkRepairMs.value * 1000, TimerType.LinkRepair, c);
  refreshReachability(w, s);
  return { ok: true };
}

/** The link of NIC `c` is back (a person plugged the cable in, or the repair timer fired). */
export function restoreLink(w: World, c: number): CommandResult {
  if (w.kind[c] !== Kind.Nic) return { ok: false, error: `${w.label(c)} is not a network port` };
  if (!w.linkDown[c]) return { ok: false, error: `${w.label(c)} has its link` };
  w.linkDown[c] = 0;
  partReplaced(w, c, `network link of ${w.label(c)} restored`);
  const parent = w.parent[c];
  if (w.state[c] === OpState.Offline && (parent < 0 || isOnline(w, parent))) {
    setState(w, c, OpState.Simplex, 'link restored');
  }
  return { ok: true };
}

function kindOfLink(w: World, c: number): string {
  if (w.kind[c] === Kind.Nic) return 'both NICs of the team lost';
  return `both adapters of the pair ${w.specs[c].path} and ${w.specs[w.partner[c]].path} lost`;
}

/**
 * Re-derives whether the system is reachable; when a NIC team has lost both links, a call goes
 * to the support centre (adapter failures already opened calls for their parts).
 */
export function refreshReachability(w: World, s: number): void {
  account(w, s);
  if (!linkLost(w, s)) return;
  for (const [a, b] of w.sysLinks[s]) {
    if (isOnline(w, a) || isOnline(w, b)) continue;
    if (w.kind[a] === Kind.Nic && w.linkDown[a] && w.linkDown[b]) {
      openServiceCall(
        w,
        a,
        `${w.systemName(s)} unreachable: ${kindOfLink(w, a)} their link`,
        `Restore the network links of NIC ${w.specs[a].path} and ${w.specs[b].path} of ${w.systemName(s)}`,
      );
    }
  }
}
