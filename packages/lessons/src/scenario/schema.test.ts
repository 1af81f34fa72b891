import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../schema/issues.ts';
import { isCameraTarget, parseScenario } from './schema.ts';

function problem(input: unknown): string {
  const r = parseScenario(input);
  if (r.ok) throw new Error('expected a problem');
  return formatIssue(r.issues[0]);
}

const good = {
  title: 'Hot swap',
  rack: { preset: '4300-dmr' },
  seed: 7,
  steps: [
    { do: 'caption', text: 'A CPU element fails' },
    { do: 'camera', view: 'part:A.cpu-1' },
    { do: 'inject', target: 'A.cpu-1', fault: 'stuck-at', detail: { register: 2, bit: 3 } },
    {
      do: 'wait',
      until: { check: 'component', target: 'A.cpu-1', state: 'broken' },
      timeoutMs: 60000,
    },
    { do: 'pull', target: 'A.cpu-1' },
    { do: 'insert', target: 'A.cpu-1', replacement: true },
    { do: 'speed', speed: 'max' },
    {
      do: 'command',
      command: { type: 'setDiskPriority', target: 'A.disk-10-40-1', priority: 'high' },
    },
    { do: 'wait', ms: 1000 },
    { do: 'hold', ms: 2000 },
    { do: 'warp', limitMs: 3600000 },
    { do: 'select', target: null },
    { do: 'caption', text: null },
  ],
};

describe('parseScenario', () => {
  it('accepts a scenario object, a bare list of steps and JSON text', () => {
    expect(parseScenario(good).ok).toBe(true);
    const bare = parseScenario(good.steps);
    expect(bare.ok && bare.value.steps.length).toBe(good.steps.length);
    expect(parseScenario(JSON.stringify(good)).ok).toBe(true);
  });

  it('names the step index and field of a bad component id', () => {
    const steps = [...good.steps];
    steps[3] = { do: 'pull', target: 'A-cpu-1' } as never;
    expect(problem({ steps })).toBe(
      'steps[3].target: expected a component id like "A.cpu-1", got "A-cpu-1"',
    );
  });

  it('says which step kinds exist', () => {
    expect(problem([{ do: 'explode' }])).toBe(
      'steps[0].do: expected "do" to be one of inject, pull, insert, command, speed, camera, select, caption, wait, hold, warp, reset; got "explode"',
    );
    expect(problem([7])).toMatch(/^steps\[0\]: expected a step object like/);
  });

  it('names an unknown field and lists the allowed ones', () => {
    expect(problem([{ do: 'pull', tagret: 'A.cpu-1', target: 'A.cpu-1' }])).toBe(
      'steps[0].tagret: unknown field; allowed fields: do, note, target, force',
    );
  });

  it('checks that a fault fits the component', () => {
    expect(problem([{ do: 'inject', target: 'A.disk-10-40-1', fault: 'stuck-at' }])).toBe(
      'steps[0].fault: A.disk-10-40-1 cannot suffer "stuck-at"; a disk can suffer: disk-media-error, disk-failure',
    );
  });

  it('requires a timeout on a wait for a check, and one kind of wait', () => {
    expect(
      problem([{ do: 'wait', until: { check: 'system', system: 'A', status: 'duplex' } }]),
    ).toMatch(/^steps\[0\]\.timeoutMs: a wait "until" a check needs "timeoutMs"/);
    expect(problem([{ do: 'wait' }])).toMatch(/^steps\[0\]: a wait needs either "ms"/);
    expect(problem([{ do: 'wait', ms: -5 }])).toBe(
      'steps[0].ms: expected simulated milliseconds in 0..2592000000, got -5',
    );
  });

  it('checks predicates inside waits, with their path', () => {
    expect(
      problem([
        {
          do: 'wait',
          timeoutMs: 10,
          until: { check: 'all', of: [{ check: 'component', target: 'A.cpu-1', state: 'fine' }] },
        },
      ]),
    ).toMatch(/^steps\[0\]\.until\.of\[0\]\.state: expected a state name/);
  });

  it('checks speeds, camera views, captions and commands', () => {
    expect(problem([{ do: 'speed', speed: 'fast' }])).toBe(
      'steps[0].speed: expected a speed: a number 0..100000 (0 pauses) or "max"; got "fast"',
    );
    expect(problem([{ do: 'camera', view: 'top' }])).toMatch(
      /^steps\[0\]\.view: expected a camera view/,
    );
    expect(problem([{ do: 'caption', text: '' }])).toBe('steps[0].text: expected non-empty text');
    expect(
      problem([{ do: 'command', command: { type: 'system', target: 'A', action: 'explode' } }]),
    ).toMatch(
      /^steps\[0\]\.command\.action: expected a system action, one of powerOff, powerOn, reset, crashApplication/,
    );
  });

  it('checks the rack reference', () => {
    expect(problem({ rack: { preset: 'nope' }, steps: [{ do: 'reset' }] })).toMatch(
      /^rack: unknown preset "nope"; presets: 4300-dmr/,
    );
    expect(
      problem({
        rack: { config: { systems: [{ id: 'A', model: '9999', positionU: 1 }] } },
        steps: [{ do: 'reset' }],
      }),
    ).toMatch(/^rack: invalid rack configuration: systems\[0\]\.model: unknown model '9999'/);
  });

  it('cuts long values in messages and reports bad JSON', () => {
    const message = problem([{ do: 'pull', target: 'x'.repeat(500) }]);
    expect(message.length).toBeLessThan(140);
    expect(message).toContain('…');
    expect(problem('{"steps": [')).toMatch(/^\(root\): invalid JSON/);
    expect(problem({ steps: [] })).toBe('steps: expected at least 1 item');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseScenario(value);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    let deep: unknown = { check: 'component', target: 'A.cpu-1', state: 'duplex' };
    for (let i = 0; i < 5000; i++) deep = { check: 'not', of: deep };
    expect(problem([{ do: 'wait', timeoutMs: 5, until: deep }])).toMatch(
      /nested more than 64 levels/,
    );
  });

  it('never throws on a valid scenario with one field replaced by anything', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: good.steps.length - 1 }),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.jsonValue(),
        (index, key, value) => {
          const steps = good.steps.map((s) => ({ ...s })) as Record<string, unknown>[];
          steps[index][key] = value;
          const r = parseScenario({ steps });
          if (!r.ok) expect(r.issues[0].path.startsWith(`steps[${index}]`)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('isCameraTarget', () => {
  it('accepts presets, systems and parts only', () => {
    for (const ok of ['front', 'rear', 'overview', 'system:A', 'part:A.cpu-1'])
      expect(isCameraTarget(ok)).toBe(true);
    for (const bad of ['top', 'system:', 'part:A', 'part:cpu-1', 'system:1A'])
      expect(isCameraTarget(bad)).toBe(false);
  });
});
