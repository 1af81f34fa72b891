/**
 * Service and management state that is records rather than numbers (service calls, dumps,
 * Active Upgrade, SAM, ftGateway): one plain JSON object on the World, saved with it.
 */
import type { DumpRecord, SamMetric, ServiceCall, UpgradeState } from '../types.ts';

export interface SamAlert {
  metric: SamMetric;
  thresholdPct: number;
  action: 'log' | 'notify';
}

export interface SystemOps {
  softwareVersion: string;
  /** Powered on through the Access Adapter (false after a remote power off). */
  powered: boolean;
  gatewayLinkUp: boolean;
  upgrade: {
    state: UpgradeState;
    productionSide: number;
    productionVersion: string;
    upgradeVersion: string | null;
    stepStartMs: number;
    stepEndMs: number;
    /** The upgrade side finished installing and runs the new version. */
    installed: boolean;
  };
  sam: {
    alerts: SamAlert[];
    above: Partial<Record<SamMetric, boolean>>;
    appUp: boolean;
    appDownUntilMs: number;
    restarts: number;
  };
}

export interface OpsState {
  calls: ServiceCall[];
  dumps: DumpRecord[];
  dumpSeq: number;
  systems: SystemOps[];
  /** Firmware version per component id (components not listed run the factory version). */
  firmware: Record<string, string>;
}

/** Side that becomes the upgrade side when an Active Upgrade splits a pair. */
export const UPGRADE_SIDE = 1;
const SPLIT_STATES = new Set<UpgradeState>(['Split', 'PrepareMerge', 'Merge']);

/** The side running separately as the upgrade machine, or -1 when the pair is whole. */
export function splitSideOf(ops: OpsState, s: number): number {
  return SPLIT_STATES.has(ops.systems[s].upgrade.state) ? UPGRADE_SIDE : -1;
}

export const BASE_SOFTWARE_VERSION = 'ftServer System Software 4.0.0';
export const FACTORY_FIRMWARE = '5.0.0';

export function initialOps(systems: number): OpsState {
  return {
    calls: [],
    dumps: [],
    dumpSeq: 0,
    firmware: {},
    systems: Array.from({ length: systems }, () => ({
      softwareVersion: BASE_SOFTWARE_VERSION,
      powered: true,
      gatewayLinkUp: true,
      upgrade: {
        state: 'Idle',
        productionSide: 0,
        productionVersion: BASE_SOFTWARE_VERSION,
        upgradeVersion: null,
        stepStartMs: 0,
        stepEndMs: 0,
        installed: false,
      },
      sam: { alerts: [], above: {}, appUp: true, appDownUntilMs: 0, restarts: 0 },
    })),
  };
}
