/**
 * The classroom end to end, in three browser contexts on the classroom server: an instructor
 * and two trainees. One class goes through the steps in order (serial): joining, a lesson
 * assigned, a fault to everyone applied in both trainees' twins, progress on the roster, the
 * mirror, a trainee's reload, a forged instructor command, the instructor's reload, the end.
 */
import { type BrowserContext, expect, test } from '@playwright/test';
import { ClassroomInstructor } from './pages/ClassroomInstructor.ts';
import { ClassroomTrainee } from './pages/ClassroomTrainee.ts';

test.describe.configure({ mode: 'serial' });

// Three twins under software WebGL on two cores: each step may take a while.
test.setTimeout(240_000);

const LESSON = 'cpu-hot-swap';
/** Seed 7 draws CPU element 1 as the lesson's CPU (the lesson asks about A.cpu-1). */
const SEED = 7;
const DISK = 'A.disk-10-40-1';

let contexts: BrowserContext[] = [];
let instructor: ClassroomInstructor;
let ada: ClassroomTrainee;
let linus: ClassroomTrainee;
let code: string;

test.beforeAll(async ({ browser }) => {
  contexts = await Promise.all(
    [0, 1, 2].map(() => browser.newContext({ viewport: { width: 1280, height: 800 } })),
  );
  instructor = new ClassroomInstructor(await contexts[0].newPage());
  ada = new ClassroomTrainee(await contexts[1].newPage());
  linus = new ClassroomTrainee(await contexts[2].newPage());
});

test.afterAll(async () => {
  for (const c of contexts) await c.close();
});

test('an instructor creates a class and two trainees join with its code', async () => {
  await instructor.open();
  code = await instructor.createClass('E2E class');
  // A name that looks like markup stays text everywhere.
  await ada.join(code, 'Ada <b>L</b>');
  await linus.join(code, 'Linus');
  await expect(instructor.row('Ada <b>L</b>')).toHaveAttribute('data-connected', 'true');
  await expect(instructor.row('Linus')).toHaveAttribute('data-connected', 'true');
  await expect(instructor.row('Ada <b>L</b>').getByRole('rowheader')).toContainText('Ada <b>L</b>');
  await expect(instructor.roster.locator('b')).toHaveCount(0);
  await expect(ada.page.getByTestId('trainee.name')).toHaveText('Ada <b>L</b>');
  await expect(ada.classState).toHaveAttribute('data-state', 'waiting');
});

test('a lesson assigned to everyone starts in both twins when the class starts', async () => {
  await instructor.assign(LESSON, SEED);
  await expect.poll(() => ada.lessonId(), { timeout: 60_000 }).toBe(LESSON);
  await expect.poll(() => linus.lessonId(), { timeout: 60_000 }).toBe(LESSON);
  await ada.waitReady();
  await linus.waitReady();
  await instructor.start();
  await expect(ada.classState).toHaveAttribute('data-state', 'running');
  await expect(ada.card.getByTestId('trainee.currentStep')).toContainText('Is it safe to pull?');
  await expect(instructor.row('Linus').getByTestId('roster.step')).toHaveText('1 / 3', {
    timeout: 30_000,
  });
});

test('the fault picker offers only faults the chosen part can suffer', async () => {
  expect(await instructor.faultOptions(DISK)).toEqual(['disk-media-error', 'disk-failure']);
  const cpuFaults = await instructor.faultOptions('A.cpu-0');
  expect(cpuFaults).toContain('stuck-at');
  expect(cpuFaults).not.toContain('disk-failure');
});

test('a fault sent to all appears in both trainees’ twins and is reported applied', async () => {
  expect(await ada.state(DISK)).not.toBe('broken');
  await instructor.inject(DISK, 'disk-failure');
  await expect(instructor.faultReport.getByTestId('fault.applied')).toHaveText('2');
  await expect(instructor.faultReport.getByTestId('fault.lost')).toHaveText('0');
  await ada.expectState(DISK, 'broken');
  await linus.expectState(DISK, 'broken');
});

