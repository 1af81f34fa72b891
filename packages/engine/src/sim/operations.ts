/**
 * Console and Access Adapter operations: take a dump from a running system, run diagnostics,
 * online firmware update (one side of a pair at a time), remote power off/on and reset, the
 * call-home link of a system.
 */
import { TIMING } from '../timing.ts';
import { type CommandResult, OpState, SystemStatus } from '../types.ts';
import { log } from './events.ts';
import { childrenDown, leaveLockstep, startDiagnostics } from './lifecycle.ts';
import { FACTORY_FIRMWARE } from './ops.ts';
import { flushQueuedCalls } from './service.ts';
import { goDown, isOnline, lockstepCount, refreshSystem, setState, tryBoot } from './states.ts';
import { Kind, type World } from './world.ts';

const fail = (error: string): CommandResult => ({ ok: false, error });
const OK: CommandResult = { ok: true };
const GIB = 1024 ** 3;

export function dumpDurationMs(w: World, s: number): number {
  return ((w.memoryGB[s] * GIB) / TIMING.dumpBytesPerS.value) * 1000;
}

/** Starts a dump record (crash dumps are written later, requested ones at once). */
export function recordDump(w: World, c: number, cause: 'crash' | 'requested'): void {
  const s = w.sys[c];
  w.ops.dumpSeq++;
  w.ops.dumps.push({
    id: `DUMP-${w.systemId(s)}-${String(w.ops.dumpSeq).padStart(3, '0')}`,
    systemId: w.systemId(s),
    componentId: w.ids[c],
    cause,
    sizeBytes: w.memoryGB[s] * GIB,
    startedMs: w.timeMs,
    completedMs: null,
  });
}

/** The dump held by CPU element `c` has been written out. */
export function completeDump(w: World, c: number): void {
  const dump = [...w.ops.dumps]
    .reverse()
    .find((d) => d.componentId === w.ids[c] && d.completedMs === null);
  if (!dump) return;
  dump.completedMs = w.timeMs;
  log(
    w,
    w.sys[c],
    c,
    'info',
    `Dump ${dump.id} written: ${(dump.sizeBytes / GIB).toFixed(0)} GB from ${w.label(c)}`,
  );
}

function notLast(w: World, c: number): string {
  const s = w.sys[c];
  if (w.kind[c] === Kind.Cpu)
    return lockstepCount(w, s) >= 2 ? '' : `${w.label(c)} is the last online CPU element`;
  const p = w.partner[c];
  return p >= 0 && isOnline(w, p) ? '' : `its partner ${p >= 0 ? w.label(p) : ''} is not online`;
}

export function takeDump(w: World, c: number): CommandResult {
  if (w.kind[c] !== Kind.Cpu) return fail(`${w.label(c)} is not a CPU element`);
  const s = w.sys[c];
  if (!w.inLockstep[s * 3 + w.cpuSlot[c]]) return fail(`${w.label(c)} is not running in lockstep`);
  const last = notLast(w, c);
  if (last) return fail(`refused: ${last}; dumping it would stop ${w.systemName(s)}`);
  leaveLockstep(w, c);
  recordDump(w, c, 'requested');
  setState(w, c, OpState.Dumping, 'dump requested: writing memory to disk', dumpDurationMs(w, s));
  refreshSystem(w, s);
  return OK;
}

export function runDiagnostics(w: World, c: number): CommandResult {
  const kind = w.kind[c] as Kind;
  if (kind === Kind.Psu || kind === Kind.Nic)
    return fail(`${w.label(c)} has no diagnostics of its own`);
  const st = w.state[c] as OpState;
  const online =
    kind === Kind.Cpu ? w.inLockstep[w.sys[c] * 3 + w.cpuSlot[c]] === 1 : isOnline(w, c);
  if (online) {
    const last = notLast(w, c);
    if (last) return fail(`refused: ${last}; diagnostics would take it out of service`);
  } else if (st !== OpState.Offline && st !== OpState.Broken && st !== OpState.Stopped) {
    return fail(
      `${w.label(c)} is ${OpState[st].toLowerCase()}: diagnostics need it online, offline or broken`,
    );
  }
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
  return OK;
}

export function firmwareOf(w: World, c: number): string {
  return w.ops.firmware[w.ids[c]] ?? FACTORY_FIRMWARE;
}

const UPDATING = new Set([OpState.FirmwareUpdate, OpState.FirmwareUpdateComplete]);

