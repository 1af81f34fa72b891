import { readFileSync } from 'node:fs';
import { Engine } from '@ft/engine';
import { EngineDriver, runScenario } from '@ft/lessons';
import { describe, expect, it } from 'vitest';
import { parseTour } from './tourSchema.ts';

// The shipped tour's ftServer chapters, played in order on the real engine (headless: holds and
// camera moves skipped): every step must succeed, or the live tour would show a broken story.
describe('the sales tour on the real engine', () => {
  it('every ftServer chapter plays without a failed step', async () => {
    const text = readFileSync(
      new URL('../../../../public/tours/sales.json', import.meta.url),
      'utf8',
    );
    const parsed = parseTour(text);
    if (!parsed.ok) throw new Error(parsed.issues[0].message);
    const tour = parsed.value;
    const engine = Engine.fromPreset(tour.rack.preset, { seed: tour.seed });
    const driver = new EngineDriver(engine);
    const failures: string[] = [];
    for (const chapter of tour.chapters.filter((c) => c.stage === 'ftserver')) {
      const run = await runScenario({ steps: chapter.steps }, driver, {
        onStepEnd: (r) => {
          if (!r.ok) failures.push(`${chapter.id}[${r.index}] ${r.step.do}: ${r.error}`);
        },
      });
      expect(run.status).toBe('completed');
    }
    expect(failures).toEqual([]);
    // The story's claim: none of it cost downtime but the one reboot after the OS crash.
    const counters = engine.counters()[0];
    expect(counters.downtimeMs).toBeGreaterThan(0);
    expect(counters.downtimeMs).toBeLessThan(120_000);
  });
});
