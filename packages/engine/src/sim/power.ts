/** Access Adapter actions on a whole system: remote power off, power on and reset. */
import { type CommandResult, OpState, SystemStatus } from '../types.ts';
import { account } from './accounting.ts';
import { setState } from './component-state.ts';
import { log } from './events.ts';
import { startDiagnostics } from './recovery.ts';
import { goDown, tryBoot } from './system-status.ts';
import { Kind } from './kinds.ts';
import type { World } from './world.ts';

const fail = (error: string): CommandResult => ({ ok: false, error });
const POWERED_OFF = 'no power: system powered off remotely';

export function systemAction(w: World, s: number, action: string): CommandResult {
  const m = w.management.systems[s];
  switch (action) {
    case 'powerOff': {
      if (!m.powered) return fail(`${w.systemName(s)} is already powered off`);
      m.powered = false;
      if (w.status[s] !== SystemStatus.Down) goDown(w, s, 'powered off through the Access Adapter');
      for (const c of w.sysComponents[s]) {
        if (w.kind[c] === Kind.Psu || w.pulled[c] || w.state[c] === OpState.Broken) continue;
        setState(w, c, OpState.Offline, POWERED_OFF);
      }
      w.status[s] = SystemStatus.Down;
      account(w, s);
      return { ok: true };
    }
    case 'powerOn': {
      if (m.powered) return fail(`${w.systemName(s)} is already powered on`);
      m.powered = true;
      log(w, s, -1, 'info', `${w.systemName(s)} powered on through the Access Adapter`);
      for (const c of w.sysComponents[s]) {
        if (w.state[c] !== OpState.Offline || w.reason[c] !== POWERED_OFF) continue;
        const kind = w.kind[c];
        if (kind === Kind.Cpu) {
          setState(w, c, OpState.Offline, 'system down: powered on, waiting to boot');
        } else if (kind === Kind.Io || kind === Kind.Xio) {
          startDiagnostics(w, c, 'power on self-test');
        } else setState(w, c, OpState.Offline, 'waiting for its I/O element');
      }
      tryBoot(w, s);
      return { ok: true };
    }
    case 'reset': {
      if (!m.powered) return fail(`${w.systemName(s)} is powered off`);
      log(w, s, -1, 'warning', `${w.systemName(s)} reset through the Access Adapter`);
      if (w.status[s] === SystemStatus.Down || w.status[s] === SystemStatus.Booting) {
        return { ok: true };
      }
      goDown(w, s, 'reset through the Access Adapter');
      return { ok: true };
    }
    default:
      return fail(
        `unknown system action '${String(action).slice(0, 40)}'; expected powerOff, powerOn, reset or crashApplication`,
      );
  }
}
