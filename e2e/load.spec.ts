import { expect, test } from '@playwright/test';
import { presetNames } from '../packages/hardware/src/index.ts';
import { TwinPage } from './pages/TwinPage.ts';
import { decodePng, nonBackgroundShare } from './support/png.ts';

for (const preset of presetNames()) {
  test(`preset ${preset} loads without console errors and draws the rack`, async ({ page }) => {
    // Software WebGL draws big racks at well under one frame a second here.
    test.setTimeout(240_000);
    const twin = new TwinPage(page);
    await twin.open(`?preset=${preset}`);
    await expect(page).toHaveTitle('ftServer rack twin');
    await expect(twin.notice).toHaveCount(0);

    const count = await page.evaluate(() => window.ftTwin!.components().length);
    expect(count).toBeGreaterThan(0);
    await expect(twin.console.getByRole('treeitem').first()).toBeVisible();

    // The scene has drawn (a still scene is drawn once, then only when something changes) and
    // the canvas is not one flat background colour.
    await page.waitForFunction(() => window.ftTwin!.stats().frames > 0, null, { timeout: 120_000 });
    await expect
      .poll(async () => nonBackgroundShare(decodePng(await twin.sceneCanvas.screenshot())), {
        timeout: 120_000,
        message: 'share of the 3D view that is not background',
      })
      .toBeGreaterThan(0.03);
    expect(twin.consoleErrors()).toEqual([]);
  });
}
