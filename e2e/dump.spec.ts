import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

test.describe('Quick dump', () => {
  test.setTimeout(180_000);

  test('OS crash: the system reboots on one element while the other holds the dump', async ({
    page,
  }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=4300-dmr');
    await twin.expectSystem('A', 'duplex');
    const cpus = await twin.ids('A', 'cpu');
    await page.evaluate((i) => window.ftTwin!.select(i), cpus[0]);
    await twin.action('action.inject.os-crash').click();
    await expect
      .poll(() => twin.systemStatus('A'), { message: 'system reboots' })
      .toMatch(/down|booting/);
    await expect
      .poll(async () => Promise.all(cpus.map((c) => twin.state(c))), {
        message: 'one element dumping',
      })
      .toContain('dumping');

    await page.getByRole('tab', { name: /^Dumps/ }).click();
    const row = page.getByTestId('dumps.list').locator('tbody tr').first();
    await expect(row).toHaveAttribute('data-cause', 'crash');
    await expect(row).toContainText('OS crash');
    await expect(row).toContainText('GB');
    await twin.setSpeed(100);
    await expect(row).toHaveAttribute('data-written', 'true', { timeout: 90_000 });
    await twin.expectSystem('A', 'duplex', 90_000);
    for (const c of cpus) await twin.expectState(c, 'duplex');
    const downtime = await page.evaluate(
      () => window.ftTwin!.counters().find((c) => c.systemId === 'A')!.downtimeMs,
    );
    expect(downtime).toBeGreaterThan(0);
    expect(twin.consoleErrors()).toEqual([]);
  });

  test('Take dump now from the system: written without downtime', async ({ page }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=4300-dmr');
    await twin.expectSystem('A', 'duplex');
    await page.getByRole('tab', { name: /^Dumps/ }).click();
    await page.getByTestId('dumps.take.A').click();
    await expect(page.getByTestId('dumps.outcome')).toContainText('done');
    const row = page.getByTestId('dumps.list').locator('tbody tr').first();
    await expect(row).toHaveAttribute('data-cause', 'requested');
    await expect(row).toContainText('writing…');
    await expect(page.getByRole('tab', { name: /Dumps/ })).toContainText('1 being written');
    await twin.expectSystem('A', 'simplex');
    await twin.setSpeed(100);
    await expect(row).toHaveAttribute('data-written', 'true', { timeout: 90_000 });
    await twin.expectSystem('A', 'duplex', 90_000);
    const downtime = await page.evaluate(
      () => window.ftTwin!.counters().find((c) => c.systemId === 'A')!.downtimeMs,
    );
    expect(downtime).toBe(0);
    expect(twin.consoleErrors()).toEqual([]);
  });

  test('Take dump now from the system card opens the dump in the Dumps tab', async ({ page }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=4300-dmr');
    await twin.expectSystem('A', 'duplex');
    const card = page.getByTestId('status.A');
    await card.getByText('System actions').click();
    await card.getByTestId('system.A.take-dump').click();
    await expect(card.getByRole('status')).toContainText('Take dump now: done.');
    await card.getByTestId('system.A.open-dumps').click();
    await expect(page.getByRole('tab', { name: /^Dumps/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const row = page.getByTestId('dumps.list').locator('tbody tr').first();
    await expect(row).toHaveAttribute('data-cause', 'requested');
    await expect(row).toContainText('CPU element 1');
    expect(twin.consoleErrors()).toEqual([]);
  });
});
