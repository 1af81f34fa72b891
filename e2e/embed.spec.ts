import { expect, test } from '@playwright/test';
import { EmbedPage, type FtTwinLike } from './pages/EmbedPage.ts';
import { ISOLATED_URL, PLAIN_URL } from './urls.ts';

// Documentation pages are usually not cross-origin isolated: the examples run on the plain server.
const article = `${PLAIN_URL}examples/article.html`;

test.describe('<ft-twin> on documentation pages', () => {
  test('three twins: two become ready and fire events, methods work, the far one loads only when scrolled to', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const docs = new EmbedPage(page);
    await docs.recordEvents();
    await page.goto(article);
    await docs.ready('transient');
    await docs.ready('tmr');
    expect(await docs.loaded('rack')).toBe(false);

    // The transient scenario plays on its own: CPU element 1 leaves and comes back.
    await expect
      .poll(async () => (await docs.events('transient', 'ft-state')).length, { timeout: 120_000 })
      .toBeGreaterThan(0);
    const first = (await docs.events('transient', 'ft-state'))[0] as Record<string, unknown>;
    expect(first).toMatchObject({ componentId: 'A.cpu-1', systemId: 'A' });
    expect(typeof first.from).toBe('string');
    expect(typeof first.timeMs).toBe('number');

    // Methods on the element: the TMR twin (view only) still takes API calls. It must be on
    // screen: an off-screen twin pauses its engine.
    await page.locator('#tmr').scrollIntoViewIfNeeded();
    const states = await page.evaluate(() => {
      const tmr = document.getElementById('tmr') as FtTwinLike;
      return tmr
        .components()
        .filter((c) => c.id.includes('cpu'))
        .map((c) => c.state);
    });
    expect(states).toEqual(['triplex', 'triplex', 'triplex']);
    await page.evaluate(() =>
      (document.getElementById('tmr') as FtTwinLike).inject('A.cpu-2', 'self-check'),
    );
    await expect
      .poll(async () => (await docs.events('tmr', 'ft-state')).length, { timeout: 60_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(async () => (await docs.events('tmr', 'ft-system')).length, { timeout: 60_000 })
      .toBeGreaterThan(0);

    // Scroll the third one into view: it loads now, and plays its scenario file.
    await page.locator('#rack').scrollIntoViewIfNeeded();
    await docs.ready('rack');
    expect(await docs.loaded('rack')).toBe(true);
    await expect
      .poll(async () => (await docs.events('rack', 'ft-scenario-step')).length, { timeout: 60_000 })
      .toBeGreaterThan(0);
    expect(docs.errors).toEqual([]);
  });

  test('an attribute changed after load applies: panels, then the preset', async ({ page }) => {
    test.setTimeout(180_000);
    const docs = new EmbedPage(page);
    await page.goto(article);
    await docs.ready('tmr');
    const tmr = page.locator('#tmr');
    await expect(tmr.getByTestId('status')).toHaveCount(0);
    await tmr.evaluate((el) => el.setAttribute('panels', 'status'));
    await expect(tmr.getByTestId('status')).toBeVisible();
    await tmr.evaluate((el) => el.setAttribute('preset', '4300-dmr'));
    await docs.ready('tmr');
    await expect
      .poll(() =>
        tmr.evaluate(
          (el) => (el as FtTwinLike).components().filter((c) => c.id.includes('cpu')).length,
        ),
      )
      .toBe(2);
    expect(docs.errors).toEqual([]);
  });

  test('a bad scenario raises ft-error naming the field, and the twin keeps running', async ({
    page,
  }) => {
    const docs = new EmbedPage(page);
    await docs.recordEvents();
    await page.goto(article);
    await docs.ready('tmr');
    await page.evaluate(() => {
      const el = document.getElementById('tmr') as FtTwinLike;
      const script = document.createElement('script');
      script.type = 'application/json';
      script.dataset.for = 'scenario';
      script.textContent = JSON.stringify({
        steps: [{ do: 'inject', target: 'A.cpu-9', fault: 'self-check' }],
      });
      el.append(script);
      el.setAttribute('autoplay', '');
    });
    await expect
      .poll(async () => (await docs.events('tmr', 'ft-error')) as { message: string }[])
      .toContainEqual(
        expect.objectContaining({ message: expect.stringMatching(/steps\[0\]\.target/) }),
      );
    const state = await page.evaluate(() =>
      (document.getElementById('tmr') as FtTwinLike).state('A.cpu-0'),
    );
    expect(state).toBe('triplex');
  });

  test('twenty twins share at most two WebGL contexts, none lost', async ({ page }) => {
    test.setTimeout(300_000);
    await page.addInitScript(() => {
      const w = window as unknown as { glContexts: number; glLost: number };
      w.glContexts = 0;
      w.glLost = 0;
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        type: string,
        ...rest: unknown[]
      ) {
        const ctx = (getContext as (...a: unknown[]) => unknown).call(this, type, ...rest);
        if (ctx && /webgl/.test(type) && !(this as unknown as { counted?: boolean }).counted) {
          (this as unknown as { counted?: boolean }).counted = true;
          w.glContexts++;
          this.addEventListener('webglcontextlost', () => w.glLost++);
        }
        return ctx;
      } as typeof getContext;
    });
    const docs = new EmbedPage(page);
    await page.goto(`${PLAIN_URL}examples/many.html`);
    await expect(page.locator('ft-twin')).toHaveCount(20);
    // Scroll through the whole page so that every twin loads and draws.
    for (let i = 0; i < 20; i += 4) {
      await page.locator(`#twin-${i}`).scrollIntoViewIfNeeded();
      await docs.ready(`twin-${i}`);
    }
    await page.evaluate(() =>
      Promise.all(
        Array.from(document.querySelectorAll('ft-twin'), (el) =>
          (el as unknown as FtTwinLike).ready(),
        ),
      ),
    );
    const { glContexts, glLost } = await page.evaluate(() => {
      const w = window as unknown as { glContexts: number; glLost: number };
      return { glContexts: w.glContexts, glLost: w.glLost };
    });
    expect(glContexts).toBeGreaterThan(0);
    expect(glContexts).toBeLessThanOrEqual(2);
    expect(glLost).toBe(0);
    expect(docs.errors).toEqual([]);
  });

  test('a strict CSP page (no unsafe-eval, no unsafe-inline) sees no policy violation', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // The page's <meta> policy does not reach its worker; a real site sends the policy as a header
    // with every response, the worker script included: do the same here.
    const policy = await page.request
      .get(`${PLAIN_URL}examples/strict-csp.html`)
      .then((r) => r.text())
      .then((html) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]);
    expect(policy).toContain("script-src 'self'");
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': policy ?? '' },
      });
    });
    const docs = new EmbedPage(page);
    await page.goto(`${PLAIN_URL}examples/strict-csp.html`);
    await docs.ready('csp-twin');
    await page.evaluate(() =>
      (document.getElementById('csp-twin') as FtTwinLike).inject('A.cpu-1', 'self-check'),
    );
    await expect
      .poll(() =>
        page.evaluate(() => (document.getElementById('csp-twin') as FtTwinLike).stats().frames),
      )
      .toBeGreaterThan(0);
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    expect(docs.errors).toEqual([]);
  });

  test('without WebGL the twin shows the 2D front view with its LEDs', async ({ page }) => {
    const docs = new EmbedPage(page);
    await page.goto(`${PLAIN_URL}examples/no-webgl.html`);
    await docs.ready('flat');
    const flat = page.locator('#flat').getByTestId('twin.flat');
    await expect(flat).toBeVisible();
    await expect(page.locator('#flat').getByTestId('scene.note')).toContainText('WebGL');
    await expect(flat.getByTestId('flat.A.cpu-2')).toBeVisible();
    await flat.getByTestId('flat.A.cpu-2').click();
    await expect(page.locator('#flat').getByTestId('component-panel')).toContainText(
      'CPU element 2',
    );
    expect(docs.errors).toEqual([]);
  });
});

