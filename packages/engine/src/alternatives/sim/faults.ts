/**
 * What each fault does to a machine without lockstep (docs/comparison.md, "Fault mapping").
 * The fault kinds are the ftServer's; the consequences are those of one CPU-memory unit, one
 * I/O path and one supply: a transient that the ftServer's voter would have caught either
 * crashes the OS or corrupts data silently, a machine check crashes it, a hard fault keeps it
 * down until the part is fitted.
 */
import type { ComponentKind } from '@ft/hardware';
import { FAULT_MTBF_H, HOUR } from '../../timing.ts';
import type { CommandResult, FaultKind } from '../../types.ts';
import { ALTERNATIVES } from '../parameters.ts';
import { hostPowered, partOk } from './conditions.ts';
import { log } from './events.ts';
import { crashNode, powerChanged } from './node.ts';
import { applicationCrash, silentCorruption } from './service.ts';
import { diskLost, readFromMirror } from './storage.ts';
import { openCall } from './calls.ts';
import { schedule } from './timers.ts';
import { type AltState, TimerType } from './state.ts';

export type FaultEffect =
  /** Reached the software unnoticed: crash (share `transientCrashShare`) or silent corruption. */
  | 'transient'
  /** Corrected by ECC: logged, nothing else. */
  | 'corrected'
  /** Detected by the hardware (machine check, NMI) or a software crash: the OS stops, reboots. */
  | 'crash'
  /** A part is dead: the server is down until the part arrives and is fitted. */
  | 'hard'
  | 'link'
  | 'adapter'
  | 'media'
  | 'disk'
  /** One of the disk array's two supplies: the other carries the load. */
  | 'supply';

type EffectTable = Partial<Record<ComponentKind, Partial<Record<FaultKind, FaultEffect>>>>;

const DISK: Partial<Record<FaultKind, FaultEffect>> = {
  'disk-media-error': 'media',
  'disk-failure': 'disk',
};

/** Effect of each fault on each part; a fault missing here cannot strike that part. */
export const FAULT_EFFECTS: Readonly<Record<'server' | 'array', EffectTable>> = {
  server: {
    cpu: {
      'bitflip-register': 'transient',
      'bitflip-memory': 'transient',
      'memory-correctable': 'corrected',
      'memory-uncorrectable': 'crash',
      'stuck-at': 'hard',
      'self-check': 'crash',
      'os-crash': 'crash',
    },
    io: { 'pci-bus-error': 'crash' },
    xio: { 'pci-bus-error': 'crash' },
    psu: { 'psu-failure': 'hard' },
    nic: { 'nic-link-loss': 'link' },
    pci: { 'adapter-failure': 'adapter' },
    disk: DISK,
  },
  // The array's controllers and supplies have no counterpart in the ftServer's fault schedule;
  // only its disks (the ftServer's disks) draw faults. A person may still fail a supply.
  array: { disk: DISK, psu: { 'psu-failure': 'supply' } },
};

const CRASH_REASONS: Partial<Record<FaultKind, string>> = {
  'memory-uncorrectable': 'machine check: uncorrectable memory error',
  'self-check': 'machine check: processor error',
  'os-crash': 'operating system crash',
  'pci-bus-error': 'PCI bus error (NMI)',
};

export function effectsOf(w: AltState, c: number): Partial<Record<FaultKind, FaultEffect>> {
  return FAULT_EFFECTS[w.isServer[w.sys[c]] ? 'server' : 'array'][w.kind[c]] ?? {};
}

/** Fault kinds a person may inject into `c`. */
export function faultsOf(w: AltState, c: number): FaultKind[] {
  return Object.keys(effectsOf(w, c)) as FaultKind[];
}

const fail = (error: string): CommandResult => ({ ok: false, error });
const OK: CommandResult = { ok: true };

function breakPart(w: AltState, c: number, reason: string): void {
  w.broken[c] = 1;
  w.reason[c] = reason;
  openCall(w, c, reason);
}

/** Why a fault with `effect` cannot strike `c` now, or '' when it can. */
function refusal(w: AltState, c: number, effect: FaultEffect): string {
  const s = w.sys[c];
  if (w.pulled[c]) return `${w.label(c)} is not in the chassis`;
  if (w.broken[c]) return `${w.label(c)} is already broken`;
  if (effect === 'link' && w.linkDown[c]) return `${w.label(c)} has already lost its link`;
  if (effect === 'media' && !w.valid[c]) return `${w.label(c)} holds no current data`;
  // Faults strike running parts only (as on the ftServer, which refuses faults on a stopped
  // element): a server that is down, or an array that is off, suffers none.
  if (!hostPowered(w, s)) return `${w.systemName(s)} is not running`;
  return '';
}

/**
 * Injects `fault` into component `c`. `draw` (0..1) decides what a transient does (crash below
 * `transientCrashShare`, silent corruption above); without it the click-draw stream draws.
 */
