/**
 * Exposes an EngineHost through comlink on any endpoint (browser worker scope or Node port), and
 * posts its heartbeats on the same endpoint as `{ ftHeartbeat }` messages (comlink ignores
 * messages that carry no call id).
 */
import * as Comlink from 'comlink';
import type { Heartbeat, WorkerApi } from './api.ts';
import { EngineHost } from './host.ts';
import { wallClockMs } from './wall.clock.ts';

/** The message a heartbeat travels in. */
export interface HeartbeatMessage {
  ftHeartbeat: Heartbeat;
}

export function exposeEngine(endpoint?: Comlink.Endpoint): EngineHost {
  const target = endpoint ?? (globalThis as unknown as Comlink.Endpoint);
  const host = new EngineHost({
    now: wallClockMs,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    beat: (beat) => target.postMessage({ ftHeartbeat: beat } satisfies HeartbeatMessage),
  });
  const api: WorkerApi = {
    load: (r) => host.load(r),
    command: (c) => host.command(c),
    setSpeed: (x) => host.setSpeed(x),
    step: (ms) => host.step(ms),
    replay: (journal, untilMs) => host.replay(journal, untilMs),
    setHoldOnDivergence: (on) => host.setHoldOnDivergence(on),
    drainBatch: () => host.drainBatch(),
    saveState: () => host.saveState(),
    setTrace: (on) => host.setTrace(on),
    jumpToNextEvent: (ms) => host.jumpToNextEvent(ms),
    warp: (ms) => host.warp(ms),
    nextSnapshot: async (after) => {
      const buffer = await host.nextSnapshot(after);
      return Comlink.transfer(buffer, [buffer]);
    },
    drainEvents: () => host.drainEvents(),
    components: () => host.components(),
    counters: () => host.counters(),
    save: () => host.save(),
    systems: () => host.systems(),
    serviceCalls: () => host.serviceCalls(),
    dumps: () => host.dumps(),
    redfish: (id) => host.redfish(id),
    simulateCrash: () => host.simulateCrash(),
  };
  Comlink.expose(api, target);
  return host;
}
