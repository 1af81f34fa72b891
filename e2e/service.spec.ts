import { expect, type Page, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

/** Skips quiet simulated time (a part delivery is hours away) until the call reaches `status`. */
async function warpUntilStatus(
  page: Page,
  callCard: ReturnType<Page['getByTestId']>,
  status: string,
) {
  await expect
    .poll(
      async () => {
        await page.evaluate(() => window.ftTwin!.jumpToNextEvent(3_600_000));
        return callCard.getAttribute('data-status');
      },
      { timeout: 60_000, message: `call reaches ${status}` },
    )
    .toBe(status);
}

/**
 * Fails a PCI adapter through the component panel, as a trainee would after selecting it (an
 * adapter comes back in seconds once replaced; a disk would re-mirror for simulated minutes).
 */
async function failAdapter(twin: TwinPage, page: Page, id: string) {
  await page.evaluate((i) => window.ftTwin!.select(i), id);
  await twin.action('action.inject.adapter-failure').click();
  await expect(twin.action('action-outcome')).toContainText('done');
  await twin.expectState(id, 'broken');
}

test.describe('ActiveService', () => {
  test.setTimeout(180_000);

  test('a hard fault opens a call via the ftGateway; shipped, delivered, replaced, closed', async ({
    page,
  }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=mixed');
    const [adapter] = await twin.ids('C', 'pci');
    await failAdapter(twin, page, adapter);

    await page.getByRole('tab', { name: /^Service/ }).click();
    const calls = page.getByTestId('service.calls');
    const card = calls.locator('[data-testid^="service.call."][data-status]').first();
    await expect(card).toHaveAttribute('data-status', 'opened');
    await expect(card).toContainText('C');
    await expect(card.getByTestId(/\.path$/)).toHaveText('via gateway A');
    await expect(card.locator('[aria-current="step"]')).toHaveAttribute('data-step', 'opened');
    await expect(page.getByTestId('service.gateway.A.role')).toHaveText('ftGateway');
    await expect(page.getByTestId('service.gateway.B.role')).toHaveText('Backup');

    await warpUntilStatus(page, card, 'part-delivered');
    await expect(card.locator('[data-step="part-shipped"]')).toHaveAttribute('data-mark', 'done');

    // The engineer swaps the CRU: pull the broken adapter, insert a new one.
    await page.evaluate((i) => window.ftTwin!.select(i), adapter);
    await twin.action('action.pull').click();
    await twin.expectState(adapter, 'removed');
    await twin.action('action.insert-new').click();
    await expect(card).toHaveAttribute('data-status', 'replaced');
    await twin.setSpeed(100);
    const history = page.getByTestId('service.history');
    await expect(history.locator('tbody tr')).toHaveCount(1, { timeout: 60_000 });
    await expect(history).toContainText('via gateway A');
    await expect(calls).toHaveCount(0);
    expect(twin.consoleErrors()).toEqual([]);
  });

  test('with the gateway’s link down the next call goes via the backup', async ({ page }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=mixed');
    await page.getByRole('tab', { name: /^Service/ }).click();
    const link = page.getByTestId('service.link.A');
    await expect(link).toBeChecked();
    // Keyboard: focus the switch and press Space.
    await link.focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('service.outcome')).toContainText('down: done');
    await expect(link).not.toBeChecked();
    await expect(page.getByTestId('service.gateway.A')).toContainText('Link down');

    const [adapter] = await twin.ids('C', 'pci');
    await failAdapter(twin, page, adapter);
    const card = page.getByTestId('service.calls').locator('[data-path]').first();
    await expect(card).toHaveAttribute('data-path', 'backup B');
    await expect(card).toContainText('via backup B');
    expect(twin.consoleErrors()).toEqual([]);
  });

  test('with no call-home link the call queues, and goes out when a link is back', async ({
    page,
  }) => {
    const twin = new TwinPage(page);
    await twin.open('?preset=mixed');
    await page.getByRole('tab', { name: /^Service/ }).click();
    for (const id of ['A', 'B']) {
      await page.getByTestId(`service.link.${id}`).click();
      await expect(page.getByTestId(`service.link.${id}`)).not.toBeChecked();
    }
    const [adapter] = await twin.ids('C', 'pci');
    await failAdapter(twin, page, adapter);
    const card = page.getByTestId('service.calls').locator('[data-path]').first();
    await expect(card).toHaveAttribute('data-path', 'queued');
    await expect(card).toContainText('queued (no call-home path)');

    await page.getByTestId('service.link.B').click();
    await expect(page.getByTestId('service.link.B')).toBeChecked();
    await expect(card).toHaveAttribute('data-path', 'backup B');
    await expect(card).toContainText('via backup B');
    expect(twin.consoleErrors()).toEqual([]);
  });
});
