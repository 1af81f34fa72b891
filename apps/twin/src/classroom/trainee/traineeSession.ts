/**
 * Everything a trainee's page does besides drawing: joins the class, mounts the twin for the
 * assigned lesson (or free play), records its session log for the server, runs the lesson,
 * reports progress, applies the instructor's faults through the twin's command path and
 * acknowledges them, follows the class state (paused: the twin stops), keeps the messages, and
 * after a reload (token in localStorage) rebuilds the twin from the server's session log.
 *
 * React reads `view` through `subscribe` / `getSnapshot`; the twin lives in `twinHost`, an
 * element the page places once (React never re-creates it).
 */
import {
  type Assignment,
  type ClassState,
  connectTrainee,
  defaultTokenStore,
  type FaultDelivery,
  type FaultOutcome,
  type SessionHeader,
  type TraineeClient,
  type TraineeWelcome,
} from '@ft/classroom/client';
import type { Command } from '@ft/engine';
import type { LessonInstance } from '@ft/lessons';
import type { TwinHandle } from '@ft/twin';
import { SessionFollower } from '../session/follower.ts';
import type { LessonCatalog } from '../shared/catalog.ts';
import { FREE_PLAY_RACK, FREE_PLAY_SEED } from '../shared/faults.ts';
import { mountPausedTwin, rackChoice, twinTarget } from '../shared/twin.ts';
import { LessonRun } from './lessonRun.ts';
import { matches, refusalText, sameSession } from './joinRules.ts';
import { ProgressReporter } from './progressReporter.ts';
import { SessionRecorder } from './recorder.ts';
import { catchUp, restoreNotice } from './restorePlan.ts';
import { initialView, type TraineeView } from './traineeView.ts';
import { loadSavedLesson, saveLesson } from './savedLesson.ts';

const TICK_MS = 1000;
/** Messages kept on the page (the server keeps 20). */
const MAX_MESSAGES = 20;

export interface TraineeSessionOptions {
  url: string;
  code: string;
  /** The display name; may be left out when this browser has joined the class before. */
  name?: string;
  catalog: LessonCatalog;
  /** Called with each new twin (the page sets `window.ftTwin`). */
  onTwin?(twin: TwinHandle): void;
}

export class TraineeSession {
  readonly client: TraineeClient;
  readonly twinHost: HTMLDivElement;
  private twin: TwinHandle | null = null;
  private header: SessionHeader | null = null;
  private recorder: SessionRecorder | null = null;
  private run: LessonRun | null = null;
  private lessonStarted = false;
  /** Commands that are not the trainee's: the lesson's and the instructor's. */
  private readonly own = new WeakSet<Command>();
  private generation = 0;
  /** Resolves when the current generation's twin is ready (restored, if it was restoring). */
  private ready: Promise<void> = Promise.resolve();
  private markReady: () => void = () => {};
  /** Listeners on the current twin, removed with it. */
  private twinOffs: (() => void)[] = [];
  private welcomed = false;
  private readonly progress: ProgressReporter;
  private speedBeforePause = 1;
  private readonly timer: ReturnType<typeof setInterval>;
  private lastTickMs = performance.now();
  private readonly listeners = new Set<() => void>();
  private snapshot: TraineeView;
  private readonly offs: (() => void)[] = [];

  constructor(private readonly options: TraineeSessionOptions) {
    this.twinHost = document.createElement('div');
    this.twinHost.className = 'cls-twin-host';
    this.twinHost.dataset.testid = 'trainee.twin';
    this.snapshot = initialView(options.name ?? '');
    this.client = connectTrainee({
      url: options.url,
      code: options.code,
      ...(options.name ? { name: options.name } : {}),
      onFault: (delivery) => this.applyFault(delivery),
    });
    const c = this.client;
    this.offs.push(
      c.on('welcome', (w) => void this.onWelcome(w)),
      c.on('assignment', (a) => void this.onAssignment(a)),
      c.on('classState', ({ state }) => this.onClassState(state)),
      c.on('message', (m) =>
        this.set({ messages: [m, ...this.snapshot.messages].slice(0, MAX_MESSAGES) }),
      ),
      c.on('connection', (connection) => this.set({ connection })),
      c.on('error', (e) => {
        if (e.code === 'class-ended') return; // the class state says so
        this.set({ notice: `The server refused ${e.event}: ${e.message}` });
      }),
    );
    c.ready.catch((error: Error & { code?: string }) => {
      // A kept token the server no longer knows: forget it, so the join form can start afresh.
      if (error.code === 'unknown-token') defaultTokenStore().set(options.code, '');
      this.set({ phase: 'refused', refusal: refusalText(error.code, error.message) });
      this.client.close();
    });
    this.progress = new ProgressReporter(
      this.client,
      () =>
        this.twin && this.lessonStarted && this.snapshot.phase === 'ready'
          ? { twin: this.twin, run: this.run }
          : null,
      { get: () => this.snapshot.notice, set: (notice) => this.set({ notice }) },
    );
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): TraineeView => this.snapshot;

