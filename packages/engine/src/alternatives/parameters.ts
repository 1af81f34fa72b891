/**
 * Every parameter of the alternatives the ftServer is compared with (issue 11): a conventional
 * server and a two-node HA failover cluster. One place, each value marked sourced (`src`, with
 * the source) or assumed (with the reasoning), as `timing.ts` does for the ftServer. Where the
 * alternatives share a figure with the ftServer (reboot, part delivery, disk rebuild, fault
 * rates) they take it from `timing.ts`, so that a correction there moves all three alike.
 *
 * docs/comparison.md explains how each figure is used.
 */
import { assumed, type Figure, sourced } from '@ft/hardware';
import { HOUR, TIMING } from '../timing.ts';

const MINUTE = 60_000;

const same = <T>(figure: Figure<T>, why: string): Figure<T> =>
  figure.source === 'src'
    ? sourced(figure.value, `${figure.note ?? ''}; ${why}`)
    : assumed(figure.value, `${figure.note ?? ''}; ${why}`);

export const ALTERNATIVES = {
  /** Heartbeats between cluster nodes. */
  heartbeatIntervalMs: sourced(
    1_000,
    'Windows failover clustering SameSubnetDelay default, 1000 ms (Microsoft Learn, Cluster common properties); the 2003-era MSCS heartbeat was of the same order',
  ),
  /** Heartbeats missed before the surviving node declares the other one dead. */
  missedHeartbeats: sourced(5, 'SameSubnetThreshold default, 5 (Microsoft Learn)'),
  /** How often the cluster polls a resource (the application, an IP address) on a live node. */
  resourcePollMs: sourced(
    5_000,
    'LooksAlivePollInterval default, 5000 ms (Microsoft Learn, resource type common properties)',
  ),
  /**
   * Bringing the resource group online on a node: reserving the shared disks, mounting them,
   * bringing the IP address and network name up (before the application starts).
   */
  groupOnlineMs: assumed(
    20_000,
    'no public figure for a 2003 MSCS group move found; SCSI reservation, mount and IP/name take tens of seconds',
  ),
  /**
   * The application's own restart after any unclean stop (reboot, failover, crash): a database
   * replays its log before it accepts work again. Applied to all three architectures alike.
   */
  applicationRecoveryMs: sourced(
    MINUTE,
    'SQL Server with the default recovery interval: crash recovery under one minute per database (Microsoft Learn, "recovery interval" option)',
  ),
  /** Operating-system reboot after a crash: the same Windows as on the ftServer. */
  bootMs: same(TIMING.bootMs, 'the same operating system on every architecture'),
  /** Part delivered after the call is opened: the same service contract as the ftServer. */
  partReplacementMs: same(TIMING.partReplacementMs, 'the same contract on every architecture'),
  partShipMs: same(TIMING.partShipMs, 'the same depot on every architecture'),
  /**
   * Changing a part that is not hot-swappable: shut down, slide out, open, change, close,
   * power on (then the boot). The ftServer and the disk bays need none of it.
   */
  coldSwapMs: assumed(30 * MINUTE, 'half an hour of an on-site engineer at a powered-off server'),
  /** Restoring a data volume from backup after every copy of it is lost. */
  restoreFromBackupMs: assumed(4 * HOUR, 'one volume from tape, with the period tape rates'),
  /** A network link lost (cable, switch port) until a person restores it. */
  linkRepairMs: assumed(HOUR, 'a person finds and re-plugs the cable or fixes the switch port'),
  /**
   * Share of the transients that reach the software (the ones the ftServer's voter sees as a
   * miscompare) which crash the OS on a conventional server; the rest corrupt data silently.
   */
  transientCrashShare: assumed(
    0.8,
    'fault-injection studies find most unmasked faults end in a crash or hang and a minority in silent corruption; no figure for this workload',
  ),
  /** Transactions in flight at any moment = rate × response time (Little's law). */
  inFlightWindowMs: assumed(100, 'a 100 ms response time of the period'),
  /**
   * Transactions per second the application commits while the service is up. The ftServer
   * engine measures its own; the alternatives take this figure (the Monte Carlo passes them the
   * engine's measured rate instead, so all three count alike).
   */
  transactionsPerS: assumed(
    12_200,
    "the ftServer engine's compiled workload measured 12,197/s (1M instructions per simulated second); a test keeps them within 5%",
  ),
  /** Disk rebuild after a mirror half is replaced: the ftServer's rates per priority. */
  diskRebuildBytesPerS: TIMING.diskRebuildBytesPerS,
} as const;

/** Detection of a dead node: missed heartbeats × interval (5 s with the defaults). */
export function nodeDetectionMs(): number {
  return ALTERNATIVES.heartbeatIntervalMs.value * ALTERNATIVES.missedHeartbeats.value;
}

/**
 * Transactions lost at every unclean interruption of the service, beside those refused while
 * it is down.
 *
 * @example
 * inFlightTransactions(34_000); // 3400
 */
export function inFlightTransactions(transactionsPerS: number): number {
  return (transactionsPerS * ALTERNATIVES.inFlightWindowMs.value) / 1000;
}
