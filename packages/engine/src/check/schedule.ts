/**
 * Random single-fault schedules for the fault checker, drawn from one seed each: a DMR or TMR
 * system, then one to three actions with full repair in between. Every action is one fault at a
 * time: on DMR only the CPU faults a board flags itself (DMR cannot tell an unflagged transient,
 * that is its documented weakness), on TMR every CPU fault; every fault kind of the other
 * components; CRU pulls followed by an insert of the same part or of a replacement. A few TMR
 * schedules instead flip a different bit on all three boards at once (a three-way disagreement).
 */
import { defaultSystem, type RackConfig } from '@ft/hardware';
import { Prng } from '../prng.ts';
import type { FaultDetail, FaultKind } from '../types.ts';
import { REG } from '../cpu/workload.ts';

export type Mode = 'dmr' | 'tmr';

export type Action =
  | { kind: 'fault'; target: string; fault: FaultKind; detail?: FaultDetail }
  | { kind: 'swap'; target: string; outMs: number; replacement: boolean }
  | { kind: 'threeWay' };

export interface Schedule {
  seed: number;
  mode: Mode;
  /** Simulated time the system runs before the first action. */
  warmupMs: number;
  actions: Action[];
  /** Simulated time after the last action's injection at which state is saved and restored. */
  saveAfterMs: number;
}

/**
 * The smallest memory of each model, so that a resync (which runs for real) is short: a 4300 for
 * DMR, a 6600 for TMR (the only model with a TMR bay).
 */
export const CHECK_RACKS: Record<Mode, RackConfig> = {
  dmr: {
    name: 'fault checker: ftServer 4300 (DMR)',
    heightU: 42,
    systems: [{ ...defaultSystem('A', '4300', 1), memoryGB: 1, pciAdapters: ['gige'] }],
  },
  tmr: {
    name: 'fault checker: ftServer 6600 (TMR)',
    heightU: 42,
    systems: [
      { ...defaultSystem('A', '6600', 1, 'tmr'), memoryGB: 4, pciAdapters: ['gige', 'scsi'] },
    ],
  },
};

/** Components of the check racks and what can happen to each (from the engine's catalog). */
export interface Part {
  id: string;
  kind: string;
  faults: readonly FaultKind[];
  hotSwappable: boolean;
}

const DMR_CPU_FAULTS: readonly FaultKind[] = [
  'self-check',
  'memory-uncorrectable',
  'memory-correctable',
  'os-crash',
];

function pick<T>(prng: Prng, list: readonly T[]): T {
  return list[prng.int(list.length)];
}

/** The schedule of seed `seed` over the parts of each mode's rack. */
export function drawSchedule(seed: number, parts: Record<Mode, readonly Part[]>): Schedule {
  const prng = new Prng(seed);
  const mode: Mode = prng.int(2) === 0 ? 'dmr' : 'tmr';
  const list = parts[mode];
  const actions: Action[] = [];
  const count = 1 + prng.int(3);
  for (let i = 0; i < count; i++) {
    if (mode === 'tmr' && prng.int(40) === 0) {
      actions.push({ kind: 'threeWay' });
      break;
    }
    const category = prng.int(3);
    if (category === 0) {
      const cpu = pick(
        prng,
        list.filter((p) => p.kind === 'cpu'),
      );
      const faults = mode === 'dmr' ? DMR_CPU_FAULTS : cpu.faults;
      actions.push({ kind: 'fault', target: cpu.id, fault: pick(prng, faults) });
    } else if (category === 1) {
      const part = pick(
        prng,
        list.filter((p) => p.kind !== 'cpu' && p.faults.length > 0),
      );
      actions.push({ kind: 'fault', target: part.id, fault: pick(prng, part.faults) });
    } else {
      const part = pick(
        prng,
        list.filter((p) => p.hotSwappable),
      );
      actions.push({
        kind: 'swap',
        target: part.id,
        outMs: 1 + prng.int(60_000),
        replacement: prng.int(2) === 0,
      });
    }
  }
  return {
    seed,
    mode,
    warmupMs: 1 + prng.int(500),
    actions,
    saveAfterMs: prng.int(3000),
  };
}

/** The three different flips of a three-way disagreement: one bit of the checksum per board. */
export function threeWayFlips(): FaultDetail[] {
  return [1, 2, 3].map((bit) => ({ register: REG.SUM, bit }));
}