  dispose(): void {
    clearInterval(this.timer);
    for (const off of this.offs) off();
    this.teardown();
    this.client.close();
  }

  /** Answers the current step's question (from the lesson card). */
  answer(questionId: string, value: string): void {
    this.run?.answer(questionId, value);
  }

  /** The next hint of the current step; null, or why there is none. */
  hint(): string | null {
    if (!this.run) return 'No lesson is running.';
    const why = this.run.hint();
    this.bump();
    return why;
  }

  // ── Joining and resuming ──────────────────────────────────────────────────────────────────

  private async onWelcome(w: TraineeWelcome): Promise<void> {
    this.set({
      name: w.trainee.name,
      classTitle: w.class.title,
      classState: w.class.state,
      refusal: null,
      messages: [...w.messages].reverse().slice(0, MAX_MESSAGES),
    });
    // A reconnection Socket.IO could not recover: the server may have missed log entries.
    if (this.welcomed && this.header && sameSession(w, this.header) && w.session) {
      const lost = this.recorder?.entries.slice(w.session.entries.length) ?? [];
      for (const entry of lost) this.client.logCommand(entry); // sent again
      this.onClassState(w.class.state);
      return;
    }
    this.welcomed = true;
    const header = w.session?.header ?? null;
    if (w.resumed && header && matches(w.assignment, header)) await this.restore(w, header);
    else await this.begin(w.assignment);
    this.onClassState(w.class.state);
  }

  private async onAssignment(assignment: Assignment | null): Promise<void> {
    if (this.header && matches(assignment, this.header)) return;
    await this.begin(assignment);
    this.onClassState(this.snapshot.classState);
  }

  /** A fresh twin for the assignment (or free play), and a new session log on the server. */
  private async begin(assignment: Assignment | null): Promise<void> {
    const generation = this.newGeneration();
    this.set({
      phase: 'loading',
      assignment,
      lesson: null,
      run: null,
      notice: null,
      restore: null,
    });
    const lesson = await this.loadLesson(assignment?.lessonId ?? null, assignment?.seed ?? 0);
    if (generation !== this.generation) return;
    const header: SessionHeader = {
      lessonId: lesson?.id ?? null,
      seed: lesson ? assignment!.seed : FREE_PLAY_SEED,
      rack: lesson?.rack ?? FREE_PLAY_RACK,
    };
    const twin = await this.mount(header, generation);
    if (!twin) return;
    await this.client.startSession(header).catch((e: Error) => this.set({ notice: e.message }));
    if (generation !== this.generation) return;
    this.record(twin, []);
    this.prepareLesson(twin, lesson);
    this.progress.reset(null, 0);
    this.set({ phase: 'ready', lesson, run: this.run });
    this.markReady();
  }

  /** After a reload: the twin rebuilt from the session log, the attempt from localStorage. */
  private async restore(w: TraineeWelcome, header: SessionHeader): Promise<void> {
    const generation = this.newGeneration();
    this.set({
      phase: 'restoring',
      assignment: w.assignment,
      lesson: null,
      run: null,
      notice: null,
    });
    const lesson = await this.loadLesson(header.lessonId, header.seed);
    if (generation !== this.generation) return;
    const twin = await this.mount(header, generation);
    if (!twin) return;
    // The lesson's driver listens before the replay, so it sees the same events as before.
    this.prepareLesson(twin, lesson);
    const entries = w.session?.entries ?? [];
    const progress = w.progress?.lessonId === header.lessonId ? w.progress : null;
    const { reachedMs, targetMs } = catchUp(entries, progress?.simTimeMs ?? 0);
    const follower = new SessionFollower(twinTarget(twin), {
      onProgress: ({ timeMs, targetMs: t }) => this.set({ restore: { timeMs, targetMs: t } }),
    });
    await follower.follow(entries, 0, targetMs);
    if (generation !== this.generation) return;
    this.record(twin, entries);
    const started = progress !== null;
    this.progress.reset(null, progress && header.lessonId === null ? progress.elapsedMs : 0);
    if (this.run && started) {
      const saved = loadSavedLesson(
        this.options.code,
        w.trainee.traineeId,
        header.lessonId!,
        header.seed,
      );
      this.lessonStarted = true;
      this.progress.reset(saved?.attempt ?? null, 0);
      await this.run.start(saved, true);
    } else if (!this.run) this.lessonStarted = true;
    this.set({
      phase: 'ready',
      lesson,
      run: this.run,
      restore: null,
      notice: restoreNotice(targetMs < reachedMs, follower.late > 0),
    });
    this.markReady();
  }

