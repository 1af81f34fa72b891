import { expect, test } from '@playwright/test';
import { TourPage } from './pages/TourPage.ts';
import './pages/TwinPage.ts';

/** A short tour for the kiosk test: two chapters on the ftServer, a few seconds each. */
const KIOSK_TOUR = {
  title: 'Kiosk test',
  rack: { preset: '4300-dmr' },
  seed: 3,
  chapters: [
    {
      id: 'look',
      title: 'Look',
      stage: 'ftserver',
      highlights: [{ step: 0, area: 'status', text: 'The status panel.' }],
      steps: [
        { do: 'caption', text: 'Kiosk chapter one.' },
        { do: 'hold', ms: 500 },
      ],
    },
    {
      id: 'fault',
      title: 'A fault',
      stage: 'ftserver',
      steps: [
        { do: 'caption', text: 'Kiosk chapter two.' },
        { do: 'inject', target: 'A.cpu-1', fault: 'self-check' },
        { do: 'speed', speed: 20 },
        {
          do: 'wait',
          until: { check: 'system', system: 'A', status: 'duplex' },
          timeoutMs: 120000,
        },
        { do: 'hold', ms: 300 },
      ],
    },
  ],
};

test.describe('guided tour', () => {
  test.setTimeout(420_000);

  test('the real tour starts by itself: captions, a highlight, pause, resume, skip, keys', async ({
    page,
  }) => {
    const tour = new TourPage(page);
    await tour.open();
    await tour.expectChapter('lockstep');
    // Any of the chapter's captions: reading holds run on the wall clock, and a loaded machine
    // can keep the test from looking before the first one has gone.
    await expect(tour.caption).toHaveText(
      /two CPU-memory units run the same instructions|Every output is compared|see one computer/,
      { timeout: 60_000 },
    );
    await expect(tour.caption).toHaveAttribute('aria-live', 'polite');
    // The lockstep lanes are highlighted (driver.js dims the rest of the page).
    await expect(page.locator('body')).toHaveClass(/driver-active/, { timeout: 60_000 });

    await page.getByTestId('tour.pause').click();
    await tour.expectStatus('paused');
    await expect(page.getByTestId('tour.pause')).toHaveText('Resume');
    const t0 = await tour.simTimeMs();
    await expect.poll(() => tour.simTimeMs(), { timeout: 5_000 }).toBe(t0);
    await page.keyboard.press('k');
    await tour.expectStatus('playing');
    await expect.poll(() => tour.simTimeMs()).toBeGreaterThan(t0);

    // Skipping aborts the chapter and starts the next on fresh twins; on a loaded machine the
    // tour may also move on by itself meanwhile, so the test asks for a later chapter, not one.
    const order = [
      'lockstep',
      'transient',
      'hot-swap',
      'quick-dump',
      'active-upgrade',
      'service-call',
      'comparison',
    ];
    const chapterIndex = async () =>
      order.indexOf((await tour.root.getAttribute('data-chapter')) ?? '');
    const before = await chapterIndex();
    await page.getByTestId('tour.skip').click();
    await expect.poll(chapterIndex, { timeout: 120_000 }).toBeGreaterThan(before);
    await expect(tour.caption).not.toHaveText(/^\s*$/, { timeout: 60_000 });
    const skipped = await chapterIndex();
    await page.locator('body').press('n');
    await expect.poll(chapterIndex, { timeout: 120_000 }).not.toBe(skipped);
    // The controls stay reachable from the keyboard while a highlight shows.
    await expect(page.locator('body')).toHaveClass(/driver-active/, { timeout: 60_000 });
    await page.getByTestId('tour.restart').focus();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByTestId('tour.skip')).toBeFocused();
    expect(tour.errors).toEqual([]);
  });

  test('the whole tour plays to its end without a failed step or a console error', async ({
    page,
  }) => {
    const tour = new TourPage(page);
    await tour.open('&pace=10');
    await tour.expectChapter('comparison', 360_000);
    await tour.expectStatus('ended', 240_000);
    await expect(tour.root).toHaveAttribute('data-failures', '0');
    await expect(page.getByTestId('compare.status.ftserver')).toHaveText('Serving');
    await expect(page.getByTestId('compare.downtime.ftserver')).toHaveText('0 s');
    expect(tour.errors).toEqual([]);
  });

  test('kiosk mode loops', async ({ page }) => {
    const tour = new TourPage(page);
    await tour.serveTour('e2e-kiosk', KIOSK_TOUR);
    await tour.open('&tour=e2e-kiosk&loop=1');
    await expect(tour.root).toHaveAttribute('data-kiosk', 'yes');
    await expect(tour.root).toHaveAttribute('data-loops', '2', { timeout: 240_000 });
    await tour.expectStatus('playing');
    await expect(tour.root).toHaveAttribute('data-failures', '0');
    expect(tour.errors).toEqual([]);
  });

  test('a broken tour file is refused with the field at fault', async ({ page }) => {
    const tour = new TourPage(page);
    await tour.serveTour('e2e-broken', {
      ...KIOSK_TOUR,
      chapters: [{ ...KIOSK_TOUR.chapters[0], steps: [{ do: 'pull', target: 'A.cpu-7' }] }],
    });
    await page.goto('/?demo=tour&tour=e2e-broken');
    await expect(page.locator('#root')).toContainText(
      'chapters[0].steps[0].target: no component "A.cpu-7"',
    );
  });
});
