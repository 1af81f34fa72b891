/**
 * Fault injection: each fault acts on the real state (registers, memory images, flags, disks,
 * power) and lets detection happen the way the machine detects it.
 *
 * What the board flags (docs/design.md, "Which faults a board flags"): `self-check` and
 * `memory-uncorrectable` are errors the board's own checking logic signals (parity, ECC,
 * self-checking logic): the board leaves before its next output is compared, and the error
 * counts as evidence against it for the DMR rule. `memory-correctable` is corrected by ECC and
 * logged. `bitflip-register`, `bitflip-memory` and `stuck-at` are faults the checking logic
 * missed: they show only when the voter sees a differing output, and the reference replica runs
 * so that a wrong output that gets through is counted (reference.ts). The rates at which random
 * faults of each kind are drawn follow from the coverage figures in timing.ts (CPU_UPSETS).
 *
 * A flip that can never reach an output is modelled as masked (no state change, a log line
 * saying why): a register that is dead where the replica stands (it will be overwritten before
 * anything reads it), or a memory word the workload never reads.
 */
import { REGISTERS } from '../cpu/isa.ts';
import { REG, WORKLOAD, workloadReads } from '../cpu/workload.ts';
import { shown } from '../text.ts';
import type { CommandResult, FaultDetail, FaultKind } from '../types.ts';
import { OP_STATE_NAMES, OpState, SystemStatus } from '../types.ts';
import { isOnline } from './component-state.ts';
import { osCrash } from './crash-dump.ts';
import { mediaError } from './disks.ts';
import { log } from './events.ts';
import { FlagCode } from './isolation.ts';
import { recordFault } from './mtbf.ts';
import { loseLink } from './network.ts';
import { makeBroken, shoot } from './recovery.ts';
import { activateReference } from './reference.ts';
import { refreshSystem } from './system-status.ts';
import { recordEvidence } from './voter.ts';
import { Defect, DISK_BLOCKS, Kind } from './kinds.ts';
import type { World } from './world.ts';

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

/** Evidence weights of board-signalled errors for the DMR rule (voter.ts). */
const EVIDENCE = { flagged: 1, corrected: 0.25 } as const;

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
      `${w.label(c)} cannot suffer ${shown(fault)}; it can suffer: ${FAULTS_BY_KIND[kind].join(', ')}`,
    );
  }
  if (d === null || typeof d !== 'object') return fail('detail must be an object');
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
  if (w.pulled[c] || w.state[c] === OpState.Removed) {
    return fail(`${w.label(c)} is not in the chassis`);
  }
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
      const result = loseLink(w, c);
      if (result.ok) refreshSystem(w, s);
      return result;
    }
    case 'disk-media-error': {
      if (!isOnline(w, c)) return fail(`${w.label(c)} is not online (state: ${state})`);
      const block = d.block ?? w.prng.int(DISK_BLOCKS);
      if (!Number.isInteger(block) || block < 0 || block >= DISK_BLOCKS) {
        return fail(`block must be an integer in 0..${DISK_BLOCKS - 1}, got ${shown(block)}`);
      }
      mediaError(w, c, block);
      if (!recordFault(w, c)) makeBroken(w, c, 'repeated media errors; MTBF below threshold', true);
      return OK;
    }
    default:
      return fail(`unknown fault ${shown(fault)}`);
  }
}

/**
 * Registers the workload carries from one transaction to the next (seed, transaction id,
 * checksum): live everywhere, so a flip there always reaches an output. A flip with no register
 * given lands in one of them; give `detail.register` to aim anywhere (a dead register is masked).
 */
const CARRIED_REGISTERS = [REG.SEED, REG.TXID, REG.SUM];

function pickRegister(w: World, d: FaultDetail): number | string {
  if (d.register !== undefined) {
    const reg = d.register;
    if (!Number.isInteger(reg) || reg < 0 || reg >= REGISTERS) {
      return `register must be an integer in 0..${REGISTERS - 1}, got ${shown(reg)}`;
    }
    return reg;
  }
  return CARRIED_REGISTERS[w.prng.int(CARRIED_REGISTERS.length)];
}

function pickBit(w: World, d: FaultDetail): number | string {
  const bit = d.bit ?? w.prng.int(32);
  if (!Number.isInteger(bit) || bit < 0 || bit > 31) {
    return `bit must be an integer in 0..31, got ${shown(bit)}`;
  }
  return bit;
}

function pickAddress(w: World, d: FaultDetail): number | string {
  const address = d.address ?? WORKLOAD.accountsBase + w.prng.int(WORKLOAD.accounts);
  if (!Number.isInteger(address) || address < 0 || address >= w.cpu.memoryWords) {
    return `address must be a word address in 0..${w.cpu.memoryWords - 1}, got ${shown(address)}`;
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
      const i = cpu.registerIndex(r, reg);
      if (fault === 'bitflip-register') {
        if (!cpu.registerLive(r, reg)) {
          log(
            w,
            s,
            c,
            'info',
            `Transient bit flip in r${reg} bit ${bit} of ${name} is masked: the workload overwrites r${reg} before reading it`,
          );
          return OK;
        }
        activateReference(w, s, r);
        cpu.regs[i] ^= 1 << bit;
        log(
          w,
          s,
          c,
          'info',
          `Transient bit flip injected: r${reg} bit ${bit} of ${name} (not flagged)`,
        );
      } else {
        activateReference(w, s, r);
        w.defect[c] = Defect.StuckAt;
        cpu.stuckReg[r] = reg;
        cpu.stuckMask[r] = 1 << bit;
        cpu.stuckValue[r] = ~cpu.regs[i] & (1 << bit);
        cpu.regs[i] ^= 1 << bit;
        log(w, s, c, 'info', `Stuck-at hard fault injected: r${reg} bit ${bit} of ${name}`);
      }
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
        recordEvidence(w, c, EVIDENCE.corrected);
        log(
          w,
          s,
          c,
          'warning',
          `Correctable memory error at ${hex(address)} on ${name}: corrected by ECC`,
        );
        return OK;
      }
      if (fault === 'memory-uncorrectable') {
        // ECC detected it: the board flags itself and leaves before the word is used.
        w.flagged[r] = FlagCode.Uncorrectable;
        recordEvidence(w, c, EVIDENCE.flagged);
        log(w, s, c, 'error', `Uncorrectable memory error at ${hex(address)} on ${name}`);
        return OK;
      }
      if (!workloadReads(address)) {
        log(
          w,
          s,
          c,
          'info',
          `Transient bit flip at ${hex(address)} bit ${bit} of ${name} is masked: the workload never reads that word`,
        );
        return OK;
      }
      activateReference(w, s, r);
      cpu.images[r][address] ^= 1 << bit;
      log(
        w,
        s,
        c,
        'info',
        `Transient bit flip injected: memory ${hex(address)} bit ${bit} of ${name} (not flagged)`,
      );
      return OK;
    }
    case 'self-check':
      w.flagged[r] = FlagCode.SelfCheck;
      recordEvidence(w, c, EVIDENCE.flagged);
      log(w, s, c, 'warning', `Board self-check error on ${name}`);
      return OK;
    default:
      return fail(`unknown fault ${shown(fault)}`);
  }
}
