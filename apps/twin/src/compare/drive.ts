/**
 * One control drives three twins: speed, "skip to the next event", one fault into all three
 * (mapped onto the parts each has), and a year of the same fault schedule run by time warp.
 * Written against the small part of the twin API it uses, so tests can drive it with fakes.
 *
 * Each twin runs in its own worker and is its own simulation: nothing couples them but the
 * commands sent here, so moving one twin's clock never changes what another does. The page
 * only keeps their clocks together, for the eye and for the figures.
 */
import type { CommandResult, FaultKind } from '@ft/engine';
import { ALTERNATIVES, faultSchedule, type ScheduledFault } from '@ft/engine/alternatives';
import type { FtTwin } from '@ft/twin';
import type { ComparisonSetup } from './setup.ts';
import type { Architecture } from './serviceTracker.ts';

export type DrivenApi = Pick<
  FtTwin,
  'setSpeed' | 'jumpToNextEvent' | 'simTimeMs' | 'inject' | 'command' | 'step'
>;

export type Twins = Record<Architecture, DrivenApi>;

export const ARCHS: readonly Architecture[] = ['ftserver', 'cluster', 'conventional'];

/** The longest single warp the twin API takes (a day of simulated time). */
export const MAX_JUMP_MS = 86_400_000;
/** Warps that end where they began before a twin is nudged forward by executing. */
const STALLS_BEFORE_STEP = 3;
const NUDGE_MS = 1_000;
/**
 * Clocks closer than this are the same time: the ftServer engine counts whole microseconds
 * (it rounds every advance), while the alternatives and the fault schedule use fractional
 * milliseconds, so a target a fraction of a microsecond ahead can never be reached exactly.
 */
export const CLOCK_RESOLUTION_MS = 0.001;

export async function setSpeedAll(twins: Twins, speed: number): Promise<void> {
  await Promise.all(ARCHS.map((a) => twins[a].setSpeed(speed)));
}

/**
 * Moves one twin's clock to `targetMs` by time warp: it stops at every scheduled event on the
 * way (each is processed), so nothing is skipped, only quiet time.
 */
export async function advanceTo(
  twin: DrivenApi,
  targetMs: number,
  signal?: AbortSignal,
): Promise<number> {
  let now = twin.simTimeMs();
  let stalls = 0;
  let idleNudges = 0;
  while (targetMs - now >= CLOCK_RESOLUTION_MS && !signal?.aborted) {
    const next = await twin.jumpToNextEvent(Math.min(targetMs - now, MAX_JUMP_MS));
    if (next > now) {
      stalls = 0;
      now = next;
      continue;
    }
    // An event due right now can end a warp where it began; after a few, run time forward.
    if (++stalls >= STALLS_BEFORE_STEP) {
      await twin.step(Math.min(NUDGE_MS, targetMs - now));
      stalls = 0;
      // A twin whose clock will not move (stopped, or gone) must not hold the page forever.
      idleNudges = twin.simTimeMs() > now ? 0 : idleNudges + 1;
      if (idleNudges >= STALLS_BEFORE_STEP) break;
    }
    now = Math.max(now, twin.simTimeMs());
  }
  return now;
}

/** Moves every twin to `targetMs` (each at its own pace, in parallel). */
export async function advanceAllTo(
  twins: Twins,
  targetMs: number,
  signal?: AbortSignal,
): Promise<void> {
  await Promise.all(ARCHS.map((a) => advanceTo(twins[a], targetMs, signal)));
}

/** The clocks of the three twins. */
export function clocks(twins: Twins): Record<Architecture, number> {
  return {
    ftserver: twins.ftserver.simTimeMs(),
    cluster: twins.cluster.simTimeMs(),
    conventional: twins.conventional.simTimeMs(),
  };
}

/**
 * "Skip to the next event": pauses the three, lets each skip quiet time to its own next
 * scheduled event (at most `limitMs`), then brings all three to the latest of those times
 * (processing every event on the way). Resolves with the common time reached.
 */
export async function skipToNextEvent(twins: Twins, limitMs = MAX_JUMP_MS): Promise<number> {
  await setSpeedAll(twins, 0);
  const start = Math.max(...Object.values(clocks(twins)));
  await advanceAllTo(twins, start);
  const reached = await Promise.all(ARCHS.map((a) => twins[a].jumpToNextEvent(limitMs)));
  const target = Math.max(...reached);
  await advanceAllTo(twins, target);
  return target;
}

export interface InjectionOutcome {
  architecture: Architecture;
  target: string | null;
  ok: boolean;
  /** Why it was refused, or why nothing was sent (no such part). */
  error?: string;
}

