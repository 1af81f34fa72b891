/**
 * Every lesson shipped in public/lessons: valid, listed in the index, passes with its solution
 * (for every value of its variables) at full score, and does not pass when the trainee does
 * nothing — not as a whole, and not step by step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../cli/files.ts';
import { parseLessonIndex } from './index-file.ts';
import { instantiate, type LessonSource, parseLesson } from './load.ts';
import { playLesson } from './play.ts';
import { drawVariables } from './variables.ts';

const dir = new URL('../../../../public/lessons/', import.meta.url).pathname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'index.json')
  .sort();

function load(file: string): LessonSource {
  const r = parseLesson(readFileSync(dir + file, 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.issues[0].path}: ${r.issues[0].message}`);
  return r.value;
}

/** Seeds that, together, draw every value of every pool at least once (lesson seed first). */
function coveringSeeds(source: LessonSource): number[] {
  const seeds = [source.preview.seed];
  const missing = new Set(source.variables.flatMap((d) => d.pool.map((_, i) => `${d.name}#${i}`)));
  const mark = (seed: number) => {
    const drawn = drawVariables(source.variables, seed);
    let added = false;
    for (const d of source.variables) {
      const key = `${d.name}#${d.pool.indexOf(drawn[d.name])}`;
      if (missing.delete(key)) added = true;
    }
    return added;
  };
  mark(source.preview.seed);
  for (let seed = 0; missing.size > 0 && seed < 1000; seed++) if (mark(seed)) seeds.push(seed);
  return seeds;
}

function instance(source: LessonSource, seed?: number) {
  const r = instantiate(source, seed);
  if (!r.ok) throw new Error(r.issues[0].message);
  return r.value;
}

describe('shipped lessons', () => {
  it('are at least 12 lessons and some drills, every one listed in the index', () => {
    const index = parseLessonIndex(readFileSync(`${dir}index.json`, 'utf8'));
    if (!index.ok) throw new Error(index.issues[0].message);
    expect(index.value.lessons.map((l) => l.file).sort()).toEqual(files);
    expect(index.value.lessons.filter((l) => l.kind === 'lesson').length).toBeGreaterThanOrEqual(
      12,
    );
    expect(index.value.lessons.filter((l) => l.kind === 'drill').length).toBeGreaterThanOrEqual(2);
    expect(checkFile(`${dir}index.json`)).toBeNull();
  });

  describe.each(files)('%s', (file) => {
    const source = load(file);

    it('passes with its solution at full score, for every value of its variables', async () => {
      for (const seed of coveringSeeds(source)) {
        const result = await playLesson(instance(source, seed), { solution: true });
        const failures = result.steps.filter((s) => !s.passed);
        expect(failures, `seed ${seed}`).toEqual([]);
        expect(result.report.score, `seed ${seed}`).toBe(result.report.maxScore);
        expect(result.report.mistakes, `seed ${seed}`).toEqual([]);
      }
    });

    it('does not pass with no actions, at no step', async () => {
      const lesson = instance(source);
      const idle = await playLesson(lesson, { solution: false });
      expect(idle.report.passed).toBe(false);
      for (let k = 1; k < lesson.steps.length; k++) {
        const result = await playLesson(lesson, { solution: (i) => i < k });
        expect(
          result.steps.map((s) => s.passed),
          `step ${k} (${lesson.steps[k].id}) passed with no action`,
        ).toEqual([...Array.from({ length: k }, () => true), false]);
      }
    });
  });
});
