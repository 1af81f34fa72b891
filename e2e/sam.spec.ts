import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

test.describe('SAM', () => {
  test.setTimeout(120_000);

  test('an alert with notify shows a dismissible toast and lands in the event log', async ({
    page,
  }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=4300-dmr');
    await page.getByRole('tab', { name: 'SAM' }).click();
    const sam = page.getByTestId('sam');
    await expect(sam.getByRole('meter', { name: 'CPU use of ft4300-A' })).toBeVisible();
    await sam.getByTestId('sam.metric').selectOption('cpu');
    await sam.getByTestId('sam.threshold').fill('5');
    await sam.getByTestId('sam.action').selectOption('notify');
    // Keyboard: Enter in the threshold field submits the form.
    await sam.getByTestId('sam.threshold').press('Enter');
    await expect(sam.getByTestId('sam.outcome')).toContainText('cpu above 5% (notify): done');
    await expect(page.getByTestId('sam.A')).toContainText('alert > 5% (notify)');
    await twin.setSpeed(100);

    const toast = page.getByRole('status').filter({ hasText: /SAM: cpu use/ });
    await expect(toast).toBeVisible();
    await twin.setSpeed(1);
    await toast.getByRole('button', { name: 'Dismiss notification' }).click();
    await expect(page.getByTestId('toast')).toHaveCount(0);

    await page.getByRole('tab', { name: 'Lockstep & log' }).click();
    await expect(twin.eventItems.filter({ hasText: /SAM: cpu use/ }).first()).toBeVisible();
    await page.getByRole('tab', { name: 'SAM' }).click();
    await page.getByTestId('sam.clear').click();
    await expect(page.getByTestId('sam.A')).not.toContainText('alert >');
    expect(twin.consoleErrors()).toEqual([]);
  });

  test('the application fails and SAM restarts it, counting the restart', async ({ page }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=4300-dmr');
    await page.getByRole('tab', { name: 'SAM' }).click();
    const restarts = page.getByTestId('sam.A.restarts');
    await expect(restarts).toHaveAttribute('data-count', '0');
    await page.getByTestId('sam.crash-app').click();
    await expect(page.getByTestId('sam.outcome')).toContainText(
      'Application failure on ft4300-A: done',
    );
    await expect(page.getByTestId('sam.A.app')).toHaveText('application restarting');
    await twin.setSpeed(10);
    await expect(page.getByTestId('sam.A.app')).toHaveText('application up');
    await expect(restarts).toHaveAttribute('data-count', '1');
    // The restart is an alert with notify: a toast says so.
    await expect(page.getByTestId('toast').filter({ hasText: 'restarted' })).toBeVisible();
    expect(twin.consoleErrors()).toEqual([]);
  });
});
