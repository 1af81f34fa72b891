/**
 * Public types of the engine: states, faults, commands and events. Plain data, so that commands
 * and events cross the worker boundary as they are.
 */

/** Operational states of a component, as in the ftServer MIB `OpState` (docs/design.md, "The machine"). */
export enum OpState {
  Unknown = 0,
  Empty = 1,
  Removed = 2,
  Shot = 3,
  Broken = 4,
  Dumping = 5,
  Diagnostics = 6,
  DiagnosticsPassed = 7,
  Initializing = 8,
  FirmwareUpdate = 9,
  FirmwareUpdateComplete = 10,
  Offline = 11,
  Stopped = 12,
  DeviceReady = 13,
  Simplex = 14,
  Duplex = 15,
  Triplex = 16,
}

export const OP_STATE_NAMES: readonly string[] = [
  'unknown',
  'empty',
  'removed',
  'shot',
  'broken',
  'dumping',
  'diagnostics',
  'diagnostics-passed',
  'initializing',
  'firmware-update',
  'firmware-update-complete',
  'offline',
  'stopped',
  'device-ready',
  'simplex',
  'duplex',
  'triplex',
];

/** Health summarised from the state, for colours and Redfish-style export. */
export enum Health {
  Ok = 0,
  Warning = 1,
  Critical = 2,
  Unknown = 3,
}

/** Whole-system status. */
export enum SystemStatus {
  Down = 0,
  Booting = 1,
  Simplex = 2,
  Duplex = 3,
  Triplex = 4,
}

export const SYSTEM_STATUS_NAMES: readonly string[] = [
  'down',
  'booting',
  'simplex',
  'duplex',
  'triplex',
];

/** LED drive per LED index in a component's LED word: 2 bits each. */
export enum LedDrive {
  Off = 0,
  On = 1,
  BlinkSlow = 2,
  BlinkFast = 3,
}

export type FaultKind =
  | 'bitflip-register'
  | 'bitflip-memory'
  | 'memory-correctable'
  | 'memory-uncorrectable'
  | 'stuck-at'
  | 'self-check'
  | 'pci-bus-error'
  | 'adapter-failure'
  | 'nic-link-loss'
  | 'disk-media-error'
  | 'disk-failure'
  | 'psu-failure'
  | 'os-crash';

export type RestartPolicy = 'threshold' | 'never' | 'always';

export type DiskPriority = 'low' | 'normal' | 'high';

export type Severity = 'info' | 'warning' | 'error' | 'critical';

/** Optional details of a fault; the engine draws what is missing from its seeded PRNG. */
export interface FaultDetail {
  register?: number;
  bit?: number;
  /** Word address in the element's memory image. */
  address?: number;
  /** Disk block. */
  block?: number;
}

export type SystemAction = 'powerOff' | 'powerOn' | 'reset' | 'crashApplication';
export type UpgradeAction = 'start' | 'merge' | 'abort';
export type SamMetric = 'cpu' | 'memory' | 'disk';

export type Command =
  | { type: 'inject'; target: string; fault: FaultKind; detail?: FaultDetail }
  | { type: 'runDiagnostics'; target: string }
  | { type: 'updateFirmware'; target: string; version?: string }
  | { type: 'takeDump'; target: string }
  /** Access Adapter actions on a whole system; `target` is the system id. */
  | { type: 'system'; target: string; action: SystemAction }
  /** Active Upgrade of a system; `target` is the system id. */
  | { type: 'upgrade'; target: string; action: UpgradeAction; version?: string }
  /** The call-home link of a system (ftGateway routing); `target` is the system id. */
  | { type: 'gatewayLink'; target: string; up: boolean }
  /** SAM threshold alert on a system resource; `target` is the system id. */
  | {
      type: 'samAlert';
      target: string;
      metric: SamMetric;
      thresholdPct: number;
      action: 'log' | 'notify';
    }
  | { type: 'samClearAlerts'; target: string }
  | { type: 'pull'; target: string }
  | { type: 'insert'; target: string; replacement?: boolean }
  | { type: 'bringDown'; target: string }
  | { type: 'bringUp'; target: string }
  | { type: 'clearMtbf'; target: string }
  | { type: 'setRestartPolicy'; target: string; policy: RestartPolicy }
  | { type: 'restoreLink'; target: string }
  | { type: 'setDiskPriority'; target: string; priority: DiskPriority };

export type CommandType = Command['type'];

export interface CommandResult {
  ok: boolean;
  /** Why a command was refused (unknown component, action not possible in this state...). */
  error?: string;
}

export type TrapKind = 'broken' | 'fixed' | 'removed' | 'inserted' | 'stateChange';

/** An SNMP variable binding of a trap: object name, OID and value. */
export interface VarBind {
  name: string;
  oid: string;
  value: string | number;
}

interface EventBase {
  /** Simulated time in milliseconds since the engine started. */
  timeMs: number;
  systemId: string;
  /** Component id, or null for system-wide events. */
  componentId: string | null;
  severity: Severity;
  message: string;
}

export interface StateChangeEvent extends EventBase {
  kind: 'state';
  from: OpState;
  to: OpState;
  reason: string;
}

export interface SystemStatusEvent extends EventBase {
  kind: 'system';
  from: SystemStatus;
  to: SystemStatus;
}

export interface LogEvent extends EventBase {
  kind: 'log';
}

export interface FaultEvent extends EventBase {
  kind: 'fault';
  fault: FaultKind;
}

/** SNMP-style trap record. */
export interface TrapEvent extends EventBase {
  kind: 'trap';
  trap: TrapKind;
  oid: string;
  from: OpState;
  to: OpState;
  reason: string;
  varbinds: VarBind[];
}

