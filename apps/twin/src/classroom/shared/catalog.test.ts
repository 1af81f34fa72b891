import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Fetcher, LessonCatalog } from './catalog.ts';

const LESSONS_DIR = fileURLToPath(new URL('../../../../../public/lessons/', import.meta.url));
const BASE = 'http://class.test/lessons/';

/** Serves public/lessons from disk, with `overrides` (file → text, or a status). */
function diskFetcher(
  overrides: Record<string, string | number> = {},
  seen: string[] = [],
): Fetcher {
  return async (url) => {
    seen.push(url);
    const file = url.slice(BASE.length);
    const override = overrides[file];
    if (typeof override === 'number') return { ok: false, status: override, text: async () => '' };
    const text = override ?? (await readFile(LESSONS_DIR + file, 'utf8').catch(() => null));
    if (text === null) return { ok: false, status: 404, text: async () => '' };
    return { ok: true, status: 200, text: async () => text };
  };
}

describe('LessonCatalog', () => {
  it('lists the shipped lessons and drills, and draws a lesson with a seed', async () => {
    const seen: string[] = [];
    const catalog = new LessonCatalog(BASE, diskFetcher({}, seen));
    const entries = await catalog.entries();
    expect(entries.map((e) => e.id)).toContain('cpu-hot-swap');
    expect(entries.some((e) => e.kind === 'drill')).toBe(true);
    const lesson = await catalog.instance('drill-mixed-rack', 42);
    expect(lesson.seed).toBe(42);
    expect(lesson.steps.length).toBeGreaterThan(0);
    await catalog.instance('drill-mixed-rack', 43);
    // The index and the file were fetched once each.
    expect(seen).toEqual([`${BASE}index.json`, `${BASE}drill-mixed-rack.json`]);
  });

  it('names the file and the problem when a lesson is missing or malformed', async () => {
    const catalog = new LessonCatalog(
      BASE,
      diskFetcher({ 'cpu-hot-swap.json': '{"id": "cpu-hot-swap"', 'tmr-vote.json': 500 }),
    );
    await expect(catalog.instance('cpu-hot-swap', 1)).rejects.toThrow(/^cpu-hot-swap\.json: /);
    await expect(catalog.instance('tmr-vote', 1)).rejects.toThrow(
      'tmr-vote.json could not be fetched (HTTP 500)',
    );
    await expect(catalog.instance('no-such-lesson', 1)).rejects.toThrow(
      'no lesson "no-such-lesson" in index.json',
    );
  });

  it('reports a bad index and tries again on the next call', async () => {
    let broken = true;
    const disk = diskFetcher();
    const catalog = new LessonCatalog(BASE, async (url) =>
      broken && url.endsWith('index.json')
        ? { ok: true, status: 200, text: async () => '{"lessons": 3}' }
        : disk(url),
    );
    await expect(catalog.entries()).rejects.toThrow(/^index\.json: lessons/);
    broken = false;
    expect((await catalog.entries()).length).toBeGreaterThan(3);
  });

  it('says when the network fails', async () => {
    const catalog = new LessonCatalog(BASE, async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(catalog.entries()).rejects.toThrow(
      'index.json could not be fetched (Failed to fetch)',
    );
  });
});
