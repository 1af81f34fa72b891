/**
 * Counting: uptime, downtime, transactions committed and lost, per service and per system row.
 * The state is constant between events, so the counters are settled only when something
 * happens (and read as settled + the open interval): how the caller chunks `advance` never
 * changes a figure.
 */
import { arrayPowered, volumesOk } from './conditions.ts';
import {
  type AltState,
  NodePhase,
  ServicePhase,
  type ServiceState,
  type SystemTally,
} from './state.ts';

/** Adds `dtMs` of the current state to the given copies (or the live counters). */
function accrue(
  w: AltState,
  dtMs: number,
  services: readonly ServiceState[],
  tally: readonly SystemTally[],
): void {
  if (dtMs <= 0) return;
  const rate = w.txPerMs();
  w.services.forEach((svc, i) => {
    const out = services[i];
    if (svc.phase === ServicePhase.Up) {
      out.uptimeMs += dtMs;
      out.transactionsCommitted += rate * dtMs;
      tally[svc.on].transactionsCommitted += rate * dtMs;
    } else {
      out.downtimeMs += dtMs;
      out.transactionsLost += rate * dtMs;
      tally[svc.blame].transactionsLost += rate * dtMs;
    }
  });
  for (let s = 0; s < w.m; s++) {
    const up = w.isServer[s]
      ? w.nodes[s].phase === NodePhase.Up
      : arrayPowered(w, s) && volumesOk(w, s);
    if (up) tally[s].uptimeMs += dtMs;
    else tally[s].downtimeMs += dtMs;
  }
}

/** Settles the counters up to the current time; call before any change of state. */
export function settle(w: AltState): void {
  accrue(w, w.timeMs - w.settledMs, w.services, w.tally);
  w.settledMs = w.timeMs;
}

/** The counters as they stand now, without settling (reading never changes the state). */
export function currentCounts(w: AltState): {
  services: ServiceState[];
  tally: SystemTally[];
} {
  const services = w.services.map((s) => ({ ...s, nodes: [...s.nodes] }));
  const tally = w.tally.map((t) => ({ ...t }));
  accrue(w, w.timeMs - w.settledMs, services, tally);
  return { services, tally };
}