export function updateFirmware(w: World, c: number, version: string | undefined): CommandResult {
  const kind = w.kind[c] as Kind;
  if (kind !== Kind.Cpu && kind !== Kind.Io && kind !== Kind.Xio && kind !== Kind.Pci) {
    return fail(`${w.label(c)} has no updatable firmware`);
  }
  const target = version ?? nextVersion(firmwareOf(w, c));
  if (!/^\d+\.\d+\.\d+$/.test(target))
    return fail(`firmware version must look like 5.1.0, got '${target}'`);
  const s = w.sys[c];
  const online = kind === Kind.Cpu ? w.inLockstep[s * 3 + w.cpuSlot[c]] === 1 : isOnline(w, c);
  if (!online) return fail(`${w.label(c)} must be online to update its firmware online`);
  const p = kind === Kind.Cpu ? -1 : w.partner[c];
  const partnerBusy =
    kind === Kind.Cpu
      ? w.sysCpu.slice(s * 3, s * 3 + 3).some((k) => k >= 0 && UPDATING.has(w.state[k] as OpState))
      : p >= 0 && UPDATING.has(w.state[p] as OpState);
  if (partnerBusy)
    return fail('refused: the other half of the pair is being updated; one side at a time');
  const last = notLast(w, c);
  if (last) return fail(`refused: ${last}; never update both halves of a pair together`);
  leaveLockstep(w, c);
  w.ops.firmware[`${w.ids[c]}#pending`] = target;
  setState(
    w,
    c,
    OpState.FirmwareUpdate,
    `updating firmware ${firmwareOf(w, c)} → ${target}`,
    TIMING.firmwareUpdateMs.value,
  );
  if (kind === Kind.Io || kind === Kind.Xio) childrenDown(w, c, `${w.label(c)} updating firmware`);
  refreshSystem(w, s);
  return OK;
}

/** Firmware phases end: flashed → complete → diagnostics (then the usual way back). */
export function firmwarePhaseEnd(w: World, c: number): void {
  if (w.state[c] === OpState.FirmwareUpdate) {
    const key = `${w.ids[c]}#pending`;
    const version = w.ops.firmware[key] ?? firmwareOf(w, c);
    delete w.ops.firmware[key];
    w.ops.firmware[w.ids[c]] = version;
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

function nextVersion(v: string): string {
  const [a, b] = v.split('.').map(Number);
  return `${a}.${b + 1}.0`;
}

const POWERED_OFF = 'no power: system powered off remotely';

/** Access Adapter actions on a whole system. */
export function systemAction(w: World, s: number, action: string): CommandResult {
  const ops = w.ops.systems[s];
  switch (action) {
    case 'powerOff': {
      if (!ops.powered) return fail(`${w.systemName(s)} is already powered off`);
      ops.powered = false;
      if (w.status[s] !== SystemStatus.Down) goDown(w, s, 'powered off through the Access Adapter');
      for (const c of w.sysComponents[s]) {
        if (w.kind[c] === Kind.Psu || w.pulled[c] || w.state[c] === OpState.Broken) continue;
        setState(w, c, OpState.Offline, POWERED_OFF);
      }
      w.status[s] = SystemStatus.Down;
      return OK;
    }
    case 'powerOn': {
      if (ops.powered) return fail(`${w.systemName(s)} is already powered on`);
      ops.powered = true;
      log(w, s, -1, 'info', `${w.systemName(s)} powered on through the Access Adapter`);
      for (const c of w.sysComponents[s]) {
        if (w.state[c] !== OpState.Offline || w.reason[c] !== POWERED_OFF) continue;
        const kind = w.kind[c];
        if (kind === Kind.Cpu)
          setState(w, c, OpState.Offline, 'system down: powered on, waiting to boot');
        else if (kind === Kind.Io || kind === Kind.Xio)
          startDiagnostics(w, c, 'power on self-test');
        else setState(w, c, OpState.Offline, 'waiting for its I/O element');
      }
      tryBoot(w, s);
      return OK;
    }
    case 'reset': {
      if (!ops.powered) return fail(`${w.systemName(s)} is powered off`);
      log(w, s, -1, 'warning', `${w.systemName(s)} reset through the Access Adapter`);
      if (w.status[s] === SystemStatus.Down || w.status[s] === SystemStatus.Booting) return OK;
      goDown(w, s, 'reset through the Access Adapter');
      return OK;
    }
    default:
      return fail(
        `unknown system action '${action}'; expected powerOff, powerOn, reset or crashApplication`,
      );
  }
}

export function setGatewayLink(w: World, s: number, up: boolean): CommandResult {
  if (typeof up !== 'boolean') return fail('up must be true or false');
  w.ops.systems[s].gatewayLinkUp = up;
  log(
    w,
    s,
    -1,
    up ? 'info' : 'warning',
    `Call-home link of ${w.systemName(s)} ${up ? 'restored' : 'lost'}`,
  );
  if (up) flushQueuedCalls(w);
  return OK;
}
