/**
 * Long jobs of the worker (a step of simulated hours, the replay after a crash) cut into
 * segments that run a slice at a time, so the worker keeps answering calls and posting heartbeats
 * in between. Chunk boundaries fall at fixed simulated offsets, never at wall-clock ones, so a job
 * does the same thing however fast the machine is.
 */
import type { Simulation } from '../alternatives/simulation.ts';
import type { CommandResult } from '../types.ts';
import type { JournalEntry, WorkerJob } from './api.ts';

/** Simulated time one `advance` call of a job runs (then the job checks its wall budget). */
export const JOB_CHUNK_MS = 50;

type Segment =
  | { kind: 'run'; remainingMs: number }
  | { kind: 'command'; entry: Extract<JournalEntry, { kind: 'command' }> }
  | { kind: 'warp'; ms: number };

/** One queued job: its segments in order and how it ends. */
export class Job {
  private next = 0;
  readonly outcomes: CommandResult[] = [];
  doneMs = 0;

  private constructor(
    readonly kind: WorkerJob['kind'],
    private readonly segments: Segment[],
    readonly totalMs: number,
    readonly settle: { resolve: (job: Job) => void; reject: (error: unknown) => void },
  ) {}

  /** Runs exactly `simMs` of simulated time. */
  static step(simMs: number, settle: Job['settle']): Job {
    return new Job('step', [{ kind: 'run', remainingMs: simMs }], simMs, settle);
  }

  /**
   * Plays `journal` from `fromMs`: simulated time runs for real up to each entry's time, each
   * command is applied again, each warp skipped again; then time runs on to `untilMs`.
   */
  static replay(
    journal: readonly JournalEntry[],
    fromMs: number,
    untilMs: number,
    settle: Job['settle'],
  ): Job {
    const segments: Segment[] = [];
    let t = fromMs;
    const runTo = (at: number) => {
      if (at > t) segments.push({ kind: 'run', remainingMs: at - t });
      t = Math.max(t, at);
    };
    for (const entry of journal) {
      if (entry.kind === 'command') {
        runTo(entry.timeMs);
        segments.push({ kind: 'command', entry });
      } else {
        runTo(entry.fromMs);
        const ms = Math.max(0, entry.toMs - t);
        segments.push({ kind: 'warp', ms });
        t += ms;
      }
    }
    runTo(untilMs);
    return new Job('replay', segments, t - fromMs, settle);
  }

  get finished(): boolean {
    return this.next >= this.segments.length;
  }

  progress(): WorkerJob {
    return { kind: this.kind, doneMs: this.doneMs, totalMs: this.totalMs };
  }

  /**
   * Runs segments until the job is done or `outOfTime()` says the slice is over (checked after
   * every chunk: a slice always makes progress). `afterChunk` may stop the job's slice early.
   */
  runSlice(engine: Simulation, outOfTime: () => boolean, afterChunk: () => boolean = () => false) {
    while (!this.finished) {
      const segment = this.segments[this.next];
      if (segment.kind === 'command') {
        this.outcomes.push(engine.command(segment.entry.command));
        this.next++;
      } else if (segment.kind === 'warp') {
        if (segment.ms > 0) engine.advance(segment.ms, true);
        this.doneMs += segment.ms;
        this.next++;
      } else {
        const chunk = Math.min(JOB_CHUNK_MS, segment.remainingMs);
        engine.advance(chunk);
        segment.remainingMs -= chunk;
        this.doneMs += chunk;
        if (segment.remainingMs <= 0) this.next++;
        if (afterChunk() || outOfTime()) return;
      }
    }
  }
}
