/**
 * Mounting the twins of the lesson pages with the shared twin component: the trainee's twin (the
 * full application, the lesson's rack and seed) and the replay's twin (the same, view-only, kept
 * paused so that the replay alone moves its clock).
 */
import type { RackRef, Session } from '@ft/lessons';
import { createTwin, type RackChoice, type TwinHandle } from '@ft/twin';
import type { ReplayTwin } from './replayController.ts';

/** The twin's rack choice for a lesson's or session's rack reference. */
export function rackChoice(rack: RackRef): RackChoice {
  return 'preset' in rack ? { preset: rack.preset } : { config: rack.config, source: 'lesson' };
}

/** Mounts the full application twin for a lesson into `host` (`window.ftTwin` is its API). */
export function mountLessonTwin(host: HTMLElement, rack: RackRef, seed: number): TwinHandle {
  const twin = createTwin(host, { layout: 'app', rack: rackChoice(rack), seed });
  window.ftTwin = twin.api;
  return twin;
}

/**
 * Mounts a replay twin into `host`: view-only, paused from its first instant (the speed is set
 * before the worker exists, and the load carries it, so the engine never ticks on its own), and
 * put back to paused if someone presses play in its own speed controls, since the replay drives
 * its clock.
 *
 * @param onSpeedRefused told when the twin's own controls tried to run the clock
 */
export function mountReplayTwin(
  host: HTMLElement,
  session: Session,
  onSpeedRefused: () => void,
): ReplayTwin {
  const handle = createTwin(host, {
    layout: 'app',
    rack: rackChoice(session.rack),
    seed: session.seed,
    randomFaults: session.randomFaults === true,
    interaction: 'view',
  });
  const { engine, live, store } = handle.instance;
  void engine.setSpeed(0);
  window.ftTwin = handle.api;
  const off = store.subscribe((state, previous) => {
    if (state.speed !== 0 && state.speed !== previous.speed) {
      void engine.setSpeed(0);
      onSpeedRefused();
    }
  });
  return {
    ready: () => handle.api.ready(),
    step: (simMs) => engine.step(simMs),
    command: (command) => engine.command(command),
    jumpToNextEvent: (limitMs) => engine.jumpToNextEvent(limitMs),
    clockMs() {
      engine.refreshSnapshot();
      return live.views ? live.views.clock[0] : 0;
    },
    dispose() {
      off();
      handle.dispose();
    },
  };
}
