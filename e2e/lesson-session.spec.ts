import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LessonPage, type TwinSnapshot } from './pages/LessonPage.ts';

const FAILED = 'A.cpu-0';
const GOOD = 'A.cpu-1';

/** The same states and counters (time must match too: the replay ends where the recording did). */
function expectSame(replayed: TwinSnapshot, recorded: TwinSnapshot): void {
  expect(replayed.states).toEqual(recorded.states);
  expect(replayed.counters).toEqual(recorded.counters);
  expect(replayed.timeMs).toBeCloseTo(recorded.timeMs, 3);
}

test.describe('lesson sessions', () => {
  test.setTimeout(300_000);

  test('a recorded session replays to the same final state, from a file and from a share link', async ({
    page,
    context,
  }, testInfo) => {
    const lesson = new LessonPage(page);
    await lesson.openLesson('last-good-cpu');
    await lesson.twin.setSpeed(10);
    await lesson.expectStep('which-is-safe');
    // Real time from here: the replay has to simulate every second that was not skipped.
    await lesson.twin.setSpeed(1);
    await lesson.selectInConsole(GOOD);
    await page.getByRole('radio', { name: 'CPU element 1' }).check();
    await page.getByRole('button', { name: 'Answer' }).click(); // wrong: −5
    await page.getByRole('radio', { name: 'CPU element 0' }).check();
    await page.getByRole('button', { name: 'Answer' }).click();
    await lesson.expectStep('replace-the-right-one');
    await lesson.selectInConsole(FAILED);
    await lesson.twin.action('action.pull').click();
    await lesson.twin.expectState(FAILED, 'removed');
    // Skip the quiet time to the next event (the service call's part is on its way).
    await lesson.button('skip').click();
    await expect(lesson.announcer).toContainText(
      /^(Skipped .+ to the next event|Nothing is scheduled)/,
    );
    // Stop during the new element's start-up: a state only an exact replay reaches again.
    await lesson.twin.action('action.insert-new').click();
    await lesson.twin.expectState(FAILED, /^(diagnostics|diagnostics-passed|initializing)$/);
    await lesson.pauseTwin();
    const recorded = await lesson.stableSnapshot();

    const file = await lesson.saveSession(testInfo.outputPath('session.json'));
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({
      format: 'ftserver-twin-session',
      rack: { preset: '4300-dmr' },
      seed: 13,
      lesson: { id: 'last-good-cpu', attempt: { stepIndex: 1 } },
    });
    const kinds = saved.log.map((e: { command?: { type: string } }) => e.command?.type ?? 'warp');
    expect(kinds).toEqual(['inject', 'pull', 'warp', 'insert']);
    expect(saved.lesson.actions.map((a: { kind: string }) => a.kind)).toEqual([
      'select',
      'answer',
      'answer',
      'select',
      'command',
      'command',
    ]);
    const link = await lesson.shareLink();
    expect(link).toMatch(/\/\?replay#session=[A-Za-z0-9_-]+$/);

    // Replay the file.
    await page.goto('/?replay');
    await page.getByTestId('replay.open').setInputFiles(file);
    await lesson.expectReplayReady();
    await expect(page.getByTestId('replay.lesson-result')).toHaveText(
      'Unfinished, score 15 of 60',
      {
        timeout: 30_000,
      },
    );
    await lesson.replayToEnd();
    expectSame(await lesson.stableSnapshot(), recorded);
    // Jump back to the pull: a fresh twin replays to just after it.
    await page.getByTestId('replay.entry.1').getByRole('button').click();
    await expect(lesson.replayStatus).toHaveAttribute('data-status', 'paused', { timeout: 60_000 });
    await expect(lesson.replayStatus).toContainText('event 2 of 4');
    await lesson.twin.expectState(FAILED, 'removed');

    // Open the share link in another tab: it restores the same session.
    const other = await context.newPage();
    const shared = new LessonPage(other);
    await other.goto(link);
    await shared.expectReplayReady();
    await expect(other.getByTestId('replay.panel')).toContainText('from a share link');
    await shared.replayToEnd();
    expectSame(await shared.stableSnapshot(), recorded);
    expect(lesson.twin.consoleErrors()).toEqual([]);
    expect(shared.twin.consoleErrors()).toEqual([]);
  });

  test('a session too long for a link says so and offers the file', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.openLesson('cpu-hot-swap');
    // Hundreds of commands at scattered times make a log far past the 8000 characters a link
    // holds (the twin paused and stepped between them, so that this takes seconds).
    await lesson.pauseTwin();
    await page.evaluate(async () => {
      const api = window.ftTwin!;
      for (let i = 0; i < 900; i++) {
        await api.step(0.1 + ((i * 7919) % 1000) / 997);
        await api.command({ type: 'bringUp', target: 'A.disk-10-40-1' }).catch(() => {});
      }
    });
    await lesson.button('share').click();
    const warning = page.getByTestId('lesson.share-too-long');
    await expect(warning).toContainText(
      /more than a link holds \(8000\): save it as a file instead/,
    );
    const download = page.waitForEvent('download');
    await warning.getByRole('button', { name: 'Save session file' }).click();
    expect((await download).suggestedFilename()).toMatch(
      /^cpu-hot-swap-seed\d+-\d{8}-\d{4}\.json$/,
    );
  });
});
