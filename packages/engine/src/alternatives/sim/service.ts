/**
 * The application as its users see it: up, or down and why. A conventional server's service
 * lives and dies with its one server; a cluster's moves to the other node after a failure:
 * detection (missed heartbeats), then the group comes online there and the application recovers.
 * Work in flight at an unclean stop is lost, and so is every request while the service is down.
 *
 * The phases and their timing are the Markov chains of docs/comparison.md, run event by event.
 */
import type { Severity } from '../../types.ts';
import { ALTERNATIVES, inFlightTransactions, nodeDetectionMs } from '../parameters.ts';
import { nodeReady, reachable, storageOk, storageSystem } from './conditions.ts';
import { log, pushEvent } from './events.ts';
import { schedule } from './timers.ts';
import { type AltState, NodePhase, ServicePhase, type ServiceState, TimerType } from './state.ts';

/** How long bringing the application up on a node takes. */
export function startingMs(svc: ServiceState): number {
  const recovery = ALTERNATIVES.applicationRecoveryMs.value;
  return svc.kind === 'cluster' ? ALTERNATIVES.groupOnlineMs.value + recovery : recovery;
}

/** A line about the service: on system `s`, with its severity. */
interface Say {
  s: number;
  severity: Severity;
  message: string;
}

/**
 * The service starts or stops serving: an `application` alert of system `s` (value 100: the
 * application serves again, 0: it stopped), so that a page can draw the service's up and down
 * from the event stream alone (the comparison page's timelines), as the ftServer's SAM reports
 * an application restart. Not a notification: the cluster service or an administrator's
 * monitoring would raise it, and the comparison shows it in its own way.
 */
function serviceAlert(w: AltState, say: Say, up: boolean): void {
  pushEvent(w, {
    kind: 'alert',
    timeMs: w.timeMs,
    systemId: w.systemId(say.s),
    componentId: null,
    severity: say.severity,
    message: say.message,
    metric: 'application',
    valuePct: up ? 100 : 0,
    notify: false,
  });
}

function setPhase(
  w: AltState,
  i: number,
  phase: ServicePhase,
  on: number,
  reason: string,
  durationMs: number,
  say: Say | null,
): void {
  const svc = w.services[i];
  const wasUp = svc.phase === ServicePhase.Up;
  svc.phase = phase;
  svc.on = on;
  svc.reason = reason;
  svc.gen++;
  svc.phaseEndMs = durationMs > 0 ? w.timeMs + durationMs : 0;
  if (durationMs > 0) schedule(w, svc.phaseEndMs, TimerType.ServicePhaseEnd, i, svc.gen);
  const up = phase === ServicePhase.Up;
  if (up !== wasUp) {
    const s = say?.s ?? (on >= 0 ? on : svc.blame);
    serviceAlert(
      w,
      say ?? {
        s,
        severity: up ? 'info' : 'critical',
        message: `Service ${svc.id} ${up ? 'serves again' : 'stopped serving'}: ${reason}`,
      },
      up,
    );
  } else if (say) log(w, say.s, -1, say.severity, say.message);
}

/** The service stops serving: work in flight is lost unless the stop was orderly. */
function interrupt(w: AltState, svc: ServiceState, blame: number, clean: boolean): void {
  svc.outages++;
  svc.blame = blame;
  if (clean) return;
  const lost = inFlightTransactions(w.options.transactionsPerS);
  svc.transactionsLost += lost;
  w.tally[blame].transactionsLost += lost;
}

function otherNode(svc: ServiceState, s: number): number {
  return svc.nodes.find((n) => n !== s) ?? -1;
}

/** A ready node to run on: `first` when ready, else any other (in node order), else -1. */
function pickNode(w: AltState, svc: ServiceState, first: number): number {
  if (first >= 0 && nodeReady(w, first)) return first;
  return svc.nodes.find((n) => nodeReady(w, n)) ?? -1;
}

function start(w: AltState, i: number, node: number, say: Say | null = null): void {
  const svc = w.services[i];
  if (svc.kind === 'cluster' && svc.blame !== node && svc.nodes.includes(svc.blame)) {
    svc.failovers++;
    log(w, node, -1, 'warning', `Cluster ${svc.id}: failing over to ${w.systemName(node)}`);
  }
  const why = `starting on ${w.systemName(node)}`;
  setPhase(w, i, ServicePhase.Starting, node, why, startingMs(svc), say);
}

function down(w: AltState, i: number, reason: string): void {
  const svc = w.services[i];
  const message = `Service ${svc.id} is down: ${reason}`;
  setPhase(w, i, ServicePhase.Down, -1, reason, 0, { s: svc.blame, severity: 'critical', message });
}

