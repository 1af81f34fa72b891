/**
 * Where the end-to-end tests find the built twin. playwright.config.ts starts both servers
 * (`node scripts/serve.mjs`) before the tests:
 * - ISOLATED_URL (the default `baseURL`): sent with COOP/COEP, so the page is cross-origin
 *   isolated and snapshots travel in a SharedArrayBuffer. `page.goto('/')` lands here.
 * - PLAIN_URL: the same build served with `--no-isolation` (no COOP/COEP), so the app falls
 *   back to transferred ArrayBuffers. Use `page.goto(PLAIN_URL)` (or `${PLAIN_URL}?x=y`).
 * - CLASSROOM_URL: the classroom server (`pnpm classroom`), pages and sockets on one port.
 * All can be overridden with the env vars FT_ISOLATED_URL / FT_PLAIN_URL / FT_CLASSROOM_URL, or
 * moved together with FT_E2E_PORT_BASE (isolated at the base, plain at +1, classroom at +13), so
 * two checkouts on one machine do not test each other's build.
 */
const BASE = Number(process.env.FT_E2E_PORT_BASE ?? 4173);
const PORT_BASE = Number.isInteger(BASE) && BASE > 1023 && BASE < 65000 ? BASE : 4173;
export const ISOLATED_PORT = PORT_BASE;
export const PLAIN_PORT = PORT_BASE + 1;
export const ISOLATED_URL = process.env.FT_ISOLATED_URL ?? `http://127.0.0.1:${ISOLATED_PORT}/`;
export const PLAIN_URL = process.env.FT_PLAIN_URL ?? `http://127.0.0.1:${PLAIN_PORT}/`;
/** FT_CLASSROOM_PORT moves it alone (else it follows FT_E2E_PORT_BASE). */
export const CLASSROOM_PORT = Number(process.env.FT_CLASSROOM_PORT) || PORT_BASE + 13;
export const CLASSROOM_URL = process.env.FT_CLASSROOM_URL ?? `http://127.0.0.1:${CLASSROOM_PORT}/`;
