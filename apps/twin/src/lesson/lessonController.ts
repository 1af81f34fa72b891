/**
 * One trainee's attempt at one lesson in the browser: the pure {@link LessonPlayer} over the
 * twin's live driver, plus what a person needs around it: a wall-clock timer, checks run on every
 * batch of engine events (checkpoints tick as they pass) and on "check my work", hints, the gated
 * solution, answers, "skip to the next event", announcements for screen readers, and the session
 * (seed + rack + timed command log + the attempt) for saving, sharing and replay.
 *
 * Framework-free: React reads it through `subscribe`/`getState` (useSyncExternalStore), tests
 * drive it over a headless engine.
 */
import {
  answersOf,
  type Attempt,
  type FinishReport,
  type LessonInstance,
  LessonPlayer,
  type Session,
  runScenario,
  type ScenarioDriver,
  scoreAttempt,
  type UserAction,
} from '@ft/lessons';
import { points } from './format.ts';
import { checkFound, ending, scoreLine, skipped, stepPassed } from './announcements.ts';
import type { SessionRecorder } from './sessionRecorder.ts';
import type { TraineeActions } from './traineeActions.ts';
import type { TwinBus } from './twinPort.ts';
import { browserClock, type Clock } from './clock.ts';
import type { AnswerState, PlayerState, Tone } from './playerState.ts';

/** Longest "skip to the next event": covers a four-hour part delivery after a service call. */
export const SKIP_LIMIT_MS = 8 * 3_600_000;
/** How often trainee time is counted. */
export const TIMER_MS = 500;
/** Checks run at least this often (counters move without events). */
export const CHECK_EVERY_MS = 1000;
/** Engine events arrive in bursts: one check shortly after the first of a burst. */
export const EVENT_CHECK_DELAY_MS = 150;

export interface ControllerParts {
  lesson: LessonInstance;
  driver: ScenarioDriver;
  /** The same twin acting for the trainee ("do it for me"): its commands are the trainee's. */
  solver?: ScenarioDriver;
  trainee: TraineeActions;
  recorder: SessionRecorder;
  bus: TwinBus;
  clock?: Clock;
}

export class LessonController {
  readonly lesson: LessonInstance;
  private readonly player: LessonPlayer;
  private readonly driver: ScenarioDriver;
  private readonly solver: ScenarioDriver | null;
  private readonly trainee: TraineeActions;
  private readonly recorder: SessionRecorder;
  private readonly clock: Clock;
  private readonly abort = new AbortController();
  private readonly listeners = new Set<() => void>();
  private readonly stops: (() => void)[] = [];
  private state: PlayerState;
  private announcements = 0;
  private lastTickMs = 0;
  private checking: Promise<void> | null = null;
  private checkAgain = false;
  private userAsked = false;
  private eventCheck: (() => void) | null = null;

  constructor(parts: ControllerParts) {
    this.lesson = parts.lesson;
    this.driver = parts.driver;
    this.solver = parts.solver ?? null;
    this.trainee = parts.trainee;
    this.recorder = parts.recorder;
    this.clock = parts.clock ?? browserClock;
    this.player = new LessonPlayer(parts.lesson, parts.driver, {
      signal: this.abort.signal,
      onChange: (attempt) => this.onAttempt(attempt),
      onEntryError: (index, report) =>
        this.update({
          setupErrors: [
            ...this.state.setupErrors,
            `Step ${index + 1}, ${report.step.do}: ${report.error ?? 'failed'}`,
          ],
        }),
    });
    const attempt = this.player.attempt;
    this.state = {
      phase: 'setup',
      attempt,
      score: scoreAttempt(parts.lesson, attempt),
      answers: {},
      announcement: null,
      lastCheck: null,
      busy: null,
      solving: false,
      setupErrors: [],
    };
    this.stops.push(
      parts.bus.on('event', () => {
        this.eventCheck ??= this.clock.after(EVENT_CHECK_DELAY_MS, () => {
          this.eventCheck = null;
          void this.requestCheck(false);
        });
      }),
    );
  }

  // ---- React binding -------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): PlayerState => this.state;