export function inject(w: AltState, c: number, fault: FaultKind, draw?: number): CommandResult {
  const effect = effectsOf(w, c)[fault];
  if (!effect) {
    const can = faultsOf(w, c);
    return fail(
      `${w.label(c)} cannot suffer '${String(fault).slice(0, 40)}'${can.length ? `; it can suffer: ${can.join(', ')}` : ': no fault is modelled for it'}`,
    );
  }
  if (draw !== undefined && !(draw >= 0 && draw < 1))
    return fail('draw must be a number in [0, 1)');
  const why = refusal(w, c, effect);
  if (why) return fail(why);
  const s = w.sys[c];
  w.faultCount[c]++;
  switch (effect) {
    case 'transient': {
      const u = draw ?? w.clickDraws.next();
      if (u < ALTERNATIVES.transientCrashShare.value) {
        log(w, s, c, 'error', `Transient ${fault} on ${w.label(c)}: no second unit to compare`);
        crashNode(w, s, 'transient fault crashed the OS');
      } else if (silentCorruption(w, s)) {
        log(
          w,
          s,
          c,
          'warning',
          `Transient ${fault} on ${w.label(c)} reached the application's data unnoticed: a silent corruption (counted by the twin; a real server shows nothing)`,
        );
      } else {
        log(w, s, c, 'info', `Transient ${fault} on ${w.label(c)}: no application data touched`);
      }
      return OK;
    }
    case 'corrected':
      log(w, s, c, 'warning', `Correctable memory error on ${w.label(c)}: corrected by ECC`);
      return OK;
    case 'crash':
      crashNode(w, s, CRASH_REASONS[fault] ?? fault);
      return OK;
    case 'hard':
      breakPart(w, c, fault === 'psu-failure' ? 'power supply failed' : `hard fault (${fault})`);
      if (w.kind[c] === 'psu') powerChanged(w, s);
      else crashNode(w, s, `${w.label(c)} failed`);
      return OK;
    case 'link':
      w.linkDown[c] = 1;
      w.reason[c] = 'link lost';
      log(w, s, c, 'error', `${w.label(c)}: network link lost (no second port to fail over to)`);
      if (w.options.autoRepair)
        schedule(w, w.timeMs + ALTERNATIVES.linkRepairMs.value, TimerType.LinkRepaired, c);
      return OK;
    case 'adapter':
      breakPart(w, c, 'adapter failure');
      log(
        w,
        s,
        c,
        'error',
        `${w.label(c)} failed${w.managementOnly[c] ? '' : ': no second adapter'}`,
      );
      return OK;
    case 'media':
      if (readFromMirror(w, c)) {
        log(w, s, c, 'warning', `Media error on ${w.label(c)}: read from the mirror and rewritten`);
      } else {
        log(w, s, c, 'error', `Unrecoverable read error on ${w.label(c)}: no mirror to read from`);
        mediaErrorSurfaces(w, s);
      }
      return OK;
    case 'disk':
      breakPart(w, c, 'disk failure');
      diskLost(w, c);
      log(w, s, c, 'error', `${w.label(c)} failed`);
      return OK;
    case 'supply':
      breakPart(w, c, 'power supply failed');
      log(w, s, c, 'warning', `${w.label(c)} failed`);
      return OK;
  }
}

/** An unreadable block under the application: it fails and is restarted where it runs. */
function mediaErrorSurfaces(w: AltState, host: number): void {
  const i = w.serviceOf[host];
  if (i < 0) return;
  const svc = w.services[i];
  if (svc.on >= 0) applicationCrash(w, svc.on, 'unreadable block on its data disk');
}

/** Schedules the next random occurrence of fault `f` (index in faultsOf) on `c`. */
export function scheduleRandomFault(w: AltState, c: number, f: number): void {
  const fault = faultsOf(w, c)[f];
  const rates = FAULT_MTBF_H[w.kind[c] as keyof typeof FAULT_MTBF_H] as Record<string, number>;
  const mtbfH = rates[fault];
  if (!mtbfH) return;
  schedule(w, w.timeMs + w.prng.exponential(mtbfH * HOUR), TimerType.RandomFault, c, 0, f);
}

/** Random faults for every part at the ftServer's per-part rates (the twin's random mode). */
export function scheduleRandomFaults(w: AltState): void {
  for (let c = 0; c < w.n; c++) {
    // As in the comparison's schedule: of a disk array, only the disks draw faults.
    if (!w.isServer[w.sys[c]] && w.kind[c] !== 'disk') continue;
    const faults = faultsOf(w, c);
    for (let f = 0; f < faults.length; f++) scheduleRandomFault(w, c, f);
  }
}

export function onRandomFault(w: AltState, c: number, f: number): void {
  const fault = faultsOf(w, c)[f];
  if (fault !== undefined && partOk(w, c)) inject(w, c, fault, w.prng.next());
  scheduleRandomFault(w, c, f);
}
