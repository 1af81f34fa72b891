/**
 * Page object for a trainee's classroom page (`?join=CODE`): joining, the twin (through
 * `window.ftTwin`, the same API as the full app), the lesson card, the messages, and the page's
 * session (`window.ftClassroom`: its client, for a message the page itself would never send).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { TraineeSession } from '../../apps/twin/src/classroom/trainee/traineeSession.ts';
import type { FtTwin } from '../../packages/twin/src/api/ftTwin.ts';
import { CLASSROOM_URL } from '../urls.ts';

declare global {
  interface Window {
    ftClassroom?: TraineeSession;
    ftTwin?: FtTwin;
  }
}

export class ClassroomTrainee {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(msg.text());
    });
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
  }

  /** Opens the join link and joins with `name`; resolves once the twin runs. */
  async join(code: string, name: string): Promise<void> {
    await this.page.goto(`${CLASSROOM_URL}?join=${code}`);
    await expect(this.page.getByLabel('Join code')).toHaveValue(code);
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByRole('button', { name: 'Join' }).click();
    await this.waitReady();
  }

  /** Waits until the page's twin is mounted, restored if it was, and running. */
  async waitReady(): Promise<void> {
    await this.page.waitForFunction(
      () => window.ftClassroom?.getSnapshot().phase === 'ready' && window.ftTwin !== undefined,
      null,
      { timeout: 120_000 },
    );
    await this.page.evaluate(() => window.ftTwin!.ready());
  }

  async state(id: string): Promise<string> {
    return this.page.evaluate((i) => window.ftTwin!.state(i), id);
  }

  async expectState(id: string, state: string | RegExp, timeout = 30_000): Promise<void> {
    await expect.poll(() => this.state(id), { timeout, message: `state of ${id}` }).toMatch(state);
  }

  /** The lesson the page runs (null in free play). */
  async lessonId(): Promise<string | null> {
    return this.page.evaluate(() => window.ftClassroom!.getSnapshot().lesson?.id ?? null);
  }

  get card(): Locator {
    return this.page.getByTestId('trainee.assignment');
  }
  get messages(): Locator {
    return this.page.getByTestId('trainee.messages');
  }
  get classState(): Locator {
    return this.page.getByTestId('trainee.classState');
  }

  /** Sends any event on the trainee's own socket and returns the server's reply. */
  async emitRaw(event: string, payload: unknown): Promise<unknown> {
    return this.page.evaluate(
      ([e, p]) => {
        // A raw emit: the typed socket would not let a trainee page name instructor events.
        const socket = window.ftClassroom!.client.socket as unknown as {
          timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
        };
        return socket.timeout(10_000).emitWithAck(e, p);
      },
      [event, payload] as const,
    );
  }

  consoleErrors(): string[] {
    return this.errors.filter((e) => !/favicon/.test(e));
  }
}
