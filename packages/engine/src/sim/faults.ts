/**
 * Fault injection: each fault acts on the real state (registers, memory images, flags, disks,
 * power) and lets detection happen the way the machine detects it: a bit flip shows up only
 * when the voter sees a differing output; ECC and self-check errors are flagged by the board.
 */
import { REGISTERS } from '../cpu/isa.ts';
import { WORKLOAD } from '../cpu/workload.ts';
import type { CommandResult, FaultDetail, FaultKind } from '../types.ts';
import { OP_STATE_NAMES, OpState, SystemStatus } from '../types.ts';
import { mediaError } from './disks.ts';
import { log } from './events.ts';
import { makeBroken, osCrash, shoot } from './lifecycle.ts';
import { recordFault } from './mtbf.ts';
import { isOnline, refreshSystem, setState } from './states.ts';
import { Defect, DISK_BLOCKS, Kind, type World } from './world.ts';

export const FAULTS_BY_KIND: Record<Kind, readonly FaultKind[]> = {
  [Kind.Cpu]: [
    'bitflip-register',
    'bitflip-memory',
    'memory-correctable',
    'memory-uncorrectable',
    'stuck-at',
    'self-check',
    'os-crash',
  ],
  [Kind.Io]: ['pci-bus-error'],
  [Kind.Xio]: ['pci-bus-error'],
  [Kind.Disk]: ['disk-media-error', 'disk-failure'],
  [Kind.Pci]: ['adapter-failure'],
  [Kind.Nic]: ['nic-link-loss'],
  [Kind.Psu]: ['psu-failure'],
};

/** Registers that feed every output (seed, transaction id, checksum): a flip there always shows. */
const LIVE_REGISTERS = [1, 2, 3];

/** Why an element flagged itself (FlagCode), kept in World.flagged. */
export enum FlagCode {
  None = 0,
  SelfCheck = 1,
  Uncorrectable = 2,
}

export const FLAG_REASONS: Record<number, string> = {
  [FlagCode.SelfCheck]: 'self-check error signalled by the board',
  [FlagCode.Uncorrectable]: 'uncorrectable memory error (ECC)',
};

const fail = (error: string): CommandResult => ({ ok: false, error });
const OK: CommandResult = { ok: true };

function hex(n: number): string {
  return `0x${(n * 4).toString(16).padStart(8, '0')}`;
}

/** Injects `fault` into component `c`. */
export function inject(w: World, c: number, fault: FaultKind, d: FaultDetail = {}): CommandResult {
  const kind = w.kind[c] as Kind;
  if (!FAULTS_BY_KIND[kind].includes(fault)) {
    return fail(
      `${w.label(c)} cannot suffer '${fault}'; it can suffer: ${FAULTS_BY_KIND[kind].join(', ')}`,
    );
  }
  const s = w.sys[c];
  const state = OP_STATE_NAMES[w.state[c]];
  if (kind === Kind.Cpu) {
    if (fault === 'os-crash') {
      if (w.status[s] === SystemStatus.Down || w.status[s] === SystemStatus.Booting) {
        return fail(`${w.systemName(s)} is not running`);
      }
      log(w, s, c, 'critical', `Operating system crash on ${w.systemName(s)}`);
      osCrash(w, s, 'operating system crash');
      return OK;
    }
    const r = w.replica(s, w.cpuSlot[c]);
    if (!w.inLockstep[r]) return fail(`${w.label(c)} is not running (state: ${state})`);
    return injectCpu(w, c, r, fault, d);
  }
  if (w.pulled[c] || w.state[c] === OpState.Removed)
    return fail(`${w.label(c)} is not in the chassis`);
  switch (fault) {
    case 'pci-bus-error': {
      if (!isOnline(w, c)) return fail(`${w.label(c)} is not online (state: ${state})`);
      const p = w.partner[c];
      const retried = p >= 0 && isOnline(w, p);
      log(
        w,
        s,
        c,
        'warning',
        `PCI bus error on ${w.label(c)}: ${retried ? `I/O retried on ${w.label(p)}` : 'no alternate path'}`,
      );
      if (recordFault(w, c)) shoot(w, c, 'PCI bus error');
      else makeBroken(w, c, 'PCI bus error; MTBF below threshold', true);
      return OK;
    }
    case 'adapter-failure':
    case 'disk-failure':
    case 'psu-failure': {
      if (w.state[c] === OpState.Broken) return fail(`${w.label(c)} is already broken`);
      w.defect[c] =
        fault === 'adapter-failure'
          ? Defect.AdapterFailure
          : fault === 'disk-failure'
            ? Defect.DiskFailure
            : Defect.PsuFailure;
      recordFault(w, c);
      makeBroken(w, c, fault.replace('-', ' '), true);
      return OK;
    }
    case 'nic-link-loss': {
      if (w.linkDown[c]) return fail(`${w.label(c)} has already lost its link`);
      w.linkDown[c] = 1;
      const p = w.partner[c];
      if (isOnline(w, c)) setState(w, c, OpState.Offline, 'link lost');
      const over = p >= 0 && isOnline(w, p);
      log(
        w,
        s,
        c,
        over ? 'warning' : 'error',
        over
          ? `NIC team failed over from ${w.specs[c].path} to ${w.specs[p].path}`
          : `Network lost: no NIC of the team has a link`,
      );
      refreshSystem(w, s);
      return OK;
    }
    case 'disk-media-error': {
      if (!isOnline(w, c)) return fail(`${w.label(c)} is not online (state: ${state})`);
      const block = d.block ?? w.prng.int(DISK_BLOCKS);
      if (!Number.isInteger(block) || block < 0 || block >= DISK_BLOCKS) {
        return fail(`block must be an integer in 0..${DISK_BLOCKS - 1}`);
      }
      mediaError(w, c, block);
      if (!recordFault(w, c)) makeBroken(w, c, 'repeated media errors; MTBF below threshold', true);
      return OK;
    }
    default:
      return fail(`unknown fault '${fault}'`);
  }
}

