import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

test.setTimeout(240_000);

test('after a crash the last save is restored and every command confirmed since is replayed: state, log and time agree and never go back', async ({
  page,
}) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  const [, cpu1] = await twin.ids('A', 'cpu');
  // A save exists, then a command is confirmed and the worker dies before the next save.
  await expect
    .poll(() => page.evaluate(() => window.ftTwin!.debug.savedAtMs() ?? -1))
    .toBeGreaterThan(0);
  const before = await page.evaluate(async (id) => {
    const api = window.ftTwin!;
    await api.pull(id);
    const pulledAt = api.simTimeMs();
    const savedAt = api.debug.savedAtMs() ?? -1;
    const restarted = api.debug.crashWorker();
    return { pulledAt, savedAt, restarted: await restarted.then(() => 'ok') };
  }, cpu1);
  expect(before.restarted).toBe('ok');
  await expect(page.getByTestId('worker-status')).toHaveAttribute('data-status', 'running');

  // The pull was confirmed after the save: it is replayed, not rolled back.
  expect(before.savedAt).toBeLessThan(before.pulledAt + 1);
  await twin.expectState(cpu1, 'removed', 5_000);
  await twin.expectSystem('A', 'simplex', 5_000);
  // Time never goes back.
  expect(await page.evaluate(() => window.ftTwin!.simTimeMs())).toBeGreaterThanOrEqual(
    before.pulledAt,
  );
  // The log shows the pull once, and says how the engine came back.
  await expect(twin.eventLog).toContainText(
    /Simulation worker restarted: .*replayed 1 confirmed command/,
  );
  const removedTraps = await page.evaluate(
    (id) =>
      window.ftTwin!.traps().filter((t) => t.componentId === id && t.trap === 'removed').length,
    cpu1,
  );
  expect(removedTraps).toBe(1);
  // And it runs on.
  const t0 = await page.evaluate(() => window.ftTwin!.simTimeMs());
  await expect.poll(() => page.evaluate(() => window.ftTwin!.simTimeMs())).toBeGreaterThan(t0);
  expect(twin.consoleErrors()).toEqual([]);
});

test('after repeated crashes the app says what happened, offers a restart, and every promise settles', async ({
  page,
}) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  const [, cpu1] = await twin.ids('A', 'cpu');
  await page.evaluate((id) => window.ftTwin!.pull(id), cpu1);
  const outcomes = await page.evaluate(async () => {
    const api = window.ftTwin!;
    const out: string[] = [];
    for (let i = 0; i < 5; i++) {
      out.push(
        await api.debug.crashWorker().then(
          () => 'restarted',
          (e: Error) => e.message,
        ),
      );
    }
    return out;
  });
  expect(outcomes.slice(0, 3)).toEqual(['restarted', 'restarted', 'restarted']);
  expect(outcomes[3]).toMatch(/stopped 4 times within 30 s, so it was not restarted again/);
  expect(outcomes[4]).toMatch(/not running/);
  await expect(page.getByTestId('worker-status')).toHaveAttribute('data-status', 'stopped');
  await expect(twin.notice).toContainText('Nothing confirmed is lost');
  // Calls made while it is stopped settle with a reason.
  const refused = await page.evaluate(() =>
    window.ftTwin!.step(10).then(
      () => 'stepped',
      (e: Error) => e.message,
    ),
  );
  expect(refused).toMatch(/restarting|not running/);

  await page.getByTestId('notice.restart').click();
  await expect(page.getByTestId('worker-status')).toHaveAttribute('data-status', 'running');
  await twin.expectState(cpu1, 'removed', 5_000);
  await expect(twin.notice).toHaveCount(0);
});
