/**
 * Every screen size a classroom has: a projector (1440×900), an old 4:3 lab screen (1024×768)
 * and a phone (390×844). Nothing is cut or hidden, and a screenshot of each is kept under
 * test-results/layouts/ to look at.
 */
import { expect, type Page, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

test.setTimeout(120_000);

const SHOTS = 'test-results/layouts';

/** Elements whose text is cut (wider than their box) or that stick out of the viewport. */
async function clipped(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const name = (el.textContent ?? '').trim().slice(0, 30) || el.className;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${name}: text cut`);
      if (r.right > window.innerWidth + 1 || r.left < -1) out.push(`${name}: off screen`);
    }
    return out;
  }, selector);
}

for (const [width, height] of [
  [1440, 900],
  [1024, 768],
] as const) {
  test(`full layout at ${width}×${height}: every tab, label and button is shown whole`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const twin = new TwinPage(page);
    await twin.open('?preset=mixed');
    await page.evaluate(() => window.ftTwin!.select('A.cpu-1'));
    await expect(twin.componentPanel).toBeVisible();
    // Nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    for (const tab of ['overview', 'service', 'upgrade', 'sam', 'traps', 'dumps']) {
      await expect(page.getByTestId(`tab.${tab}`)).toBeInViewport({ ratio: 1 });
    }
    expect(
      await clipped(page, '[role="tab"], .panel-title, fieldset.speed button, .status-grid dt'),
    ).toEqual([]);
    await page.getByTestId('tab.dumps').click();
    await expect(page.getByTestId('tab.dumps')).toHaveAttribute('aria-selected', 'true');
    await page.getByTestId('tab.overview').click();
    // A busy machine draws slowly: wait until the 3D view has drawn a few frames.
    await expect.poll(() => page.evaluate(() => window.ftTwin!.stats().frames)).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/app-${width}x${height}.png` });
  });
}

test('phone layout at 390×844: the 3D view first, the panels in a drawer', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  await expect(page.locator('.app-compact')).toBeVisible();
  // The 3D view is the first thing under the header, and fills the width.
  const scene = await page.locator('.scene-area').boundingBox();
  expect(scene?.width).toBeGreaterThan(370);
  expect(scene?.y).toBeLessThan(120);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect.poll(() => page.evaluate(() => window.ftTwin!.stats().frames)).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/phone-390x844.png` });
  // Picking a part opens the drawer on it.
  await page.evaluate(() => window.ftTwin!.select('A.cpu-1'));
  await expect(page.getByTestId('drawer.panel')).toBeVisible();
  await expect(twin.componentPanel).toBeVisible();
  expect(await clipped(page, '[role="tab"], .c-controls button')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/phone-390x844-drawer.png` });
  await page.getByTestId('drawer.parts').click();
  await expect(page.getByTestId('console.row.A.cpu-1')).toBeVisible();
});
