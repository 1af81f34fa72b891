/**
 * The embed's download budgets (DESIGN.md §6), measured on the built files: bytes, not timings,
 * so they can gate. Every file the page fetches up to a twin's first drawn frame is matched to
 * its file in dist/ and counted gzipped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { EmbedPage } from './pages/EmbedPage.ts';
import { PLAIN_URL } from './urls.ts';

const DIST = path.resolve(import.meta.dirname, '..', 'dist');
const LOADER_BUDGET_BYTES = 15 * 1024;
const FIRST_FRAME_BUDGET_BYTES = 300 * 1024;

function gzippedBytes(url: string): number {
  const { pathname } = new URL(url);
  const file = pathname.startsWith('/embed/')
    ? path.join(DIST, 'embed', pathname.slice('/embed/'.length))
    : path.join(DIST, 'twin', pathname);
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** A built module and the chunks it imports statically (what loads before any dynamic import). */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(DIST, 'embed', file), 'utf8');
    const dir = path.posix.dirname(file);
    for (const m of code.matchAll(
      /(?:^|[;}\s])import\s*(?:[\w{},*\s$]+from\s*)?["'](\.[^"']+)["']/g,
    )) {
      visit(path.posix.normalize(path.posix.join(dir, m[1])));
    }
  };
  visit(entry);
  return [...seen];
}

test('the <ft-twin> loader and everything up to a first frame stay within budget', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Each file with the (browser's) wall time its request started.
  const fetched = new Map<string, number>();
  page.on('requestfinished', (r) => {
    const url = new URL(r.url());
    if (url.origin === new URL(PLAIN_URL).origin && !url.pathname.endsWith('.json')) {
      fetched.set(url.origin + url.pathname, r.timing().startTime);
    }
  });
  const docs = new EmbedPage(page);
  await page.goto(`${PLAIN_URL}examples/minimal.html`);
  await docs.ready('twin');
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (document.getElementById('twin') as unknown as { stats(): { frames: number } }).stats()
            .frames,
      ),
    )
    .toBeGreaterThan(0);
  // The first frame's wall time; files asked for later (the orbit controls wait for it) do not count.
  const firstFrameAt = await page.evaluate(
    () =>
      performance.timeOrigin +
      (
        document.getElementById('twin') as unknown as { stats(): { firstFrameAtMs: number } }
      ).stats().firstFrameAtMs,
  );
  expect(firstFrameAt).toBeGreaterThan(0);
  // The loader alone: ft-twin.js and what it imports statically, before any twin is near.
  const loaderFiles = staticClosure('ft-twin.js');
  const loader = loaderFiles.reduce((n, f) => n + gzippedBytes(`${PLAIN_URL}embed/${f}`), 0);
  const all = [...fetched]
    .filter(
      ([u, startedAt]) =>
        startedAt <= firstFrameAt && !u.endsWith('.html') && !u.includes('/examples/'),
    )
    .map(([u]) => u);
  const firstFrame = all.reduce((n, u) => n + gzippedBytes(u), 0);
  console.log(
    JSON.stringify({ metric: 'embed.loader.gzipBytes', value: loader, files: loaderFiles.length }),
  );
  console.log(
    JSON.stringify({
      metric: 'embed.firstFrame.gzipBytes',
      value: firstFrame,
      files: all.length,
      list: all.map((u) => [u.split('/').pop(), gzippedBytes(u)]),
    }),
  );
  expect(loader).toBeLessThanOrEqual(LOADER_BUDGET_BYTES);
  expect(firstFrame).toBeLessThanOrEqual(FIRST_FRAME_BUDGET_BYTES);
});
