/**
 * A lesson or drill running over a trainee's twin in class: @ft/lessons' LessonPlayer over the
 * twin's LiveDriver, with the trainee's own actions recorded for the checks and the penalties
 * (commands, selections, answers). Commands the lesson plays and faults the instructor sends
 * are not the trainee's: they are told apart by object identity (`own`), since every command
 * reaches the engine client's bus as the very object that was sent.
 *
 * Until the lesson pages (apps/twin/src/lesson) are on main, the trainee page shows this run
 * with a compact card of its own (AssignmentCard); the run is what the roster's progress and the
 * reload's restore rest on.
 */
import type { Command } from '@ft/engine';
import {
  type Attempt,
  commandAction,
  enterStep,
  type Evaluation,
  type Hint,
  LessonPlayer,
  type LessonInstance,
  type Observation,
  type StateView,
  type UserAction,
} from '@ft/lessons';
import { LiveDriver, type TwinHandle, type TwinInstance } from '@ft/twin';

/** How often checks are evaluated when no engine event asks for it, in wall ms. */
const CHECK_EVERY_MS = 1000;
/** Engine events are gathered this long before a check. */
const CHECK_AFTER_EVENT_MS = 250;

/** What a reload needs to continue the attempt where it was (kept in localStorage). */
export interface SavedLesson {
  lessonId: string;
  seed: number;
  attempt: Attempt;
  actions: UserAction[];
}

/** The twin's LiveDriver, remembering what the lesson itself commands and selects. */
class ClassroomDriver extends LiveDriver {
  /** True while the lesson selects a part (not a trainee selection). */
  driving = false;
  lastView: StateView | null = null;

  constructor(
    private readonly instance: TwinInstance,
    private readonly own: WeakSet<Command>,
  ) {
    super(instance);
  }

  override command(command: Command) {
    this.own.add(command);
    return super.command(command);
  }

  override async observe(): Promise<Observation> {
    const o = await super.observe();
    this.lastView = o.view;
    return o;
  }

  override async select(target: string | null): Promise<void> {
    this.driving = true;
    try {
      await super.select(target);
    } finally {
      this.driving = false;
    }
  }

  /**
   * Frames a part's system without selecting the part: LiveDriver's camera selects it, and a
   * step that then asks the trainee to select it could never see them do it (the selection
   * would not change). The headless driver's camera selects nothing either.
   */
  override async camera(view: Parameters<LiveDriver['camera']>[0]): Promise<void> {
    if (typeof view === 'string' && view.startsWith('part:')) {
      const id = view.slice('part:'.length);
      const spec = this.instance.store.getState().rack?.components.find((c) => c.id === id);
      if (spec) this.instance.ui.requestCamera('focus', spec.systemId);
      return;
    }
    await super.camera(view);
  }
}

export interface LessonRunOptions {
  /** Commands that are not the trainee's (the lesson's, the instructor's). */
  own: WeakSet<Command>;
  /** After every change of the attempt. */
  onChange(run: LessonRun): void;
}

export class LessonRun {
  readonly player: LessonPlayer;
  private readonly driver: ClassroomDriver;
  private readonly offs: (() => void)[] = [];
  private checkTimer: ReturnType<typeof setTimeout> | null = null;
  private checking = false;
  private actionQueue: Promise<void> = Promise.resolve();
  private disposed = false;
  /** Hints the trainee took, for the card (the attempt counts them, this keeps their text). */
  readonly hints: Hint[] = [];

  constructor(
    private readonly twin: TwinHandle,
    readonly lesson: LessonInstance,
    private readonly options: LessonRunOptions,
  ) {
    this.driver = new ClassroomDriver(twin.instance, options.own);
    this.player = new LessonPlayer(lesson, this.driver, {
      onChange: () => {
        if (!this.disposed) options.onChange(this);
      },
    });
  }

  get attempt(): Attempt {
    return this.player.attempt;
  }

  /** The checks of the current step at the last evaluation. */
  get evaluation(): Evaluation | null {
    return this.player.last;
  }

  /**
   * Starts listening to the twin. `saved` continues an attempt after a reload (its entry actions
   * are in the replayed log already); `resumed` without `saved` anchors the first step without
   * playing its actions again (they are in the log too); otherwise the first step is entered.
   */
  async start(saved: SavedLesson | null, resumed: boolean): Promise<void> {
    const { instance } = this.twin;
    this.offs.push(
      instance.engine.bus.on('command', ({ command, result, timeMs }) => {
        if (this.options.own.has(command)) return;
        this.recordCommand(command, result, timeMs);
      }),
      instance.engine.bus.on('event', () => this.scheduleCheck(CHECK_AFTER_EVENT_MS)),
      instance.store.subscribe((state, previous) => {
        if (state.selectedId === previous.selectedId || this.driver.driving) return;
        this.driver.actions.push({
          kind: 'select',
          timeMs: this.driver.timeMs(),
          target: state.selectedId,
        });
        this.scheduleCheck(CHECK_AFTER_EVENT_MS);
      }),
    );
    if (saved) {
      this.driver.actions.push(...saved.actions);
      this.player.attempt = saved.attempt;
      this.options.onChange(this);
    } else if (resumed) {
      this.player.attempt = enterStep(this.player.attempt, await this.driver.observe());
      this.options.onChange(this);
    } else {
      await this.player.start();
    }
    this.scheduleCheck(0);
  }

  /** Counts trainee time (wall clock), while the class runs. */
  addTime(ms: number): void {
    if (this.attempt.status === 'running') this.player.addTime(ms);
  }

  /** Answers the current step's question. */
  answer(questionId: string, value: string): void {
    this.driver.actions.push({
      kind: 'answer',
      timeMs: this.driver.timeMs(),
      question: questionId,
      value,
    });
    this.scheduleCheck(0);
  }

  /** The next hint of the current step, or why there is none. */
  hint(): string | null {
    const taken = this.player.hint();
    if (!taken.ok) return taken.error;
    this.hints.push(taken.hint);
    return null;
  }

  /** What a reload needs to continue. */
  save(): SavedLesson {
    return {
      lessonId: this.lesson.id,
      seed: this.lesson.seed,
      attempt: this.attempt,
      actions: [...this.driver.actions],
    };
  }

  dispose(): void {
    this.disposed = true;
    if (this.checkTimer) clearTimeout(this.checkTimer);
    for (const off of this.offs) off();
    this.driver.dispose();
  }

  /** A trainee command, with the state just before (the last observation) and just after. */
  private recordCommand(command: Command, result: { ok: boolean; error?: string }, timeMs: number) {
    // The last observation is at most a check interval old, and older than the command.
    const before = this.driver.lastView;
    this.actionQueue = this.actionQueue.then(async () => {
      const after = await this.driver.observe().catch(() => null);
      if (!after || this.disposed) return;
      this.driver.actions.push(
        commandAction(before ?? after.view, command, result, after.view, timeMs),
      );
      this.scheduleCheck(0);
    });
  }

  private scheduleCheck(delayMs: number): void {
    if (this.disposed) return;
    if (this.checkTimer) clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => void this.check(), delayMs);
  }

  private async check(): Promise<void> {
    this.checkTimer = null;
    if (this.checking || this.disposed) return;
    this.checking = true;
    try {
      await this.player.check();
    } catch {
      // The twin is restarting (worker crash): the next check tries again.
    } finally {
      this.checking = false;
      if (this.attempt.status === 'running') this.scheduleCheck(CHECK_EVERY_MS);
    }
  }
}
