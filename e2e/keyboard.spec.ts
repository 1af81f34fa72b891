import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

test('keyboard only: Tab to the console, arrows, Enter opens the panel, buttons act', async ({
  page,
}) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  const [, cpu1] = await twin.ids('A', 'cpu');

  // Tab until the focus lands in the console tree.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const inTree = await page.evaluate(() => {
      // The twin lives in a shadow root: follow the focus into it.
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.getAttribute('role') === 'treeitem';
    });
    if (inTree) break;
  }
  const focused = page.locator('.ft-root :focus');
  await expect(focused).toHaveAttribute('role', 'treeitem');
  await expect(focused).toHaveAttribute('aria-level', '1');

  // System → CPU elements group → CPU element 0 → CPU element 1.
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('aria-level', '2');
  await expect(focused).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(focused).toHaveAttribute('aria-level', '3');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('data-testid', `console.row.${cpu1}`);

  // Left climbs to the group, Left collapses it, Right expands it again.
  await page.keyboard.press('ArrowLeft');
  await expect(focused).toHaveAttribute('aria-level', '2');
  await page.keyboard.press('ArrowLeft');
  await expect(focused).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowRight');
  await expect(focused).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('data-testid', `console.row.${cpu1}`);

  await page.keyboard.press('Enter');
  await expect(twin.componentPanel).toBeVisible();
  await expect(page.getByTestId(`console.row.${cpu1}`)).toHaveAttribute('aria-selected', 'true');
  // The keyboard user is moved on to the panel that opened.
  await expect(twin.componentPanel.getByRole('heading', { level: 2 })).toBeFocused();

  // Tab to the pull button and press it with the keyboard.
  const pull = twin.action('action.pull');
  for (let i = 0; i < 40; i++) {
    if (await pull.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(pull).toBeFocused();
  await page.keyboard.press('Enter');
  await twin.expectState(cpu1, 'removed');
  await expect(page.getByTestId('announcer')).toContainText('removed');

  // Insert it back with the keyboard too.
  const insert = twin.action('action.insert');
  for (let i = 0; i < 10; i++) {
    if (await insert.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(insert).toBeFocused();
  await page.keyboard.press('Space');
  await twin.expectState(
    cpu1,
    /^(diagnostics|diagnostics-passed|initializing|duplex|device-ready)$/,
  );
  expect(twin.consoleErrors()).toEqual([]);
});
