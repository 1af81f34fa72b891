/** What each kind of timer does when it fires (the time loop calls fireTimers at every stop). */
import { log } from './events.ts';
import { FAULTS_BY_KIND, inject } from './faults.ts';
import { insert, pull } from './hot-swap.ts';
import { restoreLink } from './network.ts';
import { onPhaseEnd } from './phases.ts';
import { scheduleRandomFault } from './random-faults.ts';
import { completeResync } from './recovery.ts';
import { onSamTimer } from './sam.ts';
import { onCallTimer } from './service.ts';
import { refreshSystem } from './system-status.ts';
import { TimerType } from './timers.ts';
import { onUpgradeTimer } from './upgrade.ts';
import type { Kind } from './kinds.ts';
import type { World } from './world.ts';

/** Fires every timer due at the current time, in list order; returns how many fired. */
export function fireTimers(w: World): number {
  let fired = 0;
  while (w.timers.length > 0 && w.timers[0].atUs <= w.timeUs) {
    const t = w.timers.shift();
    if (!t) break;
    fired++;
    switch (t.type) {
      case TimerType.Phase:
        if (t.gen === w.gen[t.target]) onPhaseEnd(w, t.target);
        break;
      case TimerType.PauseEnd:
        if (w.pauseUntilUs[t.target] === t.atUs) completeResync(w, t.target);
        break;
      case TimerType.RandomFault: {
        const fault = FAULTS_BY_KIND[w.kind[t.target] as Kind][t.arg];
        inject(w, t.target, fault);
        scheduleRandomFault(w, t.target, t.arg);
        break;
      }
      case TimerType.Upgrade:
        onUpgradeTimer(w, t.target);
        break;
      case TimerType.Sam:
        onSamTimer(w, t.target, t.arg);
        break;
      case TimerType.Service:
        onCallTimer(w, t.target, t.arg);
        break;
      case TimerType.Repair:
        log(w, w.sys[t.target], t.target, 'info', `Service engineer replaces ${w.label(t.target)}`);
        if (!w.pulled[t.target]) pull(w, t.target);
        insert(w, t.target, true);
        break;
      case TimerType.LinkRepair:
        if (w.linkDown[t.target]) {
          log(
            w,
            w.sys[t.target],
            t.target,
            'info',
            `Network link of ${w.label(t.target)} repaired`,
          );
          restoreLink(w, t.target);
          refreshSystem(w, w.sys[t.target]);
        }
        break;
    }
  }
  if (fired > 0) w.reevaluate = true;
  return fired;
}
