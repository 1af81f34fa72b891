/**
 * The classroom pages on a projector (1440×900) and a trainee laptop (1024×768): one class in
 * use (two trainees, a lesson — one finished —, a fault, a message, the mirror open), each page
 * checked for what must fit — no sideways scrolling, the join code, the roster, the lesson card
 * and its finish report in view — and photographed to `test-results/classroom-screens/` for
 * people to look at.
 */
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { ClassroomInstructor } from './pages/ClassroomInstructor.ts';
import { ClassroomTrainee } from './pages/ClassroomTrainee.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const SIZES = [
  { name: 'projector', width: 1440, height: 900 },
  { name: 'laptop', width: 1024, height: 768 },
] as const;
const SHOTS = 'test-results/classroom-screens';

let contexts: BrowserContext[] = [];
let instructor: ClassroomInstructor;
let ada: ClassroomTrainee;
let grace: ClassroomTrainee;

test.beforeAll(async ({ browser }) => {
  contexts = await Promise.all(
    [0, 1, 2].map(() => browser.newContext({ viewport: { width: 1440, height: 900 } })),
  );
  instructor = new ClassroomInstructor(await contexts[0].newPage());
  ada = new ClassroomTrainee(await contexts[1].newPage());
  grace = new ClassroomTrainee(await contexts[2].newPage());
});

test.afterAll(async () => {
  for (const c of contexts) await c.close();
});

/** The page scrolls no wider than its viewport (a laptop must not pan sideways). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflowPx = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflowPx, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

/** The element's box lies inside the viewport horizontally and starts above its bottom edge. */
async function expectInView(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, `${testId} has a box`).not.toBeNull();
  const viewport = page.viewportSize()!;
  expect(box!.x, `${testId} left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${testId} right edge`).toBeLessThanOrEqual(viewport.width + 1);
  expect(box!.y, `${testId} top edge`).toBeLessThan(viewport.height);
}

test('a class in use: two trainees, a lesson, a fault, a message, the mirror', async () => {
  await instructor.open();
  const code = await instructor.createClass('Stratus ftServer — module 3: CPU hot swap');
  await ada.join(code, 'Ada Lovelace');
  await grace.join(code, 'Grace Hopper');
  await instructor.assign('cpu-hot-swap', 7);
  await ada.waitReady();
  await grace.waitReady();
  await instructor.start();
  await instructor.inject('A.disk-10-40-1', 'disk-failure');
  await expect(instructor.faultReport.getByTestId('fault.applied')).toHaveText('2');
  await instructor.message('Check the disks, then replace the failed one.');
  await ada.page.evaluate(() => window.ftTwin!.select('A.cpu-1'));
  await ada.card.getByRole('button', { name: /^Yes/ }).click();
  await expect(instructor.row('Ada Lovelace').getByTestId('roster.step')).toHaveText('2 / 3', {
    timeout: 30_000,
  });
  await instructor.watch('Ada Lovelace');
  // Grace goes through the whole lesson: her card then shows the lesson pages' finish report.
  await grace.page.evaluate(() => window.ftTwin!.select('A.cpu-1'));
  await grace.card.getByRole('button', { name: /^Yes/ }).click();
  await expect(grace.card.getByTestId('trainee.step')).toHaveText('2 / 3', { timeout: 30_000 });
  await grace.page.evaluate(() => window.ftTwin!.pull('A.cpu-1'));
  await expect(grace.card.getByTestId('trainee.step')).toHaveText('3 / 3', { timeout: 30_000 });
  await grace.page.evaluate(async () => {
    await window.ftTwin!.insert('A.cpu-1');
    await window.ftTwin!.setSpeed(100);
  });
  await expect(grace.card.getByTestId('lesson.report')).toBeVisible({ timeout: 60_000 });
  // Back to 1×: a twin at 100× takes a core the other twins need.
  await grace.page.evaluate(() => window.ftTwin!.setSpeed(1));
});

for (const size of SIZES) {
  test(`the instructor's page fits a ${size.name} (${size.width}×${size.height})`, async () => {
    const { page } = instructor;
    await page.setViewportSize(size);
    await expect(page.getByTestId('mirror.status')).toHaveAttribute('data-state', 'following');
    await expectNoSidewaysScroll(page);
    await expectInView(page, 'class.code');
    await expectInView(page, 'class.state');
    await expectInView(page, 'roster');
    // The roster's last column (Watch / Close) shows without scrolling the table sideways.
    const rosterOverflowPx = await page
      .getByTestId('roster')
      .evaluate((table) => table.scrollWidth - table.parentElement!.clientWidth);
    expect(rosterOverflowPx, 'roster wider than its card, in px').toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/instructor-${size.width}x${size.height}.png` });
    await page.screenshot({
      path: `${SHOTS}/instructor-${size.width}x${size.height}-full.png`,
      fullPage: true,
    });
  });

  test(`a trainee's page fits a ${size.name} (${size.width}×${size.height})`, async () => {
    const { page } = ada;
    await page.setViewportSize(size);
    await page.evaluate(() => window.ftTwin!.ready());
    await expectNoSidewaysScroll(page);
    await expectInView(page, 'trainee.assignment');
    await expectInView(page, 'trainee.classState');
    await expectInView(page, 'trainee.messages');
    await page.screenshot({ path: `${SHOTS}/trainee-${size.width}x${size.height}.png` });
    await grace.page.setViewportSize(size);
    await expectNoSidewaysScroll(grace.page);
    await expectInView(grace.page, 'lesson.report');
    await grace.page.screenshot({
      path: `${SHOTS}/trainee-finished-${size.width}x${size.height}.png`,
    });
  });
}

test('the pages logged no errors', () => {
  expect(instructor.consoleErrors()).toEqual([]);
  expect(ada.consoleErrors()).toEqual([]);
  expect(grace.consoleErrors()).toEqual([]);
});
