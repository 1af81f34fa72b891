/**
 * The lesson loop over any {@link ScenarioDriver}: the browser's lesson panel (live twin), the
 * classroom and the headless `playLesson` all run a lesson through this class, so that a step is
 * entered, its entry actions played, its checks evaluated and the attempt advanced the same way
 * everywhere. It holds the attempt (plain data: `player.attempt`) and never throws for what the
 * trainee or the twin does.
 *
 * @example
 * const player = new LessonPlayer(lesson, driver);
 * await player.start();
 * twin.on('event', () => player.check());       // ticks checks, moves to the next step
 * hintButton.onclick = () => show(player.hint());
 */
import { runScenario, type StepReport } from '../scenario/runner.ts';
import type { ScenarioDriver } from '../scenario/driver.ts';
import {
  addTime,
  answersOf,
  enterStep,
  type Evaluation,
  evaluate,
  giveUp,
  recordEvaluation,
  showSolution,
  startAttempt,
  takeHint,
} from './progress.ts';
import { type FinishReport, finishReport } from './report.ts';
import type { Attempt, Hint, LessonInstance, SolutionStepList } from './types.ts';

export interface LessonPlayerOptions {
  signal?: AbortSignal;
  /** Called after every change of the attempt (a check ticked, a step passed, a hint taken…). */
  onChange?(attempt: Attempt): void;
  /** Entry actions that failed at run time (a refused command, a wait that timed out). */
  onEntryError?(stepIndex: number, report: StepReport): void;
}

export class LessonPlayer {
  attempt: Attempt;
  /** The last evaluation (checks of the current step, mistakes so far), or null before start. */
  last: Evaluation | null = null;
  private entering = false;

  constructor(
    readonly lesson: LessonInstance,
    readonly driver: ScenarioDriver,
    private readonly options: LessonPlayerOptions = {},
  ) {
    this.attempt = startAttempt(lesson);
  }

  private set(attempt: Attempt): void {
    this.attempt = attempt;
    try {
      this.options.onChange?.(attempt);
    } catch {
      // A host callback that throws must not break the lesson.
    }
  }

  /** Enters the current step: anchors it, then plays its entry actions. */
  private async enter(): Promise<void> {
    this.entering = true;
    try {
      const index = this.attempt.stepIndex;
      this.set(enterStep(this.attempt, await this.driver.observe()));
      const step = this.lesson.steps[index];
      await runScenario({ steps: step.actions ?? [] }, this.driver, {
        signal: this.options.signal,
        lessonAnchor: this.attempt.lessonAnchor ?? undefined,
        answers: answersOf(this.lesson),
        onStepEnd: (r) => {
          if (!r.ok) this.options.onEntryError?.(index, r);
        },
      });
    } finally {
      this.entering = false;
    }
  }

  /** Enters the first step. */
  async start(): Promise<void> {
    if (this.attempt.steps[0]?.anchor) return;
    await this.enter();
  }

  /**
   * Evaluates the current step now ("check my work", or on each batch of events); when it
   * passes, enters the next one. Returns the evaluation (null while a step is being entered).
   */
  async check(): Promise<Evaluation | null> {
    if (this.entering || this.attempt.status !== 'running') return this.last;
    const o = await this.driver.observe();
    const ev = evaluate(this.lesson, o.view, o.events, o.actions, this.attempt);
    this.last = ev;
    const before = this.attempt.stepIndex;
    this.set(recordEvaluation(this.lesson, this.attempt, ev));
    if (this.attempt.status === 'running' && this.attempt.stepIndex !== before) await this.enter();
    return ev;
  }

  /** The next hint of the current step (its cost comes off the step's points), or why not. */
  hint(): { ok: true; hint: Hint } | { ok: false; error: string } {
    const r = takeHint(this.lesson, this.attempt);
    if (!r.ok) return r;
    this.set(r.attempt);
    return { ok: true, hint: r.hint };
  }

  /** The current step's solution, once every hint was taken (the step then earns nothing). */
  solution(): { ok: true; steps: SolutionStepList; text?: string } | { ok: false; error: string } {
    const r = showSolution(this.lesson, this.attempt);
    if (!r.ok) return r;
    this.set(r.attempt);
    return { ok: true, steps: r.solution, text: r.text };
  }

  /** Counts trainee time (wall-clock ms in a browser); past the time limit the attempt ends. */
  addTime(ms: number): void {
    const next = addTime(this.lesson, this.attempt, ms);
    if (next !== this.attempt) this.set(next);
  }

  /** Ends a running attempt as failed. */
  giveUp(): void {
    this.set(giveUp(this.attempt));
  }

  report(): FinishReport {
    return finishReport(this.lesson, this.attempt);
  }
}
