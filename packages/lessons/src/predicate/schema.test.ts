import { describe, expect, it } from 'vitest';
import { formatIssue } from '../schema/issues.ts';
import { parseWith } from '../schema/parse.ts';
import { predicateSchema } from './schema.ts';

function problem(input: unknown): string {
  const r = parseWith(predicateSchema, input);
  if (r.ok) throw new Error('expected a problem');
  return formatIssue(r.issues[0]);
}

describe('predicateSchema', () => {
  it('accepts every kind', () => {
    const all = [
      { check: 'component', target: 'A.cpu-1', state: ['simplex', 'duplex'] },
      { check: 'system', system: 'A', status: 'duplex', upgrade: 'Idle' },
      {
        check: 'event',
        kind: 'state',
        target: 'A.cpu-1',
        to: 'broken',
        withinMs: 60000,
        scope: 'lesson',
      },
      { check: 'event', kind: 'system', system: 'A', to: 'down' },
      { check: 'event', kind: 'trap', trap: 'fixed' },
      { check: 'event', kind: 'serviceCall', status: 'closed', path: 'backup' },
      { check: 'event', kind: 'alert', metric: 'application' },
      { check: 'event', kind: 'log', severity: 'warning', text: 'retried' },
      { check: 'counter', system: 'A', counter: 'transactionsLost', op: '==', value: 0 },
      { check: 'action', do: 'pull', target: 'A.cpu-0', unsafe: true, done: false },
      { check: 'action', do: 'upgrade', target: 'A', with: { action: 'abort' } },
      { check: 'answer', question: 'which-board' },
      { check: 'serviceCall', target: 'A.cpu-1', status: 'closed' },
      { check: 'dump', system: 'A', cause: 'crash', completed: true },
      {
        check: 'not',
        of: { check: 'any', of: [{ check: 'system', system: 'A', status: 'down' }] },
      },
    ];
    for (const p of all) expect(parseWith(predicateSchema, p).ok, JSON.stringify(p)).toBe(true);
  });

  it('names what is wrong', () => {
    expect(problem({ check: 'copmonent' })).toMatch(
      /^check: expected "check" to be one of component, system/,
    );
    expect(problem({ check: 'component', target: 'A.cpu-1', state: 'fine' })).toMatch(
      /^state: expected a state name or a list of them; got "fine"/,
    );
    expect(problem({ check: 'event', kind: 'log', to: 'broken' })).toBe(
      'to: "to" applies to state and system and trap events, not to "log" events',
    );
    expect(problem({ check: 'event', kind: 'system', to: 'broken' })).toMatch(
      /^to: expected a system status, one of down, booting, simplex, duplex, triplex; got "broken"/,
    );
    expect(problem({ check: 'system', system: 'A' })).toMatch(
      /^\(root\): a system check needs one of status/,
    );
    expect(problem({ check: 'counter', system: 'A', counter: 'lost', op: '==', value: 0 })).toMatch(
      /^counter: expected a counter, one of uptimeMs/,
    );
    expect(problem({ check: 'action', do: 'insert', unsafe: true })).toBe(
      'unsafe: "unsafe" applies to pull actions only',
    );
    expect(problem({ check: 'all', of: [] })).toBe('of: expected at least 1 item');
  });

  it('limits nesting', () => {
    let p: unknown = { check: 'system', system: 'A', status: 'down' };
    for (let i = 0; i < 7; i++) p = { check: 'not', of: p };
    expect(problem(p)).toMatch(/checks nest at most 6 levels deep/);
  });
});
