/**
 * Carries out commands from the UI, the JS API, lessons and `pnpm sim`: checked, refused with a
 * short reason when they cannot be done, never thrown.
 */
import type { Command, CommandResult, FaultKind } from '../types.ts';
import {
  bringDown,
  bringUp,
  clearMtbfCommand,
  setDiskPriority,
  setPolicy,
} from './console-commands.ts';
import { takeDump } from './crash-dump.ts';
import { runDiagnostics } from './diagnostics.ts';
import { shown } from '../text.ts';
import { inject } from './faults.ts';
import { updateFirmware } from './firmware.ts';
import { insert, pull } from './hot-swap.ts';
import { restoreLink } from './network.ts';
import { systemAction } from './power.ts';
import { clearAlerts, crashApplication, setAlert } from './sam.ts';
import { setGatewayLink } from './service.ts';
import { refreshSystem } from './system-status.ts';
import { upgradeCommand } from './upgrade.ts';
import type { World } from './world.ts';

const SYSTEM_COMMANDS = new Set(['system', 'upgrade', 'gatewayLink', 'samAlert', 'samClearAlerts']);

export function applyCommand(w: World, cmd: Command): CommandResult {
  if (!cmd || typeof cmd !== 'object' || typeof cmd.type !== 'string') {
    return { ok: false, error: 'command must be an object with a type' };
  }
  w.reevaluate = true;
  if (SYSTEM_COMMANDS.has(cmd.type)) return systemCommand(w, cmd);
  const c = typeof cmd.target === 'string' ? w.byId.get(cmd.target) : undefined;
  if (c === undefined) {
    return {
      ok: false,
      error: `unknown component ${shown(cmd.target)} (ids look like ${w.ids[0]})`,
    };
  }
  switch (cmd.type) {
    case 'inject':
      return inject(w, c, cmd.fault as FaultKind, cmd.detail ?? {});
    case 'pull':
      return pull(w, c);
    case 'insert':
      return insert(w, c, cmd.replacement === true);
    case 'bringDown':
      return bringDown(w, c);
    case 'bringUp':
      return bringUp(w, c);
    case 'clearMtbf':
      return clearMtbfCommand(w, c);
    case 'setRestartPolicy':
      return setPolicy(w, c, cmd.policy);
    case 'restoreLink': {
      const result = restoreLink(w, c);
      if (result.ok) refreshSystem(w, w.sys[c]);
      return result;
    }
    case 'setDiskPriority':
      return setDiskPriority(w, c, cmd.priority);
    case 'runDiagnostics':
      return runDiagnostics(w, c);
    case 'updateFirmware':
      return updateFirmware(w, c, cmd.version);
    case 'takeDump':
      return takeDump(w, c);
    default:
      return { ok: false, error: `unknown command type ${shown((cmd as { type: string }).type)}` };
  }
}

/** Commands whose target is a system id rather than a component. */
function systemCommand(w: World, cmd: Command): CommandResult {
  const s = typeof cmd.target === 'string' ? (w.systemIndex.get(cmd.target) ?? -1) : -1;
  if (s < 0) {
    const ids = w.rack.systems.map((sys) => sys.config.id).join(', ');
    return { ok: false, error: `unknown system ${shown(cmd.target)}; systems: ${ids}` };
  }
  switch (cmd.type) {
    case 'system':
      return cmd.action === 'crashApplication'
        ? crashApplication(w, s)
        : systemAction(w, s, cmd.action);
    case 'upgrade':
      return upgradeCommand(w, s, cmd.action, cmd.version);
    case 'gatewayLink':
      return setGatewayLink(w, s, cmd.up);
    case 'samAlert':
      return setAlert(w, s, cmd.metric, cmd.thresholdPct, cmd.action);
    case 'samClearAlerts':
      return clearAlerts(w, s);
    default:
      return { ok: false, error: `unknown command type ${shown(cmd.type)}` };
  }
}
