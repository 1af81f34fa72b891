/**
 * What follows a vote: a removed element is shot (or broken once its MTBF says so), a three-way
 * disagreement stops the system, an error signalled by the last element crashes the OS.
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { osCrash } from './crash-dump.ts';
import { log } from './events.ts';
import { recordFault } from './mtbf.ts';
import { makeBroken, shoot } from './recovery.ts';
import { goDown } from './system-status.ts';
import type { World } from './world.ts';

/** Why an element flagged itself (World.flagged). */
export enum FlagCode {
  None = 0,
  SelfCheck = 1,
  Uncorrectable = 2,
}

export const FLAG_REASONS: Record<number, string> = {
  [FlagCode.SelfCheck]: 'self-check error signalled by the board',
  [FlagCode.Uncorrectable]: 'uncorrectable memory error (ECC)',
};

/** CPU slot `slot` of system `s` leaves after a vote or its own error signal. */
export function removeElement(w: World, s: number, slot: number, reason: string): void {
  const c = w.sysCpu[s * REPLICAS_PER_SYSTEM + slot];
  const r = s * REPLICAS_PER_SYSTEM + slot;
  const why = w.flagged[r] ? (FLAG_REASONS[w.flagged[r]] ?? reason) : reason;
  w.flagged[r] = FlagCode.None;
  if (recordFault(w, c)) shoot(w, c, why);
  else makeBroken(w, c, `${why}; MTBF below threshold`, true);
}

/** Three CPU elements disagree: no output is emitted and the system stops. */
export function threeWayDisagreement(w: World, s: number): void {
  log(
    w,
    s,
    -1,
    'critical',
    `Three-way disagreement on ${w.systemName(s)}: no output emitted, system stopped`,
  );
  goDown(w, s, 'three-way disagreement: output halted');
}

/** The last element in lockstep signalled an error: the OS cannot go on. */
export function simplexError(w: World, s: number, slot: number): void {
  const r = s * REPLICAS_PER_SYSTEM + slot;
  const why = FLAG_REASONS[w.flagged[r]] ?? 'board error';
  w.flagged[r] = FlagCode.None;
  osCrash(w, s, `${why} on the last online CPU element`);
}
