/**
 * A trainee's progress to the server: the lesson's counters (or free play's time) with the twin's
 * status and simulated time, at least every two seconds while the class runs, at once on news (a
 * step passed, a hint taken, the attempt over). Each report goes after the session log is
 * flushed, so that the instructor's mirror never runs ahead of the commands it replays. A report
 * the server did not take is said on the page, and its news go again with the next report (the
 * server keeps a record once, should the first one have arrived after all); the counters need no
 * resending, the next report carries them.
 */
import type { ProgressInput, TraineeClient } from '@ft/classroom/client';
import type { Attempt } from '@ft/lessons';
import type { TwinHandle } from '@ft/twin';
import {
  freeCounters,
  lessonCounters,
  progressEvents,
  progressNews,
  type ProgressNews,
} from '../shared/progress.ts';
import { twinStatus } from '../shared/twin.ts';
import type { LessonRun } from './lessonRun.ts';

/** Progress (with the twin's simulated time, for the instructor's mirror) at least this often. */
export const HEARTBEAT_MS = 2000;

const UNSENT = 'Your progress did not reach the instructor';

/**
 * The page's notice after a report: the problem while reports fail, gone once one goes through;
 * another notice on screen is left alone. `undefined`: no change.
 * @example noticeAfterReport(null, 'timed out') // 'Your progress did not reach the instructor (timed out); it is sent again.'
 */
export function noticeAfterReport(
  shown: string | null,
  why: string | null,
): string | null | undefined {
  const ours = shown?.startsWith(UNSENT) ?? false;
  if (why !== null && (shown === null || ours)) return `${UNSENT} (${why}); it is sent again.`;
  if (why === null && ours) return null;
  return undefined;
}

/** What there is to report on now, or null while nothing is (not started, twin being replaced). */
export type ReportSubject = () => { twin: TwinHandle; run: LessonRun | null } | null;

export class ProgressReporter {
  /** Free play's time on the clock (a lesson run counts its own). */
  freeElapsedMs = 0;
  /** The attempt as last reported, to tell what is news. */
  private reported: Attempt | null = null;
  private sinceReportMs = 0;
  private queue: Promise<void> = Promise.resolve();
  /** News of reports the server did not take, for the next report. */
  private unsent: ProgressNews[] = [];

  /** @param notice the page's notice line: a failing report says so there (noticeAfterReport) */
  constructor(
    private readonly client: Pick<TraineeClient, 'flush' | 'reportProgress'>,
    private readonly subject: ReportSubject,
    private readonly notice: { get(): string | null; set(text: string | null): void },
  ) {}

  private problem(why: string | null): void {
    const next = noticeAfterReport(this.notice.get(), why);
    if (next !== undefined) this.notice.set(next);
  }

  /** A fresh start (a new twin): the attempt already reported, free play's time so far. */
  reset(reported: Attempt | null, freeElapsedMs: number): void {
    this.reported = reported;
    this.freeElapsedMs = freeElapsedMs;
  }

  /** `wallMs` passed while the class ran: the attempt's or free play's time, and the heartbeat. */
  tick(wallMs: number): void {
    const subject = this.subject();
    if (!subject) return;
    if (subject.run) subject.run.addTime(wallMs);
    else this.freeElapsedMs += wallMs;
    this.sinceReportMs += wallMs;
    if (this.sinceReportMs >= HEARTBEAT_MS) this.report();
  }

  /** The lesson's attempt changed: what is news is reported at once. */
  attemptChanged(run: LessonRun): void {
    const news = progressNews(run.lesson, this.reported, run.attempt);
    this.reported = run.attempt;
    if (news.length > 0 || run.attempt.status !== 'running') this.report(news);
  }

  /** Sends the counters (and news), after the session log. */
  report(news: readonly ProgressNews[] = []): void {
    const subject = this.subject();
    if (!subject) return;
    const { twin, run } = subject;
    this.sinceReportMs = 0;
    let events: ProgressInput[];
    try {
      const facts = { systemStatus: twinStatus(twin), simTimeMs: twin.api.simTimeMs() };
      const counters = run
        ? lessonCounters(run.lesson, run.attempt, facts)
        : freeCounters(this.freeElapsedMs, facts);
      events = progressEvents(counters, [...this.unsent, ...news]);
      this.unsent = [];
    } catch {
      return; // the twin is being replaced
    }
    this.queue = this.queue.then(async () => {
      await this.client.flush();
      for (const event of events) {
        try {
          await this.client.reportProgress(event);
          this.problem(null);
        } catch (error) {
          const { stepPassed, mistake } = event;
          if (stepPassed) this.unsent.push({ stepPassed });
          if (mistake) this.unsent.push({ mistake });
          this.problem(error instanceof Error ? error.message : String(error));
        }
      }
    });
  }
}
