import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

test('TMR: a paused fault and one Step show the outvoted element in the lockstep lanes', async ({
  page,
}) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=6600-tmr');
  await twin.expectSystem('A', 'triplex');
  const cpus = await twin.ids('A', 'cpu');
  expect(cpus).toHaveLength(3);

  await page.getByTestId('speed.pause').click();
  await expect(page.getByTestId('speed.pause')).toHaveAttribute('aria-pressed', 'true');
  await page.evaluate((id) => window.ftTwin!.select(id), cpus[2]);
  await twin.action('action.inject.bitflip-register').click();
  await page.getByTestId('speed.step').click();

  // The 2-of-3 vote removed element 2: its lane holds an Outvoted compare, the others agree.
  await expect
    .poll(() => page.evaluate(() => window.ftTwin!.debug.lanes('A').flags[2].includes(2)))
    .toBe(true);
  const lanes = await page.evaluate(() => window.ftTwin!.debug.lanes('A'));
  expect(lanes.flags[0]).not.toContain(2);
  expect(lanes.flags[1]).not.toContain(2);
  await twin.expectState(cpus[2], 'shot');
  await twin.expectSystem('A', 'duplex');
  await expect(page.getByTestId('lockstep.last')).toContainText('CPU element 2 removed');
  await expect(page.getByTestId('announcer')).toContainText('triplex → duplex');
  expect(twin.consoleErrors()).toEqual([]);
});