function pickRegister(w: World, d: FaultDetail): number | string {
  const reg = d.register ?? LIVE_REGISTERS[w.prng.int(LIVE_REGISTERS.length)];
  if (!Number.isInteger(reg) || reg < 0 || reg >= REGISTERS)
    return `register must be an integer in 0..${REGISTERS - 1}`;
  return reg;
}

function pickBit(w: World, d: FaultDetail): number | string {
  const bit = d.bit ?? w.prng.int(32);
  if (!Number.isInteger(bit) || bit < 0 || bit > 31) return 'bit must be an integer in 0..31';
  return bit;
}

function pickAddress(w: World, d: FaultDetail): number | string {
  const address = d.address ?? WORKLOAD.accountsBase + w.prng.int(WORKLOAD.accounts);
  if (!Number.isInteger(address) || address < 0 || address >= w.cpu.memoryWords) {
    return `address must be a word address in 0..${w.cpu.memoryWords - 1}`;
  }
  return address;
}

function injectCpu(
  w: World,
  c: number,
  r: number,
  fault: FaultKind,
  d: FaultDetail,
): CommandResult {
  const s = w.sys[c];
  const cpu = w.cpu;
  const name = `${w.label(c)} of ${w.systemName(s)}`;
  switch (fault) {
    case 'bitflip-register':
    case 'stuck-at': {
      const reg = pickRegister(w, d);
      const bit = pickBit(w, d);
      if (typeof reg === 'string') return fail(reg);
      if (typeof bit === 'string') return fail(bit);
      const i = r * REGISTERS + reg;
      if (fault === 'bitflip-register') {
        cpu.regs[i] ^= 1 << bit;
        log(w, s, c, 'info', `Transient bit flip injected: r${reg} bit ${bit} of ${name}`);
      } else {
        w.defect[c] = Defect.StuckAt;
        cpu.stuckReg[r] = reg;
        cpu.stuckMask[r] = 1 << bit;
        cpu.stuckValue[r] = ~cpu.regs[i] & (1 << bit);
        log(w, s, c, 'info', `Stuck-at hard fault injected: r${reg} bit ${bit} of ${name}`);
      }
      w.tainted[r] = 1;
      return OK;
    }
    case 'bitflip-memory':
    case 'memory-correctable':
    case 'memory-uncorrectable': {
      const address = pickAddress(w, d);
      const bit = pickBit(w, d);
      if (typeof address === 'string') return fail(address);
      if (typeof bit === 'string') return fail(bit);
      if (fault === 'memory-correctable') {
        log(
          w,
          s,
          c,
          'warning',
          `Correctable memory error at ${hex(address)} on ${name}: corrected by ECC`,
        );
        return OK;
      }
      cpu.mem[r * cpu.memoryWords + address] ^= 1 << bit;
      if (fault === 'memory-uncorrectable') {
        w.flagged[r] = FlagCode.Uncorrectable;
        log(w, s, c, 'error', `Uncorrectable memory error at ${hex(address)} on ${name}`);
      } else {
        w.tainted[r] = 1;
        log(
          w,
          s,
          c,
          'info',
          `Transient bit flip injected: memory ${hex(address)} bit ${bit} of ${name}`,
        );
      }
      return OK;
    }
    case 'self-check':
      w.flagged[r] = FlagCode.SelfCheck;
      log(w, s, c, 'warning', `Board self-check error on ${name}`);
      return OK;
    default:
      return fail(`unknown fault '${fault}'`);
  }
}
