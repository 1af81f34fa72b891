import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTour } from './tourSchema.ts';

const base = {
  title: 'T',
  rack: { preset: '4300-dmr' },
  chapters: [{ id: 'a', title: 'A', stage: 'ftserver', steps: [{ do: 'hold', ms: 10 }] }],
};

describe('parseTour', () => {
  it('accepts the shipped tours', () => {
    for (const name of ['sales']) {
      const text = readFileSync(
        new URL(`../../../../public/tours/${name}.json`, import.meta.url),
        'utf8',
      );
      const parsed = parseTour(text);
      if (!parsed.ok)
        throw new Error(
          `${name}: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        );
      expect(parsed.value.chapters.length).toBeGreaterThan(5);
      expect(parsed.value.chapters.at(-1)?.stage).toBe('compare');
    }
  });

  it('names the field of each problem', () => {
    const problem = (input: unknown) => {
      const parsed = parseTour(input);
      return parsed.ok ? 'ok' : `${parsed.issues[0].path}: ${parsed.issues[0].message}`;
    };
    expect(problem(base)).toBe('ok');
    expect(problem('{nope')).toMatch(/^\(root\): not valid JSON/);
    expect(problem({ ...base, rack: { preset: 'conventional' } })).toMatch(
      /^rack\.preset: expected an ftServer preset/,
    );
    expect(problem({ ...base, chapters: [{ ...base.chapters[0], stage: 'moon' }] })).toMatch(
      /^chapters\[0\]\.stage: expected a stage/,
    );
    expect(
      problem({
        ...base,
        chapters: [
          { ...base.chapters[0], steps: [{ do: 'inject', target: 'A.cpu-1', fault: 'melt' }] },
        ],
      }),
    ).toMatch(/^chapters\[0\]\.steps\[0\]\.fault: /);
    expect(
      problem({
        ...base,
        chapters: [{ ...base.chapters[0], steps: [{ do: 'pull', target: 'A.cpu-2' }] }],
      }),
    ).toMatch(/^chapters\[0\]\.steps\[0\]\.target: no component "A.cpu-2"/);
    expect(
      problem({
        ...base,
        chapters: [{ ...base.chapters[0], highlights: [{ step: 3, area: 'status' }] }],
      }),
    ).toMatch(/^chapters\[0\]\.highlights\[0\]\.step: the chapter has 1 steps/);
    expect(
      problem({
        ...base,
        chapters: [{ ...base.chapters[0], highlights: [{ step: 0, area: 'cards' }] }],
      }),
    ).toMatch(/^chapters\[0\]\.highlights\[0\]\.area: "cards" is not on the ftserver stage/);
    expect(problem({ ...base, chapters: [base.chapters[0], base.chapters[0]] })).toMatch(
      /^chapters\[1\]\.id: duplicate id/,
    );
    expect(problem({ ...base, extra: 1 })).toMatch(/^extra: /);
  });
});
