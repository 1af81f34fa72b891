import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

test.describe('SNMP traps', () => {
  test.setTimeout(120_000);

  test('a state change sends a trap with its OID and varbinds', async ({ page }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=mixed');
    const [, cpu1] = await twin.ids('A', 'cpu');
    await page.evaluate((i) => window.ftTwin!.select(i), cpu1);
    await twin.action('action.bring-down').click();
    await twin.expectState(cpu1, 'offline');

    // Keyboard: the tabs follow the WAI-ARIA pattern (End, then ArrowLeft to "SNMP traps").
    await page.getByRole('tab', { name: 'Lockstep & log' }).focus();
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: /^Dumps/ })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { name: 'SNMP traps' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const panel = page.getByTestId('traps');
    await expect(panel).toContainText('packages/engine/mib/FTSERVER-TWIN-MIB.txt');
    await panel.getByTestId('traps.system').selectOption('A');
    const row = panel.locator(`[data-testid="traps.row"][data-component="${cpu1}"]`).first();
    await expect(row).toBeVisible();
    await expect(row.getByTestId('traps.oid')).toHaveText(/^1\.3\.6\.1\.4\.1\.458\.103\.0\.\d$/);
    await expect(row).toContainText('duplex → offline');
    // Keyboard: focus the summary and press Enter to open the varbinds.
    await row.locator('summary').focus();
    await page.keyboard.press('Enter');
    const varbinds = row.getByTestId('traps.varbinds');
    await expect(varbinds).toBeVisible();
    await expect(varbinds).toContainText('ftCompId');
    await expect(varbinds).toContainText(cpu1);
    await expect(varbinds).toContainText('1.3.6.1.4.1.458.103.1.1.1.');
    // Filtering by another system hides A's traps.
    await panel.getByTestId('traps.system').selectOption('B');
    await expect(panel.locator(`[data-component="${cpu1}"]`)).toHaveCount(0);
    const traps = await page.evaluate(() => window.ftTwin!.traps().length);
    expect(traps).toBeGreaterThan(0);
    expect(twin.consoleErrors()).toEqual([]);
  });
});
