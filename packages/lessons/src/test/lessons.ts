/** A small lesson for tests, built in code. */
import { instantiate, type LessonSource, parseLesson } from '../lesson/load.ts';
import type { LessonInstance } from '../lesson/types.ts';

export const SMALL_LESSON = {
  id: 'small',
  title: 'Small',
  summary: 'A lesson for tests.',
  level: 'beginner',
  minutes: 5,
  rack: { preset: '4300-dmr' },
  seed: 1,
  variables: [
    {
      name: 'cpu',
      pool: [
        { id: 'A.cpu-0', other: 'A.cpu-1' },
        { id: 'A.cpu-1', other: 'A.cpu-0' },
      ],
    },
  ],
  steps: [
    {
      id: 'ask',
      title: 'Ask',
      text: 'Which is {{cpu.id}}?',
      question: {
        id: 'q',
        prompt: 'Pick {{cpu.id}}',
        options: [
          { value: 'A.cpu-0', label: 'zero' },
          { value: 'A.cpu-1', label: 'one' },
        ],
        answer: '{{cpu.id}}',
      },
      checks: [{ check: 'answer', question: 'q' }],
      hints: [
        { text: 'first', cost: 3 },
        { text: 'second', cost: 4 },
      ],
      solution: [{ do: 'answer', question: 'q', value: '{{cpu.id}}' }],
      points: 10,
      feedback: { pass: 'ok' },
    },
    {
      id: 'swap',
      title: 'Swap',
      text: 'Pull {{cpu.id}} and put it back.',
      actions: [{ do: 'caption', text: 'go' }],
      checks: [
        { check: 'action', do: 'insert', target: '{{cpu.id}}' },
        { check: 'system', system: 'A', status: 'duplex' },
      ],
      solution: [
        { do: 'pull', target: '{{cpu.id}}' },
        { do: 'insert', target: '{{cpu.id}}' },
        {
          do: 'wait',
          until: { check: 'system', system: 'A', status: 'duplex' },
          timeoutMs: 120000,
        },
      ],
      points: 20,
      feedback: { pass: 'ok' },
    },
  ],
};

export function source(raw: unknown = SMALL_LESSON): LessonSource {
  const r = parseLesson(raw);
  if (!r.ok) throw new Error(`${r.issues[0].path}: ${r.issues[0].message}`);
  return r.value;
}

export function lesson(raw: unknown = SMALL_LESSON, seed?: number): LessonInstance {
  const r = instantiate(source(raw), seed);
  if (!r.ok) throw new Error(`${r.issues[0].path}: ${r.issues[0].message}`);
  return r.value;
}

/** A deep copy of the small lesson with `change` applied. */
// biome-ignore lint/suspicious/noExplicitAny: tests rewrite the lesson JSON freely, wrong shapes included
type Json = Record<string, any>;

export function changed(change: (l: Json) => void): Record<string, unknown> {
  const copy = structuredClone(SMALL_LESSON) as Json;
  change(copy);
  return copy;
}
