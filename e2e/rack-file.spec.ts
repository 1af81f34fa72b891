import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

const lab = {
  name: 'Lab rack from a file',
  systems: [
    { id: 'L1', model: '4300', positionU: 1 },
    { id: 'L2', model: '6600', positionU: 20, mode: 'tmr' },
  ],
};

test('Open rack… loads a configuration file, and the URL fragment then carries it', async ({
  page,
}) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  await page.getByTestId('open-rack.input').setInputFiles({
    name: 'lab.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(lab)),
  });
  await expect(page.locator('.brand-rack')).toHaveText('Lab rack from a file');
  await page.evaluate(() => window.ftTwin!.ready());
  await twin.expectSystem('L2', 'triplex');
  const url = new URL(page.url());
  expect(url.search).toBe('');
  expect(url.hash).toMatch(/^#config=[A-Za-z0-9_-]+$/);
  // The link reproduces the rack.
  await twin.open(url.hash);
  await expect(page.locator('.brand-rack')).toHaveText('Lab rack from a file');
  expect(twin.consoleErrors()).toEqual([]);
});

test('a bad file says which file and which field, and the rack stays', async ({ page }) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  await page.getByTestId('open-rack.input').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"systems":[{"id":"A","model":"4400","positionU":1}]}'),
  });
  await expect(twin.notice).toContainText(
    "The rack was not loaded: broken.json: systems[0].model: unknown model '4400'",
  );
  await expect(page.getByTestId('status.A')).toBeVisible();
  await expect(page.locator('.brand-rack')).toHaveText('ftServer 4300 (DMR)');
});

test('a rack file dropped on the page loads it', async ({ page }) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  const transfer = await page.evaluateHandle((json) => {
    const dt = new DataTransfer();
    dt.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, JSON.stringify(lab));
  const target = page.locator('.app-shell');
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(page.locator('.drop-overlay')).toBeVisible();
  await target.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.locator('.brand-rack')).toHaveText('Lab rack from a file');
  await expect(page.locator('.drop-overlay')).toHaveCount(0);
});
