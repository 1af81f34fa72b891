import { expect, test } from '@playwright/test';
import { LessonPage } from './pages/LessonPage.ts';

// "The wrong move" (last-good-cpu) with its own seed, 13: the failed element is A.cpu-0.
const FAILED = 'A.cpu-0';
const GOOD = 'A.cpu-1';

test.describe('lesson player', () => {
  test.setTimeout(180_000);

  test('the Lessons menu lists every lesson and drill and opens one', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.openMenu();
    const items = lesson.menu.getByRole('listitem');
    await expect(items).toHaveCount(16);
    const card = page.getByTestId('lessons.item.cpu-hot-swap');
    await expect(card).toContainText('Hot-swap a CPU element');
    await expect(card).toContainText('beginner');
    await expect(card).toContainText('about 8 min');
    await expect(page.getByTestId('lessons.item.drill-mixed-rack')).toContainText('drill');
    await card.getByRole('link').click();
    await expect(page).toHaveURL(/\?lesson=cpu-hot-swap$/);
    await expect(lesson.step).toBeVisible();
    await expect(page.getByRole('link', { name: '← All lessons' })).toHaveAttribute(
      'href',
      '?lesson',
    );
  });

  test('a trainee completes a lesson with clicks and the keyboard', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.openLesson('last-good-cpu');
    await lesson.twin.setSpeed(10);
    await lesson.expectStep('which-is-safe');
    await lesson.twin.expectState(FAILED, 'broken');
    await expect(lesson.score).toHaveText('0 / 60');
    await expect(lesson.timer).toHaveText(/^0:\d\d$/);
    await expect(lesson.check(0)).toHaveAttribute('data-passed', 'false');

    // A click in the twin's console ticks the first checkpoint.
    await lesson.selectInConsole(GOOD);
    await expect(lesson.check(0)).toHaveAttribute('data-passed', 'true');
    await expect(page.getByTestId('lesson.checks-passing')).toHaveText('1/2');

    // The question by keyboard: Tab into the radio group, arrows to the answer, Tab, Enter.
    await page.getByRole('heading', { name: 'Which one may you pull?' }).focus();
    await page.keyboard.press('Tab');
    const first = page.getByRole('radio', { name: 'CPU element 0' });
    await expect(first).toBeFocused();
    await page.keyboard.press('Space');
    await expect(first).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Answer' })).toBeFocused();
    await page.keyboard.press('Enter');

    await lesson.expectStep('replace-the-right-one');
    await expect(lesson.announcer).toContainText('Step 1 passed');
    await expect(page.getByTestId('lesson.steps.0')).toHaveAttribute('data-state', 'done');
    await expect(lesson.score).toHaveText('20 / 60');

    // "Check my work" by keyboard says what is still missing.
    await lesson.button('check-work').focus();
    await page.keyboard.press('Enter');
    await expect(lesson.announcer).toContainText(/^\d of 4 checks pass\. Not yet: /);

    // Replace the failed element with clicks in the twin's panels.
    await lesson.selectInConsole(FAILED);
    await lesson.twin.action('action.pull').click();
    await lesson.twin.expectState(FAILED, 'removed');
    await lesson.twin.action('action.insert-new').click();
    await expect(lesson.check(0)).toHaveAttribute('data-passed', 'true');

    await expect(lesson.report).toBeVisible({ timeout: 120_000 });
    await expect(lesson.report.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();
    await expect(page.getByTestId('lesson.report-score')).toHaveText('60 / 60');
    await expect(lesson.report).toContainText('No wrong moves.');
    await expect(lesson.announcer).toContainText('Lesson complete. Score 60 of 60.');
    await expect(page.getByTestId('lesson.steps.1')).toHaveAttribute('data-state', 'done');
    expect(lesson.twin.consoleErrors()).toEqual([]);
  });

  test('a wrong move costs points; hints cost points and gate the solution', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.openLesson('last-good-cpu');
    await lesson.twin.setSpeed(10);
    await lesson.expectStep('which-is-safe');

    // The solution stays locked (and says why) until every hint was taken.
    await expect(lesson.button('solution')).toBeDisabled();
    await expect(lesson.button('solution')).toHaveAccessibleDescription(
      'Available after the last hint. The step then earns no points.',
    );
    await lesson.button('hint').click();
    await expect(page.getByTestId('lesson.hint.0')).toContainText('−5 points');
    await expect(lesson.announcer).toContainText('Hint, −5 points:');
    await expect(lesson.button('solution')).toBeEnabled();
    await lesson.button('solution').click();
    await expect(page.getByTestId('lesson.solution-shown')).toContainText(`Select ${GOOD}`);
    await expect(lesson.announcer).toContainText('This step now earns no points.');

    // Pull the last good CPU element: the twin asks, the trainee confirms, the system goes down.
    await lesson.twin.expectState(FAILED, 'broken');
    await lesson.selectInConsole(GOOD);
    await lesson.twin.action('action.pull').click();
    await page.getByTestId('confirm-pull.confirm').click();
    await lesson.twin.expectSystem('A', 'down');
    await expect(lesson.announcer).toHaveText(
      `Wrong move, −40 points: Pulling ${GOOD} took system A down.`,
    );
    await expect(page.getByTestId('lesson.penalties')).toHaveText('−40');
    await expect(lesson.score).toContainText('0 / 60');

    await lesson.endAttempt();
    await expect(lesson.report.getByRole('heading', { name: 'Attempt ended' })).toBeVisible();
    await expect(page.getByTestId('lesson.report-score')).toHaveText('0 / 60');
    const mistake = page.getByTestId('lesson.mistakes').getByRole('listitem');
    await expect(mistake).toHaveCount(1);
    await expect(mistake).toContainText(`−40 points Pulling ${GOOD} took system A down.`);
    await expect(mistake).toContainText(
      'What a real ftServer would have done: A real ftServer keeps running',
    );

    // Try again: a fresh attempt on a fresh twin, no penalty.
    await lesson.button('again').click();
    await lesson.expectStep('which-is-safe');
    await expect(lesson.score).toHaveText('0 / 60');
    await expect(page.getByTestId('lesson.penalties')).toHaveCount(0);
  });

  test('"Do it for me" plays the shown solution on the twin until the lesson passes', async ({
    page,
  }) => {
    const lesson = new LessonPage(page);
    await lesson.openLesson('nic-teaming');
    await lesson.twin.setSpeed(10);
    for (const stepId of ['which-port', 'plug-back']) {
      await lesson.expectStep(stepId);
      await expect(lesson.button('play-solution')).toHaveCount(0);
      await lesson.button('hint').click();
      await lesson.button('solution').click();
      await expect(lesson.button('play-solution')).toBeEnabled();
      await lesson.button('play-solution').click();
      await expect(lesson.announcer).toContainText(
        `Step ${stepId === 'which-port' ? 1 : 2} passed`,
      );
    }
    await expect(lesson.report.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();
    await expect(page.getByTestId('lesson.report-score')).toHaveText('0 / 40');
    await expect(lesson.report).toContainText('No wrong moves.');
    expect(lesson.twin.consoleErrors()).toEqual([]);
  });
});
