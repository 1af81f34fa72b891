#!/usr/bin/env node
// UI benchmarks in headless Chromium (SwiftShader WebGL: absolute figures are low and noisy,
// compare ratios within one run). Prints one JSON object per line:
//   ui.drawCalls.oneSystem / .fullRack / .ratio     draw calls of one 4300 and of eight
//   ui.framesClickToLed                              animation frames from a click to the LED word
//   ui.fps.paused / .engineMax / .ratio               main-thread frame rate, engine paused vs flat out
//   embed.timeToFirstFrame.1.ms / .3.ms               navigation to every twin's first drawn frame
// Usage: pnpm bench:ui [--runs N]   (needs `pnpm build` first)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { findBrowser } from './ensure-browser.mjs';
import { serve } from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FPS_WINDOW_MS = 3000;

let runs = 1;
try {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });
  runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error('--runs must be 1..20');
} catch (error) {
  console.error(`bench:ui: ${error.message}`);
  process.exit(2);
}
if (!existsSync(path.join(ROOT, 'dist', 'embed', 'ft-twin.js'))) {
  console.error('bench:ui: dist/ is missing; run `pnpm build` first.');
  process.exit(2);
}
const executablePath = findBrowser();
if (!executablePath) {
  console.error('bench:ui: no Chromium found (see scripts/ensure-browser.mjs).');
  process.exit(2);
}

const print = (metric, value, unit, extra = {}) =>
  console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit, ...extra }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const isolated = await serve({ port: 0, isolation: true });
const plain = await serve({ port: 0, isolation: false });
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--enable-unsafe-swiftshader',
    '--use-angle=swiftshader',
    '--ignore-gpu-blocklist',
    '--disable-background-networking',
  ],
});

async function openApp(page, query) {
  await page.goto(`${isolated.url}${query}`);
  await page.waitForFunction(() => window.ftTwin !== undefined);
  await page.evaluate(() => window.ftTwin.ready());
  await page.waitForFunction(() => window.ftTwin.stats().frames > 0, null, { timeout: 120_000 });
}

function fps(page) {
  return page.evaluate(
    (windowMs) =>
      new Promise((resolve) => {
        let frames = 0;
        let start = -1;
        const tick = (t) => {
          if (start < 0) start = t;
          else frames++;
          if (t - start >= windowMs) resolve((frames * 1000) / (t - start));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    FPS_WINDOW_MS,
  );
}

/** From navigation start to the first drawn frame of every <ft-twin> on the page. */
async function timeToFirstFrame(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('ft-twin') !== undefined);
  return page.evaluate(async () => {
    const twins = [...document.querySelectorAll('ft-twin')];
    await Promise.all(twins.map((t) => t.ready()));
    await new Promise((resolve) => {
      const check = () => {
        if (twins.every((t) => t.stats().frames > 0)) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now();
  });
}

try {
  const results = { one: [], full: [], led: [], paused: [], max: [], ttf1: [], ttf3: [] };
  for (let r = 0; r < runs; r++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openApp(page, '?preset=4300-dmr');
    results.one.push((await page.evaluate(() => window.ftTwin.stats())).drawCalls);
    await openApp(page, '?preset=rack-8x4300');
    results.full.push((await page.evaluate(() => window.ftTwin.stats())).drawCalls);

    await openApp(page, '?preset=4300-dmr');
    await page.evaluate(() => window.ftTwin.select('A.cpu-1'));
    const button = page.getByTestId('action.inject.self-check');
    await button.waitFor();
    const frames = page.evaluate(
      () =>
        new Promise((resolve) => {
          const root = document.getElementById('root').shadowRoot;
          const target = root.querySelector('[data-testid="action.inject.self-check"]');
          target.addEventListener(
            'click',
            () => {
              const before = window.ftTwin.debug.ledWord('A.cpu-1');
              let n = 0;
              const tick = () => {
                n++;
                if (window.ftTwin.debug.ledWord('A.cpu-1') !== before || n > 600) resolve(n);
                else requestAnimationFrame(tick);
              };
              requestAnimationFrame(tick);
            },
            { once: true, capture: true },
          );
        }),
    );
    await button.click();
    results.led.push(await frames);

    await openApp(page, '?preset=mixed');
    await page.evaluate(() => window.ftTwin.setSpeed(0));
    results.paused.push(await fps(page));
    await page.evaluate(() => window.ftTwin.setSpeed('max'));
    results.max.push(await fps(page));
    await page.close();

    for (const [count, key] of [
      [1, 'ttf1'],
      [3, 'ttf3'],
    ]) {
      const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      results[key].push(
        await timeToFirstFrame(fresh, `${plain.url}examples/many.html?count=${count}`),
      );
      await fresh.close();
    }
  }
  const one = median(results.one);
  const full = median(results.full);
  print('ui.drawCalls.oneSystem', one, 'draw calls');
  print('ui.drawCalls.fullRack', full, 'draw calls');
  print('ui.drawCalls.ratio', full / one, 'x', { budget: 1.3 });
  print('ui.framesClickToLed', median(results.led), 'frames', { budget: 2 });
  const paused = median(results.paused);
  const max = median(results.max);
  print('ui.fps.paused', paused, 'frames/s', { device: 'headless Chromium + SwiftShader' });
  print('ui.fps.engineMax', max, 'frames/s');
  print('ui.fps.ratio', max / paused, 'x', { budget: 0.95 });
  print('embed.timeToFirstFrame.1.ms', median(results.ttf1), 'ms', { runs });
  print('embed.timeToFirstFrame.3.ms', median(results.ttf3), 'ms', { runs });
} finally {
  await browser.close();
  isolated.server.close();
  plain.server.close();
}
