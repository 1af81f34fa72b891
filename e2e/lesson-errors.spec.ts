import { expect, test } from '@playwright/test';
import { LessonPage } from './pages/LessonPage.ts';

/** A lesson file that is JSON and nearly right: its only step has no solution. */
const BAD_LESSON = JSON.stringify({
  id: 'broken-lesson',
  title: 'A broken lesson',
  summary: 'For the tests',
  level: 'beginner',
  minutes: 5,
  rack: { preset: '4300-dmr' },
  seed: 1,
  steps: [
    {
      id: 'a',
      title: 'Step',
      text: 'Do it',
      checks: [{ check: 'component', target: 'A.cpu-0', state: 'duplex' }],
      solution: [],
      points: 10,
      feedback: { pass: 'ok' },
    },
  ],
});

test.describe('lesson errors', () => {
  test('a malformed lesson file opened from the menu names the file and the field', async ({
    page,
  }) => {
    const lesson = new LessonPage(page);
    await lesson.openMenu();
    await page.getByTestId('lessons.open-lesson').setInputFiles({
      name: 'broken-lesson.json',
      mimeType: 'application/json',
      buffer: Buffer.from(BAD_LESSON),
    });
    await expect(lesson.error).toBeVisible();
    await expect(lesson.error.getByRole('heading')).toHaveText(
      'The lesson file "broken-lesson.json" is not valid',
    );
    await expect(lesson.error).toContainText('steps[0].solution: expected at least 1 item');
    // The page is not blank: the menu is still there to choose another lesson.
    await expect(lesson.menu).toBeVisible();
    await expect(lesson.menu.getByRole('listitem')).toHaveCount(16);

    // Not JSON at all.
    await page.getByTestId('lessons.open-lesson').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ "id": "x", '),
    });
    await expect(lesson.error.getByRole('heading')).toHaveText(
      'The lesson file "notes.json" is not valid',
    );
    await expect(lesson.error).toContainText('(root): invalid JSON');
  });

  test('a lesson file the server sends broken, and an unknown lesson id, show a clear error', async ({
    page,
  }) => {
    const lesson = new LessonPage(page);
    await page.route('**/lessons/cpu-hot-swap.json', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"id": "cpu-hot-swap", "steps": 3',
      }),
    );
    await page.goto('/?lesson=cpu-hot-swap');
    await expect(lesson.error.getByRole('heading')).toHaveText(
      'The lesson file "cpu-hot-swap.json" is not valid',
    );
    await expect(lesson.error).toContainText('(root): invalid JSON');
    await expect(lesson.menu).toBeVisible();

    await page.goto('/?lesson=no-such-lesson');
    await expect(lesson.error).toContainText(
      'there is no lesson "no-such-lesson" in the list of lessons; choose one below',
    );
    await page.goto(`/?lesson=${encodeURIComponent('<b>‮evil')}`);
    await expect(lesson.error).toContainText('"<b>\\u202eevil" is not a lesson id');
    await expect(lesson.menu).toBeVisible();
  });

  test('a damaged share link and a malformed session file say what is wrong', async ({ page }) => {
    const lesson = new LessonPage(page);
    await page.goto('/?replay#session=abc$def');
    await expect(lesson.error.getByRole('heading')).toHaveText(
      'This share link cannot be replayed',
    );
    await expect(lesson.error).toContainText('(root): the link is damaged: not base64url text');
    // The page offers the file instead.
    const open = page.getByTestId('replay.open');
    await open.setInputFiles({
      name: 'session.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'ftserver-twin-session',
          version: 1,
          rack: { preset: '4300-dmr' },
          seed: 1,
          log: [{ timeMs: 10, command: { type: 'pull', target: 'A-cpu-1' } }],
          endMs: 100,
        }),
      ),
    });
    await expect(lesson.error.getByRole('heading')).toHaveText(
      'The session file "session.json" cannot be replayed',
    );
    await expect(lesson.error).toContainText(
      'log[0].command.target: expected a component id like "A.cpu-1", got "A-cpu-1"',
    );
  });
});
