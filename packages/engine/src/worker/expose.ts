/** Exposes an EngineHost through comlink on any endpoint (browser worker scope or Node port). */
import * as Comlink from 'comlink';
import type { WorkerApi } from './api.ts';
import { EngineHost } from './host.ts';
import { wallClockMs } from './wall.clock.ts';

export function exposeEngine(endpoint?: Comlink.Endpoint): EngineHost {
  const host = new EngineHost({
    now: wallClockMs,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  const api: WorkerApi = {
    load: (r) => host.load(r),
    command: (c) => host.command(c),
    setSpeed: (x) => host.setSpeed(x),
    step: (ms) => host.step(ms),
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
  Comlink.expose(api, endpoint);
  return host;
}
