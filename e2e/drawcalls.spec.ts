/**
 * Draw calls do not grow with the number of systems (DESIGN.md §6: a full rack within 1.3 times
 * one system). Counts, not timings, so this gates; frame rates are in `pnpm bench:ui`.
 */
import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

const RATIO_BUDGET = 1.3;

test('a full rack of eight systems costs at most 1.3 times the draw calls of one', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const twin = new TwinPage(page);
  const drawCalls = async (preset: string) => {
    await twin.open(`?preset=${preset}`);
    await page.waitForFunction(() => window.ftTwin!.stats().frames > 0, null, { timeout: 120_000 });
    return (await page.evaluate(() => window.ftTwin!.stats())).drawCalls;
  };
  const one = await drawCalls('4300-dmr');
  const full = await drawCalls('rack-8x4300');
  expect(one).toBeGreaterThan(0);
  expect(full / one).toBeLessThanOrEqual(RATIO_BUDGET);
});