  private update(change: Partial<PlayerState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of [...this.listeners]) listener();
  }

  private announce(text: string, tone: Tone = 'info'): void {
    this.update({ announcement: { id: ++this.announcements, text, tone } });
  }

  private onAttempt(attempt: Attempt): void {
    const moved = attempt.stepIndex !== this.state.attempt.stepIndex;
    const over = attempt.status !== 'running';
    this.update({
      attempt,
      score: scoreAttempt(this.lesson, attempt),
      phase: over ? 'over' : moved ? 'setup' : this.state.phase,
      lastCheck: moved ? null : this.state.lastCheck,
    });
    if (over) this.stopTimers();
  }

  /** A trainee action was recorded: look at it soon (a wrong move costs points at once). */
  onTraineeAction(action: UserAction): void {
    if (action.kind === 'answer') this.update({ answers: this.answersNow() });
    void this.requestCheck(false);
  }

  private answersNow(): Record<string, AnswerState> {
    const answers: Record<string, AnswerState> = {};
    const correct = new Map(
      this.lesson.steps.flatMap((s) => (s.question ? [[s.question.id, s.question.answer]] : [])),
    );
    for (const a of this.trainee.actions) {
      if (a.kind === 'answer') {
        answers[a.question] = { value: a.value, correct: correct.get(a.question) === a.value };
      }
    }
    return answers;
  }

  // ---- The attempt -------------------------------------------------------------------------

  /** Starts the clock and enters the first step (its entry actions play). */
  async start(): Promise<void> {
    this.lastTickMs = this.clock.now();
    this.stops.push(
      this.clock.every(TIMER_MS, () => this.tick()),
      this.clock.every(CHECK_EVERY_MS, () => void this.requestCheck(false)),
    );
    this.announce(
      `Lesson started: ${ending(this.lesson.title)} Step 1: ${ending(this.lesson.steps[0].title)}`,
    );
    await this.player.start();
    if (this.state.phase === 'setup') this.update({ phase: 'running' });
    await this.requestCheck(false);
  }

  private tick(): void {
    const now = this.clock.now();
    const was = this.player.attempt.status;
    this.player.addTime(now - this.lastTickMs);
    this.lastTickMs = now;
    if (was === 'running' && this.player.attempt.status === 'timed-out') {
      this.announce(`Time is up. ${scoreLine(this.state.score)}`, 'warn');
    }
  }

  private stopTimers(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.eventCheck?.();
    this.eventCheck = null;
  }

  /** "Check my work": evaluates the current step now and says what it found. */
  checkMyWork(): Promise<void> {
    return this.requestCheck(true);
  }

  /** Runs one check at a time; a request during a check runs one more after it. */
  private requestCheck(user: boolean): Promise<void> {
    if (user) this.userAsked = true;
    if (this.checking) {
      this.checkAgain = true;
      return this.checking;
    }
    this.checking = (async () => {
      do {
        this.checkAgain = false;
        const asked = this.userAsked;
        this.userAsked = false;
        await this.runCheck(asked);
      } while (this.checkAgain && !this.abort.signal.aborted);
    })().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async runCheck(user: boolean): Promise<void> {
    const attempt = this.player.attempt;
    if (attempt.status !== 'running' || this.abort.signal.aborted) return;
    if (this.state.phase === 'setup' && user) {
      this.announce('The step is still being set up: check again in a moment.');
      return;
    }
    await this.trainee.settled();
    const mistakesBefore = attempt.mistakes.length;
    const index = attempt.stepIndex;
    let ev: Awaited<ReturnType<LessonPlayer['check']>>;
    try {
      ev = await this.player.check();
    } catch (error) {
      // The twin is restarting (worker crash): try again on the next event or tick.
      if (user)
        this.announce(
          `Could not check now: ${error instanceof Error ? error.message : String(error)}`,
          'warn',
        );
      return;
    }
    if (this.state.phase === 'setup' && this.player.attempt.status === 'running') {
      this.update({ phase: 'running' });
    }
    const now = this.player.attempt;
    for (const m of now.mistakes.slice(mistakesBefore)) {
      this.announce(`Wrong move, −${points(m.points)}: ${m.what}`, 'warn');
    }
    if (now.stepIndex > index) {
      this.announce(stepPassed(this.lesson, index, now, this.state.score), 'ok');
      return;
    }
    if (user && ev && ev.stepIndex === index) {
      const passing = ev.checks.filter((c) => c.passed).length;
      const total = ev.checks.length;
      this.update({ lastCheck: { stepIndex: index, passing, total } });
      const missing = ev.checks.find((c) => !c.passed)?.label ?? null;
      this.announce(
        checkFound(passing, total, missing, this.lesson.steps[index].feedback.fail),
        'warn',
      );
    }
  }

  /** Shows the current step's next hint (its cost comes off the step's points). */
  hint(): void {
    const r = this.player.hint();
    if (!r.ok) this.announce(r.error, 'warn');
    else this.announce(`Hint, −${points(r.hint.cost)}: ${r.hint.text}`);
  }

  /** Shows the current step's solution, once every hint was taken (the step then earns nothing). */
  solution(): void {
    const r = this.player.solution();
    if (!r.ok) this.announce(`The solution is not available yet: ${r.error}.`, 'warn');
    else this.announce('The solution is shown below the step. This step now earns no points.');
  }

  /** Whether "do it for me" is offered now: the solution is shown and has steps to play. */
  canPlaySolution(): boolean {
    const a = this.player.attempt;
    const step = this.lesson.steps[a.stepIndex];
    return (
      this.solver !== null &&
      a.status === 'running' &&
      this.state.phase === 'running' &&
      a.steps[a.stepIndex]?.solutionShown === true &&
      (step?.solution.length ?? 0) > 0
    );
  }

  /**
   * "Do it for me": plays the shown solution of the current step on the twin, for the trainee
   * (the step already earns nothing). Stops when the step is passed (the next step's setup must
   * not run beside it) or the attempt ends.
   */
  async playSolution(): Promise<void> {
    if (this.state.solving || !this.canPlaySolution() || !this.solver) return;
    const index = this.player.attempt.stepIndex;
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    this.abort.signal.addEventListener('abort', onAbort);
    const unwatch = this.subscribe(() => {
      if (this.state.attempt.stepIndex !== index || this.state.attempt.status !== 'running') {
        stop.abort();
      }
    });
    this.update({ solving: true });
    this.announce('Playing the solution on the twin…');
    try {
      const run = await runScenario({ steps: this.lesson.steps[index].solution }, this.solver, {
        signal: stop.signal,
        lessonAnchor: this.player.attempt.lessonAnchor ?? undefined,
        answers: answersOf(this.lesson),
      });
      const failed = run.steps.find((r) => !r.ok && !r.skipped);
      if (failed && !stop.signal.aborted) {
        this.announce(
          `The solution could not be played: ${failed.step.do}: ${failed.error ?? 'failed'}.`,
          'warn',
        );
      }
    } finally {
      unwatch();
      this.abort.signal.removeEventListener('abort', onAbort);
      if (!this.abort.signal.aborted) this.update({ solving: false });
    }
    await this.requestCheck(false);
  }

  /** Records the trainee's answer to a question and checks it. */
  async answer(question: string, value: string): Promise<void> {
    if (this.player.attempt.status !== 'running') return;
    await this.trainee.answer(question, value);
    const q = this.lesson.steps.find((s) => s.question?.id === question)?.question;
    if (q && q.answer !== value) {
      this.announce(`Not right.${q.explanation ? ` ${q.explanation}` : ''}`, 'warn');
    }
  }

  /** Skips quiet simulated time to the next scheduled event (a part delivery, a phase ending). */
  async skipToNextEvent(): Promise<void> {
    if (this.state.busy) return;
    this.update({ busy: 'skipping' });
    try {
      const from = this.driver.timeMs();
      const to = await this.driver.warp(SKIP_LIMIT_MS);
      this.announce(skipped(to - from, SKIP_LIMIT_MS));
    } finally {
      this.update({ busy: null });
    }
    await this.requestCheck(false);
  }

  /**
   * Resolves once every trainee action seen so far is recorded and the checks in flight are
   * done (before saving a session, so that it holds the last action).
   */
  async idle(): Promise<void> {
    await this.trainee.settled();
    await this.checking;
  }

  /** Ends a running attempt (the trainee stops): the finish report follows. */
  giveUp(): void {
    this.player.giveUp();
    this.announce(`Attempt ended. ${scoreLine(this.state.score)}`, 'warn');
  }

  report(): FinishReport {
    return this.player.report();
  }

  /** The session so far: seed, rack, every command and warp, the attempt and trainee actions. */
  session(): Session {
    const l = this.lesson;
    return this.recorder.session({
      rack: l.rack,
      seed: l.seed,
      endMs: this.driver.timeMs(),
      lesson: {
        id: l.id,
        seed: l.seed,
        variables: l.drawn,
        attempt: this.player.attempt,
        actions: this.trainee.actions.slice(),
      },
    });
  }

  /** Why a saved session may not replay exactly, or null. */
  recordingProblem(): string | null {
    return this.recorder.interrupted;
  }

  dispose(): void {
    this.abort.abort();
    this.stopTimers();
    this.listeners.clear();
  }
}
