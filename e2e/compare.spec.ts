import { expect, test } from '@playwright/test';
import { ComparePage } from './pages/ComparePage.ts';

test.describe('comparison page', () => {
  // Three twins on software WebGL, on a shared machine.
  test.setTimeout(300_000);

  test('one click injects into all three; each twin does what its architecture says', async ({
    page,
  }) => {
    const cmp = new ComparePage(page);
    await cmp.open();
    for (const arch of ['ftserver', 'cluster', 'conventional'] as const)
      await expect(cmp.status(arch)).toHaveText('Serving');
    await cmp.pick('A.cpu-0', 'stuck-at');
    await expect(cmp.outcome('cluster')).toContainText('A1: CPU-memory unit 0 (active node)');
    await page.getByTestId('compare.speed.0').click();
    await cmp.injectIntoAll();
    await expect(page.getByTestId('compare.injected')).toContainText('ftServer: A.cpu-0 struck');
    await expect(page.getByTestId('compare.injected')).toContainText(
      'HA failover cluster: A1.cpu-0 struck',
    );

    // The engine finds a stuck-at fault when the element's output is next compared, so time
    // must run. The ftServer loses the element and runs on; the cluster's active node and the
    // conventional server stop.
    await page.getByTestId('compare.speed.1').click();
    await expect
      .poll(() => cmp.state('ftserver', 'A.cpu-0'), { timeout: 30_000 })
      .toMatch(/shot|diagnostics|broken/);
    expect(await cmp.systemStatus('ftserver', 'A')).toMatch(/simplex|duplex/);
    await expect.poll(() => cmp.systemStatus('cluster', 'A1')).toBe('down');
    await expect.poll(() => cmp.systemStatus('conventional', 'A')).toBe('down');
    await expect(cmp.status('conventional')).toHaveText('Down');
    await expect(cmp.status('ftserver')).toHaveText('Serving');

    // An hour later (skip): the cluster failed over and serves from node 2; the conventional
    // server still waits for its part; the ftServer never stopped.
    await cmp.skip();
    await expect(cmp.status('cluster')).toHaveText('Serving');
    await expect(cmp.status('conventional')).toHaveText('Down');
    const down = await cmp.downtimeMs();
    expect(down.ftserver).toBe(0);
    expect(down.cluster).toBe(85_000);
    expect(down.conventional).toBeGreaterThan(down.cluster);
    // One clock: the ftServer engine counts whole microseconds, the models fractions of them.
    const clocks = Object.values(await cmp.clocks());
    expect(Math.max(...clocks) - Math.min(...clocks)).toBeLessThanOrEqual(0.001);
    expect(cmp.errors).toEqual([]);
  });

  test('a year of the same fault schedule ends with the three availabilities and the cost of downtime', async ({
    page,
  }) => {
    const cmp = new ComparePage(page);
    await cmp.open();
    await page.getByTestId('compare.year.run').click();
    const year = page.getByTestId('compare.year');
    await expect(year).toBeVisible({ timeout: 240_000 });
    await expect(year).toContainText('One simulated year, seed 1');
    const availability = async (arch: string) =>
      Number.parseFloat(
        (await page.getByTestId(`compare.year.availability.${arch}`).textContent()) ?? '',
      );
    const ft = await availability('ftserver');
    const cluster = await availability('cluster');
    const conv = await availability('conventional');
    expect(ft).toBeGreaterThanOrEqual(cluster);
    expect(cluster).toBeGreaterThanOrEqual(conv);
    expect(conv).toBeLessThan(100);
    await expect(year).toContainText('Vendor claim · Stratus');
    const costCell = page.getByTestId('compare.year.conventional').locator('td').nth(3);
    const before = await costCell.textContent();
    await page.getByTestId('compare.cost').fill('20000');
    await expect(costCell).not.toHaveText(before ?? '');
    expect(cmp.errors).toEqual([]);
  });

  test('Monte Carlo analytics in a worker: progress, intervals beside the closed form, charts', async ({
    page,
  }) => {
    const cmp = new ComparePage(page);
    await cmp.open();
    await page.getByTestId('compare.mc.seeds').fill('6');
    await page.getByTestId('compare.mc.run').click();
    const results = page.getByTestId('compare.mc.results');
    await expect(results).toBeVisible({ timeout: 180_000 });
    await expect(results).toContainText('6 seeds × 1 simulated year');
    await expect(results.getByRole('row')).toHaveCount(4);
    await expect(page.getByTestId('compare.chart.interval')).toBeVisible();
    await expect(page.getByTestId('compare.chart.histogram')).toBeVisible();
    expect(cmp.errors).toEqual([]);
  });

  test('a bad parameter is named and its default applies; a mixed rack loads as configurations', async ({
    page,
  }) => {
    const cmp = new ComparePage(page);
    await cmp.open('&preset=mixed&cost=lots');
    await expect(page.getByRole('status').first()).toContainText('?cost="lots" is not valid');
    await expect.poll(() => cmp.systemStatus('cluster', 'C1')).toMatch(/simplex/);
    await expect.poll(() => cmp.systemStatus('conventional', 'C')).toMatch(/simplex/);
    expect(cmp.errors).toEqual([]);
  });
});