/** The node running the service stopped or became unreachable. */
function nodeLost(w: AltState, i: number, node: number, stopped: boolean): void {
  const svc = w.services[i];
  interrupt(w, svc, node, stopped && w.nodes[node].cleanStop);
  const why = stopped ? `${w.systemName(node)} stopped` : `${w.systemName(node)} unreachable`;
  if (svc.kind === 'cluster') {
    // The other node notices by missed heartbeats; a resource poll catches a dead link as fast.
    svc.preferSame = false;
    setPhase(w, i, ServicePhase.Detecting, node, `${why}; detecting`, nodeDetectionMs(), {
      s: node,
      severity: 'error',
      message: `Cluster ${svc.id}: ${why}`,
    });
  } else if (stopped) {
    down(w, i, why);
  } else {
    setPhase(w, i, ServicePhase.Unreachable, node, why, 0, {
      s: node,
      severity: 'error',
      message: `Service ${svc.id} unreachable: ${why}`,
    });
  }
}

/** One step of the service's state machine; returns true when it changed something. */
function step(w: AltState, i: number): boolean {
  const svc = w.services[i];
  const on = svc.on;
  const dataOk = storageOk(w, svc);
  switch (svc.phase) {
    case ServicePhase.Up:
      if (w.nodes[on].phase !== NodePhase.Up) nodeLost(w, i, on, true);
      else if (!dataOk) {
        interrupt(w, svc, storageSystem(svc), false);
        down(w, i, 'its data is unavailable');
      } else if (!reachable(w, on)) nodeLost(w, i, on, false);
      else return false;
      return true;
    case ServicePhase.Unreachable:
      if (w.nodes[on].phase !== NodePhase.Up) down(w, i, `${w.systemName(on)} stopped`);
      else if (!dataOk) down(w, i, 'its data is unavailable');
      else if (reachable(w, on)) {
        setPhase(w, i, ServicePhase.Up, on, 'reachable again', 0, {
          s: on,
          severity: 'info',
          message: `Service ${svc.id} reachable again`,
        });
      } else return false;
      return true;
    case ServicePhase.Starting:
      if (nodeReady(w, on) && dataOk) return false;
      svc.blame = nodeReady(w, on) ? storageSystem(svc) : on;
      down(w, i, `start on ${w.systemName(on)} failed`);
      return true;
    case ServicePhase.Down: {
      if (!dataOk) return false;
      const node = pickNode(w, svc, otherNode(svc, svc.blame));
      if (node < 0) return false;
      start(w, i, node);
      return true;
    }
    default:
      return false;
  }
}

/** Runs every service's state machine until nothing changes. */
export function updateServices(w: AltState): void {
  for (let i = 0; i < w.services.length; i++) {
    for (let k = 0; k < 8 && step(w, i); k++);
  }
}

export function onServicePhaseEnd(w: AltState, i: number, gen: number): void {
  const svc = w.services[i];
  if (svc.gen !== gen) return;
  if (svc.phase === ServicePhase.Detecting) {
    const failed = svc.on;
    const first = svc.preferSame ? failed : otherNode(svc, failed);
    const node = storageOk(w, svc) ? pickNode(w, svc, first) : -1;
    if (node >= 0) start(w, i, node);
    else down(w, i, 'no node can take over');
  } else if (svc.phase === ServicePhase.Starting) {
    const node = svc.on;
    w.appStarts[node]++;
    setPhase(w, i, ServicePhase.Up, node, `running on ${w.systemName(node)}`, 0, {
      s: node,
      severity: 'info',
      message: `Service ${svc.id} is up on ${w.systemName(node)}`,
    });
  }
}

/**
 * The application itself failed on its node (an unreadable block, a person's crash command):
 * restarted on the same node, after detection in a cluster.
 */
export function applicationCrash(w: AltState, s: number, reason: string): boolean {
  const i = w.serviceOf[s];
  if (i < 0) return false;
  const svc = w.services[i];
  if (svc.on !== s || svc.phase !== ServicePhase.Up) return false;
  interrupt(w, svc, s, false);
  const say: Say = {
    s,
    severity: 'error',
    message: `Application of service ${svc.id} failed: ${reason}`,
  };
  if (svc.kind === 'cluster') {
    svc.preferSame = true;
    const pollMs = ALTERNATIVES.resourcePollMs.value;
    setPhase(w, i, ServicePhase.Detecting, s, `${reason}; detecting`, pollMs, say);
  } else {
    start(w, i, s, say);
  }
  return true;
}

/** A transient reached the application's data on node `s`: counted when it serves there. */
export function silentCorruption(w: AltState, s: number): boolean {
  const i = w.serviceOf[s];
  if (i < 0) return false;
  const svc = w.services[i];
  if (svc.on !== s || svc.phase !== ServicePhase.Up) return false;
  svc.silentDataCorruptions++;
  w.tally[s].silentDataCorruptions++;
  return true;
}
