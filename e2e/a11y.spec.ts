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
  for (const v of violations)
    for (const n of v.nodes.slice(0, 6))
      console.log(
        `  ${v.id}: ${n.target.join(' ')} ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').slice(0, 160)}`,
      );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Opens the app paused (axe reads the page; a running engine only slows it down). */
async function openPaused(page: Page): Promise<TwinPage> {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  await twin.setSpeed(0);
  return twin;
}

test('the full app, idle', async ({ page }) => {
  await openPaused(page);
  expect(await audit(page, 'idle')).toEqual([]);
});

test('the full app with a part selected', async ({ page }) => {
  const twin = await openPaused(page);
  await page.evaluate(() => window.ftTwin!.select('A.cpu-1'));
  await expect(twin.componentPanel).toBeVisible();
  expect(await audit(page, 'component panel')).toEqual([]);
});

test('the pull dialog', async ({ page }) => {
  const twin = await openPaused(page);
  // Pulling the last good CPU element asks first.
  await page.evaluate(() => window.ftTwin!.pull('A.cpu-0'));
  await twin.expectState('A.cpu-0', 'removed');
  await page.evaluate(() => window.ftTwin!.select('A.cpu-1'));
  await twin.action('action.pull').click();
  await expect(page.getByTestId('confirm-pull.confirm')).toBeVisible();
  expect(await audit(page, 'pull dialog')).toEqual([]);
});

test('every management tab', async ({ page }) => {
  await openPaused(page);
  const serious: string[] = [];
  for (const tab of ['service', 'upgrade', 'sam', 'traps', 'dumps']) {
    await page.getByTestId(`tab.${tab}`).click();
    serious.push(...(await audit(page, `tab ${tab}`)));
  }
  expect(serious).toEqual([]);
});

test('the phone layout with its drawer open', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPaused(page);
  const serious = await audit(page, 'phone');
  await page.evaluate(() => window.ftTwin!.select('A.cpu-1'));
  serious.push(...(await audit(page, 'phone drawer')));
  expect(serious).toEqual([]);
});

for (const example of ['article', 'minimal', 'many']) {
  test(`the embed example page ${example}.html`, async ({ page }) => {
    await page.goto(`${PLAIN_URL}examples/${example}.html`);
    await page.locator('ft-twin').first().waitFor();
    await page.evaluate(async () => {
      await customElements.whenDefined('ft-twin');
      // The first twin is in view on every example: audit once it runs, not before.
      await (document.querySelector('ft-twin') as HTMLElement & { ready(): Promise<void> }).ready();
    });
    expect(await audit(page, `embed ${example}`)).toEqual([]);
  });
}
