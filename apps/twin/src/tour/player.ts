/**
 * Plays a tour: chapter after chapter, each chapter's steps through @ft/lessons' runScenario on
 * the driver of its stage; pause and resume (a gate every step and hold respects), skip to the
 * next chapter, stop, and loop forever for a kiosk. A chapter starts on a fresh twin when the
 * story before it did not finish (skipped, failed), so every chapter begins where it expects.
 * No DOM here: the page provides the stages and shows what the player reports.
 */
import { runScenario, type StepReport } from '@ft/lessons';
import type { TourDriver } from './drivers.ts';
import type { PauseGate } from './pauseGate.ts';
import type { Stage, Tour, TourChapter, TourHighlight } from './tourSchema.ts';

export interface StageProvider {
  /**
   * Shows `stage` and returns its driver. `fresh`: load new twins (the story starts over, or
   * the chapter before did not finish), else keep the ones standing there.
   */
  enter(stage: Stage, fresh: boolean, signal: AbortSignal): Promise<TourDriver>;
}

export interface PlayerEvents {
  chapter?(index: number, chapter: TourChapter, loop: number): void;
  step?(chapter: number, step: number, steps: number): void;
  highlight?(highlight: TourHighlight | null): void;
  /** A step that failed: the tour plays on, but it is a fault of the tour (or the twin). */
  stepFailed?(chapter: TourChapter, report: StepReport): void;
  ended?(status: 'completed' | 'stopped', loops: number): void;
}

export interface PlayerOptions {
  loop: boolean;
  /** Kiosk passes at most (tests); unbounded by default. */
  maxLoops?: number;
}

export class TourPlayer {
  private chapterAbort: AbortController | null = null;
  private readonly stopAll = new AbortController();
  private playing = false;
  loops = 0;

  constructor(
    private readonly tour: Tour,
    private readonly stages: StageProvider,
    private readonly gate: PauseGate,
    private readonly options: PlayerOptions,
    private readonly events: PlayerEvents = {},
  ) {}

  get stopped(): boolean {
    return this.stopAll.signal.aborted;
  }

  /** Plays the tour to its end (or forever when looping, until stopped). */
  async play(): Promise<'completed' | 'stopped'> {
    if (this.playing) throw new Error('the tour is already playing');
    this.playing = true;
    const maxLoops = this.options.loop ? (this.options.maxLoops ?? Number.POSITIVE_INFINITY) : 1;
    let status: 'completed' | 'stopped' = 'completed';
    try {
      while (this.loops < maxLoops && !this.stopped) {
        let finished = false;
        let stage: Stage | null = null;
        for (const [index, chapter] of this.tour.chapters.entries()) {
          if (this.stopped) break;
          const fresh = index === 0 || !finished || stage !== chapter.stage;
          finished = await this.playChapter(index, chapter, fresh);
          stage = chapter.stage;
        }
        if (this.stopped) break;
        this.loops++;
      }
      if (this.stopped) status = 'stopped';
    } finally {
      this.playing = false;
      this.events.highlight?.(null);
      this.events.ended?.(status, this.loops);
    }
    return status;
  }

  private async playChapter(index: number, chapter: TourChapter, fresh: boolean): Promise<boolean> {
    const abort = new AbortController();
    this.chapterAbort = abort;
    const stop = () => abort.abort();
    this.stopAll.signal.addEventListener('abort', stop, { once: true });
    this.events.chapter?.(index, chapter, this.loops);
    this.events.highlight?.(null);
    let driver: TourDriver | null = null;
    try {
      await this.gate.wait(abort.signal);
      driver = await this.stages.enter(chapter.stage, fresh, abort.signal);
      if (abort.signal.aborted) return false;
      let failed = 0;
      const run = await runScenario({ steps: chapter.steps }, driver, {
        signal: abort.signal,
        onStepStart: (step) => {
          this.events.step?.(index, step, chapter.steps.length);
          const h = chapter.highlights.findLast((x) => x.step === step);
          if (h) this.events.highlight?.(h);
        },
        onStepEnd: (report) => {
          if (report.ok) return;
          failed++;
          this.events.stepFailed?.(chapter, report);
        },
      });
      return run.status === 'completed' && failed === 0;
    } finally {
      this.stopAll.signal.removeEventListener('abort', stop);
      driver?.dispose();
      if (this.chapterAbort === abort) this.chapterAbort = null;
    }
  }

  /** Ends the current chapter now; the next one starts (on fresh twins). */
  skip(): void {
    this.gate.set(false);
    this.chapterAbort?.abort();
  }

  /** Ends the tour. */
  stop(): void {
    this.gate.set(false);
    this.stopAll.abort();
  }
}
