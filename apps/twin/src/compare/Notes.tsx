/** What the comparison page executes and what it models, said plainly (docs/comparison.md). */
import { TIMING } from '@ft/engine';
import { ALTERNATIVES } from '@ft/engine/alternatives';
import { formatCount, formatDuration } from './format.ts';

export function Notes() {
  const P = ALTERNATIVES;
  return (
    <section className="cmp-section cmp-notes" aria-labelledby="cmp-notes-title">
      <h2 id="cmp-notes-title">What is executed, what is modelled</h2>
      <ul>
        <li>
          <strong>ftServer: executed.</strong> Its twin runs the real lockstep engine in a worker:
          the workload instruction by instruction, the voter, detection, diagnostics,
          resynchronisation, call home and the part fitted. Quiet time is skipped by time warp, with
          transactions extrapolated at the rate the engine measured.
        </li>
        <li>
          <strong>Cluster and conventional server: modelled.</strong> Event-driven models of their
          documented behaviour: nothing executes between events. Every duration is a parameter,
          sourced or assumed (detection{' '}
          {formatDuration(P.heartbeatIntervalMs.value * P.missedHeartbeats.value)}, group online{' '}
          {formatDuration(P.groupOnlineMs.value)}, application recovery{' '}
          {formatDuration(P.applicationRecoveryMs.value)}, reboot {formatDuration(P.bootMs.value)},
          part delivery {formatDuration(P.partReplacementMs.value)}, cold swap{' '}
          {formatDuration(P.coldSwapMs.value)}).
        </li>
        <li>
          <strong>Modelled on top of the ftServer:</strong> the application's recovery after a
          reboot ({formatDuration(P.applicationRecoveryMs.value)}, amber in its strip) and the work
          in flight at a stop, as for the other two, so that all three pay for them alike.
        </li>
        <li>
          Replacement parts are fitted when they arrive (all three), after{' '}
          {formatDuration(TIMING.partReplacementMs.value)}. A lost network link is restored after{' '}
          {formatDuration(P.linkRepairMs.value)}.
        </li>
        <li>
          Transactions are the engine workload's scale model (about{' '}
          {formatCount(P.transactionsPerS.value)} a second): compare them between architectures, not
          with a real database.
        </li>
        <li>
          A transient on an unprotected machine crashes it (
          {Math.round(P.transientCrashShare.value * 100)}%) or corrupts data silently (the rest): on
          this page each twin draws that from its own seeded generator; the Monte Carlo gives all
          three one draw per fault.
        </li>
        <li>
          Failure rates are assumed (per part and fault, in the engine's timing file); the vendor's
          published figure is a claim and is labelled so. Details: docs/comparison.md.
        </li>
      </ul>
    </section>
  );
}
