/**
 * Page object for the twin: navigation, the public API (`window.ftTwin`) for setup and state,
 * the panels by test id and role, real pointer clicks in the 3D view, and LED colours read
 * from screenshot pixels. Specs wait with expect.poll / waitForFunction, never with sleeps.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { FtTwin } from '../../packages/twin/src/api/ftTwin.ts';
import { type LedColour, coloursAround, decodePng } from '../support/png.ts';

declare global {
  interface Window {
    ftTwin?: FtTwin;
  }
}

type LedRole = 'power' | 'fault' | 'safeToPull' | 'activity' | 'primary';

export class TwinPage {
  /** Console errors and uncaught page errors seen since the page object was made. */
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(msg.text());
    });
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
  }

  /** Opens the twin (query like `?preset=4300-dmr`) and waits until the engine runs. */
  async open(query = '', base = '/'): Promise<void> {
    await this.page.goto(`${base}${query}`);
    await this.page.waitForFunction(() => window.ftTwin !== undefined);
    await this.page.evaluate(() => window.ftTwin!.ready());
    await expect(this.page.getByTestId('worker-status')).toHaveAttribute('data-status', 'running');
  }

  get notice(): Locator {
    return this.page.getByTestId('notice');
  }
  get console(): Locator {
    return this.page.getByTestId('console');
  }
  get componentPanel(): Locator {
    return this.page.getByTestId('component-panel');
  }
  get eventLog(): Locator {
    return this.page.getByTestId('event-log');
  }
  /** The event log's entries, newest first. */
  get eventItems(): Locator {
    return this.eventLog.getByRole('list', { name: 'Events, newest first' }).getByRole('listitem');
  }
  get sceneCanvas(): Locator {
    return this.page.locator('.area-scene canvas').first();
  }
  action(testId: string): Locator {
    return this.componentPanel.getByTestId(testId);
  }

  async setSpeed(speed: number | 'max'): Promise<void> {
    await this.page.evaluate((s) => window.ftTwin!.setSpeed(s), speed);
  }

  async state(id: string): Promise<string> {
    return this.page.evaluate((i) => window.ftTwin!.state(i), id);
  }

  async systemStatus(systemId: string): Promise<string> {
    return this.page.evaluate((s) => window.ftTwin!.systemStatus(s), systemId);
  }

  async expectState(id: string, state: string | RegExp, timeout = 30_000): Promise<void> {
    await expect.poll(() => this.state(id), { timeout, message: `state of ${id}` }).toMatch(state);
  }

  async expectSystem(systemId: string, status: string, timeout = 30_000): Promise<void> {
    await expect
      .poll(() => this.systemStatus(systemId), { timeout, message: `status of system ${systemId}` })
      .toBe(status);
  }

  /** Ids of the components of one kind in one system, in catalog order. */
  async ids(systemId: string, kind: string): Promise<string[]> {
    return this.page.evaluate(
      ([s, k]) =>
        window
          .ftTwin!.components()
          .filter((c) => c.system === s && c.kind === k)
          .map((c) => c.id),
      [systemId, kind] as const,
    );
  }

  /** Where the scene draws a component (viewport CSS px), once it is on screen. */
  async screenPosition(id: string): Promise<{ x: number; y: number }> {
    // On screen and still: the camera may be gliding to its first view, and the orbit controls
    // arrive after the first frame; a click must land where the part stays.
    let p: { x: number; y: number } | null = null;
    await expect
      .poll(
        async () => {
          const [a, b] = await this.page.evaluate(async (i) => {
            const api = window.ftTwin!;
            const first = api.screenPosition(i);
            for (let f = 0; f < 3; f++) await new Promise((r) => requestAnimationFrame(r));
            return [first, api.screenPosition(i)];
          }, id);
          p = a && b && Math.hypot(a.x - b.x, a.y - b.y) < 0.5 ? b : null;
          return p;
        },
        { message: `${id} on screen and still` },
      )
      .not.toBeNull();
    return p!;
  }

  /** A real pointer click on a component in the 3D view. */
  async clickInScene(id: string): Promise<void> {
    const { x, y } = await this.screenPosition(id);
    await this.page.mouse.move(x, y);
    await this.page.mouse.click(x, y);
  }

  /** The partner of a component (mirror half, teamed port...). */
  async partner(id: string): Promise<string> {
    const partner = await this.page.evaluate(
      (i) => window.ftTwin!.components().find((c) => c.id === i)?.partner ?? null,
      id,
    );
    expect(partner, `partner of ${id}`).not.toBeNull();
    return partner!;
  }

  /**
   * Colours seen around one of a component's LEDs in a fresh screenshot of a small clip around
   * it (software WebGL makes full screenshots slow). The position is read again after the shot
   * and must not have moved (the camera may still be gliding).
   */
  async ledColours(id: string, role: LedRole, radius = 3): Promise<Map<LedColour, number>> {
    const where = () =>
      this.page.evaluate(([i, r]) => window.ftTwin!.ledPosition(i, r), [id, role] as const);
    const p = await where();
    if (!p) return new Map([['dark', 0]]);
    const half = 12;
    const clip = {
      x: Math.round(p.x) - half,
      y: Math.round(p.y) - half,
      width: 2 * half,
      height: 2 * half,
    };
    const image = decodePng(
      await this.page.screenshot({ clip, scale: 'css', animations: 'allow' }),
    );
    const after = await where();
    if (!after || Math.hypot(after.x - p.x, after.y - p.y) > 1) return new Map([['dark', 0]]);
    return coloursAround(image, p.x - clip.x, p.y - clip.y, radius);
  }

  /**
   * Flies the camera to the system of component `id` (a double click on it, as a user would):
   * the default view frames the whole 42U cabinet, where one 2U system's LEDs are a few pixels.
   */
  async focusOn(id: string): Promise<void> {
    const where = () => this.page.evaluate((i) => window.ftTwin!.screenPosition(i), id);
    // The scene places its parts a frame or two after the system's state arrives.
    await expect.poll(where, { message: `${id} should be on screen` }).not.toBeNull();
    const p = await where();
    if (p) await this.page.mouse.dblclick(p.x, p.y);
  }

  /** Waits until the LED shows `colour` (or, with 'dark', shows none of the lit colours). */
  async expectLed(id: string, role: LedRole, colour: LedColour, timeout = 90_000): Promise<void> {
    await expect
      .poll(
        async () => {
          const seen = await this.ledColours(id, role);
          if (colour !== 'dark') return seen.has(colour) ? colour : [...seen.keys()].join('+');
          const lit = [...seen.keys()].filter((c) => c !== 'dark' && c !== 'white');
          return lit.length === 0 ? 'dark' : lit.join('+');
        },
        { timeout, message: `${role} LED of ${id} should be ${colour}` },
      )
      .toBe(colour);
  }

  /** Console errors, ignoring none: specs assert this is empty. */
  consoleErrors(): string[] {
    return this.errors;
  }
}
