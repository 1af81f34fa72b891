/**
 * The scenario runner: plays steps on any {@link ScenarioDriver}, headless or live. Pure apart
 * from the driver: no timers, no clock, no randomness of its own.
 *
 * Run-time failures never throw. A refused command, an unsafe pull without `force`, a wait whose
 * check never held or a driver that rejected is reported as that step's error (`onStepEnd`), and
 * then the run continues with the next step (`onError: 'continue'`, the default) or ends with
 * status `stopped` (`onError: 'stop'`). Aborting the signal ends the run with status `aborted`
 * at the next step boundary (waits and holds end early).
 */
import { describePredicate } from '../predicate/describe.ts';
import { evaluatePredicate } from '../predicate/evaluate.ts';
import { type Anchor, anchorOf } from '../view.ts';
import type { ScenarioDriver } from './driver.ts';
import type { OnError, Scenario, SolutionStep } from './types.ts';

/** Reports kept per run (a looping tour would otherwise grow without bound). */
export const MAX_STEP_REPORTS = 1000;

export interface StepReport {
  index: number;
  /** Pass over the steps, from 0 (looping scenarios). */
  loop: number;
  step: SolutionStep;
  ok: boolean;
  error?: string;
  /** True for a `hold` skipped because nobody watches. */
  skipped?: boolean;
  /** Simulated time when the step began and ended. */
  startMs: number;
  endMs: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Overrides the scenario's `loop`. */
  loop?: boolean;
  /** Passes at most (default: unbounded while looping). */
  maxLoops?: number;
  /** Overrides the scenario's `onError`. */
  onError?: OnError;
  onStepStart?(index: number, step: SolutionStep, loop: number): void;
  onStepEnd?(report: StepReport): void;
  /** Start of `scope: 'lesson'` windows in wait checks (default: where the run began). */
  lessonAnchor?: Anchor;
  /** Correct answers by question id, for `answer` checks in waits. */
  answers?: Readonly<Record<string, string>>;
}

export interface ScenarioRun {
  status: 'completed' | 'stopped' | 'aborted';
  /** The last {@link MAX_STEP_REPORTS} step reports. */
  steps: StepReport[];
  loops: number;
  failed: number;
  /** Why a run stopped when no single step is to blame (a loop that lets no time pass). */
  error?: string;
}

type Outcome = { ok: true; skipped?: boolean } | { ok: false; error: string };

const OK: Outcome = { ok: true };

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // A host callback that throws must not end the run; the host sees its own error.
  }
}

async function execute(
  step: SolutionStep,
  driver: ScenarioDriver,
  options: RunOptions,
  lesson: Anchor,
): Promise<Outcome> {
  const fromResult = (r: { ok: boolean; error?: string }): Outcome =>
    r.ok ? OK : { ok: false, error: r.error ?? 'refused' };
  switch (step.do) {
    case 'inject': {
      const command = { type: 'inject' as const, target: step.target, fault: step.fault };
      return fromResult(
        await driver.command(step.detail ? { ...command, detail: step.detail } : command),
      );
    }
    case 'pull': {
      if (!step.force) {
        const warning = (await driver.observe()).view.components[step.target]?.pullWarning;
        if (warning) {
          return {
            ok: false,
            error: `not safe to pull: ${warning}; add "force": true to pull it anyway`,
          };
        }
      }
      return fromResult(await driver.command({ type: 'pull', target: step.target }));
    }
    case 'insert':
      return fromResult(
        await driver.command({
          type: 'insert',
          target: step.target,
          replacement: step.replacement === true,
        }),
      );
    case 'command':
      return fromResult(await driver.command(step.command));
    case 'speed':
      await driver.speed(step.speed);
      return OK;
    case 'camera':
      await driver.camera(step.view);
      return OK;
    case 'select':
      await driver.select(step.target);
      return OK;
    case 'caption':
      await driver.caption(step.text);
      return OK;
    case 'wait': {
      if (step.until === undefined) {
        await driver.advance(step.ms ?? 0, options.signal);
        return OK;
      }
      const until = step.until;
      const anchor = anchorOf(await driver.observe());
      const held = await driver.until(
        (o) => evaluatePredicate(until, { ...o, step: anchor, lesson, answers: options.answers }),
        step.timeoutMs ?? 0,
        options.signal,
      );
      if (held || options.signal?.aborted) return OK;
      return {
        ok: false,
        error: `timed out after ${step.timeoutMs} simulated ms waiting until ${describePredicate(until)}`,
      };
    }
    case 'hold':
      if (driver.headless) return { ok: true, skipped: true };
      await driver.hold(step.ms, options.signal);
      return OK;
    case 'warp':
      await driver.warp(step.limitMs);
      return OK;
    case 'reset':
      if (!driver.reset) return { ok: false, error: 'this twin cannot reload its rack' };
      await driver.reset();
      return OK;
    case 'answer':
      if (!driver.answer)
        return { ok: false, error: 'answers are recorded by a lesson player only' };
      await driver.answer(step.question, step.value);
      return OK;
  }
}

/**
 * Plays `scenario` (or a bare list of steps) on `driver`.
 *
 * @example
 * const run = await runScenario(scenario, new EngineDriver(engine), {
 *   onStepEnd: (r) => r.ok || console.log(`step ${r.index}: ${r.error}`),
 * });
 * run.status; // 'completed'
 */
export async function runScenario(
  scenario: Pick<Scenario, 'loop' | 'onError'> & { steps: readonly SolutionStep[] },
  driver: ScenarioDriver,
  options: RunOptions = {},
): Promise<ScenarioRun> {
  const { signal } = options;
  const loop = options.loop ?? scenario.loop ?? false;
  const policy = options.onError ?? scenario.onError ?? 'continue';
  const maxLoops = loop ? (options.maxLoops ?? Number.POSITIVE_INFINITY) : 1;
  const run: ScenarioRun = { status: 'completed', steps: [], loops: 0, failed: 0 };
  let lesson = options.lessonAnchor;
  const report = (r: StepReport) => {
    run.steps.push(r);
    if (run.steps.length > MAX_STEP_REPORTS) run.steps.shift();
    if (!r.ok) run.failed++;
    safely(() => options.onStepEnd?.(r));
  };
  while (run.loops < maxLoops) {
    const passStartMs = driver.timeMs();
    let heldWallClock = false;
    for (let index = 0; index < scenario.steps.length; index++) {
      if (signal?.aborted) return { ...run, status: 'aborted' };
      const step = scenario.steps[index];
      safely(() => options.onStepStart?.(index, step, run.loops));
      const startMs = driver.timeMs();
      let outcome: Outcome;
      try {
        if (!lesson) lesson = anchorOf(await driver.observe());
        outcome = await execute(step, driver, options, lesson);
      } catch (e) {
        outcome = { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
      if (step.do === 'hold' && outcome.ok && !outcome.skipped) heldWallClock = true;
      const r: StepReport = {
        index,
        loop: run.loops,
        step,
        ok: outcome.ok,
        startMs,
        endMs: driver.timeMs(),
      };
      if (!outcome.ok) r.error = outcome.error;
      if (outcome.ok && outcome.skipped) r.skipped = true;
      report(r);
      if (signal?.aborted) return { ...run, status: 'aborted' };
      if (!outcome.ok && policy === 'stop') return { ...run, status: 'stopped' };
    }
    run.loops++;
    if (loop && run.loops < maxLoops && driver.timeMs() === passStartMs && !heldWallClock) {
      return {
        ...run,
        status: 'stopped',
        error: 'a looping scenario must let time pass on every pass (add a "wait" or a "hold")',
      };
    }
  }
  return run;
}
