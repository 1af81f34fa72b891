/**
 * Where the end-to-end tests find the built twin. playwright.config.ts starts both servers
 * (`node scripts/serve.mjs`) before the tests:
 * - ISOLATED_URL (the default `baseURL`): sent with COOP/COEP, so the page is cross-origin
 *   isolated and snapshots travel in a SharedArrayBuffer. `page.goto('/')` lands here.
 * - PLAIN_URL: the same build served with `--no-isolation` (no COOP/COEP), so the app falls
 *   back to transferred ArrayBuffers. Use `page.goto(PLAIN_URL)` (or `${PLAIN_URL}?x=y`).
 * Both can be overridden with the env vars FT_ISOLATED_URL / FT_PLAIN_URL.
 */
export const ISOLATED_PORT = 4173;
export const PLAIN_PORT = 4174;
export const ISOLATED_URL = process.env.FT_ISOLATED_URL ?? `http://127.0.0.1:${ISOLATED_PORT}/`;
export const PLAIN_URL = process.env.FT_PLAIN_URL ?? `http://127.0.0.1:${PLAIN_PORT}/`;
