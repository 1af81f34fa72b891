/**
 * The scenario driver a lesson runs on in the browser: the twin's live driver, with what the
 * lesson does kept apart from what the trainee does. Commands the lesson gives (a step's entry
 * actions) and selections it makes (a camera on a part) are not recorded as trainee actions;
 * answers are. {@link LessonDriver.forTrainee} is the same driver acting for the trainee ("do it
 * for me" after the solution was shown): its commands and selections are the trainee's.
 */
import type { Command, CommandResult } from '@ft/engine';
import type { CameraTarget, Observation, ScenarioDriver } from '@ft/lessons';
import type { TraineeActions } from './traineeActions.ts';

export class LessonDriver implements ScenarioDriver {
  readonly headless = false;

  /**
   * @param onBehalfOfTrainee commands and selections count as the trainee's (the trainee asked
   *   for them), so that the step's action checks see them
   */
  constructor(
    private readonly inner: ScenarioDriver,
    private readonly trainee: TraineeActions,
    private readonly onBehalfOfTrainee = false,
  ) {}

  /**
   * This driver, acting for the trainee.
   *
   * @example
   * await runScenario({ steps: step.solution }, driver.forTrainee(), { answers });
   */
  forTrainee(): LessonDriver {
    return new LessonDriver(this.inner, this.trainee, true);
  }

  timeMs(): number {
    return this.inner.timeMs();
  }

  command(command: Command): Promise<CommandResult> {
    if (!this.onBehalfOfTrainee) this.trainee.markLessonCommand(command);
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
    if (this.onBehalfOfTrainee) return this.inner.camera(view);
    return this.trainee.asLesson(() => this.inner.camera(view));
  }

  select(target: string | null): Promise<void> {
    if (this.onBehalfOfTrainee) return this.inner.select(target);
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
