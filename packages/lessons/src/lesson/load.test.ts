import { describe, expect, it } from 'vitest';
import { formatIssue } from '../schema/issues.ts';
import { changed, lesson, SMALL_LESSON, source } from '../test/lessons.ts';
import { instantiate, parseLesson } from './load.ts';
import { drawVariables, substitute } from './variables.ts';

function problem(raw: unknown): string {
  const r = parseLesson(raw);
  if (r.ok) throw new Error('expected a problem');
  return formatIssue(r.issues[0]);
}

describe('parseLesson: clear errors', () => {
  it('accepts the small lesson and keeps a preview', () => {
    expect(source().preview.id).toBe('small');
    expect(source().preview.kind).toBe('lesson');
  });

  it('names the field of a bad check, with the variable values used', () => {
    const raw = changed((l) => {
      l.steps[1].checks[1] = { check: 'component', target: '{{cpu.id}}x', state: 'duplex' };
    });
    expect(problem(raw)).toBe(
      'steps[1].checks[1].target: expected a component id like "A.cpu-1", got "A.cpu-0x" (with cpu = {"id":"A.cpu-0","other":"A.cpu-1"})',
    );
  });

  it('finds ids the rack does not have', () => {
    const raw = changed((l) => {
      l.steps[1].solution[0] = { do: 'pull', target: 'A.cpu-2' };
    });
    expect(problem(raw)).toMatch(
      /^steps\[1\]\.solution\[0\]\.target: no component "A\.cpu-2" in rack 4300-dmr; cpu ids: A\.cpu-0, A\.cpu-1/,
    );
    const bad = changed((l) => {
      l.steps[1].checks[1] = { check: 'system', system: 'B', status: 'duplex' };
    });
    expect(problem(bad)).toMatch(
      /^steps\[1\]\.checks\[1\]\.system: no system "B" in rack 4300-dmr; systems: A/,
    );
  });

  it('checks every value of every pool, not only the one a seed draws', () => {
    const raw = changed((l) => {
      l.variables[0].pool[1] = { id: 'A.cpu-7', other: 'A.cpu-0' };
    });
    // The second pool value is only used when a seed draws it; the check still finds it.
    expect(problem(raw)).toBe(
      'steps[0].question.answer: the answer must be the value of one of the options (with cpu = {"id":"A.cpu-7","other":"A.cpu-0"})',
    );
  });

  it('reports unknown variables and misuse of record variables', () => {
    expect(
      problem(
        changed((l) => {
          l.steps[0].text = 'Hello {{disk}}';
        }),
      ),
    ).toBe('steps[0].text: unknown variable "disk" in "{{disk}}"; variables: cpu');
    expect(
      problem(
        changed((l) => {
          l.steps[0].text = 'Hello {{cpu}}';
        }),
      ),
    ).toBe('steps[0].text: variable "cpu" has fields (id, other): write {{cpu.id}}');
    expect(
      problem(
        changed((l) => {
          l.steps[0].text = 'Hello {{cpu.label}}';
        }),
      ),
    ).toBe('steps[0].text: variable "cpu" has no field "label"; fields: id, other');
  });

  it('checks the variables block', () => {
    expect(
      problem(
        changed((l) => {
          l.variables[0].pool = [];
        }),
      ),
    ).toBe('variables[0].pool: expected at least 1 item');
    expect(
      problem(
        changed((l) => {
          l.variables[0].pool[1] = 'A.cpu-1';
        }),
      ),
    ).toMatch(/^variables\[0\]\.pool: every value of a pool must have the same shape/);
    expect(
      problem(
        changed((l) => {
          l.variables.push({ name: 'cpu', pool: ['x'] });
        }),
      ),
    ).toBe('variables: variable names must differ');
  });

  it('checks questions, answers, ids and drills', () => {
    expect(
      problem(
        changed((l) => {
          l.steps[0].question.answer = 'A.cpu-9';
        }),
      ),
    ).toMatch(/^steps\[0\]\.question\.answer: the answer must be the value of one of the options/);
    expect(
      problem(
        changed((l) => {
          l.steps[1].checks.push({ check: 'answer', question: 'nope' });
        }),
      ),
    ).toBe('steps[1].checks: no question "nope" in this lesson');
    expect(
      problem(
        changed((l) => {
          l.steps[1].id = 'ask';
        }),
      ),
    ).toBe('steps: step ids must differ');
    expect(
      problem(
        changed((l) => {
          l.kind = 'drill';
        }),
      ),
    ).toBe('symptom: a drill needs a "symptom"');
    expect(
      problem(
        changed((l) => {
          l.level = 'expert';
        }),
      ),
    ).toBe('level: expected a level, one of beginner, intermediate, advanced; got "expert"');
    expect(
      problem(
        changed((l) => {
          delete l.steps[0].solution;
        }),
      ),
    ).toBe('steps[0].solution: missing required field "solution"');
    expect(
      problem(
        changed((l) => {
          l.steps[0].points = -1;
        }),
      ),
    ).toBe('steps[0].points: expected points in 0..1000, got -1');
    expect(problem('not json')).toMatch(/^\(root\): invalid JSON/);
    expect(problem([])).toBe('(root): expected a lesson object { "id": …, "steps": [...] }');
  });
});

describe('variables', () => {
  it('draws the same values for the same seed, and every value for some seed', () => {
    const defs = [{ name: 'n', pool: ['a', 'b', 'c'] }];
    expect(drawVariables(defs, 42)).toEqual(drawVariables(defs, 42));
    const seen = new Set(Array.from({ length: 60 }, (_, s) => drawVariables(defs, s).n));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
  });

  it('substitutes in every string, deeply, and leaves the rest alone', () => {
    const issues: never[] = [];
    const out = substitute(
      { a: ['{{x}}-{{ y.f }}', 3, true, null] },
      { x: '1', y: { f: '2' } },
      issues,
    );
    expect(out).toEqual({ a: ['1-2', 3, true, null] });
    expect(issues).toEqual([]);
  });

  it('instantiates with the lesson seed or a class seed', () => {
    const a = lesson(SMALL_LESSON);
    expect(a.seed).toBe(1);
    const ids = new Set(
      Array.from(
        { length: 30 },
        (_, s) => (lesson(SMALL_LESSON, s).drawn.cpu as Record<string, string>).id,
      ),
    );
    expect(ids).toEqual(new Set(['A.cpu-0', 'A.cpu-1']));
    const one = lesson(SMALL_LESSON, 5);
    const cpu = one.drawn.cpu as Record<string, string>;
    expect(one.steps[1].text).toBe(`Pull ${cpu.id} and put it back.`);
    expect(one.steps[0].question?.answer).toBe(cpu.id);
    const bad = instantiate(source(), -1);
    expect(bad.ok).toBe(false);
  });
});
