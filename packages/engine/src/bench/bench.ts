/**
 * `pnpm bench`: one JSON object per line, {"metric", "value", "unit"}. Engine figures are
 * replica-instructions per wall second with the full engine (voter, dirty tracking, counters,
 * lanes, disk journal) on the default workload, once with the build-time compiled workload and
 * once with the interpreter (the CSP fallback); copy figures compare the resync page copy with a
 * raw TypedArray.set of the same bytes; `sim.year.systems.N.s` is the mean wall time of one
 * simulated year of N ftServer 4300s under MTBF faults, as `pnpm sim` runs it, over 8 seeds.
 * Benchmarks are noisy on a shared machine: run twice and compare.
 *
 * BENCH_MS sets the time each rate is measured over (default 3000); BENCH_ONLY=sim runs only the
 * simulated years.
 */
import { getPreset, type RackConfig } from '@ft/hardware';
import { CpuComplex } from '../cpu/complex.ts';
import { Engine } from '../engine.ts';
import { TIMING } from '../timing.ts';
import { runSimulation } from '../cli/run.ts';

const RUN_MS = Number(process.env.BENCH_MS ?? 3000);
const ONLY = process.env.BENCH_ONLY ?? '';
const YEAR_MS = 365 * 86_400_000;

function emit(metric: string, value: number, unit: string): void {
  process.stdout.write(
    `${JSON.stringify({ metric, value: Number(value.toPrecision(4)), unit })}\n`,
  );
}

function engineRate(preset: string, execution: 'auto' | 'interpreter' = 'auto'): number {
  const engine = Engine.fromConfig(getPreset(preset), { seed: 1, execution });
  engine.advance(1000); // warm-up: JIT
  const start = performance.now();
  const before = engine.world.replicaInstructions;
  while (performance.now() - start < RUN_MS) engine.advance(200);
  return (engine.world.replicaInstructions - before) / ((performance.now() - start) / 1000);
}

/** One replica with no voter: the raw speed of the compiled code or the interpreter. */
function rawRate(execution: 'auto' | 'interpreter'): number {
  const cpu = new CpuComplex({ systems: 1, replicasPerSystem: 1, execution });
  cpu.reset(0, true);
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < RUN_MS / 3) {
    cpu.clearOutputs(0);
    n += cpu.run(0, 10_000);
  }
  return n / ((performance.now() - start) / 1000);
}

function copyRates(): { resync: number; memcpy: number } {
  const cpu = new CpuComplex({ systems: 1, replicasPerSystem: 2, memoryWords: 1 << 20 });
  cpu.reset(0, true);
  const bytes = cpu.memoryWords * 4;
  let start = performance.now();
  let copies = 0;
  while (performance.now() - start < RUN_MS / 3) {
    for (let p = 0; p < cpu.pages; p++) cpu.copyPages(0, 1, p, 1);
    copies++;
  }
  const resync = (copies * bytes) / ((performance.now() - start) / 1000);
  const src = cpu.images[0];
  const dst = new Int32Array(cpu.memoryWords);
  start = performance.now();
  copies = 0;
  while (performance.now() - start < RUN_MS / 3) {
    dst.set(src);
    copies++;
  }
  return { resync, memcpy: (copies * bytes) / ((performance.now() - start) / 1000) };
}

/** Runs a real resync and reports the final stop-and-copy, scaled to the published sizes. */
function resyncPause(): { dirtyFraction: number; pauses: [number, number][] } {
  const engine = Engine.fromPreset('4300-dmr', { seed: 1 });
  engine.advance(1000);
  engine.command({ type: 'inject', target: 'A.cpu-1', fault: 'self-check' });
  let fraction = 0;
  for (let t = 0; t < 120_000 && fraction === 0; t += 10) {
    engine.advance(10);
    for (const e of engine.drainEvents()) {
      const m = /stop-and-copy of (\d+) dirty pages/.exec(e.message);
      if (m) fraction = Number(m[1]) / engine.world.cpu.pages;
    }
  }
  const bw = TIMING.copyBandwidthBytesPerS.value;
  const pauses = TIMING.publishedPauses.value.map(({ memoryGB }) => {
    const ms = TIMING.resyncFixedPauseMs.value + ((fraction * memoryGB * 1024 ** 3) / bw) * 1000;
    return [memoryGB, ms / 1000] as [number, number];
  });
  return { dirtyFraction: fraction, pauses };
}

/** The first `systems` systems of the eight-4300 rack. */
function rackOf(systems: number): RackConfig {
  const rack = getPreset('rack-8x4300');
  return { ...rack, name: `${systems} × ftServer 4300`, systems: rack.systems.slice(0, systems) };
}

/** Seeds each simulated-year figure is averaged over (what happens in one year varies a lot). */
const YEAR_SEEDS = Number(process.env.BENCH_YEAR_SEEDS ?? 8);

/**
 * Mean wall seconds of one simulated year of `systems` 4300s under MTBF faults, as pnpm sim runs
 * it, over YEAR_SEEDS seeds.
 */
function simulatedYear(systems: number, seeds = YEAR_SEEDS): number {
  const start = performance.now();
  for (let seed = 1; seed <= seeds; seed++) {
    const engine = Engine.fromConfig(rackOf(systems), {
      seed,
      randomFaults: true,
      autoRepair: true,
    });
    runSimulation(engine, YEAR_MS, []);
  }
  return (performance.now() - start) / 1000 / seeds;
}

if (ONLY === '' || ONLY === 'engine') {
  emit('engine.dmr.replicaInstructionsPerS', engineRate('4300-dmr'), 'replica-instructions/s');
  emit(
    'engine.dmr.interpreted.replicaInstructionsPerS',
    engineRate('4300-dmr', 'interpreter'),
    'replica-instructions/s',
  );
  emit('engine.tmr.replicaInstructionsPerS', engineRate('6600-tmr'), 'replica-instructions/s');
  emit('engine.rack8.replicaInstructionsPerS', engineRate('rack-8x4300'), 'replica-instructions/s');
  emit('compiled.replicaInstructionsPerS', rawRate('auto'), 'replica-instructions/s');
  emit('interpreter.replicaInstructionsPerS', rawRate('interpreter'), 'replica-instructions/s');
  const copy = copyRates();
  emit('resync.copyBytesPerS', copy.resync, 'bytes/s');
  emit('memcpy.bytesPerS', copy.memcpy, 'bytes/s');
  emit('resync.copyFractionOfMemcpy', copy.resync / copy.memcpy, 'ratio');
  const pause = resyncPause();
  emit('resync.finalDirtyFraction', pause.dirtyFraction, 'ratio');
  for (const [gb, s] of pause.pauses) emit(`resync.modelledPause.${gb}GB`, s, 's');
}
if (ONLY === '' || ONLY === 'sim') {
  simulatedYear(2, 2); // warm-up (JIT), not reported
  const times: number[] = [];
  for (const systems of [1, 2, 4, 8]) {
    const s = simulatedYear(systems);
    times.push(s);
    emit(`sim.year.systems.${systems}.s`, s, 's');
  }
  emit('sim.year.systems.8.perSystemOf1', times[3] / 8 / times[0], 'ratio');
}
