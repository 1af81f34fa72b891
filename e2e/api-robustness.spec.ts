import { expect, test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

test.setTimeout(240_000);

test('a long step settles with progress while the twin keeps answering; the watchdog leaves a busy worker alone', async ({
  page,
}) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  await twin.setSpeed(0);
  const start = await page.evaluate(() => window.ftTwin!.simTimeMs());
  // An hour of simulated time runs every instruction: far longer than the watchdog's 15 s.
  const report = page.evaluate(async () => {
    const api = window.ftTwin!;
    const progress: number[] = [];
    const began = performance.now();
    await api.step(3_600_000, { onProgress: (done) => progress.push(done) });
    return { progress, wallMs: performance.now() - began };
  });
  await expect(page.getByTestId('job')).toContainText('stepping');
  // The twin answers meanwhile, and a command goes in mid-step.
  const [, cpu1] = await twin.ids('A', 'cpu');
  await page.evaluate((id) => window.ftTwin!.inject(id, 'bitflip-register'), cpu1);
  const { progress, wallMs } = await report;
  expect(progress.length).toBeGreaterThan(1);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(progress.at(-1)).toBe(3_600_000);
  expect(await page.evaluate(() => window.ftTwin!.simTimeMs())).toBe(start + 3_600_000);
  await expect(page.getByTestId('worker-status')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('job')).toHaveCount(0);
  await expect(twin.notice).toHaveCount(0);
  test.info().annotations.push({ type: 'step-wall-ms', description: String(Math.round(wallMs)) });
  expect(twin.consoleErrors()).toEqual([]);
});

test('arguments that cannot cross to the worker are refused before anything is posted, with a clear message', async ({
  page,
}) => {
  const twin = new TwinPage(page);
  await twin.open('?preset=4300-dmr');
  const messages = await page.evaluate(async () => {
    const api = window.ftTwin!;
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const attempt = async (f: () => unknown) => {
      try {
        await f();
        return 'accepted';
      } catch (e) {
        return (e as Error).message;
      }
    };
    return {
      fn: await attempt(() =>
        api.command({ type: 'pull', target: 'A.cpu-1', x: () => 1 } as never),
      ),
      proxy: await attempt(() =>
        api.command(new Proxy({ type: 'pull', target: 'A.cpu-1' }, {}) as never),
      ),
      bigint: await attempt(() => api.inject('A.cpu-1', 'bitflip-register', { bit: 3n } as never)),
      force: await attempt(() => api.pull('A.cpu-1', { force: 'yes' } as never)),
      replacement: await attempt(() => api.insert('A.cpu-1', { replacement: 'yes' } as never)),
      detail: await attempt(() => api.inject('A.cpu-1', 'bitflip-register', 'abc' as never)),
      role: await attempt(() => api.ledPosition('A.cpu-1', cyclic as never)),
      nan: await attempt(() => api.ledPosition('A.cpu-1', Number.NaN as never)),
      type: await attempt(() => api.command({ type: 'toString', target: 'A' } as never)),
      long: await attempt(() => api.pull(`\u202e${'x'.repeat(100_000)}`)),
    };
  });
  expect(messages.fn).toMatch(/^ftTwin\.command: command: expected plain data, .*cannot be copied/);
  expect(messages.proxy).toMatch(/cannot be copied to the engine/);
  expect(messages.bigint).toMatch(/^ftTwin\.inject: detail\.bit: .*BigInt \(3n\)/);
  expect(messages.force).toBe(
    'ftTwin.pull: options.force: expected force: true or false, got "yes".',
  );
  expect(messages.replacement).toMatch(/^ftTwin\.insert: options\.replacement: expected/);
  expect(messages.detail).toMatch(/^ftTwin\.inject: detail: expected fault details like/);
  expect(messages.role).toMatch(
    /^ftTwin\.ledPosition: role: expected an LED A\.cpu-1 has, one of .*; got an object\.$/,
  );
  expect(messages.nan).toMatch(/got NaN\.$/);
  expect(messages.type).toMatch(/^ftTwin\.command: command\.type: expected a command type/);
  expect(messages.long.length).toBeLessThan(400);
  expect(messages.long).toContain('"\\u202exxx');
  // Nothing crashed: the worker never saw any of it.
  await expect(page.getByTestId('worker-status')).toHaveAttribute('data-status', 'running');
  await expect(twin.notice).toHaveCount(0);
  expect(await twin.state('A.cpu-1')).toBe('duplex');
  expect(twin.consoleErrors()).toEqual([]);
});
