/**
 * Runs one fault-checker schedule and checks what issue 7 asks of it:
 * (a) the voted output stream equals the fault-free run (after an OS crash or a three-way stop
 *     the workload restarts, and from then on the reference-replica count of silent data
 *     corruptions must stay at zero instead);
 * (b) a three-way disagreement emits no output: the system stops with the stream still equal to
 *     the fault-free prefix;
 * (c) after every repair (resyncs included) the replicas in lockstep are bit-identical;
 * (d) saving, restoring and continuing gives the same bytes as continuing.
 */
import { REPLICAS_PER_SYSTEM } from '../cpu/complex-constants.ts';
import { identicalReplicas } from '../cpu/complex.ts';
import { Engine } from '../engine.ts';
import { readHeader, restoreInto, sameState, saveWorld } from '../sim/persist.ts';
import { TIMING } from '../timing.ts';
import { OpState, SystemStatus } from '../types.ts';
import type { FaultFreeStream } from './fault-free-stream.ts';
import { type Action, CHECK_RACKS, type Schedule, threeWayFlips } from './schedule.ts';

/** Longest wait for a repair (parts arrive in 4 h, a mirror rebuilds in under an hour). */
const REPAIR_LIMIT_MS = 24 * 3_600_000;

export interface ScheduleOutcome {
  seed: number;
  mode: string;
  actions: string[];
  violations: string[];
}

export function describeAction(a: Action): string {
  if (a.kind === 'fault') return `${a.fault} on ${a.target}`;
  if (a.kind === 'swap') {
    return `pull ${a.target}, ${a.replacement ? 'insert a replacement' : 'insert it again'} after ${a.outMs} ms`;
  }
  return 'a different flip on each of the three boards';
}

function healthy(e: Engine): boolean {
  const w = e.world;
  const full = w.tmr[0] ? SystemStatus.Triplex : SystemStatus.Duplex;
  if (w.status[0] !== full || w.rsPhase[0] !== 0 || w.pauseUntilUs[0] !== 0) return false;
  if (w.referenceActive[0]) return false;
  for (let c = 0; c < w.n; c++) {
    const st = w.state[c];
    if (w.pulled[c] || w.linkDown[c]) return false;
    if (st !== OpState.Duplex && st !== OpState.Triplex && st !== OpState.DeviceReady) return false;
  }
  for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) if (w.flagged[k]) return false;
  return true;
}

/**
 * Engines reused from schedule to schedule (allocating megabytes of replica images for every
 * schedule would cost more than running it): each schedule starts from the same state of its
 * mode, restored into the pooled engine, with the PRNG seeded from the schedule's seed. That state
 * is the system just after its rate warm-up (TIMING.rateWarmupMs of real execution from power on),
 * which every schedule would otherwise run again.
 */
export class EnginePool {
  private readonly engines = new Map<string, { power: Uint8Array; main: Engine; copy: Engine }>();
  /** Buffer the (d) check saves into, reused. */
  saveBuffer: Uint8Array = new Uint8Array(0);

  /** A power-on engine of `mode` with its PRNG seeded from `seed`, and the spare for (d). */
  take(mode: Schedule['mode'], seed: number): { main: Engine; copy: Engine } {
    let entry = this.engines.get(mode);
    if (!entry) {
      const main = Engine.fromConfig(CHECK_RACKS[mode], { seed: 0, autoRepair: true });
      main.advance(TIMING.rateWarmupMs.value, true);
      main.drainEvents();
      const power = main.save();
      entry = { power, main, copy: Engine.restore(power) };
      this.engines.set(mode, entry);
    }
    restoreInto(entry.main.world, entry.power, readHeader(entry.power));
    entry.main.world.prng.reseed(seed);
    return entry;
  }
}

