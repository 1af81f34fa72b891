/**
 * A batch of fault-checker schedules, run in one thread: the unit of work the worker threads
 * of `pnpm check:faults` are handed (and what the CI test runs in-process).
 */
import { buildRack } from '@ft/hardware';
import { FAULTS_BY_KIND_NAME } from '../faults-by-kind.ts';
import { FaultFreeStream } from './fault-free-stream.ts';
import { EnginePool, runSchedule } from './run-schedule.ts';
import { CHECK_RACKS, drawSchedule, type Mode, type Part } from './schedule.ts';

export interface Violation {
  /** Index of the schedule in the run, and the seed it was drawn from. */
  index: number;
  seed: number;
  mode: Mode;
  actions: string[];
  messages: string[];
}

export interface BatchResult {
  schedules: number;
  byMode: Record<Mode, number>;
  actions: number;
  violations: Violation[];
}

/** The seed of schedule `index` of a run with seed `seed` (schedule 0 of that seed is the same). */
export function scheduleSeed(seed: number, index: number): number {
  return (seed + index) >>> 0;
}

function partsOf(mode: Mode): Part[] {
  return buildRack(CHECK_RACKS[mode]).components.map((c) => ({
    id: c.id,
    kind: c.kind,
    faults: FAULTS_BY_KIND_NAME[c.kind],
    hotSwappable: c.hotSwappable.value,
  }));
}

/** Runs schedules [start, end) of a run with seed `seed`. */
export class BatchRunner {
  private readonly oracle = new FaultFreeStream();
  private readonly pool = new EnginePool();
  /** The parts of each check rack and what can happen to each. */
  readonly parts: Record<Mode, Part[]> = { dmr: partsOf('dmr'), tmr: partsOf('tmr') };

  run(seed: number, start: number, end: number): BatchResult {
    const result: BatchResult = {
      schedules: 0,
      byMode: { dmr: 0, tmr: 0 },
      actions: 0,
      violations: [],
    };
    for (let index = start; index < end; index++) {
      const schedule = drawSchedule(scheduleSeed(seed, index), this.parts);
      const outcome = runSchedule(schedule, this.oracle, this.pool);
      result.schedules++;
      result.byMode[schedule.mode]++;
      result.actions += schedule.actions.length;
      if (outcome.violations.length > 0) {
        result.violations.push({
          index,
          seed: schedule.seed,
          mode: schedule.mode,
          actions: outcome.actions,
          messages: outcome.violations,
        });
      }
    }
    return result;
  }
}
