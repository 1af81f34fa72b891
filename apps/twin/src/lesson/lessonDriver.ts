/**
 * The scenario driver a lesson runs on in the browser: the twin's live driver, with what the
 * lesson does kept apart from what the trainee does. Commands the lesson gives (a step's entry
 * actions) and selections it makes (a camera on a part) are not recorded as trainee actions;
 * answers are.
 */
import type { Command, CommandResult } from '@ft/engine';
import type { CameraTarget, Observation, ScenarioDriver } from '@ft/lessons';
import type { TraineeActions } from './traineeActions.ts';

export class LessonDriver implements ScenarioDriver {
  readonly headless = false;

  constructor(
    private readonly inner: ScenarioDriver,
    private readonly trainee: TraineeActions,
  ) {}

  timeMs(): number {
    return this.inner.timeMs();
  }

  command(command: Command): Promise<CommandResult> {
    this.trainee.markLessonCommand(command);
    return this.inner.command(command);
  }

  observe(): Promise<Observation> {
    return this.inner.observe();
  }

  advance(simMs: number, signal?: AbortSignal): Promise<void> {
    return this.inner.advance(simMs, signal);
  }

  warp(limitMs: number): Promise<number> {
    return this.inner.warp(limitMs);
  }

  until(
    test: (o: Observation) => boolean,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<boolean> {
    return this.inner.until(test, timeoutMs, signal);
  }

  speed(value: number | 'max'): Promise<void> {
    return this.inner.speed(value);
  }

  // The live driver selects synchronously inside these calls (before its first await).
  camera(view: CameraTarget): Promise<void> {
    return this.trainee.asLesson(() => this.inner.camera(view));
  }

  select(target: string | null): Promise<void> {
    return this.trainee.asLesson(() => this.inner.select(target));
  }

  caption(text: string | null): Promise<void> {
    return this.inner.caption(text);
  }

  hold(ms: number, signal?: AbortSignal): Promise<void> {
    return this.inner.hold(ms, signal);
  }

  answer(question: string, value: string): Promise<void> {
    return this.trainee.answer(question, value);
  }
}
