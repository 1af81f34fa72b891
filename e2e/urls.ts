/**
 * Where the end-to-end tests find the built twin. playwright.config.ts starts both servers
 * (`node scripts/serve.mjs`) before the tests:
 * - ISOLATED_URL (the default `baseURL`): sent with COOP/COEP, so the page is cross-origin
 *   isolated and snapshots travel in a SharedArrayBuffer. `page.goto('/')` lands here.
 * - PLAIN_URL: the same build served with `--no-isolation` (no COOP/COEP), so the app falls
 *   back to transferred ArrayBuffers. Use `page.goto(PLAIN_URL)` (or `${PLAIN_URL}?x=y`).
 * - CLASSROOM_URL: the classroom server (`pnpm classroom`), pages and sockets on one port.
 * All can be overridden with the env vars FT_ISOLATED_URL / FT_PLAIN_URL / FT_CLASSROOM_URL.
 */
export const ISOLATED_PORT = 4173;
export const PLAIN_PORT = 4174;
export const ISOLATED_URL = process.env.FT_ISOLATED_URL ?? `http://127.0.0.1:${ISOLATED_PORT}/`;
export const PLAIN_URL = process.env.FT_PLAIN_URL ?? `http://127.0.0.1:${PLAIN_PORT}/`;
export const CLASSROOM_PORT = 4186;
export const CLASSROOM_URL = process.env.FT_CLASSROOM_URL ?? `http://127.0.0.1:${CLASSROOM_PORT}/`;
