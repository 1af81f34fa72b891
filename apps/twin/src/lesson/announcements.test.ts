import { readFileSync } from 'node:fs';
import { instantiate, type LessonInstance, parseLesson } from '@ft/lessons';
import { describe, expect, it } from 'vitest';
import { checkFound, ending, scoreLine, skipped, stepPassed } from './announcements.ts';

function lesson(id: string): LessonInstance {
  const url = new URL(`../../../../public/lessons/${id}.json`, import.meta.url);
  const source = parseLesson(readFileSync(url, 'utf8'));
  if (!source.ok) throw new Error(source.issues[0].message);
  const instance = instantiate(source.value);
  if (!instance.ok) throw new Error(instance.issues[0].message);
  return instance.value;
}

describe('lesson announcements', () => {
  it('end a title as a sentence, keeping its own mark', () => {
    expect(ending('Replace the failed element')).toBe('Replace the failed element.');
    expect(ending('Which one may you pull?')).toBe('Which one may you pull?');
    expect(ending('Wait…')).toBe('Wait…');
  });

  it('say the next step after a pass, or the score at the end', () => {
    const l = lesson('last-good-cpu');
    const last = l.steps.length - 1;
    expect(stepPassed(l, 0, { status: 'running', stepIndex: 1 }, { score: 5, maxScore: 60 })).toBe(
      `Step 1 passed. ${l.steps[0].feedback.pass} Next, step 2: ${ending(l.steps[1].title)}`,
    );
    expect(
      stepPassed(l, last, { status: 'passed', stepIndex: last + 1 }, { score: 55, maxScore: 60 }),
    ).toBe(
      `Step ${last + 1} passed. ${l.steps[last].feedback.pass} Lesson complete. Score 55 of 60.`,
    );
    expect(scoreLine({ score: 0, maxScore: 40 })).toBe('Score 0 of 40.');
  });

  it('tell what a check found, the first check not passing and the advice', () => {
    expect(checkFound(0, 2, 'You looked at the running element', undefined)).toBe(
      '0 of 2 checks pass. Not yet: You looked at the running element.',
    );
    expect(checkFound(2, 2, null, 'Look at the log.')).toBe('2 of 2 checks pass. Look at the log.');
  });

  it('tell a skip from nothing to skip and from a skip that met no event', () => {
    const limit = 8 * 3_600_000;
    expect(skipped(0, limit)).toMatch(/^Nothing to skip right now/);
    expect(skipped(Number.NaN, limit)).toMatch(/^Nothing to skip right now/);
    expect(skipped(limit, limit)).toBe('Nothing is scheduled in the next 8 h: skipped that.');
    expect(skipped(14_460_000, limit)).toBe('Skipped 4 h 1 min to the next event.');
  });
});
