import { defineConfig, devices } from '@playwright/test';
import {
  CLASSROOM_PORT,
  CLASSROOM_URL,
  ISOLATED_PORT,
  ISOLATED_URL,
  PLAIN_PORT,
  PLAIN_URL,
} from './e2e/urls';
import { findBrowser } from './scripts/ensure-browser.mjs';

// Debian Chromium, not Playwright's download: `pnpm test` runs scripts/ensure-browser.mjs first
// (installing it with apt-get when needed); CHROMIUM_PATH overrides.
const executablePath = findBrowser() ?? undefined;
if (!executablePath) {
  console.warn('playwright.config: no Chromium found — run `node scripts/ensure-browser.mjs`');
}

// Workers inherit the environment: specs can read FT_PLAIN_URL as well as import PLAIN_URL.
process.env.FT_ISOLATED_URL = ISOLATED_URL;
process.env.FT_PLAIN_URL = PLAIN_URL;
process.env.FT_CLASSROOM_URL = CLASSROOM_URL;

const CI = !!process.env.CI;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1, // 2-core machines, and SwiftShader WebGL is CPU-heavy
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: ISOLATED_URL,
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-unsafe-swiftshader',
        '--use-angle=swiftshader',
        '--ignore-gpu-blocklist',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  // The build must exist already: scripts/test.mjs runs `vite build` before `playwright test`.
  webServer: [
    {
      name: 'isolated',
      command: `node scripts/serve.mjs --port ${ISOLATED_PORT}`,
      url: ISOLATED_URL,
      reuseExistingServer: !CI,
      timeout: 30_000,
    },
    {
      name: 'plain',
      command: `node scripts/serve.mjs --port ${PLAIN_PORT} --no-isolation`,
      url: PLAIN_URL,
      reuseExistingServer: !CI,
      timeout: 30_000,
    },
    {
      // The classroom server serves the same build beside its sockets (e2e/classroom*.spec.ts).
      name: 'classroom',
      command: `pnpm --silent classroom --port ${CLASSROOM_PORT}`,
      url: `${CLASSROOM_URL}health`,
      reuseExistingServer: !CI,
      timeout: 30_000,
    },
  ],
});
