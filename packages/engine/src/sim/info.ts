/** Per-system and per-component records for panels, the JS API and Redfish export. */
import { toRedfish } from '../redfish.ts';
import { SYSTEM_STATUS_NAMES, type SystemInfo, type SystemStatus } from '../types.ts';
import { firmwareOf } from './firmware.ts';
import { samMetrics } from './sam.ts';
import { gatewayRoles } from './service.ts';
import { upgradeProgress } from './upgrade.ts';
import { componentInfo } from './view.ts';
import type { World } from './world.ts';

/** Software version, Active Upgrade, call-home role and SAM figures of every system. */
export function systemInfo(w: World): SystemInfo[] {
  const { gateway, backup } = gatewayRoles(w);
  return w.rack.systems.map((sys, s) => {
    const ops = w.management.systems[s];
    const u = ops.upgrade;
    const metrics = samMetrics(w, s);
    const role =
      gateway < 0 ? 'direct' : s === gateway ? 'gateway' : s === backup ? 'backup' : 'client';
    return {
      systemId: sys.config.id,
      name: sys.config.name,
      model: sys.config.model,
      mode: sys.config.mode,
      status: w.status[s] as SystemStatus,
      statusName: SYSTEM_STATUS_NAMES[w.status[s]],
      softwareVersion: ops.softwareVersion,
      upgrade: {
        state: u.state,
        productionSide: u.productionSide,
        productionVersion: u.productionVersion,
        upgradeVersion: u.upgradeVersion,
        progress: upgradeProgress(w, s),
      },
      gateway: {
        role,
        gatewayId: gateway >= 0 ? w.systemId(gateway) : null,
        backupId: backup >= 0 ? w.systemId(backup) : null,
        linkUp: ops.gatewayLinkUp,
      },
      sam: {
        cpuPct: metrics.cpu,
        memoryPct: metrics.memory,
        diskPct: metrics.disk,
        applicationUp: ops.sam.appUp,
        restarts: ops.sam.restarts,
        alerts: ops.sam.alerts.map((a) => ({ ...a })),
      },
    };
  });
}

/** A component as Redfish-style JSON. */
export function componentRedfish(w: World, c: number): Record<string, unknown> {
  const sys = w.rack.systems[w.sys[c]];
  return toRedfish(componentInfo(w, c), {
    partNumber: w.partNumber[c],
    serialNumber: `FT${sys.config.model}-${w.serial[c]}`,
    firmwareVersion: firmwareOf(w, c),
    model: `ftServer ${sys.config.model} ${w.specs[c].kind.toUpperCase()}`,
  });
}
