import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

const cases: [string, RegExp][] = [
  [
    '?preset=no-such-rack',
    /\?preset="no-such-rack" is not a known preset: expected one of .*mixed/,
  ],
  ['?seed=-3', /\?seed="-3" is not valid: expected a non-negative integer/],
  ['?config=%7Bbroken', /\?config is not valid JSON/],
  [
    `?config=${encodeURIComponent('{"systems":[]}')}`,
    /\?config is not a valid rack configuration: systems: expected at least one system/,
  ],
  // Valid JSON that is not a configuration object says so (not "invalid JSON").
  [
    `#config=${encodeURIComponent('"{\\"systems\\":[]}"')}`,
    /#config is not a valid rack configuration: \(root\): expected an object like .*, got "/,
  ],
  [
    `#config=${encodeURIComponent('{"systems":[{"id":"A","model":"4300","positionU":1e400}]}')}`,
    /systems\[0\]\.positionU: expected a whole number of rack units .*got Infinity \(a number too large to represent\)/,
  ],
  [
    `#config=${encodeURIComponent('{"heightU":49,"systems":[{"id":"A","model":"4300","positionU":45}]}')}`,
    /heightU: 49 is not between 1 and 48 \(the tallest rack the twin draws; 42U is the standard\)/,
  ],
  [
    '?sead=3&seed=4&seed=5',
    /Unknown URL parameter was ignored: \?"sead"\..*\?seed was given 2 times/,
  ],
];

for (const [query, message] of cases) {
  test(`bad URL ${query.slice(0, 60)} shows a notice and the default rack`, async ({ page }) => {
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

test('a long unknown key with a bidi override is cut and escaped in the notice', async ({
  page,
}) => {
  const twin = new TwinPage(page);
  const key = `\u202e${'k'.repeat(5000)}`;
  await twin.open(`?${encodeURIComponent(key)}=1`);
  const text = (await twin.notice.textContent()) ?? '';
  expect(text).toContain('"\\u202ekkk');
  expect(text).not.toContain('\u202e');
  expect(text.length).toBeLessThan(300);
});

test('a valid config parameter loads that rack', async ({ page }) => {
  const twin = new TwinPage(page);
  const config = { name: 'Test rack', systems: [{ id: 'Z', model: '4300', positionU: 10 }] };
  await twin.open(`?config=${encodeURIComponent(JSON.stringify(config))}&seed=7`);
  await expect(twin.notice).toHaveCount(0);
  await expect(page.getByTestId('status.Z')).toBeVisible();
  await twin.expectSystem('Z', 'duplex');
});

test('a rack far over 16 KB loads from the URL fragment, which no server sees', async ({
  page,
}) => {
  const twin = new TwinPage(page);
  const systems = Array.from({ length: 8 }, (_, i) => ({
    id: `S${i}`,
    name: `Lab system ${i}`,
    model: '4300',
    positionU: 1 + i * 5,
    pciAdapters: ['gige', 'scsi'],
  }));
  // Indented as an editor would, padded to well over what a query string may carry.
  const json = JSON.stringify({ name: 'Big lab rack', systems }, null, 2).replace(
    /\n/g,
    `\n${' '.repeat(300)}`,
  );
  expect(json.length).toBeGreaterThan(20_000);
  await twin.open(`#config=${encodeURIComponent(json)}`);
  await expect(twin.notice).toHaveCount(0);
  await expect(page.getByTestId('status').locator('.status-card')).toHaveCount(8);
  await expect(page.locator('.brand-rack')).toHaveText('Big lab rack');
});
