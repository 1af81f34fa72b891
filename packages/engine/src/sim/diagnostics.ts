/** Diagnostics a person starts from the console (refused when they would stop the system). */
import { TIMING } from '../timing.ts';
import { type CommandResult, OpState } from '../types.ts';
import { setState } from './component-state.ts';
import { leaveLockstep } from './lockstep-set.ts';
import { childrenDown, startDiagnostics } from './recovery.ts';
import { inService, lastOfPair } from './redundancy-checks.ts';
import { refreshSystem } from './system-status.ts';
import { Kind } from './kinds.ts';
import type { World } from './world.ts';

export function runDiagnostics(w: World, c: number): CommandResult {
  const kind = w.kind[c] as Kind;
  if (kind === Kind.Psu || kind === Kind.Nic) {
    return { ok: false, error: `${w.label(c)} has no diagnostics of its own` };
  }
  const st = w.state[c] as OpState;
  if (inService(w, c)) {
    const last = lastOfPair(w, c);
    if (last) {
      return { ok: false, error: `refused: ${last}; diagnostics would take it out of service` };
    }
  } else if (st !== OpState.Offline && st !== OpState.Broken && st !== OpState.Stopped) {
    return {
      ok: false,
      error: `${w.label(c)} is ${OpState[st].toLowerCase()}: diagnostics need it online, offline or broken`,
    };
  }
  if (w.pulled[c]) return { ok: false, error: `${w.label(c)} is not in the chassis` };
  leaveLockstep(w, c);
  if (kind === Kind.Disk) {
    setState(
      w,
      c,
      OpState.Diagnostics,
      'disk verify requested by operator',
      TIMING.ioDiagnosticsMs.value,
    );
  } else {
    startDiagnostics(w, c, 'diagnostics requested by operator');
    if (kind === Kind.Io || kind === Kind.Xio) childrenDown(w, c, `${w.label(c)} in diagnostics`);
  }
  refreshSystem(w, w.sys[c]);
  return { ok: true };
}
