/**
 * Performance report (DESIGN.md §6). It measures and REPORTS, it does not gate: SwiftShader
 * renders WebGL on the CPU here, so absolute numbers are low and noisy; compare ratios within
 * one run. Results go to the test's annotations and to reports/perf.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from '@playwright/test';
import { TwinPage } from './pages/TwinPage.ts';

const FPS_WINDOW_MS = 2000;

/** Frames the main thread draws in FPS_WINDOW_MS (counted with requestAnimationFrame). */
function measureFps(windowMs: number): Promise<number> {
  return new Promise((resolve) => {
    let frames = 0;
    let start = -1;
    const tick = (t: number) => {
      if (start < 0) start = t;
      else frames++;
      if (t - start >= windowMs) resolve((frames * 1000) / (t - start));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

test('performance report', async ({ page }, info) => {
  test.setTimeout(180_000);
  const twin = new TwinPage(page);
  const report: Record<string, number | string> = { device: 'headless Chromium + SwiftShader' };

  const drawCalls = async (preset: string) => {
    await twin.open(`?preset=${preset}`);
    await page.waitForFunction(() => window.ftTwin!.stats().frames > 0);
    return page.evaluate(() => window.ftTwin!.stats());
  };
  const one = await drawCalls('4300-dmr');
  const full = await drawCalls('rack-8x4300');
  report.drawCallsOneSystem = one.drawCalls;
  report.drawCallsFullRack = full.drawCalls;
  report.drawCallRatio = one.drawCalls > 0 ? full.drawCalls / one.drawCalls : 'n/a';
  report.trianglesFullRack = full.triangles;

  // Frames from the click on an inject button to the LED word changing in the snapshot the
  // scene draws (the scene reads the same snapshot in the same animation frame).
  await twin.open('?preset=4300-dmr');
  const [, cpu1] = await twin.ids('A', 'cpu');
  await page.evaluate((id) => window.ftTwin!.select(id), cpu1);
  const inject = twin.action('action.inject.bitflip-register');
  await inject.waitFor();
  const framesToLed = page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        const button = document
          .getElementById('root')
          ?.shadowRoot?.querySelector('[data-testid="action.inject.bitflip-register"]');
        button?.addEventListener(
          'click',
          () => {
            const before = window.ftTwin!.debug.ledWord(id);
            let frames = 0;
            const tick = () => {
              frames++;
              if (window.ftTwin!.debug.ledWord(id) !== before || frames > 600) resolve(frames);
              else requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
          },
          { once: true, capture: true },
        );
      }),
    cpu1,
  );
  await inject.click();
  report.framesClickToLed = await framesToLed;

  // Main-thread frame rate with the engine paused, then at full speed, in the same page.
  await twin.open('?preset=mixed');
  await twin.setSpeed(0);
  report.fpsPaused = await page.evaluate(measureFps, FPS_WINDOW_MS);
  await twin.setSpeed('max');
  report.fpsEngineMax = await page.evaluate(measureFps, FPS_WINDOW_MS);
  report.fpsRatio = (report.fpsEngineMax as number) / (report.fpsPaused as number);

  for (const [type, value] of Object.entries(report)) {
    info.annotations.push({ type, description: String(value) });
  }
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/perf.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log('perf', report);
});