test('a trainee’s progress appears on the roster', async () => {
  // Ada does the first step: selects the lesson's CPU element and answers the question.
  await ada.page.evaluate(() => window.ftTwin!.select('A.cpu-1'));
  await ada.card.getByRole('button', { name: /^Yes/ }).click();
  await expect(ada.card.getByTestId('trainee.step')).toHaveText('2 / 3', { timeout: 30_000 });
  const row = instructor.row('Ada <b>L</b>');
  await expect(row.getByTestId('roster.step')).toHaveText('2 / 3', { timeout: 30_000 });
  await expect(row.getByTestId('roster.score')).not.toHaveText(/^0 \//);
  await expect(row.getByTestId('roster.mistakes')).toHaveText('0');
  // Then step 2: she pulls it; her system runs simplex, and the roster says so.
  await ada.page.evaluate(() => window.ftTwin!.pull('A.cpu-1'));
  await expect(row.getByTestId('roster.step')).toHaveText('3 / 3', { timeout: 30_000 });
  await expect(row.getByTestId('roster.status')).toHaveText('simplex', { timeout: 30_000 });
  await expect(instructor.row('Linus').getByTestId('roster.step')).toHaveText('1 / 3');
  await expect(instructor.row('Linus').getByTestId('roster.status')).toHaveText('duplex');
});

test('the instructor mirrors a trainee’s twin, read-only, from the session log', async () => {
  await instructor.watch('Ada <b>L</b>');
  await expect
    .poll(() => instructor.mirrorState(DISK), { timeout: 60_000, message: 'mirrored disk' })
    .toBe('broken');
  await expect
    .poll(() => instructor.mirrorState('A.cpu-1'), { timeout: 30_000, message: 'mirrored CPU' })
    .toBe('removed');
  expect(await ada.state('A.cpu-1')).toBe('removed');
  // Read-only: no fault or CRU actions in the mirror.
  await instructor.page.evaluate(() => window.ftMirror!.select('A.cpu-1'));
  const shadowText = await instructor.page.evaluate(
    () => document.querySelector('.cls-mirror-host')?.shadowRoot?.textContent ?? '',
  );
  expect(shadowText).not.toMatch(/Inject:/);
});

test('messages reach the trainees', async () => {
  await instructor.message('Check the disks, then replace the failed one.');
  await expect(ada.messages).toContainText('Check the disks, then replace the failed one.');
  await expect(linus.messages).toContainText('Check the disks, then replace the failed one.');
});

test('a trainee who reloads comes back where they were', async () => {
  await ada.page.reload();
  await ada.waitReady();
  await expect(ada.page.getByTestId('trainee.name')).toHaveText('Ada <b>L</b>');
  // The twin was rebuilt from the session log: the fault and the lesson are where they were.
  await ada.expectState(DISK, 'broken');
  await ada.expectState('A.cpu-1', 'removed');
  await expect(ada.card.getByTestId('trainee.step')).toHaveText('3 / 3');
  await expect(ada.messages).toContainText('Check the disks');
  await expect(instructor.row('Ada <b>L</b>')).toHaveAttribute('data-connected', 'true');
  await expect(instructor.roster.locator('tbody tr')).toHaveCount(2);
});

test('a forged instructor command from a trainee is refused and changes nothing', async () => {
  const before = await instructor.faultReport.getAttribute('data-fault-id');
  const reply = (await linus.emitRaw('injectFault', {
    target: { to: 'all' },
    component: 'A.cpu-0',
    fault: 'stuck-at',
  })) as { ok: boolean; error?: { code: string } };
  expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const end = (await linus.emitRaw('setClassState', { state: 'ended' })) as { ok: boolean };
  expect(end.ok).toBe(false);
  await expect(ada.classState).toHaveAttribute('data-state', 'running');
  expect(await ada.state('A.cpu-0')).not.toBe('broken');
  expect(await linus.state('A.cpu-0')).not.toBe('broken');
  await expect(instructor.faultReport).toHaveAttribute('data-fault-id', before!);
});

test('an instructor who reloads gets the roster back; ending the class ends it for all', async () => {
  await instructor.page.reload();
  await expect(instructor.code).toHaveText(code);
  await expect(instructor.roster.locator('tbody tr')).toHaveCount(2);
  await expect(instructor.row('Ada <b>L</b>').getByTestId('roster.step')).toHaveText('3 / 3');

  instructor.page.once('dialog', (dialog) => void dialog.accept());
  await instructor.page.getByRole('button', { name: 'End class' }).click();
  await expect(instructor.classState).toHaveAttribute('data-state', 'ended');
  await expect(ada.classState).toHaveAttribute('data-state', 'ended');
  await expect(linus.classState).toHaveAttribute('data-state', 'ended');

  const report = await instructor.report();
  expect(report.trainees.map((t) => t.name).sort()).toEqual(['Ada <b>L</b>', 'Linus']);
  expect(report.csv.split('\n')[0]).toMatch(/^name,group,lesson,seed,score/);
  const download = instructor.page.waitForEvent('download');
  await instructor.page.getByRole('button', { name: 'Report CSV' }).click();
  expect((await download).suggestedFilename()).toBe(`class-${code}-e2e-class-report.csv`);

  expect(instructor.consoleErrors()).toEqual([]);
  expect(ada.consoleErrors()).toEqual([]);
  expect(linus.consoleErrors()).toEqual([]);
});
