import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

test('Redfish JSON shows Status.State and Health; copy falls back to a selectable box', async ({
  page,
}) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  const [cpu0] = await twin.ids('A', 'cpu');
  await page.evaluate((i) => window.ftTwin!.select(i), cpu0);
  await twin.action('redfish.show').click();
  const json = twin.action('redfish.json');
  await expect(json).toBeVisible();
  const doc = JSON.parse(await json.inputValue());
  expect(doc.Status).toEqual({ State: 'Enabled', Health: 'OK' });
  expect(doc.Oem.Stratus.OpState).toBe('duplex');

  // No clipboard in this page: the JSON is offered selected in a read-only box.
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await twin.action('redfish.copy').click();
  const fallback = twin.action('redfish.fallback');
  await expect(fallback).toBeVisible();
  await expect(twin.action('redfish.outcome')).toContainText('clipboard is not available');
  expect(JSON.parse(await fallback.inputValue()).Status.State).toBe('Enabled');
  expect(twin.consoleErrors()).toEqual([]);
});
