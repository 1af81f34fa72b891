/**
 * Service and management state that is records rather than numbers (service calls, dumps,
 * Active Upgrade, SAM, ftGateway, firmware versions): one plain JSON object on the World, saved
 * with it.
 */
import type { DumpRecord, SamMetric, ServiceCall, UpgradeState } from '../types.ts';

export interface SamAlert {
  metric: SamMetric;
  thresholdPct: number;
  action: 'log' | 'notify';
}

export interface SystemManagement {
  softwareVersion: string;
  /** Powered on through the Access Adapter (false after a remote power off). */
  powered: boolean;
  gatewayLinkUp: boolean;
  /** Dumps taken on this system so far (dump ids are numbered per system). */
  dumpSeq: number;
  upgrade: {
    state: UpgradeState;
    productionSide: number;
    productionVersion: string;
    upgradeVersion: string | null;
    stepStartUs: number;
    stepEndUs: number;
    /** The upgrade side finished installing and runs the new version. */
    installed: boolean;
  };
  sam: {
    alerts: SamAlert[];
    above: Partial<Record<SamMetric, boolean>>;
    appUp: boolean;
    appDownUntilUs: number;
    restarts: number;
  };
}

export interface ManagementState {
  calls: ServiceCall[];
  dumps: DumpRecord[];
  systems: SystemManagement[];
  /** Firmware version per component id (components not listed run the factory version). */
  firmware: Record<string, string>;
}

/** Side that becomes the upgrade side when an Active Upgrade splits a pair. */
export const UPGRADE_SIDE = 1;
const SPLIT_STATES = new Set<UpgradeState>(['Split', 'PrepareMerge', 'Merge']);

/** The side running separately as the upgrade machine, or -1 when the pair is whole. */
export function splitSideOf(management: ManagementState, s: number): number {
  return SPLIT_STATES.has(management.systems[s].upgrade.state) ? UPGRADE_SIDE : -1;
}

export const BASE_SOFTWARE_VERSION = 'ftServer System Software 4.0.0';
export const FACTORY_FIRMWARE = '5.0.0';

export function initialManagement(systems: number): ManagementState {
  return {
    calls: [],
    dumps: [],
    firmware: {},
    systems: Array.from({ length: systems }, () => ({
      softwareVersion: BASE_SOFTWARE_VERSION,
      powered: true,
      gatewayLinkUp: true,
      dumpSeq: 0,
      upgrade: {
        state: 'Idle',
        productionSide: 0,
        productionVersion: BASE_SOFTWARE_VERSION,
        upgradeVersion: null,
        stepStartUs: 0,
        stepEndUs: 0,
        installed: false,
      },
      sam: { alerts: [], above: {}, appUp: true, appDownUntilUs: 0, restarts: 0 },
    })),
  };
}
