import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_RACKS } from '../check/schedule.ts';
import { Engine } from '../engine.ts';
import { TIMING } from '../timing.ts';
import { Defect } from './kinds.ts';
import {
  chooseDmrVictim,
  clearEvidence,
  DmrRule,
  evidenceScore,
  recordEvidence,
  tmrOddOneOut,
} from './voter.ts';

function world() {
  return Engine.fromConfig(CHECK_RACKS.dmr, { seed: 1 }).world;
}

describe('the DMR rule', () => {
  it('a board that flagged itself leaves; then a board that fails its self-test', () => {
    const w = world();
    w.flagged[0] = 1;
    expect(chooseDmrVictim(w, 0, 0, 1)).toEqual({ victim: 0, rule: DmrRule.Flag });
    w.flagged[0] = 0;
    w.defect[w.sysCpu[1]] = Defect.StuckAt;
    expect(chooseDmrVictim(w, 0, 0, 1)).toEqual({ victim: 1, rule: DmrRule.SelfTest });
  });

  it('with no hardware evidence, the board with clearly more recent signalled errors leaves', () => {
    const w = world();
    recordEvidence(w, w.sysCpu[0], 1);
    expect(chooseDmrVictim(w, 0, 0, 1)).toEqual({ victim: 0, rule: DmrRule.Evidence });
    // Evidence fades: two half-lives later one old error no longer decides.
    w.timeUs += 2 * TIMING.evidenceHalfLifeS.value * 1e6;
    expect(evidenceScore(w, w.sysCpu[0])).toBeCloseTo(0.25, 6);
    expect(chooseDmrVictim(w, 0, 0, 1).rule).toBe(DmrRule.Alternate);
    clearEvidence(w, w.sysCpu[0]);
    expect(evidenceScore(w, w.sysCpu[0])).toBe(0);
  });

  it('with no evidence at all it alternates, starting with the higher-numbered board', () => {
    const w = world();
    const picks = Array.from({ length: 6 }, () => chooseDmrVictim(w, 0, 0, 1).victim);
    expect(picks).toEqual([1, 0, 1, 0, 1, 0]);
  });

  it('never keeps removing the same board for ever, whatever the history', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            board: fc.integer({ min: 0, max: 1 }),
            weight: fc.double({ min: 0, max: 4, noNaN: true }),
          }),
          { maxLength: 12 },
        ),
        fc.integer({ min: 0, max: 30 }),
        (errors, days) => {
          const w = world();
          for (const e of errors) recordEvidence(w, w.sysCpu[e.board], e.weight);
          // However the errors were spread, after enough quiet time the rule alternates again.
          w.timeUs += (days + 40) * 86_400e6;
          const picks = Array.from({ length: 4 }, () => chooseDmrVictim(w, 0, 0, 1).victim);
          expect(new Set(picks).size).toBe(2);
        },
      ),
      { numRuns: 300 },
    );
  }, 300_000);
});

describe('the TMR 2-of-3 rule', () => {
  it('names the odd one out, or a three-way disagreement', () => {
    expect(tmrOddOneOut(true, true, true)).toBe(-1);
    expect(tmrOddOneOut(true, false, false)).toBe(2);
    expect(tmrOddOneOut(false, true, false)).toBe(1);
    expect(tmrOddOneOut(false, false, true)).toBe(0);
    expect(tmrOddOneOut(false, false, false)).toBe(-2);
  });
});