test.describe('<ft-twin> for everyone', () => {
  test('keyboard only: Tab to Parts, arrows to a CPU element, Enter, Tab to an action, press it', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const docs = new EmbedPage(page);
    await page.goto(`${PLAIN_URL}examples/minimal.html`);
    await docs.ready('twin');
    const twin = page.locator('#twin');
    await expect(twin).toHaveAttribute('role', 'region');
    await expect(twin).toHaveAttribute('aria-label', 'An ftServer 4300 in DMR');
    const parts = twin.getByTestId('embed.parts');
    for (
      let i = 0;
      i < 30 &&
      !(await parts.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await expect(parts).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(twin.getByTestId('embed.drawer')).toBeVisible();
    const tree = twin.getByRole('tree');
    await tree.getByRole('treeitem').first().focus();
    // System → CPU elements → CPU element 0 → CPU element 1, then Enter selects it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const panel = twin.getByTestId('component-panel');
    await expect(panel).toContainText('CPU element 1');
    // The keyboard user is moved on to the panel that opened, and tabs on from there.
    await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
    const inject = twin.getByTestId('action.inject.self-check');
    for (
      let i = 0;
      i < 40 &&
      !(await inject.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await expect(inject).toBeFocused();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => twin.evaluate((el) => (el as FtTwinLike).state('A.cpu-1')))
      .not.toBe('duplex');
    await expect(twin.getByTestId('announcer')).not.toBeEmpty();
    expect(docs.errors).toEqual([]);
  });

  test('interaction="view" offers no fault or CRU actions, only the part\'s state', async ({
    page,
  }) => {
    const docs = new EmbedPage(page);
    await page.goto(article);
    await page.locator('#tmr').scrollIntoViewIfNeeded();
    await docs.ready('tmr');
    const tmr = page.locator('#tmr');
    await tmr.getByTestId('embed.parts').click();
    await expect(tmr.getByRole('tree')).toBeVisible();
    await page.evaluate(() =>
      (document.getElementById('tmr') as FtTwinLike & { select(id: string): void }).select(
        'A.cpu-0',
      ),
    );
    await expect(tmr.getByTestId('component-panel')).toContainText('CPU element 0');
    await expect(tmr.getByTestId('action.pull')).toHaveCount(0);
    await expect(tmr.getByTestId('action.inject.self-check')).toHaveCount(0);
  });

  test('an off-screen twin neither draws nor runs, and resumes in view', async ({ page }) => {
    test.setTimeout(180_000);
    const docs = new EmbedPage(page);
    await docs.recordEvents();
    await page.goto(article);
    await docs.ready('transient');
    const time = () =>
      page.evaluate(() =>
        (document.getElementById('transient') as FtTwinLike & { simTimeMs(): number }).simTimeMs(),
      );
    await expect.poll(time).toBeGreaterThan(0);
    await page.locator('#rack').scrollIntoViewIfNeeded();
    await docs.ready('rack');
    // The pause reaches the worker a moment after the twin leaves the view: wait until its
    // clock stands still (two reads in a row agree), then check that it stays so.
    let last = -1;
    await expect
      .poll(
        async () => {
          const now = await time();
          const still = now === last;
          last = now;
          return still;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    const hidden = last;
    const ticks = await page.evaluate(
      () =>
        (document.getElementById('transient') as unknown as { stats(): { ticks: number } }).stats()
          .ticks,
    );
    // While the far twin plays, the one out of view stays where it was.
    await expect
      .poll(async () => (await docs.events('rack', 'ft-scenario-step')).length, { timeout: 60_000 })
      .toBeGreaterThan(2);
    expect(await time()).toBe(hidden);
    expect(
      await page.evaluate(
        () =>
          (
            document.getElementById('transient') as unknown as { stats(): { ticks: number } }
          ).stats().ticks,
      ),
    ).toBe(ticks);
    await page.locator('#transient').scrollIntoViewIfNeeded();
    await expect.poll(time, { timeout: 30_000 }).toBeGreaterThan(hidden);
  });
});

test.describe('scripts from another origin', () => {
  test('a page loads ft-twin.js from a CDN (another origin): chunks and worker follow', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const docs = new EmbedPage(page);
    const cdn = new URL(ISOLATED_URL).origin;
    await page.goto(`${PLAIN_URL}examples/cdn.html?cdn=${encodeURIComponent(cdn)}`);
    await expect(page.getByTestId('cdn.origin')).toHaveText(`${cdn}/embed/ft-twin.js`);
    await docs.ready('cdn-twin');
    await page.evaluate(() =>
      (document.getElementById('cdn-twin') as FtTwinLike).inject('A.cpu-1', 'self-check'),
    );
    await expect
      .poll(() =>
        page.evaluate(() => (document.getElementById('cdn-twin') as FtTwinLike).state('A.cpu-1')),
      )
      .not.toBe('duplex');
    expect(docs.errors).toEqual([]);
  });
});

test.describe('the iframe embed', () => {
  test('a host on another origin drives the twin in the iframe and hears its events', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const frameOrigin = new URL(ISOLATED_URL).origin;
    await page.goto(`${PLAIN_URL}examples/iframe-host.html?frame=${frameOrigin}`);
    await expect(page.getByTestId('frame.status')).toContainText('connected to', {
      timeout: 60_000,
    });
    await page.getByRole('button', { name: /Inject a transient fault/ }).click();
    await expect(page.getByTestId('frame.log')).toContainText('inject: done');
    await expect(page.getByTestId('frame.log')).toContainText('ft-state A.cpu-1', {
      timeout: 60_000,
    });
    await page.getByRole('button', { name: /Pull disk/ }).click();
    await expect(page.getByTestId('frame.log')).toContainText('A.disk-10-40-1', {
      timeout: 60_000,
    });
  });

  test('a page on an origin that is not allowed is ignored', async ({ page }) => {
    test.setTimeout(120_000);
    const frameOrigin = new URL(ISOLATED_URL).origin;
    // localhost and 127.0.0.1 are different origins: the frame allows only the latter.
    const plain = new URL(PLAIN_URL);
    const host = `http://localhost:${plain.port}/examples/iframe-host.html`;
    const allow = encodeURIComponent(plain.origin);
    await page.goto(`${host}?frame=${frameOrigin}&allow=${allow}`);
    await expect(page.getByTestId('frame.status')).toContainText('not connected', {
      timeout: 60_000,
    });
  });
});
