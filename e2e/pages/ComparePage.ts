/**
 * Page object for the comparison page (`?demo=compare`): the three twins through
 * `window.ftCompare`, the controls by test id. Waits with expect.poll, never with sleeps.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { FtCompare } from '../../apps/twin/src/compare/page.tsx';

declare global {
  interface Window {
    ftCompare?: FtCompare;
  }
}

export type Arch = 'ftserver' | 'cluster' | 'conventional';

export class ComparePage {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(msg.text());
    });
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/?demo=compare${query}`);
    await this.ready();
  }

  /** Waits until the page's three twins run (after a load, or after a fresh year's remount). */
  async ready(timeout = 90_000): Promise<void> {
    await expect(this.page.getByTestId('compare.page')).toHaveAttribute('data-ready', 'yes', {
      timeout,
    });
    await this.page.evaluate(() => window.ftCompare!.ready());
  }

  status(arch: Arch): Locator {
    return this.page.getByTestId(`compare.status.${arch}`);
  }

  outcome(arch: Arch): Locator {
    return this.page.getByTestId(`compare.outcome.${arch}`);
  }

  /** A component's state name in one architecture's twin. */
  state(arch: Arch, id: string): Promise<string> {
    return this.page.evaluate(([a, i]) => window.ftCompare!.twins[a as Arch].state(i), [arch, id]);
  }

  systemStatus(arch: Arch, systemId: string): Promise<string> {
    return this.page.evaluate(
      ([a, s]) => window.ftCompare!.twins[a as Arch].systemStatus(s),
      [arch, systemId],
    );
  }

  downtimeMs(): Promise<Record<Arch, number>> {
    return this.page.evaluate(() => window.ftCompare!.downtimeMs());
  }

  clocks(): Promise<Record<Arch, number>> {
    return this.page.evaluate(() => {
      const t = window.ftCompare!.twins;
      return {
        ftserver: t.ftserver.simTimeMs(),
        cluster: t.cluster.simTimeMs(),
        conventional: t.conventional.simTimeMs(),
      };
    });
  }

  async pick(partId: string, fault: string): Promise<void> {
    await this.page.getByTestId('compare.picker.part').selectOption(partId);
    await this.page.getByTestId('compare.picker.fault').selectOption(fault);
  }

  async injectIntoAll(): Promise<void> {
    await this.page.getByTestId('compare.inject').click();
    await expect(this.page.getByTestId('compare.injected')).toBeVisible();
  }

  async skip(): Promise<void> {
    const before = Math.max(...Object.values(await this.clocks()));
    await this.page.getByTestId('compare.skip').click();
    await expect
      .poll(async () => Math.min(...Object.values(await this.clocks())), { timeout: 60_000 })
      .toBeGreaterThan(before);
    await expect(this.page.getByTestId('compare.skip')).toBeEnabled({ timeout: 60_000 });
  }
}
