/**
 * Page object for the documentation examples that embed twins with `<ft-twin>`: waits on the
 * elements' own events and methods, never on timers.
 */
import type { Page } from '@playwright/test';

export interface FtTwinLike extends HTMLElement {
  ready(): Promise<void>;
  components(): { id: string; state: string }[];
  state(id: string): string;
  inject(id: string, fault: string): Promise<void>;
  stats(): { frames: number };
}

export class EmbedPage {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(msg.text());
    });
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
  }

  /** Records every ft-* event in window.ftEvents (before any page script runs). */
  async recordEvents(): Promise<void> {
    await this.page.addInitScript(() => {
      const w = window as unknown as { ftEvents: { id: string; name: string; detail: unknown }[] };
      w.ftEvents = [];
      for (const name of [
        'ft-ready',
        'ft-state',
        'ft-system',
        'ft-error',
        'ft-scenario-step',
        'ft-scenario-end',
      ]) {
        document.addEventListener(name, (e) =>
          w.ftEvents.push({
            id: (e.target as HTMLElement).id,
            name,
            detail: (e as CustomEvent).detail,
          }),
        );
      }
    });
  }

  events(id: string, name: string): Promise<unknown[]> {
    return this.page.evaluate(
      ([id, name]) =>
        (
          window as unknown as { ftEvents: { id: string; name: string; detail: unknown }[] }
        ).ftEvents
          .filter((e) => e.id === id && e.name === name)
          .map((e) => e.detail),
      [id, name] as const,
    );
  }

  /** Whether the element's twin has been loaded (its runtime mounted). */
  loaded(id: string): Promise<boolean> {
    return this.page.evaluate((id) => {
      const el = document.getElementById(id) as FtTwinLike | null;
      try {
        el?.stats();
        return true;
      } catch {
        return false;
      }
    }, id);
  }

  /** Waits for the element's twin to be ready (loading it if it was not). */
  async ready(id: string): Promise<void> {
    await this.page.evaluate((id) => (document.getElementById(id) as FtTwinLike).ready(), id);
  }
}
