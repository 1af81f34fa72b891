import type { RosterEntry } from '@ft/classroom/client';
import { describe, expect, it } from 'vitest';
import { pickTarget, targetOptions } from './targets.ts';

const entry = (traineeId: string, name: string, group: string | null = null): RosterEntry => ({
  traineeId,
  name,
  group,
  connected: true,
  joinedAtMs: 0,
  lastSeenAtMs: 0,
  assignment: null,
  progress: null,
});

describe('targetOptions', () => {
  const roster = [
    entry('t1', 'Ada', 'Table 2'),
    entry('t2', 'Linus', 'Table 1'),
    entry('t3', 'Grace', 'Table 2'),
  ];

  it('offers everyone, the ticked trainees, each group and each trainee', () => {
    const options = targetOptions(roster, new Set(['t3', 't1']));
    expect(options.map((o) => o.label)).toEqual([
      'Everyone (3)',
      'Ticked in the roster (2)',
      'Group Table 1 (1)',
      'Group Table 2 (2)',
      'Ada',
      'Linus',
      'Grace',
    ]);
    expect(options[1].target).toEqual({ to: 'trainees', traineeIds: ['t1', 't3'] });
    expect(options[3]).toMatchObject({
      target: { to: 'group', group: 'Table 2' },
      traineeIds: ['t1', 't3'],
    });
    expect(options[5]).toMatchObject({
      key: 'trainee:t2',
      target: { to: 'trainees', traineeIds: ['t2'] },
    });
  });

  it('leaves out the ticked option when nobody is ticked', () => {
    expect(targetOptions(roster, new Set()).some((o) => o.key === 'selected')).toBe(false);
  });

  it('falls back to everyone when the chosen option is gone', () => {
    const options = targetOptions(roster, new Set());
    expect(pickTarget(options, 'group:Table 2').traineeIds).toEqual(['t1', 't3']);
    expect(pickTarget(options, 'trainee:gone').key).toBe('all');
  });
});
