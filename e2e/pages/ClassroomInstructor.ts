/**
 * Page object for the classroom's instructor page (`?classroom=instructor` on the classroom
 * server): creating a class, the join code, the class controls, the assign/fault/message forms,
 * the live roster and the read-only mirror. Driven by roles, labels and test ids; waits with
 * expect, never with sleeps. `window.ftInstructor` (the page's session) and `window.ftMirror`
 * (the mirror twin's API) are read for state.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { InstructorSession } from '../../apps/twin/src/classroom/instructor/instructorSession.ts';
import type { FtTwin } from '../../packages/twin/src/api/ftTwin.ts';
import { CLASSROOM_URL } from '../urls.ts';

declare global {
  interface Window {
    ftInstructor?: InstructorSession;
    ftMirror?: FtTwin;
  }
}

export class ClassroomInstructor {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(msg.text());
    });
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
  }

  async open(): Promise<void> {
    await this.page.goto(`${CLASSROOM_URL}?classroom=instructor`);
  }

  /** Creates a class and returns its join code. */
  async createClass(title: string): Promise<string> {
    await this.page.getByLabel('Class title').fill(title);
    await this.page.getByRole('button', { name: 'Create class' }).click();
    await expect(this.code).toHaveText(/^[A-Z2-9]{6}$/);
    return (await this.code.textContent())!.trim();
  }

  get code(): Locator {
    return this.page.getByTestId('class.code');
  }
  get classState(): Locator {
    return this.page.getByTestId('class.state');
  }
  get roster(): Locator {
    return this.page.getByTestId('roster');
  }
  get faultReport(): Locator {
    return this.page.getByTestId('fault.report');
  }
  get mirror(): Locator {
    return this.page.getByTestId('mirror');
  }

  /** A trainee's roster row, by name. */
  row(name: string): Locator {
    return this.roster.locator(`tr[data-trainee="${name.replace(/"/g, '\\"')}"]`);
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start class' }).click();
    await expect(this.classState).toHaveAttribute('data-state', 'running');
  }

  async assign(lessonId: string, seed: number, to = 'Everyone'): Promise<void> {
    const form = this.form('Assign a lesson');
    await form.getByLabel('Lesson or drill').selectOption(lessonId);
    await form.getByLabel('Seed', { exact: true }).fill(String(seed));
    await this.pick(form.getByLabel('Give to'), to);
    await form.getByRole('button', { name: 'Assign' }).click();
    await expect(form.getByRole('status')).toContainText('Assigned');
  }

  /** Injects a fault and waits for its delivery report (a new fault id). */
  async inject(component: string, fault: string, to = 'Everyone'): Promise<void> {
    const form = this.form('Inject a fault');
    const before =
      (await this.faultReport.count()) > 0
        ? await this.faultReport.getAttribute('data-fault-id')
        : null;
    await this.pick(form.getByLabel('Send to'), to);
    await form.getByLabel('Component').selectOption(component);
    await form.getByLabel('Fault', { exact: true }).selectOption(fault);
    await form.getByRole('button', { name: 'Inject fault' }).click();
    await expect(this.faultReport).not.toHaveAttribute('data-fault-id', before ?? '');
  }

  async message(text: string): Promise<void> {
    const form = this.form('Message');
    await form.getByLabel('Message text').fill(text);
    await form.getByRole('button', { name: 'Send' }).click();
    await expect(form.getByRole('status')).toContainText('Sent to');
  }

  async watch(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: /Watch/ }).click();
    await expect(this.mirror).toBeVisible();
    await this.page.waitForFunction(() => window.ftMirror !== undefined, null, { timeout: 60_000 });
    await this.page.evaluate(() => window.ftMirror!.ready());
    await expect(this.page.getByTestId('mirror.status')).toHaveAttribute(
      'data-state',
      'following',
      {
        timeout: 60_000,
      },
    );
  }

  /** A component's state in the mirror twin. */
  async mirrorState(id: string): Promise<string> {
    return this.page.evaluate((i) => window.ftMirror!.state(i), id);
  }

  /** The fault options offered for a component (what the picker lets the instructor choose). */
  async faultOptions(component: string): Promise<string[]> {
    const form = this.form('Inject a fault');
    await form.getByLabel('Component').selectOption(component);
    return form
      .getByLabel('Fault', { exact: true })
      .locator('option:not([disabled])')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  }

  /** The report as the server makes it (the same call as the download buttons). */
  async report(): Promise<{ csv: string; trainees: { name: string }[] }> {
    return this.page.evaluate(async () => {
      const { report, csv } = await window.ftInstructor!.client!.report();
      return { csv, trainees: report.trainees };
    });
  }

  consoleErrors(): string[] {
    return this.errors.filter((e) => !/favicon/.test(e));
  }

  private form(heading: string): Locator {
    return this.page
      .locator('form')
      .filter({ has: this.page.getByRole('heading', { name: heading, exact: true }) });
  }

  /** Picks the option whose label starts with `label` (labels carry counts: "Everyone (2)"). */
  private async pick(select: Locator, label: string): Promise<void> {
    const value = await select
      .locator('option')
      .evaluateAll(
        (options, l) =>
          (options as HTMLOptionElement[]).find((o) => o.textContent?.startsWith(l))?.value ?? null,
        label,
      );
    if (value === null) throw new Error(`no option starting with ${label}`);
    await select.selectOption(value);
  }
}
