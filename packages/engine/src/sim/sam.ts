/**
 * SAM (system availability manager): watches the workload application and restarts it when it
 * fails, and samples simulated CPU, memory and disk use against the thresholds a person set,
 * raising an alert (log line, or a notification in the page) when one is crossed.
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { TIMING } from '../timing.ts';
import { type CommandResult, OpState, type SamMetric, SystemStatus } from '../types.ts';
import { account, systemCounters } from './accounting.ts';
import { log, pushEvent } from './events.ts';
import { resyncProgress } from './resync.ts';
import { schedule, TimerType } from './timers.ts';
import type { World } from './world.ts';

export enum SamTimer {
  Sample = 0,
  Restart = 1,
}

const METRICS: readonly SamMetric[] = ['cpu', 'memory', 'disk'];
const HYSTERESIS_PCT = 2;
const HOUR_MS = 3_600_000;

/** Simulated resource use, a deterministic function of the system's state and time. */
export function samMetrics(w: World, s: number): Record<SamMetric, number> {
  const up = w.status[s] >= SystemStatus.Simplex && w.management.systems[s].sam.appUp;
  // Each system's load follows its own day (a different phase per system).
  const t = w.timeMs + s * 2.7 * HOUR_MS;
  const daily = Math.sin((2 * Math.PI * t) / (24 * HOUR_MS));
  const resync = resyncProgress(w, s) >= 0 ? 12 : 0;
  const cpu = up ? 48 + 22 * daily + 6 * Math.sin((2 * Math.PI * t) / 600_000) + resync : 2;
  let dumping = false;
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) {
    const c = w.sysCpu[s * REPLICAS_PER_SYSTEM + k];
    if (c >= 0 && w.state[c] === OpState.Dumping) dumping = true;
  }
  const memory = 58 + 8 * Math.sin((2 * Math.PI * t) / (6 * HOUR_MS)) + (dumping ? 6 : 0);
  // The journal fills the data volume and is archived at 90% (a sawtooth over committed work).
  const txPerVolume = 4e9;
  const committed = systemCounters(w, s).transactionsCommitted;
  const disk = 35 + 55 * ((committed % txPerVolume) / txPerVolume);
  return { cpu: clamp(cpu), memory: clamp(memory), disk: clamp(disk) };
}

function clamp(pct: number): number {
  return Math.round(Math.min(100, Math.max(0, pct)) * 10) / 10;
}

export function setAlert(
  w: World,
  s: number,
  metric: SamMetric,
  thresholdPct: number,
  action: 'log' | 'notify',
): CommandResult {
  if (!METRICS.includes(metric))
    return { ok: false, error: `metric must be one of ${METRICS.join(', ')}` };
  if (typeof thresholdPct !== 'number' || !(thresholdPct > 0 && thresholdPct < 100)) {
    return { ok: false, error: 'thresholdPct must be a number between 0 and 100' };
  }
  if (action !== 'log' && action !== 'notify')
    return { ok: false, error: "action must be 'log' or 'notify'" };
  const sam = w.management.systems[s].sam;
  const hadAlerts = sam.alerts.length > 0;
  sam.alerts = sam.alerts.filter((a) => a.metric !== metric);
  sam.alerts.push({ metric, thresholdPct, action });
  sam.above[metric] = false;
  if (!hadAlerts)
    schedule(w, w.timeUs + TIMING.samSampleMs.value * 1000, TimerType.Sam, s, SamTimer.Sample);
  log(
    w,
    s,
    -1,
    'info',
    `SAM alert set on ${w.systemName(s)}: ${metric} above ${thresholdPct}% (${action})`,
  );
  return { ok: true };
}

export function clearAlerts(w: World, s: number): CommandResult {
  w.management.systems[s].sam.alerts = [];
  w.management.systems[s].sam.above = {};
  return { ok: true };
}

/** The workload application failed: SAM notices and restarts it. */
export function crashApplication(w: World, s: number): CommandResult {
  const sam = w.management.systems[s].sam;
  if (w.status[s] < SystemStatus.Simplex)
    return { ok: false, error: `${w.systemName(s)} is not running` };
  if (!sam.appUp) return { ok: false, error: 'the application is already down' };
  sam.appUp = false;
  sam.appDownUntilUs = w.timeUs + TIMING.appRestartMs.value * 1000;
  account(w, s);
  log(w, s, -1, 'error', `Workload application failed on ${w.systemName(s)}; SAM restarts it`);
  schedule(w, sam.appDownUntilUs, TimerType.Sam, s, SamTimer.Restart);
  return { ok: true };
}

export function onSamTimer(w: World, s: number, which: SamTimer): void {
  const sam = w.management.systems[s].sam;
  if (which === SamTimer.Restart) {
    if (sam.appUp) return;
    sam.appUp = true;
    sam.restarts++;
    account(w, s);
    alert(
      w,
      s,
      'application',
      100,
      true,
      `SAM restarted the workload application on ${w.systemName(s)} (restart ${sam.restarts})`,
    );
    return;
  }
  if (sam.alerts.length === 0) return;
  const values = samMetrics(w, s);
  for (const a of sam.alerts) {
    const v = values[a.metric];
    if (!sam.above[a.metric] && v > a.thresholdPct) {
      sam.above[a.metric] = true;
      alert(
        w,
        s,
        a.metric,
        v,
        a.action === 'notify',
        `SAM: ${a.metric} use on ${w.systemName(s)} is ${v}% (threshold ${a.thresholdPct}%)`,
      );
    } else if (sam.above[a.metric] && v < a.thresholdPct - HYSTERESIS_PCT) {
      sam.above[a.metric] = false;
      log(w, s, -1, 'info', `SAM: ${a.metric} use on ${w.systemName(s)} back to ${v}%`);
    }
  }
  schedule(w, w.timeUs + TIMING.samSampleMs.value * 1000, TimerType.Sam, s, SamTimer.Sample);
}

function alert(
  w: World,
  s: number,
  metric: SamMetric | 'application',
  valuePct: number,
  notify: boolean,
  message: string,
): void {
  pushEvent(w, {
    kind: 'alert',
    timeMs: w.timeMs,
    systemId: w.systemId(s),
    componentId: null,
    severity: 'warning',
    message,
    metric,
    valuePct,
    notify,
  });
}
