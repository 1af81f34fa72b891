import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

const cases: [string, RegExp][] = [
  [
    '?preset=no-such-rack',
    /\?preset="no-such-rack" is not a known preset: expected one of .*mixed/,
  ],
  ['?seed=-3', /\?seed="-3" is not valid: expected a non-negative integer/],
  ['?seed=abc', /\?seed="abc" is not valid/],
  ['?config=%7Bbroken', /\?config is not valid JSON/],
  [
    `?config=${encodeURIComponent('{"systems":[]}')}`,
    /\?config is not a valid rack configuration: systems/,
  ],
];

for (const [query, message] of cases) {
  test(`bad URL parameter ${query} shows a notice and the default rack`, async ({ page }) => {
    const twin = new TwinPage(page);
    await twin.open(query);
    await expect(twin.notice).toBeVisible();
    await expect(twin.notice).toHaveAttribute('role', 'alert');
    await expect(twin.notice).toContainText(message);
    // The default preset (mixed) has three systems.
    await expect(page.getByTestId('status').locator('.status-card')).toHaveCount(3);
    expect(twin.consoleErrors()).toEqual([]);
  });
}

test('a valid config parameter loads that rack', async ({ page }) => {
  const twin = new TwinPage(page);
  const config = { name: 'Test rack', systems: [{ id: 'Z', model: '4300', positionU: 10 }] };
  await twin.open(`?config=${encodeURIComponent(JSON.stringify(config))}&seed=7`);
  await expect(twin.notice).toHaveCount(0);
  await expect(page.getByTestId('status.Z')).toBeVisible();
  await twin.expectSystem('Z', 'duplex');
});
