/** Test harness: engines built from presets with a seed, and helpers to read what they did. */
import { Engine } from '../engine.ts';
import type { EngineEvent } from '../types.ts';

export function engine(preset: string, seed = 1): Engine {
  return Engine.fromPreset(preset, { seed });
}

/**
 * Advances in steps until `done` holds or `limitMs` of simulated time passed. Quiet stretches
 * are skipped by time warp (resyncs still run for real), so long waits stay fast.
 */
export function runUntil(e: Engine, done: () => boolean, limitMs = 120_000, stepMs = 50): boolean {
  const end = e.timeMs + limitMs;
  while (e.timeMs < end) {
    if (done()) return true;
    e.advance(Math.min(stepMs, end - e.timeMs), true);
  }
  return done();
}

export function stateOf(e: Engine, id: string): string {
  return e.component(id)?.stateName ?? 'missing';
}

/** The sequence of states a component went through, from state events. */
export function stateSequence(events: readonly EngineEvent[], id: string): string[] {
  const names: string[] = [];
  for (const ev of events) {
    if (ev.kind === 'state' && ev.componentId === id) {
      const m = / → ([a-z-]+)/.exec(ev.message);
      if (m) names.push(m[1]);
    }
  }
  return names;
}

/** Every output the voter emitted, in order (needs tracing on). */
export function outputs(events: readonly EngineEvent[]): number[] {
  const out: number[] = [];
  for (const ev of events) if (ev.kind === 'vote' && ev.emitted) out.push(ev.output);
  return out;
}

/** Runs `ms` of simulated time (warping over quiet stretches) and returns every event. */
export function collect(e: Engine, ms: number, out: EngineEvent[] = []): EngineEvent[] {
  const end = e.timeMs + ms;
  while (e.timeMs < end) {
    e.advance(Math.min(500, end - e.timeMs), true);
    out.push(...e.drainEvents());
  }
  return out;
}

/** Byte equality without a deep element-by-element diff (states are megabytes). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}