/**
 * Injects `fault` into the ftServer part `partId`, and its equivalent into the cluster and the
 * conventional server (FaultMap); an architecture without the part gets nothing.
 */
export async function injectAll(
  setup: ComparisonSetup,
  twins: Twins,
  partId: string,
  fault: FaultKind,
): Promise<InjectionOutcome[]> {
  return Promise.all(
    ARCHS.map(async (architecture): Promise<InjectionOutcome> => {
      const target = setup.map.target(partId, fault, architecture);
      if (target === null) return { architecture, target, ok: false, error: 'no such part' };
      try {
        await twins[architecture].inject(target, fault);
        return { architecture, target, ok: true };
      } catch (error) {
        return {
          architecture,
          target,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        };
      }
    }),
  );
}

export interface YearProgress {
  /** Simulated time reached by all three. */
  timeMs: number;
  durationMs: number;
  faultsDone: number;
  faults: number;
}

export interface YearOutcome {
  status: 'completed' | 'aborted';
  faults: readonly ScheduledFault[];
  /** Per architecture: faults it suffered, refused (part not running) or had no part for. */
  applied: Record<Architecture, number>;
  refused: Record<Architecture, number>;
  withoutPart: Record<Architecture, number>;
}

/**
 * Runs `durationMs` on the three twins from where they stand, with the fault schedule of
 * `seed` (the Monte Carlo's, `faultSchedule`), each fault mapped onto each architecture at its
 * time; quiet time is skipped by warp. As in the Monte Carlo, a lost network link of the
 * ftServer is restored after `linkRepairMs` (the alternatives' auto-repair does it for them).
 * A transient's outcome on an alternative is drawn by that twin's own seeded generator (the
 * Monte Carlo gives all three one draw).
 */
export async function runYear(
  setup: ComparisonSetup,
  twins: Twins,
  options: {
    seed: number;
    durationMs: number;
    signal?: AbortSignal;
    onProgress?(p: YearProgress): void;
    onInjected?(fault: ScheduledFault, results: InjectionOutcome[]): void;
  },
): Promise<YearOutcome> {
  const { signal } = options;
  await setSpeedAll(twins, 0);
  const startMs = Math.max(...Object.values(clocks(twins)));
  const faults = faultSchedule(setup.racks.ftserver, options.seed, options.durationMs).map((f) => ({
    ...f,
    atMs: f.atMs + startMs,
  }));
  const endMs = startMs + options.durationMs;
  const count = () => ({ ftserver: 0, cluster: 0, conventional: 0 });
  const out: YearOutcome = {
    status: 'completed',
    faults,
    applied: count(),
    refused: count(),
    withoutPart: count(),
  };
  const restores: { atMs: number; target: string }[] = [];
  const progress = (timeMs: number, done: number) =>
    options.onProgress?.({
      timeMs: timeMs - startMs,
      durationMs: options.durationMs,
      faultsDone: done,
      faults: faults.length,
    });
  const runTo = async (t: number) => {
    while (restores.length > 0 && restores[0].atMs <= t) {
      const r = restores.shift();
      if (!r) break;
      await advanceTo(twins.ftserver, r.atMs, signal);
      await sendQuietly(twins.ftserver, r.target);
    }
    await advanceAllTo(twins, t, signal);
  };
  await advanceAllTo(twins, startMs, signal);
  for (const [i, f] of faults.entries()) {
    if (signal?.aborted) return { ...out, status: 'aborted' };
    await runTo(f.atMs);
    const results = await injectAll(setup, twins, f.componentId, f.fault);
    for (const r of results) {
      if (r.target === null) out.withoutPart[r.architecture]++;
      else if (r.ok) out.applied[r.architecture]++;
      else out.refused[r.architecture]++;
      if (r.ok && r.architecture === 'ftserver' && f.fault === 'nic-link-loss' && r.target) {
        restores.push({ atMs: f.atMs + ALTERNATIVES.linkRepairMs.value, target: r.target });
        restores.sort((a, b) => a.atMs - b.atMs);
      }
    }
    options.onInjected?.(f, results);
    progress(f.atMs, i + 1);
  }
  await runTo(endMs);
  progress(endMs, faults.length);
  return signal?.aborted ? { ...out, status: 'aborted' } : out;
}

async function sendQuietly(twin: DrivenApi, target: string): Promise<CommandResult> {
  try {
    await twin.command({ type: 'restoreLink', target });
    return { ok: true };
  } catch (error) {
    // Already restored (a person did it): nothing to do.
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
