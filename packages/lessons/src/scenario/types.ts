/**
 * The scenario format: timed steps played on a twin, shared by the `<ft-twin scenario>`
 * attribute, the guided sales tour and a lesson step's entry actions (and, with `answer`, a
 * lesson step's solution). Plain data.
 */
import type { Command, FaultDetail, FaultKind } from '@ft/engine';
import type { Predicate } from '../predicate/types.ts';
import type { RackRef } from '../schema/rack.ts';

/** Where the camera looks: a preset, a whole system (`system:A`) or one part (`part:A.cpu-1`). */
export type CameraTarget = 'front' | 'rear' | 'overview' | `system:${string}` | `part:${string}`;

interface StepBase {
  /** A remark for people reading the file; ignored when playing. */
  note?: string;
}

export type ScenarioStep = StepBase &
  (
    | { do: 'inject'; target: string; fault: FaultKind; detail?: FaultDetail }
    /** Refused when not safe to pull (what ftSMC warns about) unless `force` is true. */
    | { do: 'pull'; target: string; force?: boolean }
    /** The same part again, or a new one (`replacement: true`). */
    | { do: 'insert'; target: string; replacement?: boolean }
    | { do: 'command'; command: Command }
    /** Simulated time over wall time (0 pauses), or 'max' for as fast as possible. */
    | { do: 'speed'; speed: number | 'max' }
    | { do: 'camera'; view: CameraTarget }
    | { do: 'select'; target: string | null }
    /** Shows a caption over the twin; `null` clears it. */
    | { do: 'caption'; text: string | null }
    /** Let `ms` of simulated time pass, or wait until a check holds (at most `timeoutMs`). */
    | { do: 'wait'; ms?: number; until?: Predicate; timeoutMs?: number }
    /** A wall-clock pause for reading; skipped when nobody watches (headless). */
    | { do: 'hold'; ms: number }
    /** Skip quiet simulated time to the next scheduled event, at most `limitMs`. */
    | { do: 'warp'; limitMs: number }
    /** Reload the rack as it started (same preset and seed). */
    | { do: 'reset' }
  );

/** A step of a lesson solution: a scenario step, or the answer to the step's question. */
export type SolutionStep =
  | ScenarioStep
  | (StepBase & { do: 'answer'; question: string; value: string });

export type StepKind = ScenarioStep['do'] | 'answer';

/** What to do when a step fails at run time (a refused command, a wait that timed out). */
export type OnError = 'continue' | 'stop';

export interface Scenario {
  title?: string;
  /** The rack to load first (hosts that already show a rack may ignore it). */
  rack?: RackRef;
  seed?: number;
  /** Start again from the first step after the last one (tours). */
  loop?: boolean;
  /** Default `continue`: report the failed step and go on. */
  onError?: OnError;
  steps: ScenarioStep[];
}