  private newGeneration(): number {
    this.teardown();
    // Faults arriving from now on wait for this generation's twin.
    this.markReady();
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
    return ++this.generation;
  }

  private async loadLesson(lessonId: string | null, seed: number): Promise<LessonInstance | null> {
    if (lessonId === null) return null;
    try {
      return await this.options.catalog.instance(lessonId, seed);
    } catch (error) {
      this.set({
        notice: `The lesson could not be loaded (${error instanceof Error ? error.message : String(error)}); the twin runs without it.`,
      });
      return null;
    }
  }

  /** Mounts a paused twin for the session; null when a newer generation took over. */
  private async mount(header: SessionHeader, generation: number): Promise<TwinHandle | null> {
    const twin = mountPausedTwin(this.twinHost, {
      layout: 'app',
      rack: rackChoice(header.rack),
      seed: header.seed,
      label: 'Your ftServer twin',
    });
    this.twin = twin;
    this.header = header;
    this.options.onTwin?.(twin);
    await twin.api.ready();
    if (generation !== this.generation) return null;
    this.twinOffs.push(
      twin.instance.engine.bus.on('system', () => this.progress.report()),
      // The instructor holds the class's time: while it waits or is paused, the twin stays still.
      twin.instance.store.subscribe((state, previous) => {
        if (state.speed === previous.speed || state.speed === 0) return;
        if (this.snapshot.phase === 'ready' && this.snapshot.classState !== 'running') {
          void twin.instance.engine.setSpeed(0);
        }
      }),
    );
    return twin;
  }

  private record(twin: TwinHandle, alreadyLogged: readonly object[]): void {
    this.recorder = new SessionRecorder(twin.instance.engine.bus, (entry) =>
      this.client.logCommand(entry),
    );
    this.recorder.entries.push(...(alreadyLogged as SessionRecorder['entries']));
  }

  private prepareLesson(twin: TwinHandle, lesson: LessonInstance | null): void {
    this.lessonStarted = false;
    this.progress.reset(null, 0);
    this.run = lesson
      ? new LessonRun(twin, lesson, { own: this.own, onChange: (run) => this.onAttempt(run) })
      : null;
  }

  private teardown(): void {
    for (const off of this.twinOffs) off();
    this.twinOffs = [];
    this.recorder?.stop();
    this.recorder = null;
    this.run?.dispose();
    this.run = null;
    this.twin?.dispose();
    this.twin = null;
    this.header = null;
    this.lessonStarted = false;
  }

  // ── The class ─────────────────────────────────────────────────────────────────────────────

  private onClassState(state: ClassState): void {
    const was = this.snapshot.classState;
    this.set({ classState: state });
    const twin = this.twin;
    if (!twin || this.snapshot.phase !== 'ready') return;
    if (state === 'running') {
      if (was !== 'running' || twin.instance.store.getState().speed === 0) {
        void twin.instance.engine.setSpeed(this.speedBeforePause || 1);
      }
      if (!this.lessonStarted) {
        this.lessonStarted = true;
        if (this.run) void this.run.start(null, false);
        else this.progress.report();
      }
    } else {
      const speed = twin.instance.store.getState().speed;
      if (speed !== 0) this.speedBeforePause = speed;
      void twin.instance.engine.setSpeed(0);
      if (state === 'ended') this.progress.report();
    }
  }

  private async applyFault(delivery: FaultDelivery): Promise<FaultOutcome> {
    // Wait for the twin of the latest generation (a restore replays the log first).
    for (let waited = this.ready; ; waited = this.ready) {
      await waited;
      if (waited === this.ready) break;
    }
    const twin = this.twin;
    if (!twin) return { applied: false, error: 'the twin is not running' };
    const command: Command = { ...delivery.command };
    this.own.add(command);
    try {
      await twin.api.command(command);
      return { applied: true };
    } catch (error) {
      return { applied: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  // ── Progress ──────────────────────────────────────────────────────────────────────────────

  private onAttempt(run: LessonRun): void {
    const traineeId = this.client.traineeId;
    if (traineeId) saveLesson(this.options.code, traineeId, run.save());
    this.bump();
    this.progress.attemptChanged(run);
  }

  private tick(): void {
    const now = performance.now();
    const wallMs = now - this.lastTickMs;
    this.lastTickMs = now;
    if (this.snapshot.classState === 'running') this.progress.tick(wallMs);
  }

  // ── View ──────────────────────────────────────────────────────────────────────────────────

  private bump(): void {
    this.set({ attemptVersion: this.snapshot.attemptVersion + 1 });
  }

  private set(patch: Partial<TraineeView>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
