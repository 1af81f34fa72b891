/**
 * Page object for the guided tour (`?demo=tour`): its chapter, status, loops and caption from
 * the page's data attributes; a tour file can be replaced by a test one (route fulfilment).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class TourPage {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(msg.text());
    });
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
  }

  /** Serves `tour` as `/tours/NAME.json` for this page only. */
  async serveTour(name: string, tour: unknown): Promise<void> {
    await this.page.route(`**/tours/${name}.json`, (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(tour) }),
    );
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/?demo=tour${query}`);
    await expect(this.root).toBeVisible({ timeout: 60_000 });
  }

  get root(): Locator {
    return this.page.getByTestId('tour.page');
  }

  get caption(): Locator {
    return this.page.getByTestId('tour.caption.text');
  }

  async expectChapter(id: string, timeout = 120_000): Promise<void> {
    await expect(this.root).toHaveAttribute('data-chapter', id, { timeout });
  }

  async expectStatus(status: 'playing' | 'paused' | 'ended', timeout = 30_000): Promise<void> {
    await expect(this.root).toHaveAttribute('data-status', status, { timeout });
  }

  simTimeMs(): Promise<number> {
    return this.page.evaluate(() => window.ftTwin?.simTimeMs() ?? -1);
  }
}
