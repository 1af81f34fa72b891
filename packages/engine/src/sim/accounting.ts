/**
 * What happened to each system, in exact units: time is accrued in whole microseconds per
 * category (executed, warped, paused, application down, down, unreachable) at the moment the
 * category changes, so the totals do not depend on how `advance` was chunked. Transactions are
 * counted where they ran for real (`TxExecuted`, every output the voter emitted); time-warped
 * running time is turned into transactions at the rate the system's own executed time measured
 * (docs/design.md, "Executed and modelled").
 */
import { Counter } from '../snapshot.ts';
import { type OpState, type SystemCounters, SystemStatus } from '../types.ts';
import { isOnlineState } from './events.ts';
import type { World } from './world.ts';

/** Per-system accumulators, ACC_PER_SYSTEM of them (a stride into World.acc). */
export enum Acc {
  /** µs up and running the workload for real. */
  ExecUs = 0,
  /** µs up and running, skipped by time warp (transactions extrapolated). */
  WarpUs = 1,
  /** µs up but paused (resync stop-and-copy, Active Upgrade merge). */
  PausedUs = 2,
  /** µs up with the workload application down (SAM restarting it). */
  AppDownUs = 3,
  /** µs down or booting. */
  DownUs = 4,
  /** µs up but unreachable: a NIC team or an adapter pair lost both halves. */
  UnreachableUs = 5,
  /** Outputs the voter emitted (transactions that ran for real). */
  TxExecuted = 6,
  /** Transactions in flight when the system went down. */
  InflightLost = 7,
  /** Times the emitted output stream left the fault-free one (silent data corruptions). */
  Sdc = 8,
  /** Outputs held back on a three-way disagreement. */
  Suppressed = 9,
  /** Compares the voter made. */
  Compares = 10,
  /** DMR disagreements decided by the software rule with no board evidence to go on. */
  RulePicks = 11,
  /** Service calls opened. */
  CallsOpened = 12,
}

export const ACC_PER_SYSTEM = 13;

/** Category flags of a system between two accruals. */
enum AcctFlag {
  Up = 1,
  Paused = 2,
  AppDown = 4,
  Executing = 8,
  Unreachable = 16,
}

export function addCount(w: World, s: number, field: Acc, n = 1): void {
  w.acc[s * ACC_PER_SYSTEM + field] += n;
}

function isUp(status: SystemStatus): boolean {
  return (
    status === SystemStatus.Simplex ||
    status === SystemStatus.Duplex ||
    status === SystemStatus.Triplex
  );
}

/** Whether a NIC team or an adapter pair of the system has lost both halves. */
export function linkLost(w: World, s: number): boolean {
  for (const [a, b] of w.sysLinks[s]) {
    if (!online(w, a) && !online(w, b)) return true;
  }
  return false;
}

function online(w: World, c: number): boolean {
  return isOnlineState(w.state[c] as OpState);
}

function currentFlags(w: World, s: number): number {
  if (!isUp(w.status[s] as SystemStatus)) return 0;
  let f = AcctFlag.Up;
  if (w.pauseUntilUs[s] > 0) f |= AcctFlag.Paused;
  if (!w.management.systems[s].sam.appUp) f |= AcctFlag.AppDown;
  if (w.hot[s] === 1 || !w.warp) f |= AcctFlag.Executing;
  if (linkLost(w, s)) f |= AcctFlag.Unreachable;
  return f;
}

/** Adds `dt` µs to the categories in `flags` (one system's accumulators from index `k`). */
function accrueInto(acc: Float64Array, k: number, flags: number, dt: number): void {
  if (dt <= 0) return;
  if (!(flags & AcctFlag.Up)) acc[k + Acc.DownUs] += dt;
  else if (flags & AcctFlag.Paused) acc[k + Acc.PausedUs] += dt;
  else if (flags & AcctFlag.AppDown) acc[k + Acc.AppDownUs] += dt;
  else if (flags & AcctFlag.Executing) acc[k + Acc.ExecUs] += dt;
  else acc[k + Acc.WarpUs] += dt;
  if (flags & AcctFlag.Up && flags & AcctFlag.Unreachable) acc[k + Acc.UnreachableUs] += dt;
}

