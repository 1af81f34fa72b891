import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

test.setTimeout(180_000);

test('a crashed worker is restarted from the last saved state and the event log is kept', async ({
  page,
}) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  const [, cpu1] = await twin.ids('A', 'cpu');
  await page.evaluate((id) => window.ftTwin!.pull(id), cpu1);
  await twin.expectState(cpu1, 'removed');
  await expect(twin.eventLog).toContainText('CPU element 1');
  const eventsBefore = await twin.eventItems.count();

  // Wait for a save taken after the pull, then kill the worker.
  const pulledAt = await page.evaluate(() => window.ftTwin!.simTimeMs());
  await expect
    .poll(() => page.evaluate(() => window.ftTwin!.debug.savedAtMs() ?? -1), {
      message: 'a save after the pull',
    })
    .toBeGreaterThan(pulledAt);
  const restarted = page.evaluate(() => window.ftTwin!.debug.crashWorker());
  await expect(twin.notice).toContainText(
    /The simulation worker stopped: restarting from the last saved state \(time \d\d:\d\d:\d\d\.\d{3}\)/,
  );
  await restarted;
  await expect(page.getByTestId('worker-status')).toHaveAttribute('data-status', 'running');

  // The engine state came back (the element is still out) and the log was kept.
  expect(await twin.state(cpu1)).toBe('removed');
  await twin.expectSystem('A', 'simplex');
  expect(await twin.eventItems.count()).toBeGreaterThan(eventsBefore);
  await expect(twin.eventLog).toContainText('Simulation worker restarted');
  // It runs on: simulated time advances again.
  const t0 = await page.evaluate(() => window.ftTwin!.simTimeMs());
  await expect.poll(() => page.evaluate(() => window.ftTwin!.simTimeMs())).toBeGreaterThan(t0);
});