export function runSchedule(
  schedule: Schedule,
  oracle: FaultFreeStream,
  pool = new EnginePool(),
): ScheduleOutcome {
  const outcome: ScheduleOutcome = {
    seed: schedule.seed,
    mode: schedule.mode,
    actions: schedule.actions.map(describeAction),
    violations: [],
  };
  const fail = (message: string) => outcome.violations.push(message);
  const { main: e, copy } = pool.take(schedule.mode, schedule.seed);
  const engines = [e];
  /** Every engine does the same (the restored copy follows the original); events are dropped. */
  const all = (f: (x: Engine) => void) => {
    for (const x of engines) {
      f(x);
      x.drainEvents();
    }
  };
  const command = (cmd: Parameters<Engine['command']>[0], what: string) => {
    all((x) => {
      const r = x.command(cmd);
      if (!r.ok) fail(`${what}: refused: ${r.error}`);
    });
  };
  /** The workload restarted (crash, three-way stop): the fault-free stream no longer applies. */
  let restarted = false;

  const checkStream = (when: string) => {
    const c = e.counters()[0];
    if (c.silentDataCorruptions !== 0)
      fail(`${when}: ${c.silentDataCorruptions} silent data corruptions`);
    if (!restarted && e.outputHash(0) !== oracle.hashAt(c.transactionsExecuted)) {
      fail(
        `${when}: (a) the output stream differs from the fault-free run within ${c.transactionsExecuted} outputs`,
      );
    }
  };
  const checkReplicas = (when: string) => {
    const w = e.world;
    let first = -1;
    for (let k = 0; k < REPLICAS_PER_SYSTEM; k++) {
      if (!w.inLockstep[k]) continue;
      if (first < 0) first = k;
      else if (!identicalReplicas(w.cpu, first, w.cpu, k)) {
        fail(`${when}: (c) CPU elements ${first} and ${k} are in lockstep but not bit-identical`);
      }
    }
  };
  const repair = (when: string) => {
    const deadline = e.timeMs + REPAIR_LIMIT_MS;
    while (!healthy(e)) {
      if (e.timeMs >= deadline) {
        fail(`${when}: not repaired within ${REPAIR_LIMIT_MS / 3_600_000} h`);
        return;
      }
      all((x) => x.warpToNextEvent(60_000));
    }
    checkStream(`${when}, repaired`);
    checkReplicas(`${when}, repaired`);
  };

  try {
    all((x) => x.advance(schedule.warmupMs, true));
    checkStream('after warm-up');
    schedule.actions.forEach((action, i) => {
      const when = `action ${i + 1} (${describeAction(action)})`;
      const last = i === schedule.actions.length - 1;
      if (action.kind === 'fault') {
        if (action.fault === 'os-crash') {
          checkStream(`${when}, before the crash`);
          restarted = true;
        }
        command({ type: 'inject', target: action.target, fault: action.fault }, when);
      } else if (action.kind === 'swap') {
        command({ type: 'pull', target: action.target }, when);
        all((x) => x.advance(action.outMs, true));
        command({ type: 'insert', target: action.target, replacement: action.replacement }, when);
      } else {
        checkStream(`${when}, before`);
        threeWayFlips().forEach((detail, slot) => {
          command(
            { type: 'inject', target: `A.cpu-${slot}`, fault: 'bitflip-register', detail },
            when,
          );
        });
        all((x) => x.advance(50, true));
        const c = e.counters()[0];
        if (c.outputsSuppressed < 1 || c.status > SystemStatus.Booting) {
          fail(`${when}: (b) expected the output held back and the system stopped`);
        }
        checkStream(`${when}, (b) after the stop`);
        restarted = true;
      }
      if (last) {
        all((x) => x.advance(schedule.saveAfterMs, true));
        const saved = saveWorld(e.world, pool.saveBuffer);
        pool.saveBuffer = saved;
        restoreInto(copy.world, saved, readHeader(saved));
        engines.push(copy);
      }
      repair(when);
    });
    all((x) => x.advance(1000, true));
    if (engines.length === 2 && !sameState(e.world, copy.world)) {
      fail('(d) save, restore and continue differs from continue');
    }
  } catch (error) {
    fail(`the engine threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  return outcome;
}