/**
 * Adds the time since the last accrual to the categories that held, then re-reads them. Call it
 * at the simulated time of every change of a system's status, pause, application, reachability
 * or execution.
 */
export function account(w: World, s: number): void {
  accrueInto(w.acc, s * ACC_PER_SYSTEM, w.acctFlags[s], w.timeUs - w.acctSinceUs[s]);
  w.acctSinceUs[s] = w.timeUs;
  w.acctFlags[s] = currentFlags(w, s);
}

export function accountAll(w: World): void {
  for (let s = 0; s < w.m; s++) account(w, s);
}

/** One system's accumulators as of now, into `into` (reading never changes the state). */
function accumulatorsNow(w: World, s: number, into: Float64Array): Float64Array {
  into.set(w.acc.subarray(s * ACC_PER_SYSTEM, (s + 1) * ACC_PER_SYSTEM));
  accrueInto(into, 0, w.acctFlags[s], w.timeUs - w.acctSinceUs[s]);
  return into;
}

/**
 * Writes a system's counters into the snapshot's counters block at `k`, in the order of
 * snapshot.ts's Counter (no allocation: the worker does it every frame).
 */
export function writeSnapshotCounters(w: World, s: number, out: Float64Array, k: number): void {
  const a = accumulatorsNow(w, s, w.scratch.accumulators);
  const exec = a[Acc.ExecUs];
  const rate = exec > 0 ? a[Acc.TxExecuted] / exec : 0;
  const downUs = a[Acc.DownUs];
  out[k + Counter.UptimeMs] =
    (a[Acc.ExecUs] + a[Acc.WarpUs] + a[Acc.PausedUs] + a[Acc.AppDownUs]) / 1000;
  out[k + Counter.DowntimeMs] = downUs / 1000;
  out[k + Counter.TxCommitted] = a[Acc.TxExecuted] + a[Acc.WarpUs] * rate;
  out[k + Counter.TxLost] = a[Acc.InflightLost] + (downUs + a[Acc.AppDownUs]) * rate;
  out[k + Counter.Sdc] = a[Acc.Sdc];
  out[k + Counter.Suppressed] = a[Acc.Suppressed];
  out[k + Counter.PausedMs] = a[Acc.PausedUs] / 1000;
  out[k + Counter.Compares] = a[Acc.Compares];
  out[k + Counter.TxExecuted] = a[Acc.TxExecuted];
  out[k + Counter.UnreachableMs] = a[Acc.UnreachableUs] / 1000;
  out[k + Counter.ServiceCalls] = a[Acc.CallsOpened];
  out[k + Counter.SoftwareRulePicks] = a[Acc.RulePicks];
}

export function systemCounters(w: World, s: number): SystemCounters {
  const k = 0;
  const a = accumulatorsNow(w, s, new Float64Array(ACC_PER_SYSTEM));
  const exec = a[Acc.ExecUs];
  const rate = exec > 0 ? a[Acc.TxExecuted] / exec : 0;
  const upUs = a[k + Acc.ExecUs] + a[k + Acc.WarpUs] + a[k + Acc.PausedUs] + a[k + Acc.AppDownUs];
  const downUs = a[k + Acc.DownUs];
  const executed = a[k + Acc.TxExecuted];
  return {
    systemId: w.systemId(s),
    status: w.status[s],
    uptimeMs: upUs / 1000,
    downtimeMs: downUs / 1000,
    availability: upUs + downUs > 0 ? upUs / (upUs + downUs) : 1,
    transactionsCommitted: executed + a[k + Acc.WarpUs] * rate,
    transactionsExecuted: executed,
    transactionsLost: a[k + Acc.InflightLost] + (downUs + a[k + Acc.AppDownUs]) * rate,
    silentDataCorruptions: a[k + Acc.Sdc],
    outputsSuppressed: a[k + Acc.Suppressed],
    pausedMs: a[k + Acc.PausedUs] / 1000,
    unreachableMs: a[k + Acc.UnreachableUs] / 1000,
    serviceCalls: a[k + Acc.CallsOpened],
    softwareRulePicks: a[k + Acc.RulePicks],
    compares: a[k + Acc.Compares],
  };
}
