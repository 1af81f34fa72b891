import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

test('a transient fault injected by clicking a CPU element is detected and resynchronised', async ({
  page,
}) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  await twin.expectSystem('A', 'duplex');
  const [, cpu1] = await twin.ids('A', 'cpu');

  // A real pointer click in the 3D view selects the element and opens its panel.
  await twin.clickInScene(cpu1);
  await expect(twin.componentPanel).toBeVisible();
  await expect(twin.componentPanel.getByRole('heading', { level: 2 })).toContainText(
    'CPU element 1',
  );

  await twin.action('action.inject.bitflip-register').click();
  await expect(twin.componentPanel.getByTestId('action-outcome')).toContainText('done');

  // Detected: the element leaves lockstep, then comes back after diagnostics and resync.
  await twin.expectState(cpu1, /^(shot|diagnostics|diagnostics-passed|initializing|broken)$/);
  await twin.setSpeed(100);
  await twin.expectState(cpu1, 'duplex', 60_000);
  await twin.expectSystem('A', 'duplex', 60_000);
  await expect(twin.eventLog).toContainText('CPU element 1');
  expect(twin.consoleErrors()).toEqual([]);
});

test('a one-click scenario from the empty panel injects a transient fault and opens the panel', async ({
  page,
}) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  const [, cpu1] = await twin.ids('A', 'cpu');
  await page.getByTestId('try.transient').click();
  await expect(twin.componentPanel).toBeVisible();
  await expect(page.getByTestId(`console.row.${cpu1}`)).toHaveAttribute('aria-selected', 'true');
  await twin.expectState(cpu1, /^(shot|diagnostics|diagnostics-passed|initializing)$/);
  await twin.setSpeed(100);
  await twin.expectState(cpu1, 'duplex', 60_000);
  expect(twin.consoleErrors()).toEqual([]);
});
