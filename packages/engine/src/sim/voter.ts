/**
 * The voter's decision rules (docs/design.md, "Voting"), as pure decisions over the
 * World; lockstep.ts applies them output by output.
 *
 * TMR: two boards that agree outvote the third (2-of-3); when all three differ, nothing is
 * emitted and the system stops (no corrupt output is ever emitted on a three-way disagreement).
 *
 * DMR, when the two boards disagree, there is no majority, so:
 * 1. a board whose own fault-detection logic flagged an error leaves;
 * 2. otherwise both run a quick board self-test: a board with a hard fault fails it and leaves;
 * 3. otherwise (a transient that left no trace) the software rule decides: the board with more
 *    recent errors it signalled itself (ECC, self-check; decaying with TIMING.evidenceHalfLifeS)
 *    leaves, when one has clearly more;
 * 4. with no evidence either way, the board that did not leave last time leaves (the first time,
 *    the higher-numbered one), so the rule never keeps removing the same board for ever.
 * Steps 3 and 4 can pick the wrong board: that is the honest weakness of DMR. A wrong pick is
 * counted as a silent data corruption when the emitted output differs from the reference
 * replica's (reference.ts), not here: the voter cannot know it picked wrong.
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { TIMING } from '../timing.ts';
import { FAULT_RING } from './kinds.ts';
import type { World } from './world.ts';

/** How the DMR rule decided. */
export enum DmrRule {
  Flag = 0,
  SelfTest = 1,
  Evidence = 2,
  Alternate = 3,
}

export interface DmrDecision {
  victim: number;
  rule: DmrRule;
}

/** Records an error a board signalled itself (weight: how much it says about the board). */
export function recordEvidence(w: World, c: number, weight: number): void {
  const count = w.evidenceCount[c];
  const i = c * FAULT_RING + (count % FAULT_RING);
  w.evidenceTimesS[i] = w.timeUs / 1e6;
  w.evidenceWeight[i] = weight;
  if (count < 65535) w.evidenceCount[c] = count + 1;
}

export function clearEvidence(w: World, c: number): void {
  w.evidenceCount[c] = 0;
  w.evidenceTimesS.fill(0, c * FAULT_RING, (c + 1) * FAULT_RING);
  w.evidenceWeight.fill(0, c * FAULT_RING, (c + 1) * FAULT_RING);
}

/** Recent signalled errors of component `c`, weighted and halved every evidenceHalfLifeS. */
export function evidenceScore(w: World, c: number): number {
  const nowS = w.timeUs / 1e6;
  const halfLife = TIMING.evidenceHalfLifeS.value;
  const n = Math.min(w.evidenceCount[c], FAULT_RING);
  let score = 0;
  for (let k = 0; k < n; k++) {
    const i = c * FAULT_RING + k;
    score += w.evidenceWeight[i] * 2 ** (-(nowS - w.evidenceTimesS[i]) / halfLife);
  }
  return score;
}

/** Which of CPU slots `a` and `b` of system `s` leaves when their outputs differ. */
export function chooseDmrVictim(w: World, s: number, a: number, b: number): DmrDecision {
  const ra = s * REPLICAS_PER_SYSTEM + a;
  const rb = s * REPLICAS_PER_SYSTEM + b;
  if ((w.flagged[ra] !== 0) !== (w.flagged[rb] !== 0)) {
    return { victim: w.flagged[ra] ? a : b, rule: DmrRule.Flag };
  }
  const ca = w.sysCpu[ra];
  const cb = w.sysCpu[rb];
  const hardA = w.defect[ca] !== 0;
  const hardB = w.defect[cb] !== 0;
  if (hardA !== hardB) return { victim: hardA ? a : b, rule: DmrRule.SelfTest };
  const ea = evidenceScore(w, ca);
  const eb = evidenceScore(w, cb);
  if (Math.abs(ea - eb) >= TIMING.evidenceMargin.value) {
    return { victim: ea > eb ? a : b, rule: DmrRule.Evidence };
  }
  const last = w.lastRuleVictim[s];
  const victim = last === a ? b : last === b ? a : Math.max(a, b);
  w.lastRuleVictim[s] = victim;
  return { victim, rule: DmrRule.Alternate };
}

/**
 * The TMR 2-of-3 rule over three observations, given which pairs agree: the index (0, 1 or 2)
 * of the odd one out, -1 when all three agree, or -2 when no two agree (three-way).
 *
 * @example
 * tmrOddOneOut(false, false, true); // 0: observations 1 and 2 agree, 0 is outvoted
 */
export function tmrOddOneOut(agree01: boolean, agree02: boolean, agree12: boolean): number {
  if (agree01 && agree02) return -1;
  if (agree01) return 2;
  if (agree02) return 1;
  if (agree12) return 0;
  return -2;
}
