import { FAULT_KINDS } from '@ft/classroom/client';
import { CLIENT_MESSAGES } from '@ft/classroom/protocol';
import { rackModelOf } from '@ft/lessons';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FREE_PLAY_RACK, faultChoices, rackNames } from './faults.ts';

describe('faultChoices', () => {
  it('offers every component of one rack that can suffer a fault, with its faults', () => {
    const choices = faultChoices([FREE_PLAY_RACK]);
    const cpu = choices.find((c) => c.id === 'A.cpu-1');
    expect(cpu?.label).toBe('A · CPU element 1');
    expect(cpu?.faults).toContain('stuck-at');
    expect(cpu?.faults).not.toContain('disk-failure');
    expect(choices.find((c) => c.id === 'A.disk-10-40-1')?.faults).toEqual([
      'disk-media-error',
      'disk-failure',
    ]);
  });

  it('offers only what the server accepts for every choice', () => {
    const schema = CLIENT_MESSAGES.injectFault.schema;
    for (const c of faultChoices([{ preset: 'mixed' }])) {
      for (const fault of c.faults) {
        const ok = v.safeParse(schema, { target: { to: 'all' }, component: c.id, fault }).success;
        expect(ok, `${c.id} ${fault}`).toBe(true);
      }
      // …and the server refuses the faults left out.
      for (const fault of FAULT_KINDS.filter((f) => !c.faults.includes(f))) {
        const ok = v.safeParse(schema, { target: { to: 'all' }, component: c.id, fault }).success;
        expect(ok, `${c.id} ${fault}`).toBe(false);
      }
    }
  });

  it('keeps only the components every targeted rack has', () => {
    const small = faultChoices([{ preset: '4300-dmr' }]).map((c) => c.id);
    const big = faultChoices([{ preset: 'mixed' }]).map((c) => c.id);
    const both = faultChoices([{ preset: 'mixed' }, { preset: '4300-dmr' }]).map((c) => c.id);
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((id) => small.includes(id) && big.includes(id))).toBe(true);
    expect(both.length).toBe(big.filter((id) => small.includes(id)).length);
    const tmr = rackModelOf({ preset: '6600-tmr' }).components.map((c) => c.id);
    expect(faultChoices([{ preset: '6600-tmr' }]).some((c) => c.id === 'A.cpu-2')).toBe(
      tmr.includes('A.cpu-2'),
    );
  });

  it('offers nothing without a target', () => {
    expect(faultChoices([])).toEqual([]);
  });

  it('names the racks once each', () => {
    expect(rackNames([FREE_PLAY_RACK, { preset: '4300-dmr' }, { preset: 'mixed' }])).toEqual([
      '4300-dmr',
      'mixed',
    ]);
  });
});
