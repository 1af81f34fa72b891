/**
 * Page object for the lesson pages: the Lessons menu, the player panel beside its twin, and the
 * session replay. Driven through test ids, roles and labels; the twin beside the panel through
 * {@link TwinPage} (`window.ftTwin`). Waits are expectations, never sleeps.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { TwinPage } from './TwinPage.ts';

/** What a twin shows at one moment: every component's state and every system's counters. */
export interface TwinSnapshot {
  timeMs: number;
  states: Record<string, string>;
  counters: Record<string, Record<string, number>>;
}

export class LessonPage {
  readonly twin: TwinPage;

  constructor(readonly page: Page) {
    this.twin = new TwinPage(page);
  }

  // ---- Navigation ---------------------------------------------------------------------------

  async openMenu(query = '?lesson'): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.menu).toBeVisible();
  }

  /** Opens a lesson (`query` adds parameters such as `&seed=7`) once its first step runs. */
  async openLesson(id: string, query = ''): Promise<void> {
    await this.page.goto(`/?lesson=${id}${query}`);
    await this.page.waitForFunction(() => window.ftTwin !== undefined);
    await this.page.evaluate(() => window.ftTwin!.ready());
    await expect(this.step).toBeVisible();
  }

  /** Waits until the step with this id is the current one and its setup has played. */
  async expectStep(stepId: string, timeout = 90_000): Promise<void> {
    await expect(this.step).toHaveAttribute('data-step', stepId, { timeout });
    await expect(this.step.getByText('Setting up this step…')).toHaveCount(0, { timeout });
  }

  // ---- The panel ----------------------------------------------------------------------------

  get menu(): Locator {
    return this.page.getByTestId('lessons.menu');
  }
  get panel(): Locator {
    return this.page.getByTestId('lesson.panel');
  }
  get step(): Locator {
    return this.page.getByTestId('lesson.step');
  }
  get announcer(): Locator {
    return this.page.getByTestId('lesson.announcer');
  }
  get score(): Locator {
    return this.page.getByTestId('lesson.score');
  }
  get timer(): Locator {
    return this.page.getByTestId('lesson.timer');
  }
  get report(): Locator {
    return this.page.getByTestId('lesson.report');
  }
  get error(): Locator {
    return this.page.getByTestId('lesson.error');
  }
  check(index: number): Locator {
    return this.page.getByTestId(`lesson.check.${index}`);
  }
  button(
    name:
      | 'check-work'
      | 'skip'
      | 'hint'
      | 'solution'
      | 'play-solution'
      | 'save'
      | 'share'
      | 'again',
  ): Locator {
    return this.page.getByTestId(`lesson.${name}`);
  }

  /** Ends the attempt through the panel's two-click confirmation. */
  async endAttempt(): Promise<void> {
    await this.page.getByTestId('lesson.end').click();
    await this.page.getByTestId('lesson.end.confirm').click();
    await expect(this.report).toBeVisible();
  }

  // ---- The twin beside it -------------------------------------------------------------------

  /** Selects a component by clicking its row in the twin's management console. */
  async selectInConsole(id: string): Promise<void> {
    await this.page.getByTestId(`console.row.${id}`).click();
    await expect(this.twin.componentPanel).toBeVisible();
  }

  /** The state of every component and the counters of every system now. */
  async snapshot(): Promise<TwinSnapshot> {
    return this.page.evaluate(() => {
      const api = window.ftTwin!;
      const states = Object.fromEntries(api.components().map((c) => [c.id, c.state]));
      const counters = Object.fromEntries(
        api.counters().map((k) => {
          const { systemId, ...values } = k as unknown as Record<string, number> & {
            systemId: string;
          };
          return [systemId, values];
        }),
      );
      return { timeMs: api.simTimeMs(), states, counters };
    });
  }

  /**
   * The snapshot once it stands still: the counters reach the page every half second, so two
   * reads in a row must agree (the twin is paused, or the replay ended).
   */
  async stableSnapshot(): Promise<TwinSnapshot> {
    let last = '';
    let snap: TwinSnapshot | null = null;
    await expect
      .poll(
        async () => {
          snap = await this.snapshot();
          const text = JSON.stringify(snap);
          const same = text === last;
          last = text;
          return same;
        },
        { intervals: [600], timeout: 30_000, message: 'the twin stands still' },
      )
      .toBe(true);
    return snap!;
  }

  /** Pauses the twin through its own speed controls and waits until its clock stands still. */
  async pauseTwin(): Promise<void> {
    await this.page.getByTestId('speed.pause').click();
    await expect(this.page.getByTestId('speed.pause')).toHaveAttribute('aria-pressed', 'true');
  }

  // ---- Sessions -----------------------------------------------------------------------------

  /** Saves the session through the panel; returns the downloaded file's path. */
  async saveSession(toPath: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.button('save').click();
    const file = await download;
    await file.saveAs(toPath);
    return toPath;
  }

  /** The share link the panel makes. */
  async shareLink(): Promise<string> {
    await this.button('share').click();
    const input = this.page.getByTestId('lesson.share-url');
    await expect(input).toBeVisible();
    return input.inputValue();
  }

  // ---- Replay -------------------------------------------------------------------------------

  get replayStatus(): Locator {
    return this.page.getByTestId('replay.status');
  }

  /** Waits until the replay twin runs, paused at the start of the session. */
  async expectReplayReady(): Promise<void> {
    await expect(this.page.getByTestId('replay.panel')).toBeVisible();
    await expect(this.replayStatus).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
    await this.page.evaluate(() => window.ftTwin!.ready());
  }

  /** Jumps to the end of the session and waits until the replay is there. */
  async replayToEnd(timeout = 120_000): Promise<void> {
    await this.page.getByTestId('replay.end').click();
    await expect(this.replayStatus).toHaveAttribute('data-status', 'ended', { timeout });
  }
}
