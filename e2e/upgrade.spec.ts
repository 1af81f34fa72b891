import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

test.describe('Active Upgrade', () => {
  test.setTimeout(180_000);

  test('start → split (data disks offline) → merge → commit → idle on the new version, no downtime', async ({
    page,
  }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=4300-dmr');
    await twin.expectSystem('A', 'duplex');
    await page.getByRole('tab', { name: 'Active Upgrade' }).click();
    const panel = page.getByTestId('upgrade');
    await expect(panel).toHaveAttribute('data-state', 'Idle');
    await expect(panel.getByTestId('upgrade.checks').getByText('not met')).toHaveCount(0);
    const start = panel.getByTestId('upgrade.start');
    const merge = panel.getByTestId('upgrade.merge');
    const abort = panel.getByTestId('upgrade.abort');
    await expect(start).toBeEnabled();
    await expect(merge).toBeDisabled();
    await expect(abort).toBeDisabled();
    const before = await panel.getByTestId('upgrade.production').textContent();

    await start.click();
    await expect(panel.getByTestId('upgrade.outcome')).toHaveText('Start: done.');
    await expect(panel).toHaveAttribute('data-state', 'PrepareSplit');
    await expect(panel.locator('[aria-current="step"]')).toHaveAttribute(
      'data-step',
      'PrepareSplit',
    );
    await expect(abort).toBeEnabled();

    await twin.setSpeed(100);
    await expect(panel).toHaveAttribute('data-state', 'Split');
    // Split: the upgrade side may not touch the data disks.
    const disks = await page.evaluate(() =>
      window.ftTwin!.components().filter((c) => c.system === 'A' && c.kind === 'disk'),
    );
    expect(disks.some((d) => d.state === 'offline')).toBe(true);
    await expect(panel.getByTestId('upgrade.upgrade-version')).toContainText('v4.1.0');
    await expect(merge).toBeEnabled({ timeout: 60_000 });
    await twin.setSpeed(1);

    await merge.click();
    await expect(panel.getByTestId('upgrade.outcome')).toHaveText('Merge: done.');
    await twin.setSpeed(100);
    await expect(panel).toHaveAttribute('data-state', 'Idle', { timeout: 90_000 });
    await expect(panel.getByTestId('upgrade.production')).toContainText('v4.1.0');
    expect(await panel.getByTestId('upgrade.production').textContent()).not.toBe(before);
    await expect(page.getByTestId('status.A')).toContainText('v4.1.0');
    await expect(panel.getByTestId('upgrade.downtime')).toHaveAttribute('data-ms', '0');
    const counters = await page.evaluate(() => window.ftTwin!.counters());
    expect(counters.find((c) => c.systemId === 'A')?.downtimeMs).toBe(0);
    expect(twin.consoleErrors()).toEqual([]);
  });

  test('back out from Split: the old version stays and the pair resynchronises', async ({
    page,
  }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=4300-dmr');
    await twin.expectSystem('A', 'duplex');
    await page.getByRole('tab', { name: 'Active Upgrade' }).click();
    const panel = page.getByTestId('upgrade');
    await panel.getByTestId('upgrade.start').click();
    await twin.setSpeed(100);
    await expect(panel).toHaveAttribute('data-state', 'Split');
    await twin.setSpeed(1);
    await panel.getByTestId('upgrade.abort').click();
    await expect(panel.getByTestId('upgrade.outcome')).toHaveText('Back out: done.');
    await expect(panel).toHaveAttribute('data-state', 'Idle');
    await expect(panel.getByTestId('upgrade.production')).toContainText('v4.0.0');
    await expect(panel.getByTestId('upgrade.merge')).toBeDisabled();
    await twin.setSpeed(100);
    await twin.expectSystem('A', 'duplex', 60_000);
    expect(twin.consoleErrors()).toEqual([]);
  });

  test('Start stays disabled while a precondition fails, and says why (TMR)', async ({ page }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=mixed');
    await page.getByRole('tab', { name: 'Active Upgrade' }).click();
    const panel = page.getByTestId('upgrade');
    await panel.getByTestId('upgrade.system').selectOption('C');
    await expect(panel.getByTestId('upgrade.checks')).toContainText(
      'Active Upgrade splits a DMR pair',
    );
    const start = panel.getByTestId('upgrade.start');
    await expect(start).toBeDisabled();
    await expect(panel.getByTestId('upgrade.blocked')).toHaveText(
      // TMR fails the DMR-pair check first; its triplex status fails the duplex checks too.
      /^Start needs every precondition: DMR pair \(TMR: Active Upgrade splits a DMR pair\)(; [^;]+)* (is|are) not met\.$/,
    );
    await expect(start).toHaveAttribute('aria-describedby', 'upgrade-blocked');
    // The engine refuses it too, with its own reason, when asked through the API.
    const refused = await page.evaluate(() =>
      window.ftTwin!.command({ type: 'upgrade', target: 'C', action: 'start' }).then(
        () => '',
        (e: Error) => e.message,
      ),
    );
    expect(refused).toMatch(/TMR/);
    await expect(panel).toHaveAttribute('data-state', 'Idle');
    // A DMR system with every precondition met: Start is enabled again.
    await panel.getByTestId('upgrade.system').selectOption('A');
    await twin.expectSystem('A', 'duplex');
    await expect(start).toBeEnabled();
    await expect(panel.getByTestId('upgrade.blocked')).toHaveCount(0);
    expect(twin.consoleErrors()).toEqual([]);
  });
});
