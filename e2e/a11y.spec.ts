/**
 * axe (WCAG 2.1 A/AA and best practices) on the main states of the app and on the embed example
 * pages: no serious or critical violation. Every count is written to the test's annotations
 * (`axe <state>`), so a run against an older build reports the before figures as well.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';
import { PLAIN_URL } from './urls.ts';

test.setTimeout(180_000);

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Runs axe, records the counts by impact, and returns the serious and critical ones. */
async function audit(page: Page, state: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const byImpact: Record<string, number> = {};
  for (const v of violations)
    byImpact[v.impact ?? 'none'] = (byImpact[v.impact ?? 'none'] ?? 0) + v.nodes.length;
  const rules = violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ');
  test.info().annotations.push({
    type: `axe ${state}`,
    description: `${JSON.stringify(byImpact)} ${rules}`,
  });
  console.log(`axe ${state}: ${JSON.stringify(byImpact)} ${rules}`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('the full app: idle, a part selected, the pull dialog, every management tab', async ({
  page,
}) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  const serious: string[] = [];
  serious.push(...(await audit(page, 'idle')));

  await page.evaluate(() => window.ftTwin!.select('A.cpu-1'));
  await expect(twin.componentPanel).toBeVisible();
  serious.push(...(await audit(page, 'component panel')));

  // Pulling the last good CPU element asks first.
  await page.evaluate(() => window.ftTwin!.pull('A.cpu-0'));
  await twin.expectState('A.cpu-0', 'removed');
  await page.evaluate(() => window.ftTwin!.select('A.cpu-1'));
  await twin.action('action.pull').click();
  await expect(page.getByTestId('confirm-pull.confirm')).toBeVisible();
  serious.push(...(await audit(page, 'pull dialog')));
  await page.keyboard.press('Escape');

  for (const tab of ['overview', 'service', 'upgrade', 'sam', 'traps', 'dumps']) {
    await page.getByTestId(`tab.${tab}`).click();
    serious.push(...(await audit(page, `tab ${tab}`)));
  }
  expect(serious).toEqual([]);
});

test('the phone layout with its drawer open', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  const serious = await audit(page, 'phone');
  await page.evaluate(() => window.ftTwin!.select('A.cpu-1'));
  serious.push(...(await audit(page, 'phone drawer')));
  expect(serious).toEqual([]);
});

for (const example of ['article', 'minimal', 'many']) {
  test(`the embed example page ${example}.html`, async ({ page }) => {
    await page.goto(`${PLAIN_URL}examples/${example}.html`);
    await page.locator('ft-twin').first().waitFor();
    await page.evaluate(() => customElements.whenDefined('ft-twin'));
    await page.waitForTimeout(1500);
    expect(await audit(page, `embed ${example}`)).toEqual([]);
  });
}
