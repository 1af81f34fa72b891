/** Online firmware update: one side of a pair at a time, then diagnostics and the usual way back. */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { TIMING } from '../timing.ts';
import { type CommandResult, OpState } from '../types.ts';
import { setState } from './component-state.ts';
import { leaveLockstep } from './lockstep-set.ts';
import { FACTORY_FIRMWARE } from './management.ts';
import { childrenDown, startDiagnostics } from './recovery.ts';
import { inService, lastOfPair } from './redundancy-checks.ts';
import { refreshSystem } from './system-status.ts';
import { Kind } from './kinds.ts';
import type { World } from './world.ts';

const fail = (error: string): CommandResult => ({ ok: false, error });

export function firmwareOf(w: World, c: number): string {
  return w.management.firmware[w.ids[c]] ?? FACTORY_FIRMWARE;
}

const UPDATING = new Set([OpState.FirmwareUpdate, OpState.FirmwareUpdateComplete]);

function nextVersion(v: string): string {
  const [a, b] = v.split('.').map(Number);
  return `${a}.${b + 1}.0`;
}

export function updateFirmware(w: World, c: number, version: string | undefined): CommandResult {
  const kind = w.kind[c] as Kind;
  if (kind !== Kind.Cpu && kind !== Kind.Io && kind !== Kind.Xio && kind !== Kind.Pci) {
    return fail(`${w.label(c)} has no updatable firmware`);
  }
  const target = version ?? nextVersion(firmwareOf(w, c));
  if (typeof target !== 'string' || !/^\d{1,4}\.\d{1,4}\.\d{1,4}$/.test(target)) {
    return fail(`firmware version must look like 5.1.0, got '${String(target).slice(0, 40)}'`);
  }
  const s = w.sys[c];
  if (!inService(w, c)) return fail(`${w.label(c)} must be online to update its firmware online`);
  const p = kind === Kind.Cpu ? -1 : w.partner[c];
  const partnerBusy =
    kind === Kind.Cpu
      ? w.sysCpu
          .slice(s * REPLICAS_PER_SYSTEM, (s + 1) * REPLICAS_PER_SYSTEM)
          .some((k) => k >= 0 && UPDATING.has(w.state[k] as OpState))
      : p >= 0 && UPDATING.has(w.state[p] as OpState);
  if (partnerBusy) {
    return fail('refused: the other half of the pair is being updated; one side at a time');
  }
  const last = lastOfPair(w, c);
  if (last) return fail(`refused: ${last}; never update both halves of a pair together`);
  leaveLockstep(w, c);
  w.management.firmware[`${w.ids[c]}#pending`] = target;
  setState(
    w,
    c,
    OpState.FirmwareUpdate,
    `updating firmware ${firmwareOf(w, c)} → ${target}`,
    TIMING.firmwareUpdateMs.value,
  );
  if (kind === Kind.Io || kind === Kind.Xio) childrenDown(w, c, `${w.label(c)} updating firmware`);
  refreshSystem(w, s);
  return { ok: true };
}

/** Firmware phases end: flashed → complete → diagnostics (then the usual way back). */
export function firmwarePhaseEnd(w: World, c: number): void {
  if (w.state[c] === OpState.FirmwareUpdate) {
    const key = `${w.ids[c]}#pending`;
    const version = w.management.firmware[key] ?? firmwareOf(w, c);
    delete w.management.firmware[key];
    w.management.firmware[w.ids[c]] = version;
    setState(
      w,
      c,
      OpState.FirmwareUpdateComplete,
      `firmware ${version} installed`,
      TIMING.firmwareCompleteMs.value,
    );
  } else {
    startDiagnostics(w, c, 'diagnostics after firmware update');
  }
}