export type ServiceCallStatus =
  | 'opened'
  | 'part-shipped'
  | 'part-delivered'
  | 'replaced'
  | 'closed';

export interface ServiceCallEvent extends EventBase {
  kind: 'serviceCall';
  callId: string;
  partNumber: string;
  action: string;
  status: ServiceCallStatus;
  /** How the call reached the support centre: `direct`, `gateway A`, `backup B`, or `queued`. */
  path: string;
}

/** A SAM alert (threshold crossed, application restarted). */
export interface AlertEvent extends EventBase {
  kind: 'alert';
  metric: SamMetric | 'application';
  valuePct: number;
  notify: boolean;
}

/** One compare of the voter, for the lockstep view (only emitted when tracing is on). */
export interface VoteEvent extends EventBase {
  kind: 'vote';
  /** Values each CPU element (0, 1, 2) offered; null where absent. */
  values: (number | null)[];
  /** Element removed by the vote, or -1. */
  removed: number;
  emitted: boolean;
  /** The output word that went to the I/O side. */
  output: number;
}

export type EngineEvent =
  | StateChangeEvent
  | SystemStatusEvent
  | LogEvent
  | FaultEvent
  | TrapEvent
  | ServiceCallEvent
  | AlertEvent
  | VoteEvent;

/**
 * Per-system counters, in the units their names say. What ran for real and what was modelled are
 * reported apart (docs/design.md, "Executed and modelled").
 */
export interface SystemCounters {
  systemId: string;
  status: SystemStatus;
  /** Time the system was up (running, paused by a resync, or with its application restarting). */
  uptimeMs: number;
  /** Time the system was down or booting. */
  downtimeMs: number;
  /** uptime / (uptime + downtime); 1 when no time has passed. */
  availability: number;
  /**
   * Transactions committed: those that ran through the voter for real plus, for time skipped by
   * time warp, the workload's measured rate times the skipped running time.
   */
  transactionsCommitted: number;
  /** Transactions that ran through the voter for real (every output it emitted). */
  transactionsExecuted: number;
  /** In flight at each crash, plus down time and application restarts at the measured rate. */
  transactionsLost: number;
  /**
   * Times the emitted output stream left what a fault-free system would have emitted (counted
   * against a fault-free reference replica, so wrong DMR picks, wrong 2-of-3 majorities, flips
   * on the last board and corrupted images copied by a resync all count).
   */
  silentDataCorruptions: number;
  /** Outputs that the voter held back on a three-way disagreement. */
  outputsSuppressed: number;
  /** Time paused by resync stop-and-copy (and Active Upgrade merges): up, but not running. */
  pausedMs: number;
  /** Time up but unreachable: both NICs of the team, or both adapters of a pair, lost. */
  unreachableMs: number;
  /** Service calls opened (calls, not their lifecycle events). */
  serviceCalls: number;
  /** DMR disagreements the software rule decided with no board evidence (it can pick wrong). */
  softwareRulePicks: number;
  /** Compares the voter made. */
  compares: number;
}

export interface ServiceCall {
  callId: string;
  systemId: string;
  componentId: string;
  partNumber: string;
  severity: Severity;
  reason: string;
  action: string;
  status: ServiceCallStatus;
  path: string;
  openedMs: number;
  /** When the part is due on site. */
  deliveryMs: number;
  history: { status: ServiceCallStatus; timeMs: number }[];
}

export interface DumpRecord {
  id: string;
  systemId: string;
  componentId: string;
  cause: 'crash' | 'requested';
  sizeBytes: number;
  startedMs: number;
  /** When it was written out, or null while still being written. */
  completedMs: number | null;
}

export type UpgradeState =
  | 'Idle'
  | 'PrepareSplit'
  | 'Split'
  | 'PrepareMerge'
  | 'Merge'
  | 'Commit'
  | 'Finish';

export interface SystemInfo {
  systemId: string;
  name: string;
  model: string;
  mode: string;
  status: SystemStatus;
  statusName: string;
  softwareVersion: string;
  upgrade: {
    state: UpgradeState;
    /** CPU side (0 or 1) running production while split. */
    productionSide: number;
    productionVersion: string;
    upgradeVersion: string | null;
    /** Progress of the current step, 0..1, or -1. */
    progress: number;
  };
  gateway: {
    role: 'gateway' | 'backup' | 'client' | 'direct';
    gatewayId: string | null;
    backupId: string | null;
    linkUp: boolean;
  };
  sam: {
    cpuPct: number;
    memoryPct: number;
    diskPct: number;
    applicationUp: boolean;
    restarts: number;
    alerts: { metric: SamMetric; thresholdPct: number; action: 'log' | 'notify' }[];
  };
}

export interface EngineOptions {
  seed: number;
  /** Draw random faults from per-part MTBF rates. */
  randomFaults?: boolean;
  /** Replace broken parts and repair lost links after the modelled service time (headless runs). */
  autoRepair?: boolean;
  /** Words in each CPU element's simulated memory image (power of two). */
  memoryWords?: number;
  /**
   * How replicas run the workload: `auto` (default) uses the build-time compiled code and falls
   * back to the interpreter when it does not match the program; `interpreter` forces the
   * interpreter (benchmarks and tests).
   */
  execution?: 'auto' | 'interpreter';
}

export interface ComponentInfo {
  id: string;
  kind: string;
  systemId: string;
  label: string;
  path: string;
  state: OpState;
  stateName: string;
  health: Health;
  reason: string;
  safeToPull: boolean;
  /** Why it is not safe to pull, when it is not. */
  pullWarning: string;
  progress: number;
  faultCount: number;
  mtbfS: number | null;
  restartPolicy: RestartPolicy;
  /** Fault kinds that can be injected into this component. */
  faults: FaultKind[];
  /** Commands (other than inject) possible right now. */
  actions: CommandType[];
}
