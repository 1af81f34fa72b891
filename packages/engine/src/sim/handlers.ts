/**
 * What follows a vote: a removed element is shot (or broken once its MTBF says so), a three-way
 * disagreement stops the system, an error on the last element crashes the OS.
 */
import { TIMING } from '../timing.ts';
import { log } from './events.ts';
import { FLAG_REASONS } from './faults.ts';
import { makeBroken, osCrash, shoot } from './lifecycle.ts';
import { recordFault } from './mtbf.ts';
import type { VoteHandlers } from './run.ts';
import { goDown } from './states.ts';

const REPLICAS_PER_SYSTEM = 3;

export const voteHandlers: VoteHandlers = {
  remove(w, s, slot, reason) {
    const c = w.sysCpu[s * REPLICAS_PER_SYSTEM + slot];
    const r = s * REPLICAS_PER_SYSTEM + slot;
    const why = w.flagged[r] ? (FLAG_REASONS[w.flagged[r]] ?? reason) : reason;
    w.flagged[r] = 0;
    w.warpHoldUntilMs = w.timeMs + TIMING.warpSettleMs.value;
    if (recordFault(w, c)) shoot(w, c, why);
    else makeBroken(w, c, `${why}; MTBF below threshold`, true);
  },
  threeWay(w, s) {
    log(
      w,
      s,
      -1,
      'critical',
      `Three-way disagreement on ${w.systemName(s)}: no output emitted, system stopped`,
    );
    goDown(w, s, 'three-way disagreement: output halted');
  },
  simplexError(w, s, slot) {
    const r = s * REPLICAS_PER_SYSTEM + slot;
    const why = FLAG_REASONS[w.flagged[r]] ?? 'board error';
    w.flagged[r] = 0;
    osCrash(w, s, `${why} on the last online CPU element`);
  },
};
