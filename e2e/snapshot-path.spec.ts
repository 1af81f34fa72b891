import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';
import { PLAIN_URL } from './urls.ts';

test('a cross-origin isolated page reads snapshots from shared memory', async ({ page }) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(await page.evaluate(() => window.ftTwin!.snapshotPath())).toBe('shared');
  await expect(page.getByTestId('snapshot-path')).toContainText('snapshot: shared');
  const t0 = await page.evaluate(() => window.ftTwin!.simTimeMs());
  await expect.poll(() => page.evaluate(() => window.ftTwin!.simTimeMs())).toBeGreaterThan(t0);
  expect(twin.consoleErrors()).toEqual([]);
});

test('a plain page falls back to transferred snapshots', async ({ page }) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr', PLAIN_URL);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  expect(await page.evaluate(() => window.ftTwin!.snapshotPath())).toBe('transfer');
  await expect(page.getByTestId('snapshot-path')).toContainText('snapshot: transferred');
  const t0 = await page.evaluate(() => window.ftTwin!.simTimeMs());
  await expect.poll(() => page.evaluate(() => window.ftTwin!.simTimeMs())).toBeGreaterThan(t0);
  await twin.expectSystem('A', 'duplex');
  expect(twin.consoleErrors()).toEqual([]);
});
