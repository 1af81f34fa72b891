import { LaneFlag } from '@ft/engine/snapshot';
import { describe, expect, it } from 'vitest';
import { voterHoldText } from './voterHold.ts';

const elements = [0, 1, 2].map((element) => ({ element, label: `CPU element ${element}` }));

describe('voterHoldText', () => {
  it('says who was outvoted, what each offered and how to go on', () => {
    const text = voterHoldText(
      {
        systemId: 'A',
        compare: 12_345,
        timeMs: 2_500,
        flags: [LaneFlag.Agree, LaneFlag.Outvoted, LaneFlag.None],
        values: [0x1a2b, 0x1a2f, 0],
      },
      elements,
    );
    expect(text).toBe(
      "Paused on the divergence at compare 12,345 (00:00:02.500): CPU element 0 offered 0x00001a2b, CPU element 1 offered 0x00001a2f. The voter sent CPU element 0's output on and took CPU element 1 out of lockstep (it is marked red in the lanes). Choose a speed or Step to go on.",
    );
  });
  it('says when no majority held the output back', () => {
    const text = voterHoldText(
      {
        systemId: 'A',
        compare: 7,
        timeMs: 1,
        flags: [LaneFlag.Suppressed, LaneFlag.Suppressed, LaneFlag.Suppressed],
        values: [1, 2, 3],
      },
      elements,
    );
    expect(text).toMatch(/No majority: the voter held the output back/);
  });
});
