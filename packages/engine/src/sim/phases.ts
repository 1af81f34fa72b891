/** A component's timed phase has ended: what comes next, by the state it was in. */
import { OpState, SystemStatus } from '../types.ts';
import { completeDump } from './crash-dump.ts';
import { rebuildDone } from './disks.ts';
import { firmwarePhaseEnd } from './firmware.ts';
import {
  beginInitializing,
  bootDone,
  diagnosticsDone,
  goOnline,
  startDiagnostics,
} from './recovery.ts';
import { Kind } from './kinds.ts';
import type { World } from './world.ts';

export function onPhaseEnd(w: World, c: number): void {
  switch (w.state[c] as OpState) {
    case OpState.Shot:
      startDiagnostics(w, c);
      break;
    case OpState.Diagnostics:
      diagnosticsDone(w, c);
      break;
    case OpState.DiagnosticsPassed:
      beginInitializing(w, c);
      break;
    case OpState.Initializing: {
      const s = w.sys[c];
      if (w.kind[c] === Kind.Disk) rebuildDone(w, c);
      else if (w.kind[c] === Kind.Cpu && w.status[s] === SystemStatus.Booting) bootDone(w, s, c);
      else goOnline(w, c, 'initialised');
      break;
    }
    case OpState.Dumping:
      completeDump(w, c);
      startDiagnostics(w, c);
      break;
    case OpState.FirmwareUpdate:
    case OpState.FirmwareUpdateComplete:
      firmwarePhaseEnd(w, c);
      break;
    default:
      break;
  }
}
