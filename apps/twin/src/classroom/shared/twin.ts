/**
 * The classroom pages' side of a twin: mounting one paused (so a session log can be replayed
 * into it from simulated time 0), the replay target over its engine client, and its status.
 */
import type { SystemStatusName } from '@ft/classroom/client';
import type { RackRef } from '@ft/lessons';
import { createTwin, type TwinHandle, type TwinOptions } from '@ft/twin';
import type { ReplayTarget } from '../session/follower.ts';
import { worstStatus } from './progress.ts';

/**
 * Mounts a twin whose engine does not move until asked. The speed reaches the worker right
 * after the load request, before its first tick, so its clock stays at exactly 0.
 *
 * @example
 * const twin = mountPausedTwin(host, { layout: 'embed', interaction: 'view', rack, seed });
 */
export function mountPausedTwin(host: HTMLElement, options: TwinOptions): TwinHandle {
  const twin = createTwin(host, options);
  void twin.instance.engine.setSpeed(0);
  return twin;
}

/** A session's rack as the twin takes it (a configuration names where it came from). */
export function rackChoice(rack: RackRef): NonNullable<TwinOptions['rack']> {
  return 'preset' in rack ? rack : { config: rack.config, source: 'the session’s rack' };
}

/** Replays into the twin through its engine client (a refused command is an answer). */
export function twinTarget(twin: TwinHandle): ReplayTarget {
  const { engine } = twin.instance;
  return {
    simTimeMs: () => twin.api.simTimeMs(),
    step: (simMs) => engine.step(simMs),
    command: (command) => engine.command(command),
    warp: (limitMs) => engine.jumpToNextEvent(limitMs),
  };
}

/** The worst status of the twin's systems now. */
export function twinStatus(twin: TwinHandle): SystemStatusName {
  const systems = twin.instance.store.getState().rack?.systems ?? [];
  return worstStatus(systems.map((s) => twin.api.systemStatus(s.config.id)));
}
