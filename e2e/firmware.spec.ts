import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

test('firmware update of one I/O element refuses the other half meanwhile', async ({ page }) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  const [io10, io11] = await twin.ids('A', 'io');
  await page.evaluate((i) => window.ftTwin!.select(i), io10);
  await twin.action('action.update-firmware').click();
  await twin.expectState(io10, 'firmware-update');
  await page.evaluate((i) => window.ftTwin!.select(i), io11);
  await twin.action('action.update-firmware').click();
  await expect(twin.action('action-outcome')).toContainText('one side at a time');
  // The other half keeps the system's I/O running on its own meanwhile.
  expect(await twin.state(io11)).toBe('simplex');
  expect(twin.consoleErrors()).toEqual([]);
});
