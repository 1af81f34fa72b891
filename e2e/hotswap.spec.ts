import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

test.describe('hot swap', () => {
  // Screenshots for LED colours are slow under software WebGL.
  test.setTimeout(300_000);

  test('pulling a CPU element leaves the system simplex; re-inserting resyncs it to duplex', async ({
    page,
  }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=4300-dmr');
    await twin.expectSystem('A', 'duplex');
    const [cpu0, cpu1] = await twin.ids('A', 'cpu');
    await twin.focusOn(cpu0);
    await twin.expectLed(cpu0, 'power', 'green');
    await twin.expectLed(cpu0, 'safeToPull', 'blue');

    await page.evaluate((id) => window.ftTwin!.select(id), cpu1);
    await twin.action('action.pull').click();
    await twin.expectState(cpu1, 'removed');
    await twin.expectSystem('A', 'simplex');
    // The survivor is now the last element: its safe-to-pull LED goes out.
    await twin.expectLed(cpu0, 'safeToPull', 'dark');
    await twin.expectLed(cpu0, 'power', 'green');

    await twin.action('action.insert').click();
    await twin.setSpeed(100);
    await twin.expectState(cpu1, 'duplex', 60_000);
    await twin.expectSystem('A', 'duplex', 60_000);
    await twin.setSpeed(1);
    await twin.expectLed(cpu1, 'power', 'green');
    await twin.expectLed(cpu0, 'safeToPull', 'blue');
    expect(twin.consoleErrors()).toEqual([]);
  });

  test('pulling the last CPU element asks for confirmation, then takes the system down', async ({
    page,
  }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=4300-dmr');
    const [cpu0, cpu1] = await twin.ids('A', 'cpu');
    await page.evaluate((id) => window.ftTwin!.pull(id), cpu1);
    await twin.expectSystem('A', 'simplex');

    await page.evaluate((id) => window.ftTwin!.select(id), cpu0);
    await twin.action('action.pull').click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(/system will go down|last/i);

    // Cancel first: nothing happens.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await twin.state(cpu0)).not.toBe('removed');

    await twin.action('action.pull').click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Pull anyway' }).click();
    await twin.expectState(cpu0, 'removed');
    await twin.expectSystem('A', 'down');
    await expect(page.getByTestId('status.A.status')).toHaveText('down');
  });

  test('pulling a disk degrades the mirror; inserting it rebuilds the mirror', async ({ page }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=4300-dmr');
    const [disk] = await twin.ids('A', 'disk');
    const partner = await twin.partner(disk);
    await twin.expectState(disk, 'duplex');

    await page.evaluate((id) => window.ftTwin!.select(id), disk);
    await twin.action('action.pull').click();
    await twin.expectState(disk, 'removed');
    await twin.expectState(partner, 'simplex');

    // Rebuild at high priority (through the panel), as fast as the engine runs.
    await twin.action('action.disk-priority').selectOption('high');
    await expect(twin.action('action-outcome')).toContainText('Rebuild priority: done');
    await twin.action('action.insert').click();
    await twin.expectState(disk, 'initializing');
    await expect(twin.componentPanel.getByTestId('component-progress')).toHaveText(/\d+%/);
    await twin.setSpeed('max');
    await twin.expectState(disk, 'duplex', 120_000);
    await twin.expectState(partner, 'duplex');
    expect(twin.consoleErrors()).toEqual([]);
  });
});
